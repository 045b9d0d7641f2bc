// Login CSRF: the forms that start a session (log in, register, accept an
// invitation) have no session to carry a CSRF token yet, so a cross-site
// page could post them and sign the victim in to the attacker's account.
// Browsers say where a request comes from (Sec-Fetch-Site; Origin): anything
// but this site is refused. Clients that send neither (curl, scripts) pass.
import type { RequestHandler } from 'express';
import { forbidden } from './errors';

const SESSION_STARTERS = [
  '/login',
  '/register',
  '/invite/:token',
  '/api/v1/auth/login',
  '/api/v1/auth/register',
  '/api/v1/auth/accept-invitation',
];

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

export function sameOriginGuard(publicUrl: string | undefined): { paths: string[]; handler: RequestHandler } {
  const publicHost = publicUrl ? hostOf(publicUrl) : undefined;
  const handler: RequestHandler = (req, _res, next) => {
    const site = req.get('sec-fetch-site');
    const origin = req.get('origin');
    const crossSite = site !== undefined && site !== 'same-origin' && site !== 'none';
    const originHost = origin === undefined ? undefined : hostOf(origin);
    const foreignOrigin =
      origin !== undefined &&
      (originHost === undefined || (originHost !== req.get('host') && originHost !== publicHost));
    if (crossSite || foreignOrigin) {
      next(forbidden('error.crossSite'));
      return;
    }
    next();
  };
  return { paths: SESSION_STARTERS, handler };
}
