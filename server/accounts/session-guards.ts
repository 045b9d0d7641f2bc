// Session loading and CSRF, in one place for every area: app.ts puts them in
// front of every router that may change state.
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { authOf, guestOf } from '../http/access';
import { forbidden } from '../http/errors';
import { findGuestSession, GUEST_COOKIE } from './guest-sessions';
import { readCookie } from '../lib/cookies';
import { findSession, sessionTokenOf } from './sessions';

/**
 * Loads the session named by the cookie, if any, into res.locals.auth; with
 * nobody signed in, the visitor's guest session into res.locals.guest.
 */
export function sessionLoader(db: Kysely<Database>): RequestHandler {
  return async (req, res, next) => {
    const token = sessionTokenOf(req);
    if (token) {
      const auth = await findSession(db, token);
      if (auth) {
        res.locals.auth = auth;
        res.locals.csrfToken = auth.csrfToken;
        res.locals.user = auth.user;
        res.locals.org = auth.org;
      }
    }
    const guestToken = res.locals.auth ? undefined : readCookie(req.headers.cookie, GUEST_COOKIE);
    if (guestToken) {
      const guest = await findGuestSession(db, guestToken);
      if (guest) {
        res.locals.guest = guest;
        res.locals.csrfToken = guest.csrfToken;
      }
    }
    res.set('Cache-Control', 'private, no-store');
    next();
  };
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every cookie-authenticated state change (a signed-in user's or a guest's) must
 * carry the session's CSRF token, as the X-CSRF-Token header (API, fetch) or the
 * _csrf form field (HTML forms).
 */
export const csrfGuard: RequestHandler = (req, res, next) => {
  const expected = authOf(res)?.csrfToken ?? guestOf(res)?.csrfToken;
  if (SAFE.has(req.method) || !expected) {
    next();
    return;
  }
  const body = req.body as Record<string, unknown> | undefined;
  const sent = req.get('x-csrf-token') ?? (typeof body?._csrf === 'string' ? body._csrf : undefined);
  if (!sent || !sameToken(sent, expected)) {
    throw forbidden('error.csrf');
  }
  next();
};
