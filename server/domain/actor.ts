// Who is asking: the signed-in user and, for a company user, its organisation.
// Every area reads it from res.locals.auth, put there by the accounts' session loader.
import type { OrgSize } from './organisation';
import type { Role } from './roles';

export interface AuthUser {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly orgId: string | null;
  readonly orgAdmin: boolean;
  readonly department: string | null;
}

export interface AuthOrg {
  readonly id: string;
  readonly name: string;
  readonly creditCode: string;
  readonly region: string;
  readonly industry: string;
  readonly size: OrgSize;
}

export interface AuthContext {
  readonly tokenHash: string;
  readonly csrfToken: string;
  readonly user: AuthUser;
  readonly org: AuthOrg | null;
}

/** How long a guest session, and the drafts and reports it owns, are kept. */
export const GUEST_DAYS = 30;

/**
 * A visitor without an account (访客): a guest session of its own cookie, which
 * owns the quick checks it starts until the visitor registers or logs in.
 */
export interface GuestContext {
  readonly id: string;
  readonly tokenHash: string;
  readonly csrfToken: string;
}

/**
 * What happens to a guest's work when the visitor registers or logs in: its
 * drafts and reports move to the user's organisation (none for a user without
 * one). The assessment area does it; app.ts hands it to the accounts routers.
 */
export type ClaimGuestWork = (guestId: string, userId: string) => Promise<void>;
