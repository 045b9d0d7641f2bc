// Sessions live in the database (any app instance can serve any request). The
// cookie holds a random token; the database holds only its SHA-256.
import type { Request } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { AuthContext } from '../domain/actor';
import { readCookie } from '../lib/cookies';
import { randomToken, tokenHash } from '../lib/tokens';

export const SESSION_COOKIE = 'hegui_sid';
export const SESSION_DAYS = 7;

/** The session token the request's cookie carries, if any. */
export const sessionTokenOf = (req: Request): string | undefined => readCookie(req.headers.cookie, SESSION_COOKIE);

export async function createSession(
  db: Kysely<Database>,
  userId: string,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await db
    .insertInto('sessions')
    .values({ token_hash: tokenHash(token), user_id: userId, csrf_token: csrfToken, expires_at: expiresAt })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** One query: the session, its user and the user's organisation. */
export async function findSession(db: Kysely<Database>, token: string): Promise<AuthContext | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('orgs as o', 'o.id', 'u.org_id')
    .select([
      's.token_hash',
      's.csrf_token',
      's.expires_at',
      'u.id as user_id',
      'u.email',
      'u.role',
      'u.org_id',
      'u.org_admin',
      'u.department',
      'o.name as org_name',
      'o.credit_code',
      'o.region',
      'o.industry',
      'o.size',
    ])
    .where('s.token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!row || row.expires_at.getTime() <= Date.now()) return undefined;
  return {
    tokenHash: row.token_hash,
    csrfToken: row.csrf_token,
    user: {
      id: row.user_id,
      email: row.email,
      role: row.role,
      orgId: row.org_id,
      orgAdmin: row.org_admin,
      department: row.department,
    },
    org:
      row.org_id && row.org_name && row.credit_code && row.region && row.industry && row.size
        ? {
            id: row.org_id,
            name: row.org_name,
            creditCode: row.credit_code,
            region: row.region,
            industry: row.industry,
            size: row.size,
          }
        : null,
  };
}

export async function deleteSession(db: Kysely<Database>, hash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
}

export async function deleteOtherSessions(db: Kysely<Database>, userId: string, keepHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('token_hash', '<>', keepHash).execute();
}
