// API tokens for regulators' scripts and spreadsheets: shown once, stored as a
// SHA-256 hash, revocable, with the time they were last used.
import type { RequestHandler } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { randomToken, tokenHash } from '../lib/tokens';
import { conflict, notFound, unauthorized } from '../http/errors';
import { keysetPage, readPage, type Page, type PageQuery } from '../lib/keyset';

const TOKEN_PREFIX = 'hgr_';
const MAX_ACTIVE = 20;
/** last_used_at is written at most once a minute per token, not on every request. */
const TOUCH_MS = 60_000;

export interface TokenInfo {
  readonly id: string;
  readonly name: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

const isUuid = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

const tokenInfo = (r: {
  id: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}): TokenInfo => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

/** One page of a user's tokens, newest first: revoked ones stay listed, so the list grows with use. */
export async function listTokens(db: Kysely<Database>, userId: string, q: PageQuery): Promise<Page<TokenInfo>> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .$call(keysetPage('created_at', 'id', q))
    .execute();
  const page = readPage(rows, q);
  return { ...page, items: page.items.map(tokenInfo) };
}

/** One of the user's tokens that is still active. */
export async function activeToken(db: Kysely<Database>, userId: string, id: string): Promise<TokenInfo | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? tokenInfo(row) : undefined;
}

export async function createToken(
  db: Kysely<Database>,
  userId: string,
  name: string,
): Promise<{ token: string; info: TokenInfo }> {
  const active = await db
    .selectFrom('api_tokens')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (Number(active.n) >= MAX_ACTIVE) throw conflict('reg.error.tooManyTokens', { max: MAX_ACTIVE });
  const token = TOKEN_PREFIX + randomToken();
  const row = await db
    .insertInto('api_tokens')
    .values({ user_id: userId, name, token_hash: tokenHash(token) })
    .returning(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .executeTakeFirstOrThrow();
  return { token, info: tokenInfo(row) };
}

export async function revokeToken(db: Kysely<Database>, userId: string, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound('reg.error.noToken');
  const row = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    const exists = await db
      .selectFrom('api_tokens')
      .select('id')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!exists) throw notFound('reg.error.noToken');
  }
}

/**
 * Authorization: Bearer for the read-only statistics and export routes. A
 * session (cookie) wins when both are present; a bad token is a 401 even then
 * would be confusing, so it is only checked without a session.
 */
export function bearerAuth(db: Kysely<Database>): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization');
    if (!header || res.locals.auth) {
      next();
      return;
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthorized('reg.error.bearer');
    const row = await db
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select([
        't.id as token_id',
        't.last_used_at',
        'u.id',
        'u.email',
        'u.role',
        'u.org_id',
        'u.org_admin',
        'u.department',
      ])
      .where('t.token_hash', '=', tokenHash(match[1]))
      .where('t.revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw unauthorized('reg.error.tokenInvalid');
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > TOUCH_MS) {
      await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', row.token_id).execute();
    }
    res.locals.auth = {
      tokenHash: '',
      csrfToken: '',
      org: null,
      user: {
        id: row.id,
        email: row.email,
        role: row.role,
        orgId: row.org_id,
        orgAdmin: row.org_admin,
        department: row.department,
      },
    };
    res.locals.viaToken = true;
    next();
  };
}
