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
