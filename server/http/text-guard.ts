// One guard for all input: PostgreSQL cannot store a NUL character (U+0000) in
// text, and a NUL that reached a query came back as a 500 (or, in a COPY export,
// as a 200 with a cut file). Every request is checked once, at the edge: the URL
// (path parameters and query strings, percent-encoded or not) before any router,
// parsed bodies (JSON and forms, keys and values) right after their parser, so no
// route needs its own check. A hit is a 400 problem (API) or the 400 page (HTML).
import type { RequestHandler } from 'express';
import { badRequest, fieldError } from './errors';

const nulInUrl = (url: string): boolean => url.includes('\u0000') || /%00/i.test(url);

/** Path of the first string (key or value) holding a NUL, walked without recursion; undefined if none. */
function nulPath(value: unknown): string | undefined {
  const stack: { v: unknown; path: string }[] = [{ v: value, path: '' }];
  while (stack.length > 0) {
    const { v, path } = stack.pop() as { v: unknown; path: string };
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return path || '(root)';
    } else if (Array.isArray(v)) {
      v.forEach((e, i) => stack.push({ v: e, path: path ? `${path}/${String(i)}` : String(i) }));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, e] of Object.entries(v as Record<string, unknown>)) {
        const p = path ? `${path}/${k}` : k;
        if (k.includes('\u0000')) return p.replaceAll('\u0000', '\\u0000');
        stack.push({ v: e, path: p });
      }
    }
  }
  return undefined;
}

export const rejectNulInUrl: RequestHandler = (req, _res, next) => {
  if (nulInUrl(req.originalUrl)) {
    next(badRequest('error.nulByte', { where: 'URL' }, [fieldError('(url)', 'error.nulByte', { where: 'URL' })]));
    return;
  }
  next();
};

export const rejectNulInBody: RequestHandler = (req, _res, next) => {
  const where = nulPath(req.body);
  if (where !== undefined) {
    next(badRequest('error.nulByte', { where }, [fieldError(where, 'error.nulByte', { where })]));
    return;
  }
  next();
};
