// Who a new draft belongs to: the signed-in member's organisation or, for a
// visitor, a guest session (started on the first draft). Guest drafts are
// counted per client address so that nobody fills the database with them.
import type { Request, Response } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { guestOf } from '../http/access';
import { tooMany } from '../http/errors';
import { hitRateLimit, type RateLimitRule } from '../lib/rate-limit';
import { ownerOf, type AssessmentOwner, type StartGuestSession } from './owner';

/** Guest drafts one client address may start per hour. */
export const GUEST_DRAFTS_PER_IP: RateLimitRule = { limit: 20, windowSeconds: 60 * 60 };

export type NewDraftOwner = (req: Request, res: Response) => Promise<AssessmentOwner>;

export function newDraftOwner(db: Kysely<Database>, startGuest: StartGuestSession): NewDraftOwner {
  return async (req, res) => {
    const member = ownerOf(res);
    if (member?.kind === 'member') return member;
    const hit = await hitRateLimit(db, `guest-draft:ip:${req.ip ?? 'unknown'}`, GUEST_DRAFTS_PER_IP);
    if (!hit.allowed) {
      const seconds = Math.max(1, hit.retryAfterSeconds);
      res.set('Retry-After', String(seconds));
      throw tooMany('guest.error.tooMany', { minutes: Math.ceil(seconds / 60) });
    }
    const guest = guestOf(res) ?? (await startGuest(res));
    return { kind: 'guest', guestId: guest.id };
  };
}
