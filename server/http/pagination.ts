// Lists that grow with use are read a page at a time: ?limit= (1–50, default 20)
// and an opaque ?after= or ?before= cursor from the previous page's links.
import type { Request } from 'express';
import { decodePosition, encodePosition, type Page, type PageQuery } from '../lib/keyset';
import { badRequest, fieldError } from './errors';

export const PAGE_SIZE = { default: 20, max: 50 } as const;

/** The page asked for in the query string; a bad limit or cursor is a 400 naming the parameter. */
export function pageQueryOf(req: Request): PageQuery {
  const { limit: rawLimit, after: rawAfter, before: rawBefore } = req.query;
  let limit: number = PAGE_SIZE.default;
  if (rawLimit !== undefined && rawLimit !== '') {
    const n = typeof rawLimit === 'string' && /^[0-9]{1,3}$/.test(rawLimit) ? Number(rawLimit) : NaN;
    if (!(n >= 1 && n <= PAGE_SIZE.max))
      throw badRequest('error.pageLimit', { max: PAGE_SIZE.max }, [
        fieldError('limit', 'error.pageLimit', { max: PAGE_SIZE.max }),
      ]);
    limit = n;
  }
  const cursor = (name: 'after' | 'before', raw: unknown): PageQuery['after'] => {
    if (raw === undefined || raw === '') return undefined;
    const position = typeof raw === 'string' ? decodePosition(raw) : undefined;
    if (!position) throw badRequest('error.pageCursor', undefined, [fieldError(name, 'error.pageCursor')]);
    return position;
  };
  const after = cursor('after', rawAfter);
  const before = cursor('before', rawBefore);
  if (after && before) throw badRequest('error.pageCursor', undefined, [fieldError('before', 'error.pageCursor')]);
  return { limit, ...(after ? { after } : {}), ...(before ? { before } : {}) };
}

export interface PageLinks {
  /** The older rows (下一页), when there are more. */
  readonly next?: string;
  /** The newer rows (上一页), when this is not the first page. */
  readonly prev?: string;
}

/** Links to the neighbouring pages of `path`, keeping the page size and the query's other parameters. */
export function pageLinks(req: Request, path: string, page: Page<unknown>, q: PageQuery): PageLinks {
  const link = (name: 'after' | 'before', cursor: string): string => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(req.query))
      if (typeof value === 'string' && key !== 'after' && key !== 'before' && key !== 'limit') params.set(key, value);
    if (q.limit !== PAGE_SIZE.default) params.set('limit', String(q.limit));
    params.set(name, cursor);
    return `${path}?${params.toString()}`;
  };
  return {
    ...(page.next ? { next: link('after', encodePosition(page.next)) } : {}),
    ...(page.prev ? { prev: link('before', encodePosition(page.prev)) } : {}),
  };
}

/** The OpenAPI query parameters of a paged list. */
export const pageParameters = [
  {
    name: 'limit',
    in: 'query',
    required: false,
    description: `Rows per page, 1–${PAGE_SIZE.max} (default ${PAGE_SIZE.default})`,
    schema: { type: 'integer', minimum: 1, maximum: PAGE_SIZE.max, default: PAGE_SIZE.default },
  },
  {
    name: 'after',
    in: 'query',
    required: false,
    description: 'Opaque cursor from a `next` link: the rows after it (older)',
    schema: { type: 'string' },
  },
  {
    name: 'before',
    in: 'query',
    required: false,
    description: 'Opaque cursor from a `prev` link: the rows before it (newer)',
    schema: { type: 'string' },
  },
];

/** The OpenAPI properties of a paged list's links (null when there is no such page). */
export const pageLinkProperties = {
  next: { type: ['string', 'null'], description: 'URL of the next (older) page; null on the last page' },
  prev: { type: ['string', 'null'], description: 'URL of the previous (newer) page; null on the first page' },
};
