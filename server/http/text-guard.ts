// One guard for all input: text PostgreSQL cannot store, caught once at the edge.
// - A NUL character (U+0000): PostgreSQL text cannot hold it; a NUL that reached a
//   query came back as a 500 (or, in a COPY export, as a 200 with a cut file).
// - A lone UTF-16 surrogate (U+D800–U+DFFF without its pair, e.g. "\ud800" in
//   JSON, or %ED%A0%80 in a URL): not a character at all; jsonb rejects its escape
//   and text would silently become U+FFFD. It came back as a 500 too.
// Every request is checked once: the URL (path parameters and query strings,
// percent-encoded or not) before any router, parsed bodies (JSON and forms, keys
// and values) right after their parser, so no route needs its own check. A hit is
// a 400 problem (API) or the 400 page (HTML).
import type { RequestHandler } from 'express';
import type { MessageKey } from '../i18n';
import { badRequest, fieldError } from './errors';

type TextProblem = Extract<MessageKey, 'error.nulByte' | 'error.loneSurrogate'>;

const LONE_SURROGATE = /\p{Surrogate}/u;
// U+D800–U+DFFF encoded as (CESU-8 style) UTF-8 bytes: ED A0..BF xx.
const SURROGATE_IN_URL = /%ED%[AB][0-9A-F]/i;

/** What is wrong with a string (or URL), if anything. */
function textProblem(text: string, inUrl = false): TextProblem | undefined {
  if (text.includes('\u0000') || (inUrl && /%00/.test(text))) return 'error.nulByte';
  if (LONE_SURROGATE.test(text) || (inUrl && SURROGATE_IN_URL.test(text))) return 'error.loneSurrogate';
  return undefined;
}

/** A path as shown in the error: the bad characters themselves written as escapes. */
const printable = (path: string): string =>
  path.replace(/\p{Surrogate}/gu, (ch) => `\\u${ch.charCodeAt(0).toString(16)}`).replaceAll('\u0000', '\\u0000');

/** Path and problem of the first string (key or value) that cannot be stored, walked without recursion. */
export function badTextIn(value: unknown): { where: string; problem: TextProblem } | undefined {
  const stack: { v: unknown; path: string }[] = [{ v: value, path: '' }];
  while (stack.length > 0) {
    const { v, path } = stack.pop() as { v: unknown; path: string };
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { where: path || '(root)', problem };
    } else if (Array.isArray(v)) {
      v.forEach((e, i) => stack.push({ v: e, path: path ? `${path}/${String(i)}` : String(i) }));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, e] of Object.entries(v as Record<string, unknown>)) {
        const p = path ? `${path}/${k}` : k;
        const problem = textProblem(k);
        if (problem) return { where: printable(p), problem };
        stack.push({ v: e, path: p });
      }
    }
  }
  return undefined;
}

export const rejectBadTextInUrl: RequestHandler = (req, _res, next) => {
  const problem = textProblem(req.originalUrl, true);
  if (problem) {
    next(badRequest(problem, { where: 'URL' }, [fieldError('(url)', problem, { where: 'URL' })]));
    return;
  }
  next();
};

export const rejectBadTextInBody: RequestHandler = (req, _res, next) => {
  const bad = badTextIn(req.body);
  if (bad) {
    next(badRequest(bad.problem, { where: bad.where }, [fieldError(bad.where, bad.problem, { where: bad.where })]));
    return;
  }
  next();
};
