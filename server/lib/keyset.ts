// Keyset pagination over (timestamp, id), newest first. A position is the sort
// timestamp as PostgreSQL holds it (microseconds, as UTC text) and the row's
// id, so a page boundary is exact: no row is shown twice or skipped when rows
// are added between two page loads (an offset would shift under them).
import { sql, type AliasedRawBuilder, type RawBuilder, type Selection, type SelectQueryBuilder } from 'kysely';

/** Where a page starts or ends: the sort timestamp (ISO text with microseconds) and the id. */
export interface Position {
  readonly at: string;
  readonly id: string;
}

/** What to read: `limit` rows older than `after`, or newer than `before` (a step back), or the newest. */
export interface PageQuery {
  readonly limit: number;
  readonly after?: Position;
  readonly before?: Position;
}

export interface Page<T> {
  readonly items: T[];
  /** The position to continue from (older rows), when there are more. */
  readonly next?: Position;
  /** The position to step back from (newer rows), when this is not the first page. */
  readonly prev?: Position;
}

const AT = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The opaque cursor of a position (base64url), as links and the API carry it. */
export function encodePosition(p: Position): string {
  return Buffer.from(`${p.at}_${p.id}`, 'utf8').toString('base64url');
}

/** A cursor back to its position; undefined for anything this server did not write. */
export function decodePosition(cursor: string): Position | undefined {
  if (cursor.length > 100 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('_');
  if (parts.length !== 2) return undefined;
  const [at, id] = parts as [string, string];
  if (!UUID.test(id)) return undefined;
  // A real instant (no month 13, no year 0) only: PostgreSQL would answer a bad one with an error.
  const m = AT.exec(at);
  const millis = `${at.slice(0, 23)}Z`;
  const date = new Date(millis);
  if (!m || Number(m[1]) < 1970 || Number.isNaN(date.getTime()) || date.toISOString() !== millis) return undefined;
  return { at, id };
}

/** The sort column as position text, to select beside each row. */
const positionText = (column: string): RawBuilder<string> =>
  sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The filter for rows past the page's start (true when there is none). */
function afterPosition(column: string, idColumn: string, q: PageQuery): RawBuilder<boolean> {
  const row = sql`(${sql.ref(column)}, ${sql.ref(idColumn)})`;
  if (q.after) return sql<boolean>`${row} < (${q.after.at}::timestamptz, ${q.after.id}::uuid)`;
  if (q.before) return sql<boolean>`${row} > (${q.before.at}::timestamptz, ${q.before.id}::uuid)`;
  return sql<boolean>`true`;
}

/** Newest first; oldest first when stepping back (the page is turned round in pageOf). */
const pageDirection = (q: PageQuery): 'asc' | 'desc' => (q.before ? 'asc' : 'desc');

/** How many rows to read: one more than the page, to know whether another follows. */
const rowsToRead = (q: PageQuery): number => q.limit + 1;

/** The page from the rows read (limit + 1 of them, in pageDirection order), newest first. */
function pageOf<T>(rows: readonly T[], q: PageQuery, positionOf: (row: T) => Position): Page<T> {
  const more = rows.length > q.limit;
  const items = rows.slice(0, q.limit);
  if (q.before) items.reverse();
  const first = items.at(0);
  const last = items.at(-1);
  // Stepping back: an older page exists (the one we came from); a newer one only if more rows were found.
  const hasNext = q.before ? last !== undefined : more;
  const hasPrev = q.before ? more : q.after !== undefined && first !== undefined;
  return {
    items,
    ...(hasNext && last ? { next: positionOf(last) } : {}),
    ...(hasPrev && first ? { prev: positionOf(first) } : {}),
  };
}

/**
 * A query's keyset for one page, for `.$call()`: the position beside each row (as `position`), the rows past
 * the page's start, newest first (oldest first when stepping back) by `column` then `idColumn`, one row more
 * than the page. Turn the rows into the page with readPage.
 */
export function keysetPage<DB, TB extends keyof DB, O>(
  column: string,
  idColumn: string,
  q: PageQuery,
): (
  qb: SelectQueryBuilder<DB, TB, O>,
) => SelectQueryBuilder<DB, TB, O & Selection<DB, TB, AliasedRawBuilder<string, 'position'>>> {
  const direction = pageDirection(q);
  return (qb) =>
    qb
      .select(positionText(column).as('position'))
      .where(afterPosition(column, idColumn, q))
      .orderBy(sql.ref(column), direction)
      .orderBy(sql.ref(idColumn), direction)
      .limit(rowsToRead(q));
}

/** The page from rows read through keysetPage, newest first. */
export function readPage<T extends { readonly position: string; readonly id: string }>(
  rows: readonly T[],
  q: PageQuery,
): Page<T> {
  return pageOf(rows, q, (r) => ({ at: r.position, id: r.id }));
}
