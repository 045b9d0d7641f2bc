// Access guards every area uses: who is signed in (res.locals.auth, put there by
// the accounts' session loader) and whether their role may use a route. Generic:
// they read the actor the domain describes and know nothing of how sessions are stored.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AuthContext, GuestContext } from '../domain/actor';
import type { Role } from '../domain/roles';
import { forbidden, unauthorized, wantsProblemJson } from './errors';

export function authOf(res: Response): AuthContext | undefined {
  return res.locals.auth as AuthContext | undefined;
}

/** The visitor's guest session (访客), when nobody is signed in. */
export function guestOf(res: Response): GuestContext | undefined {
  return res.locals.guest as GuestContext | undefined;
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
