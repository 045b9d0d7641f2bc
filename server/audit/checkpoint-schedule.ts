// The server writes a signed checkpoint at start when the newest is a day old
// (or missing), then checks hourly. Several instances may race: each checks
// the newest checkpoint's age first, and a duplicate checkpoint is harmless.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Logger } from '../logger';
import { checkpointIfDue } from './checkpoints';
import type { SigningKey } from './signing-key';

const DAY_MS = 24 * 60 * 60 * 1000;
const CHECK_EVERY_MS = 60 * 60 * 1000;

export function startCheckpointSchedule(db: Kysely<Database>, key: SigningKey, logger: Logger): () => void {
  const tick = (): void => {
    checkpointIfDue(db, key, DAY_MS).then(
      (head) => {
        if (head)
          logger.info({ headId: head.headId, events: head.events, keyId: head.keyId }, 'audit checkpoint signed');
      },
      (err: unknown) => {
        logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'audit checkpoint not written');
      },
    );
  };
  tick();
  const timer = setInterval(tick, CHECK_EVERY_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}
