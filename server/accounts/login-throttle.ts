// Exponential delay per (account, client address) after failed logins: the
// first FREE failures cost nothing, then each wait doubles from one second up
// to MAX_DELAY. A success from that address clears it. Nothing here stops the
// owner logging in from another address (no account-wide lock).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';

const FREE = 5;
const MAX_DELAY_SECONDS = 15 * 60;

/** Seconds the next attempt from this address must wait, given its failures so far. */
export function delayAfter(failures: number): number {
  if (failures < FREE) return 0;
  return Math.min(MAX_DELAY_SECONDS, 2 ** (failures - FREE));
}

/** 0 when an attempt may go ahead now, else how many seconds to wait. */
export async function loginWait(db: Kysely<Database>, account: string, ip: string, now = new Date()): Promise<number> {
  const row = await db
    .selectFrom('login_failures')
    .select(['failures', 'last_failure_at'])
    .where('account', '=', account)
    .where('ip', '=', ip)
    .executeTakeFirst();
  if (!row) return 0;
  const readyAt = row.last_failure_at.getTime() + delayAfter(row.failures) * 1000;
  return Math.max(0, Math.ceil((readyAt - now.getTime()) / 1000));
}

export async function recordLoginFailure(
  db: Kysely<Database>,
  account: string,
  ip: string,
  now = new Date(),
): Promise<void> {
  await db
    .insertInto('login_failures')
    .values({ account, ip, failures: 1, last_failure_at: now })
    .onConflict((oc) =>
      oc.columns(['account', 'ip']).doUpdateSet({ failures: sql`login_failures.failures + 1`, last_failure_at: now }),
    )
    .execute();
}

export async function clearLoginFailures(db: Kysely<Database>, account: string, ip: string): Promise<void> {
  await db.deleteFrom('login_failures').where('account', '=', account).where('ip', '=', ip).execute();
}
