// Named prepared statements for the few hot queries that mark themselves.
//
// kysely sends every query as an unnamed statement, so PostgreSQL parses and
// plans it on each call. For the answer save that was most of the database's
// work (pgbench on this box: 2 900 saves/s unnamed against 7 900 prepared). A
// query whose text starts with PREPARED is sent with a name derived from its
// text instead: parsed once per connection, then only bound and executed.
// Only constant texts may carry the mark (each distinct text stays prepared for
// the life of the connection).
import { createHash } from 'node:crypto';
import type { PoolClient, QueryConfig } from 'pg';

export const PREPARED = '/* prepared */';

const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `hegui_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/** Installs the marked-statement behaviour on a pool client (call on the pool's 'connect'). */
export function prepareMarkedStatements(client: PoolClient): void {
  const query = client.query.bind(client) as (config: string | QueryConfig, values?: unknown[]) => unknown;
  const marked = (config: unknown, values?: unknown): unknown =>
    typeof config === 'string' && config.startsWith(PREPARED) && Array.isArray(values)
      ? query({ name: statementName(config), text: config, values })
      : query(config as string | QueryConfig, values as unknown[] | undefined);
  // pg's query has many overloads; kysely only ever calls query(text, values).
  client.query = marked as typeof client.query;
}
