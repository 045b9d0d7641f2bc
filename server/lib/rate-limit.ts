// Fixed-window counters in the database, so every app instance sees the same
// counts (no process memory).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export interface RateLimitRule {
  readonly limit: number;
  readonly windowSeconds: number;
}

export interface RateLimitResult {
  readonly allowed: boolean;
  readonly retryAfterSeconds: number;
}

export async function hitRateLimit(
  db: Kysely<Database>,
  key: string,
  rule: RateLimitRule,
  now = new Date(),
): Promise<RateLimitResult> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ count: sql`rate_limits.count + 1` }))
    .returning('count')
    .executeTakeFirstOrThrow();
  // Old windows are cleaned opportunistically (cheap, indexed by the primary key prefix).
  if (row.count === 1)
    await db.deleteFrom('rate_limits').where('key', '=', key).where('window_start', '<', windowStart).execute();
  return {
    allowed: row.count <= rule.limit,
    retryAfterSeconds: Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000),
  };
}
