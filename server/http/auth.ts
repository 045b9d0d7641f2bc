// Session loading, access guards and CSRF, in one place for every area.
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../../db/schema';
import { findSession, SESSION_COOKIE, type AuthContext } from '../accounts/sessions';
import { readCookie } from './cookies';
import { forbidden, unauthorized, wantsProblemJson } from './errors';

export function authOf(res: Response): AuthContext | undefined {
  return res.locals.auth as AuthContext | undefined;
}

/** Loads the session named by the cookie, if any, into res.locals.auth. */
export function sessionLoader(db: Kysely<Database>): RequestHandler {
  return async (req, res, next) => {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (token) {
      const auth = await findSession(db, token);
      if (auth) {
        res.locals.auth = auth;
        res.locals.csrfToken = auth.csrfToken;
        res.locals.user = auth.user;
        res.locals.org = auth.org;
      }
    }
    res.set('Cache-Control', 'private, no-store');
    next();
  };
}

/** API routes: 401 without a session; 403 for a role that may not use the route. */
export function requireAuth(...roles: Role[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const auth = authOf(res);
    if (!auth) {
      if (wantsProblemJson(req)) throw unauthorized();
      res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    if (roles.length > 0 && !roles.includes(auth.user.role)) throw forbidden();
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
 * Every cookie-authenticated state change must carry the session's CSRF token,
 * as the X-CSRF-Token header (API, fetch) or the _csrf form field (HTML forms).
 */
export const csrfGuard: RequestHandler = (req, res, next) => {
  const auth = authOf(res);
  if (SAFE.has(req.method) || !auth) {
    next();
    return;
  }
  const body = req.body as Record<string, unknown> | undefined;
  const sent = req.get('x-csrf-token') ?? (typeof body?._csrf === 'string' ? body._csrf : undefined);
  if (!sent || !sameToken(sent, auth.csrfToken)) {
    throw forbidden('error.csrf');
  }
  next();
};
