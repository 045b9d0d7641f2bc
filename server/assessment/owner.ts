// Whose assessment it is: a company member's organisation or, for a visitor
// without an account, a guest session (访客). Every query of a draft or report
// filters by its owner, so anyone else's answers 404.
import type { RequestHandler, Response } from 'express';
import type { GuestContext } from '../domain/actor';
import { authOf, guestOf, requireAuth } from '../http/access';
import { forbidden, unauthorized } from '../http/errors';

export type AssessmentOwner =
  | { readonly kind: 'member'; readonly orgId: string; readonly userId: string }
  | { readonly kind: 'guest'; readonly guestId: string };

/** Starts a guest session on the response: the accounts area does it, app.ts hands it over. */
export type StartGuestSession = (res: Response) => Promise<GuestContext>;

/** The column and value an owner's assessments are found by. */
export const ownerKey = (owner: AssessmentOwner): readonly ['org_id' | 'guest_id', string] =>
  owner.kind === 'member' ? ['org_id', owner.orgId] : ['guest_id', owner.guestId];

/** The user who writes (null for a guest). */
export const writerOf = (owner: AssessmentOwner): string | null => (owner.kind === 'member' ? owner.userId : null);

/** Who the audit log names. */
export const auditActor = (owner: AssessmentOwner): string =>
  owner.kind === 'member' ? owner.userId : `guest:${owner.guestId}`;

/** The signed-in company member's organisation, else the visitor's guest session, else undefined. */
export function ownerOf(res: Response): AssessmentOwner | undefined {
  const auth = authOf(res);
  if (auth) {
    if (!auth.org) throw forbidden('assess.error.companyOnly');
    return { kind: 'member', orgId: auth.org.id, userId: auth.user.id };
  }
  const guest = guestOf(res);
  return guest ? { kind: 'guest', guestId: guest.id } : undefined;
}

/** A company member or a guest; anyone else is sent to log in (pages) or gets 401 (API). */
export const requireOwner: RequestHandler = (req, res, next) => {
  if (guestOf(res)) {
    next();
    return;
  }
  requireAuth('company')(req, res, next);
};

/** ownerOf for a route behind requireOwner. */
export function ownerFor(res: Response): AssessmentOwner {
  const owner = ownerOf(res);
  if (!owner) throw unauthorized();
  return owner;
}
