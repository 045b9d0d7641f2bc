// Guest sessions (访客): a visitor may start a quick check without an account.
// Like the real sessions, the cookie holds a random token and the database only
// its SHA-256, with a CSRF token of its own. A guest session lasts GUEST_DAYS;
// deleting an expired one deletes its drafts and reports (foreign key cascade).
import type { Response } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { GUEST_DAYS, type GuestContext } from '../domain/actor';
import { randomToken, tokenHash } from '../lib/tokens';

export const GUEST_COOKIE = 'hegui_guest';

export async function findGuestSession(db: Kysely<Database>, token: string): Promise<GuestContext | undefined> {
  const row = await db
    .selectFrom('guest_sessions')
    .select(['id', 'token_hash', 'csrf_token', 'expires_at'])
    .where('token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!row || row.expires_at.getTime() <= Date.now()) return undefined;
  return { id: row.id, tokenHash: row.token_hash, csrfToken: row.csrf_token };
}

/** Deletes the guest sessions that have expired, and with them their drafts and reports. */
export async function deleteExpiredGuests(db: Kysely<Database>, now = new Date()): Promise<number> {
  const result = await db.deleteFrom('guest_sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Starts a guest session on this response (cookie set, res.locals as the
 * session loader would have them), cleaning up expired ones on the way.
 */
export function guestSessionStarter(db: Kysely<Database>, secure: boolean): (res: Response) => Promise<GuestContext> {
  return async (res) => {
    await deleteExpiredGuests(db);
    const token = randomToken();
    const csrfToken = randomToken();
    const row = await db
      .insertInto('guest_sessions')
      .values({
        token_hash: tokenHash(token),
        csrf_token: csrfToken,
        expires_at: new Date(Date.now() + GUEST_DAYS * 24 * 3600 * 1000),
      })
      .returning(['id', 'token_hash'])
      .executeTakeFirstOrThrow();
    res.cookie(GUEST_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: GUEST_DAYS * 24 * 3600 * 1000,
    });
    const guest = { id: row.id, tokenHash: row.token_hash, csrfToken };
    res.locals.guest = guest;
    res.locals.csrfToken = csrfToken;
    return guest;
  };
}

/** After the guest's work moved to an account: the guest session is over. */
export async function endGuestSession(db: Kysely<Database>, res: Response, guest: GuestContext): Promise<void> {
  await db.deleteFrom('guest_sessions').where('id', '=', guest.id).execute();
  res.clearCookie(GUEST_COOKIE, { path: '/' });
  res.locals.guest = undefined;
}
