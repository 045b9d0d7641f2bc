// One error type for the whole app. An error carries a message key and its
// parameters, never worded text: the error handler translates it for the
// request's language, into application/problem+json (RFC 9457) for /api and
// into an error page for HTML.
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { translate, type Lang, type Message, type MessageKey, type MessageParams } from '../i18n';
import type { Logger } from '../logger';
import { problemLang } from './locals';
import type { Views } from './views';

export interface FieldError {
  /** Query parameter or JSON pointer of the offending field. */
  readonly field: string;
  readonly message: Message;
}

/** A field error as sent: the message worded in the request's language. */
export interface WordedFieldError {
  readonly field: string;
  readonly message: string;
}

// The HTTP status phrase is the problem's title (RFC 9457: a stable summary of the
// problem type); the translated detail says what went wrong.
const STATUS_TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export class HttpError extends Error {
  readonly title: string;

  constructor(
    readonly status: number,
    readonly detail: Message,
    readonly errors?: readonly FieldError[],
    /** 503 only: the Retry-After sent (seconds); default 2. */
    readonly retryAfterSeconds?: number,
  ) {
    super(detail.key);
    this.name = 'HttpError';
    this.title = STATUS_TITLES[status] ?? (status >= 500 ? 'Internal Server Error' : 'Bad Request');
  }
}

const message = (key: MessageKey, params?: MessageParams): Message => (params ? { key, params } : { key });

/** A field error with a message key. */
export const fieldError = (field: string, key: MessageKey, params?: MessageParams): FieldError => ({
  field,
  message: message(key, params),
});

export const notFound = (key: MessageKey, params?: MessageParams): HttpError =>
  new HttpError(404, message(key, params));
export const badRequest = (key: MessageKey, params?: MessageParams, errors?: readonly FieldError[]): HttpError =>
  new HttpError(400, message(key, params), errors);
export const conflict = (key: MessageKey, params?: MessageParams, errors?: readonly FieldError[]): HttpError =>
  new HttpError(409, message(key, params), errors);
export const unauthorized = (key: MessageKey = 'error.loginFirst', params?: MessageParams): HttpError =>
  new HttpError(401, message(key, params));
export const forbidden = (key: MessageKey = 'error.forbidden', params?: MessageParams): HttpError =>
  new HttpError(403, message(key, params));
export const tooMany = (key: MessageKey = 'error.tooMany', params?: MessageParams): HttpError =>
  new HttpError(429, message(key, params));

/** The error's detail in one language. */
export function errorDetail(err: HttpError, lang: Lang): string {
  return translate(lang, err.detail.key, err.detail.params);
}

/** The error's field errors in one language. */
export function errorFields(err: HttpError, lang: Lang): WordedFieldError[] {
  return (err.errors ?? []).map((e) => ({ field: e.field, message: translate(lang, e.message.key, e.message.params) }));
}

export function wantsProblemJson(req: Request): boolean {
  // originalUrl, not path: inside a router mounted at /api/v1 the path is relative.
  const path = req.originalUrl.split('?')[0];
  return path.startsWith('/api/') || path === '/readyz' || path === '/healthz';
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: readonly WordedFieldError[];
}

function problemBody(err: HttpError, req: Request, lang: Lang = problemLang(req)): ProblemBody {
  return {
    type: `https://hegui.example/problems/${err.status}`,
    title: err.title,
    status: err.status,
    detail: errorDetail(err, lang),
    instance: req.originalUrl,
    ...(err.errors ? { errors: errorFields(err, lang) } : {}),
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(notFound('error.noSuchPath', { path: req.path }));
};

const DB_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/** The database went away (restart, network): the request may be retried, so 503 rather than 500. */
function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  if (typeof e.code === 'string' && DB_DOWN_CODES.has(e.code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|PGlite is closed/i.test(
    message,
  );
}

/** Maps anything thrown to an HttpError; unknown errors become a 500 without internals. */
function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if ((err as Error).name === 'PdfFontsMissingError') return new HttpError(503, { key: 'error.pdfFonts' });
  if (isDatabaseUnavailable(err)) return new HttpError(503, { key: 'error.databaseDown' });
  const e = err as { status?: unknown; statusCode?: unknown; type?: unknown };
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (e.type === 'entity.parse.failed') return badRequest('error.bodyNotJson');
  if (e.type === 'entity.too.large') return new HttpError(413, { key: 'error.bodyTooLarge' });
  // Other client errors from the body parsers (bad charset, bad encoding): their wording is theirs, not ours.
  if (status >= 400 && status < 500) return new HttpError(status, { key: 'error.badRequest' });
  return new HttpError(500, { key: 'error.internal' });
}

export function errorHandler(views: Views, logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const httpError = toHttpError(err);
    if (httpError.status >= 500) logger.error({ err, url: req.originalUrl }, 'request failed');
    res.status(httpError.status);
    if (httpError.status === 503 && !res.get('Retry-After'))
      res.set('Retry-After', String(httpError.retryAfterSeconds ?? 2));
    if (wantsProblemJson(req)) {
      res.type('application/problem+json').send(JSON.stringify(problemBody(httpError, req)));
      return;
    }
    const lang: Lang = res.locals.lang === 'en' ? 'en' : 'zh-CN';
    const titled = [400, 401, 403, 409, 413, 429, 503].includes(httpError.status);
    views.render(res, 'errors/error', {
      status: httpError.status,
      detail: errorDetail(httpError, lang),
      errors: httpError.errors ? errorFields(httpError, lang) : undefined,
      is404: httpError.status === 404,
      titleKey: titled ? `error.${httpError.status}` : httpError.status >= 500 ? 'error.title' : 'error.400',
      loginLink: httpError.status === 401,
    });
  };
}
