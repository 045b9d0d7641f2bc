// Login CSRF: the forms that start a session (log in, register, accept an
// invitation, a guest's first quick check) have no session to carry a CSRF token yet, so a cross-site
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
  // A visitor's first quick check starts a guest session.
  '/assess/new',
  '/api/v1/assessments',
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
    // Browsers that send Sec-Fetch-Site are believed; only without it does Origin decide. Under
    // helmet's Referrer-Policy: no-referrer, Chromium sends `Origin: null` even for this site's own
    // forms, so a null origin proves nothing either way.
    const site = req.get('sec-fetch-site');
    const origin = req.get('origin');
    const crossSite = site !== undefined && site !== 'same-origin' && site !== 'none';
    const originHost = origin === undefined || origin === 'null' ? undefined : hostOf(origin);
    const foreignOrigin =
      site === undefined &&
      origin !== undefined &&
      origin !== 'null' &&
      (originHost === undefined || (originHost !== req.get('host') && originHost !== publicHost));
    if (crossSite || foreignOrigin) {
      next(forbidden('error.crossSite'));
      return;
    }
    next();
  };
  return { paths: SESSION_STARTERS, handler };
}
