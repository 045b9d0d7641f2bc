// Signed checkpoints of the audit chain's head ("anchoring" the chain): each
// pins (head event id, its hash, number of events) under an Ed25519 signature
// by a key the database does not hold. A checkpoint kept elsewhere too (the
// printed head of `npm run audit:checkpoint`) also survives deletion of the
// checkpoint rows themselves.
import { sign, verify, type KeyObject } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { canonicalJson } from '../lib/canonical-json';
import { AUDIT_LOCK, GENESIS } from './audit-log';
import type { SigningKey } from './signing-key';

/** What a checkpoint signs, and what `audit:checkpoint` prints for safe keeping. */
export interface SignedHead {
  readonly headId: string;
  readonly headHash: string;
  readonly events: number;
  readonly at: string;
  readonly keyId: string;
  readonly signature: string;
  readonly publicKey?: string;
}

const signedBytes = (h: Pick<SignedHead, 'headId' | 'headHash' | 'events' | 'at' | 'keyId'>): Buffer =>
  Buffer.from(
    canonicalJson({ headId: h.headId, headHash: h.headHash, events: h.events, at: h.at, keyId: h.keyId }),
    'utf8',
  );

/** Signs the current head and stores it; returns it for printing. */
export async function writeCheckpoint(db: Kysely<Database>, key: SigningKey, now = new Date()): Promise<SignedHead> {
  return db.transaction().execute(async (tx) => {
    // The same lock as appends: the head cannot move while it is read and counted.
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
    const head = await tx
      .selectFrom('audit_events')
      .select(['id', 'hash'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const { n } = await tx
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const unsigned = {
      headId: head ? String(head.id) : '0',
      headHash: head?.hash ?? GENESIS,
      events: Number(n),
      at: now.toISOString(),
      keyId: key.keyId,
    };
    const signature = sign(null, signedBytes(unsigned), key.privateKey).toString('base64');
    await tx
      .insertInto('audit_checkpoints')
      .values({
        at: now,
        head_id: unsigned.headId,
        head_hash: unsigned.headHash,
        events: String(unsigned.events),
        key_id: key.keyId,
        signature,
      })
      .execute();
    return { ...unsigned, signature, publicKey: key.publicKeyBase64 };
  });
}

/** Writes a checkpoint when the newest one is older than maxAgeMs (or there is none) and events exist. */
export async function checkpointIfDue(
  db: Kysely<Database>,
  key: SigningKey,
  maxAgeMs: number,
  now = new Date(),
): Promise<SignedHead | undefined> {
  const last = await db.selectFrom('audit_checkpoints').select('at').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (last && now.getTime() - last.at.getTime() < maxAgeMs) return undefined;
  const any = await db.selectFrom('audit_events').select('id').limit(1).executeTakeFirst();
  if (!any) return undefined;
  return writeCheckpoint(db, key, now);
}

export interface CheckpointProblem {
  readonly checkpoint: string;
  readonly reason: string;
}

export interface CheckpointCheck {
  readonly ok: boolean;
  readonly checkpoints: number;
  readonly problems: readonly CheckpointProblem[];
}

/** Checks one signed head against the trusted key and against the events as they are now. */
async function checkHead(
  db: Kysely<Database>,
  head: SignedHead,
  trusted: KeyObject,
  trustedKeyId: string,
): Promise<string | undefined> {
  if (head.keyId !== trustedKeyId) return `signed by key ${head.keyId}, not by this deployment's key ${trustedKeyId}`;
  let valid: boolean;
  try {
    valid = verify(null, signedBytes(head), trusted, Buffer.from(head.signature, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) return 'signature does not verify';
  if (head.events === 0) return undefined;
  const event = await db.selectFrom('audit_events').select('hash').where('id', '=', head.headId).executeTakeFirst();
  if (!event) return `event ${head.headId} at its head is missing (events deleted)`;
  if (event.hash !== head.headHash)
    return `event ${head.headId} has another hash than when it was signed (chain rewritten)`;
  const { n } = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('id', '<=', head.headId)
    .executeTakeFirstOrThrow();
  if (Number(n) !== head.events) return `${head.events} events up to ${head.headId} were signed, ${n} are there now`;
  return undefined;
}

/**
 * Every stored checkpoint (and an externally kept head, if given) must carry a
 * valid signature by the trusted key and still match the events it pinned.
 */
export async function verifyCheckpoints(
  db: Kysely<Database>,
  key: Pick<SigningKey, 'publicKey' | 'keyId'>,
  external?: SignedHead,
): Promise<CheckpointCheck> {
  const rows = await db.selectFrom('audit_checkpoints').selectAll().orderBy('id').execute();
  const problems: CheckpointProblem[] = [];
  let previousEvents = 0;
  for (const row of rows) {
    const head: SignedHead = {
      headId: row.head_id,
      headHash: row.head_hash,
      events: Number(row.events),
      at: row.at.toISOString(),
      keyId: row.key_id,
      signature: row.signature,
    };
    const reason =
      (await checkHead(db, head, key.publicKey, key.keyId)) ??
      (head.events < previousEvents ? `counts ${head.events} events, fewer than the checkpoint before it` : undefined);
    if (reason) problems.push({ checkpoint: row.id, reason });
    previousEvents = Math.max(previousEvents, head.events);
  }
  if (external) {
    const reason = await checkHead(db, external, key.publicKey, key.keyId);
    if (reason) problems.push({ checkpoint: 'kept copy', reason });
  }
  return { ok: problems.length === 0, checkpoints: rows.length, problems };
}

/** Parses a head printed by `audit:checkpoint` (JSON); throws with the reason when it is not one. */
export function parseSignedHead(text: string): SignedHead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('the kept head is not JSON: give the output of npm run audit:checkpoint');
  }
  const v = value as Partial<Record<keyof SignedHead, unknown>>;
  if (
    typeof v.headId !== 'string' ||
    typeof v.headHash !== 'string' ||
    typeof v.events !== 'number' ||
    typeof v.at !== 'string' ||
    typeof v.keyId !== 'string' ||
    typeof v.signature !== 'string'
  )
    throw new Error('the kept head lacks headId, headHash, events, at, keyId or signature');
  return {
    headId: v.headId,
    headHash: v.headHash,
    events: v.events,
    at: v.at,
    keyId: v.keyId,
    signature: v.signature,
    publicKey: typeof v.publicKey === 'string' ? v.publicKey : undefined,
  };
}
