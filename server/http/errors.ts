// One error type for the whole app. The error handler turns it into
// application/problem+json (RFC 9457) for /api and into an error page for HTML.
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { Logger } from '../logger';
import type { Views } from './views';

export interface FieldError {
  /** Query parameter or JSON pointer of the offending field. */
  readonly field: string;
  readonly message: string;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: readonly FieldError[],
  ) {
    super(detail ?? title);
    this.name = 'HttpError';
  }
}

export const notFound = (detail: string): HttpError => new HttpError(404, 'Not Found', detail);
export const badRequest = (detail: string, errors?: readonly FieldError[]): HttpError =>
  new HttpError(400, 'Bad Request', detail, errors);

export function wantsProblemJson(req: Request): boolean {
  // originalUrl, not path: inside a router mounted at /api/v1 the path is relative.
  const path = req.originalUrl.split('?')[0];
  return path.startsWith('/api/') || path === '/readyz' || path === '/healthz';
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance: string;
  errors?: readonly FieldError[];
}

export function problemBody(err: HttpError, req: Request): ProblemBody {
  return {
    type: `https://hegui.example/problems/${err.status}`,
    title: err.title,
    status: err.status,
    detail: err.detail,
    instance: req.originalUrl,
    ...(err.errors ? { errors: err.errors } : {}),
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(notFound(`No page or resource at ${req.path}`));
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
export function isDatabaseUnavailable(err: unknown): boolean {
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
  if ((err as Error).name === 'PdfFontsMissingError')
    return new HttpError(503, 'Service Unavailable', `PDF 报告暂不可用：服务器缺少中文字体。${(err as Error).message}`);
  if (isDatabaseUnavailable(err))
    return new HttpError(
      503,
      'Service Unavailable',
      '数据库暂时无法访问，请稍后重试；已保存的内容不会丢失。The database is briefly unavailable: try again shortly.',
    );
  const e = err as { status?: unknown; statusCode?: unknown; type?: unknown; message?: unknown };
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (e.type === 'entity.parse.failed') return badRequest('The request body is not valid JSON.');
  if (e.type === 'entity.too.large') return new HttpError(413, 'Payload Too Large', 'The request body is too large.');
  if (status >= 400 && status < 500)
    return new HttpError(status, 'Bad Request', typeof e.message === 'string' ? e.message : undefined);
  return new HttpError(500, 'Internal Server Error', 'Something went wrong on our side. The error has been logged.');
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
    if (httpError.status === 503 && !res.get('Retry-After')) res.set('Retry-After', '2');
    if (wantsProblemJson(req)) {
      res.type('application/problem+json').send(JSON.stringify(problemBody(httpError, req)));
      return;
    }
    const titled = [400, 401, 403, 409, 413, 429, 503].includes(httpError.status);
    views.render(res, 'errors/error', {
      status: httpError.status,
      detail: httpError.detail,
      errors: httpError.errors,
      is404: httpError.status === 404,
      titleKey: titled ? `error.${httpError.status}` : httpError.status >= 500 ? 'error.title' : 'error.400',
      loginLink: httpError.status === 401,
    });
  };
}
