// Counts searches that found nothing, so the keywords and synonyms can be improved
// from real use. Stores the normalised query text and counts only: no user, no
// session, no IP; e-mail addresses and long numbers (phones, ID and credit codes)
// are blanked first. Counts are kept in memory and written in one upsert every few
// seconds, so a search never waits for the database (best effort: a crash loses
// at most the last few seconds of counts).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { normaliseQuery } from './normalise';

export interface SearchMiss {
  readonly query: string;
  readonly count: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
}

const FLUSH_MS = 5000;
// Bounds memory if someone scripts random queries: further new queries are dropped until the next write.
const MAX_PENDING = 2000;
const MAX_LENGTH = 200;

/** The query as stored: normalised, personal data blanked. Empty means "do not log". */
function missKey(query: string): string {
  return normaliseQuery(query)
    .replace(/[^\s@]+@[^\s@]+/g, '[email]')
    .replace(/[0-9a-z]{15,}/g, '[code]')
    .replace(/\d[\d-]{4,}/g, '[number]')
    .slice(0, MAX_LENGTH);
}

export class SearchMissLog {
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  record(query: string): void {
    const key = missKey(query);
    if (key === '' || (this.pending.size >= MAX_PENDING && !this.pending.has(key))) return;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    this.timer ??= setTimeout(() => {
      void this.flush().catch(this.onError);
    }, FLUSH_MS).unref();
  }

  /** Writes the counts gathered so far. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const rows = [...this.pending].map(([query, count]) => ({ query, count }));
    this.pending = new Map();
    await this.db
      .insertInto('search_misses')
      .values(rows)
      .onConflict((oc) =>
        oc.column('query').doUpdateSet({
          count: sql<number>`search_misses.count + excluded.count`,
          last_seen: sql<string>`current_date`,
        }),
      )
      .execute();
  }

  /** The most frequent misses first (written counts only: call flush() first for the latest). */
  async top(limit: number, offset = 0): Promise<{ total: number; misses: SearchMiss[] }> {
    const [rows, total] = await Promise.all([
      this.db
        .selectFrom('search_misses')
        .select([
          'query',
          'count',
          sql<string>`first_seen::text`.as('first_seen'),
          sql<string>`last_seen::text`.as('last_seen'),
        ])
        .orderBy('count', 'desc')
        .orderBy('last_seen', 'desc')
        .orderBy('query')
        .limit(limit)
        .offset(offset)
        .execute(),
      this.db
        .selectFrom('search_misses')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return {
      total: Number(total.n),
      misses: rows.map((r) => ({ query: r.query, count: r.count, firstSeen: r.first_seen, lastSeen: r.last_seen })),
    };
  }
}
