// Opens the database: real PostgreSQL through pg when a URL is given, otherwise
// embedded PostgreSQL (PGlite) kept under a data folder. Both go through kysely's
// PostgresDialect over a pg-compatible pool, so queries and migrations are shared.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Readable } from 'node:stream';
import { Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { precompiledPglite } from './pglite-early';
import { prepareMarkedStatements } from './prepared';
import { endSilentConnections, liftStatementTimeout, restoreStatementTimeout } from './read-timeout';
import type { Database } from './schema';

export type DbKind = 'pglite' | 'postgres';

export interface DbHandle {
  readonly db: Kysely<Database>;
  readonly kind: DbKind;
  /** Throws unless the database answers a trivial query within the timeout. */
  ping(timeoutMs?: number): Promise<void>;
  /**
   * PostgreSQL only (PGlite has no COPY TO STDOUT): the rows of a query as CSV,
   * straight from the server, for exports that must not pass through the heap.
   */
  readonly copyCsv?: CopyCsv;
  close(): Promise<void>;
}

/** Streams `COPY (query) TO STDOUT (FORMAT csv)`; the query text is sent as is (COPY takes no parameters). */
export type CopyCsv = (query: string) => Promise<Readable>;

export interface OpenDbOptions {
  readonly databaseUrl?: string;
  /** PGlite folder; undefined = in memory (tests). */
  readonly dataDir?: string;
  /** PGlite: start from a dumped data folder (tests use a migrated snapshot). */
  readonly loadDataDir?: Blob;
  readonly poolSize?: number;
  /**
   * PostgreSQL only: statement_timeout of every session, and the client's read
   * timeout (this plus READ_GRACE_MS) after which a silent connection is closed.
   * Unset: no bound (tools, tests). PGlite enforces no statement_timeout.
   */
  readonly statementTimeoutMs?: number;
  readonly onPoolError?: (err: Error) => void;
}

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The data folder ${dir} is already in use by process ${pid}. ` +
        'The embedded database allows one Hegui process per folder: stop the other process, ' +
        'set DATA_DIR to another folder, or set DATABASE_URL to run several instances on PostgreSQL.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes an exclusive lock file in dir; a stale lock (dead pid) is taken over. */
function lockDataDir(dir: string): () => void {
  const lockPath = join(dir, 'hegui.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        rmSync(lockPath, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid))
        throw new DataDirLockedError(dir, pid);
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`could not lock ${dir}`);
}

function withPing(db: Kysely<Database>): (timeoutMs?: number) => Promise<void> {
  return async (timeoutMs = 2000) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`database did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      await Promise.race([sql`select 1`.execute(db), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** How much longer than the statement timeout the client waits before it calls a connection dead. */
const READ_GRACE_MS = 2000;

function copyCsvFrom(pool: Pool): CopyCsv {
  return async (query) => {
    const client = await pool.connect();
    // A full export streams for half a minute: no statement timeout for it; rows flowing show it is alive.
    try {
      await liftStatementTimeout(client);
    } catch (err) {
      client.release(err as Error);
      throw err;
    }
    const stream = client.query(copyTo(`copy (${query}) to stdout with (format csv)`));
    let released = false;
    // A COPY cut short (client gone, error) leaves the connection mid-protocol: the pool must drop it.
    const release = (err?: Error): void => {
      if (released) return;
      released = true;
      client.release(err);
    };
    stream.on('end', () => {
      released = true;
      restoreStatementTimeout(client).then(
        () => {
          client.release();
        },
        (err: unknown) => {
          client.release(err as Error);
        },
      );
    });
    stream.on('error', (err) => {
      release(err);
    });
    stream.on('close', () => {
      release(stream.readableEnded ? undefined : new Error('COPY stopped before the end'));
    });
    return stream;
  };
}

export async function openDb(opts: OpenDbOptions): Promise<DbHandle> {
  if (opts.databaseUrl) {
    const statementTimeoutMs = opts.statementTimeoutMs;
    const pool = new Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      // Connecting (TCP, TLS, authentication) takes milliseconds; 3 s without it means the database is not there.
      connectionTimeoutMillis: 3000,
      ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
    });
    // A client losing its connection (database restart) must not crash the process:
    // idle clients report through the pool, checked-out ones through their own 'error'.
    pool.on('error', (err) => opts.onPoolError?.(err));
    pool.on('connect', (client) => {
      client.on('error', (err) => opts.onPoolError?.(err));
      prepareMarkedStatements(client);
      if (statementTimeoutMs) endSilentConnections(client, statementTimeoutMs + READ_GRACE_MS);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', ping: withPing(db), copyCsv: copyCsvFrom(pool), close: () => db.destroy() };
  }

  // Loaded lazily: PGlite's WASM build is only needed in embedded mode.
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  let unlock: () => void = () => undefined;
  let dataDir: string | undefined;
  if (opts.dataDir) {
    const root = resolve(opts.dataDir);
    mkdirSync(root, { recursive: true });
    unlock = lockDataDir(root);
    dataDir = join(root, 'pglite');
  }
  try {
    const pgliteWasmModule = await precompiledPglite();
    const pglite = await PGlite.create({ dataDir, loadDataDir: opts.loadDataDir, pgliteWasmModule });
    const pool = new Pool(createPgConfig(pglite));
    pool.on('connect', prepareMarkedStatements);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'pglite',
      ping: withPing(db),
      close: async () => {
        await db.destroy();
        await pglite.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}
