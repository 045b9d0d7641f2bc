// Accounts and organisations: registration, login, password change, invitations.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { AppendAudit } from '../domain/audit-event';
import type { Role } from '../domain/roles';
import type { OrgSize } from '../domain/organisation';
import { badRequest, conflict, fieldError, HttpError, notFound } from '../http/errors';
import { validateCreditCode } from './credit-code';
import { dummyHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords';
import { randomToken, tokenHash } from '../lib/tokens';
import type { Message, MessageKey } from '../i18n';

export interface RegisterInput {
  readonly email: string;
  readonly password: string;
  readonly orgName: string;
  readonly creditCode: string;
  readonly region: string;
  readonly industry: string;
  readonly size: OrgSize;
}

export interface PublicUser {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly orgId: string | null;
  readonly orgAdmin: boolean;
  readonly department: string | null;
}
export interface PublicOrg {
  readonly id: string;
  readonly name: string;
  readonly creditCode: string;
  readonly region: string;
  readonly industry: string;
  readonly size: OrgSize;
}

// The field error says what the detail says, so a form shows it beside the field.
const taken = (key: MessageKey, field: string): HttpError => conflict(key, undefined, [fieldError(field, key)]);
const invalid = (message: Message, field: string): HttpError =>
  badRequest(message.key, message.params, [{ field, message }]);

function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: string; constraint?: string; message?: string };
  return e.code === '23505' && (e.constraint === constraint || (e.message ?? '').includes(constraint));
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export async function registerCompany(
  db: Kysely<Database>,
  appendAudit: AppendAudit,
  input: RegisterInput,
): Promise<{ user: PublicUser; org: PublicOrg }> {
  const credit = validateCreditCode(input.creditCode);
  if (!credit.ok) throw invalid(credit.message, 'creditCode');
  if (input.password.length < MIN_PASSWORD_LENGTH)
    throw invalid({ key: 'account.error.passwordTooShort', params: { min: MIN_PASSWORD_LENGTH } }, 'password');
  const passwordHash = await hashPassword(input.password);
  const email = normaliseEmail(input.email);
  try {
    return await db.transaction().execute(async (tx) => {
      const org = await tx
        .insertInto('orgs')
        .values({
          name: input.orgName.trim(),
          credit_code: credit.code,
          region: input.region.trim(),
          industry: input.industry,
          size: input.size,
        })
        .returning(['id', 'name', 'credit_code', 'region', 'industry', 'size'])
        .executeTakeFirstOrThrow();
      const user = await tx
        .insertInto('users')
        .values({ email, password_hash: passwordHash, role: 'company', org_id: org.id, org_admin: true })
        .returning(['id', 'email', 'role', 'org_id', 'org_admin', 'department'])
        .executeTakeFirstOrThrow();
      await appendAudit(tx, {
        actor: user.id,
        action: 'org.register',
        subject: `org:${org.id}`,
        payload: { creditCode: org.credit_code },
      });
      return {
        user: {
          id: user.id,
          email: user.email,
          role: user.role,
          orgId: user.org_id,
          orgAdmin: user.org_admin,
          department: user.department,
        },
        org: {
          id: org.id,
          name: org.name,
          creditCode: org.credit_code,
          region: org.region,
          industry: org.industry,
          size: org.size,
        },
      };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'orgs_credit_code_key')) throw taken('account.error.creditCodeTaken', 'creditCode');
    if (isUniqueViolation(err, 'users_email_lower')) throw taken('account.error.emailTaken', 'email');
    throw err;
  }
}

export interface CreateUserInput {
  readonly email: string;
  readonly password: string;
  readonly role: Role;
  readonly department?: string;
  readonly orgId?: string;
  readonly orgAdmin?: boolean;
}

/** Used by the CLI and invitations. */
export async function createUser(db: Kysely<Database>, input: CreateUserInput): Promise<PublicUser> {
  if (input.password.length < MIN_PASSWORD_LENGTH)
    throw invalid({ key: 'account.error.passwordTooShort', params: { min: MIN_PASSWORD_LENGTH } }, 'password');
  if (input.role === 'company' && !input.orgId) throw invalid({ key: 'account.error.companyNeedsOrg' }, 'orgId');
  try {
    const user = await db
      .insertInto('users')
      .values({
        email: normaliseEmail(input.email),
        password_hash: await hashPassword(input.password),
        role: input.role,
        org_id: input.orgId ?? null,
        org_admin: input.orgAdmin ?? false,
        department: input.department ?? null,
      })
      .returning(['id', 'email', 'role', 'org_id', 'org_admin', 'department'])
      .executeTakeFirstOrThrow();
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      orgId: user.org_id,
      orgAdmin: user.org_admin,
      department: user.department,
    };
  } catch (err) {
    if (isUniqueViolation(err, 'users_email_lower')) throw taken('account.error.emailExists', 'email');
    throw err;
  }
}

/** Returns the user id when the password matches; the same work is done when the account does not exist. */
export async function checkCredentials(
  db: Kysely<Database>,
  email: string,
  password: string,
): Promise<{ id: string; role: Role } | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'role', 'password_hash'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', normaliseEmail(email)))
    .executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
  return user && ok ? { id: user.id, role: user.role } : undefined;
}

export async function changePassword(
  db: Kysely<Database>,
  userId: string,
  current: string,
  next: string,
): Promise<void> {
  const user = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, current)))
    throw invalid({ key: 'account.error.currentPasswordWrong' }, 'currentPassword');
  if (next.length < MIN_PASSWORD_LENGTH)
    throw invalid({ key: 'account.error.newPasswordTooShort', params: { min: MIN_PASSWORD_LENGTH } }, 'newPassword');
  await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(next) })
    .where('id', '=', userId)
    .execute();
}

const INVITATION_DAYS = 7;

export async function createInvitation(
  db: Kysely<Database>,
  orgId: string,
  createdBy: string,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
  await db
    .insertInto('invitations')
    .values({ token_hash: tokenHash(token), org_id: orgId, created_by: createdBy, expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

/** Uses a one-time invitation: creates a company user in the inviting organisation. */
export async function acceptInvitation(
  db: Kysely<Database>,
  appendAudit: AppendAudit,
  token: string,
  email: string,
  password: string,
): Promise<PublicUser> {
  return db.transaction().execute(async (tx) => {
    const invitation = await tx
      .updateTable('invitations')
      .set({ used_at: new Date() })
      .where('token_hash', '=', tokenHash(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date())
      .returning(['org_id'])
      .executeTakeFirst();
    if (!invitation) throw notFound('account.error.invitationInvalid');
    const user = await createUser(tx, { email, password, role: 'company', orgId: invitation.org_id });
    await appendAudit(tx, { actor: user.id, action: 'org.join', subject: `org:${invitation.org_id}` });
    return user;
  });
}
