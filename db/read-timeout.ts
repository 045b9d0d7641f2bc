// Bounds every query on PostgreSQL, also when the network goes silent.
//
// statement_timeout makes the server cancel a statement that runs too long, but a
// server that has gone silent (a network black hole: the TCP connection stays
// open and nothing answers) cannot cancel anything, and a save would wait for
// the kernel's TCP timeout, minutes. So the client waits at most the statement
// timeout plus a grace period for an answer; past it the query fails with a
// DatabaseReadTimeoutError and the connection is destroyed (not handed back to
// the pool: its protocol state is unknown, and a query sent behind the silent
// one would wait as long). pg's own query_timeout fails the query but keeps the
// connection, which is why this is done here.
//
// A session that turns its statement timeout off (a COPY export of a million
// rows takes half a minute) turns the read timeout off with it: liftStatementTimeout,
// and restoreStatementTimeout before the connection goes back to the pool.
import type { PoolClient } from 'pg';

/** The client gave up waiting for the database's answer. */
export class DatabaseReadTimeoutError extends Error {
  readonly code = 'HEGUI_DB_READ_TIMEOUT';
  constructor(timeoutMs: number) {
    super(`the database did not answer within ${String(timeoutMs)} ms (read timeout); the connection was closed`);
    this.name = 'DatabaseReadTimeoutError';
  }
}

const unbounded = new WeakSet<PoolClient>();

function destroyConnection(client: PoolClient): void {
  // pg keeps its socket on client.connection.stream; destroying it fails whatever is in flight on it.
  (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
}

/** Installs the read timeout on a pool client (call on the pool's 'connect', after prepareMarkedStatements). */
export function endSilentConnections(client: PoolClient, timeoutMs: number): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const bounded = (...args: unknown[]): unknown => {
    const result = query(...args);
    // Streams (COPY) and callback calls have their own life; kysely's calls return a promise.
    if (unbounded.has(client) || !(result instanceof Promise)) return result;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      destroyConnection(client);
    }, timeoutMs);
    return result.then(
      (value: unknown) => {
        clearTimeout(timer);
        return value;
      },
      (err: unknown) => {
        clearTimeout(timer);
        throw timedOut ? new DatabaseReadTimeoutError(timeoutMs) : err;
      },
    );
  };
  client.query = bounded as typeof client.query;
}

/** Turns off this session's statement timeout and its read timeout, until restoreStatementTimeout. */
export async function liftStatementTimeout(client: PoolClient): Promise<void> {
  await client.query('set statement_timeout = 0');
  unbounded.add(client);
}

/** Puts both bounds back (RESET returns to the value the session started with). */
export async function restoreStatementTimeout(client: PoolClient): Promise<void> {
  unbounded.delete(client);
  await client.query('reset statement_timeout');
}
