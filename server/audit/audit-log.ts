// Append-only, hash-chained audit log: each event's hash covers the previous
// hash and the event itself, so editing or deleting any row breaks the chain.
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { AuditInput } from '../domain/audit-event';
import { canonicalJson } from '../lib/canonical-json';

export const GENESIS = '0'.repeat(64);
export const AUDIT_LOCK = 727_002;

export function eventHash(
  prevHash: string,
  e: { at: string; actor: string; action: string; subject: string; payload: unknown },
): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(e)).digest('hex');
}

/** Appends an event inside the caller's transaction (serialised by an advisory lock). */
export async function appendAudit(tx: Transaction<Database>, input: AuditInput): Promise<string> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
  const last = await tx.selectFrom('audit_events').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS;
  const at = new Date();
  const payload = input.payload ?? {};
  const hash = eventHash(prevHash, {
    at: at.toISOString(),
    actor: input.actor,
    action: input.action,
    subject: input.subject,
    payload,
  });
  await tx
    .insertInto('audit_events')
    .values({
      at,
      actor: input.actor,
      action: input.action,
      subject: input.subject,
      payload: JSON.stringify(payload),
      prev_hash: prevHash,
      hash,
    })
    .execute();
  return hash;
}

export interface ChainCheck {
  readonly ok: boolean;
  readonly events: number;
  readonly brokenAt?: string;
  readonly reason?: string;
}

/** Recomputes every hash in order; reports the first event that does not match. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainCheck> {
  let prev = GENESIS;
  let events = 0;
  let lastId = '0';
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where(sql<boolean>`id > ${lastId}::bigint`)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (rows.length === 0) return { ok: true, events };
    for (const row of rows) {
      if (row.prev_hash !== prev)
        return { ok: false, events, brokenAt: String(row.id), reason: 'prev_hash does not match the previous event' };
      const expected = eventHash(prev, {
        at: row.at.toISOString(),
        actor: row.actor,
        action: row.action,
        subject: row.subject,
        payload: row.payload,
      });
      if (expected !== row.hash)
        return { ok: false, events, brokenAt: String(row.id), reason: 'hash does not match the event contents' };
      prev = row.hash;
      events += 1;
      lastId = String(row.id);
    }
  }
}
