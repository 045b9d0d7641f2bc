// Per-request language: pages follow ?lang= → cookie → zh-CN (and set the cookie
// when ?lang= is given); API problem details follow ?lang= → Accept-Language →
// cookie → zh-CN, so a client (or the page's own script) can ask for its language.
import type { Request, RequestHandler } from 'express';
import { readCookie } from '../lib/cookies';
import { langFromAcceptLanguage, parseLang, type Lang } from '../i18n';

function pageLang(req: Request): Lang {
  return parseLang(req.query.lang) ?? parseLang(readCookie(req.headers.cookie, 'lang')) ?? 'zh-CN';
}

export function problemLang(req: Request): Lang {
  return (
    parseLang(req.query.lang) ??
    langFromAcceptLanguage(req.get('accept-language')) ??
    parseLang(readCookie(req.headers.cookie, 'lang')) ??
    'zh-CN'
  );
}

export function langLocals(secureCookies: boolean): RequestHandler {
  return (req, res, next) => {
    const fromQuery = parseLang(req.query.lang);
    const lang = pageLang(req);
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
