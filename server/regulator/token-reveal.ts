// A new API token is shown once, after POST-redirect-GET: the POST puts it in a
// short-lived cookie scoped to /regulator/tokens (HttpOnly, SameSite=Strict,
// never in a URL or the database), the GET shows it and clears the cookie. A
// reload then shows nothing and creates nothing.
import type { Request, Response } from 'express';
import { readCookie } from '../lib/cookies';

const COOKIE = 'hegui_new_token';
const PATH = '/regulator/tokens';
const SECONDS = 120;

export function keepForReveal(res: Response, tokenId: string, token: string, secure: boolean): void {
  res.cookie(COOKIE, `${tokenId}.${token}`, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: PATH,
    maxAge: SECONDS * 1000,
  });
}

/** The token kept by the POST, once: the cookie is cleared as it is read. */
export function takeRevealed(req: Request, res: Response, secure: boolean): { id: string; token: string } | undefined {
  const raw = readCookie(req.headers.cookie, COOKIE);
  if (raw === undefined) return undefined;
  res.clearCookie(COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: PATH });
  const dot = raw.indexOf('.');
  if (dot < 1) return undefined;
  return { id: raw.slice(0, dot), token: raw.slice(dot + 1) };
}
