// Per-request template locals: the interface language (query ?lang= → cookie → zh-CN)
// and the current path for the language switch.
import type { RequestHandler } from 'express';
import { readCookie } from '../lib/cookies';
import { parseLang, type Lang } from './i18n';

export function langLocals(secureCookies: boolean): RequestHandler {
  return (req, res, next) => {
    const fromQuery = parseLang(req.query.lang);
    const lang: Lang = fromQuery ?? parseLang(readCookie(req.headers.cookie, 'lang')) ?? 'zh-CN';
    if (fromQuery) {
      res.cookie('lang', lang, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies,
        maxAge: 365 * 24 * 3600 * 1000,
        path: '/',
      });
    }
    res.locals.lang = lang;
    res.locals.htmlLang = lang === 'en' ? 'en' : 'zh-CN';
    res.locals.otherLang = lang === 'en' ? 'zh' : 'en';
    res.locals.path = req.path;
    res.vary('Cookie');
    next();
  };
}
