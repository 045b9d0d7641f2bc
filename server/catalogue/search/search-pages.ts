// The search pages: /search (results with highlights, domain and 什么是违法 per hit,
// facets by domain, paging, "您是不是要找…", a zero-result page that offers the
// domains and common topics) and search within a domain (/domains/:code?q=).
import type { Request, Response } from 'express';
import { badRequest, type HttpError } from '../../http/errors';
import { translate, type Lang, type MessageKey } from '../../i18n';
import type { Views } from '../../http/views';
import { MAX_QUERY_LENGTH, type Catalogue } from '../catalogue';
import type { Domain } from '../../domain/checklist';
import type { SearchMissLog } from './miss-log';
import { markTerms } from './snippet';

const PAGE_SIZE = 20;
const MAX_PAGE = 500;
const SCRIPTS = ['/assets/search-suggest.js'];

/**
 * Common topics for the zero-result page. Chosen by hand from what owners ask most
 * (the examples) until the scenes of the quick check exist; each one is
 * checked by a test to find items.
 */
export const SEARCH_TOPICS = [
  '加班费',
  '拖欠工资',
  '社保',
  '劳动合同',
  '灭火器',
  '消防通道',
  '电瓶车充电',
  '健康证',
  '营业执照',
  '年报',
  '发票',
  '危险废物',
  '明码标价',
  '特种设备',
] as const;

const EXAMPLES = ['员工加班不给钱', '电瓶车充电', '健康证', '年报忘了', '废机油', 'AQ-001'];

const langOf = (res: Response): Lang => (res.locals.lang === 'en' ? 'en' : 'zh-CN');

function pageError(_res: Response, key: MessageKey, params: Record<string, string> = {}): HttpError {
  return badRequest(key, params);
}

/** One text parameter of the query string, or a helpful 400 for a repeated one. */
function oneParam(req: Request, name: string): string {
  const raw = req.query[name];
  if (Array.isArray(raw) || (raw !== undefined && typeof raw !== 'string')) throw badRequest('search.error.oneQuery');
  return typeof raw === 'string' ? raw.trim() : '';
}

function pageOf(req: Request, res: Response): number {
  const raw = oneParam(req, 'page');
  if (raw === '') return 1;
  const page = Number(raw);
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) throw pageError(res, 'search.badPage');
  return page;
}

function href(params: Record<string, string | number | undefined>, path = '/search'): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  return `${path}?${qs.toString()}`;
}

interface Found {
  readonly hits: ReadonlyArray<Record<string, unknown>>;
  readonly total: number;
  readonly pages: number;
  readonly facets: ReadonlyArray<Record<string, unknown>>;
  readonly suggestions: ReadonlyArray<{ text: string; href: string }>;
}

function found(c: Catalogue, q: string, domain: Domain | undefined, page: number, path?: string): Found {
  const r = c.find(q, { domain: domain?.code, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const names = new Map(c.domains.map((d) => [d.code, d.name]));
  return {
    total: r.total,
    pages: Math.max(1, Math.ceil(r.total / PAGE_SIZE)),
    hits: r.hits.map((h) => ({
      ...h,
      titleHtml: markTerms(h.title, r.terms),
      snippetHtml: markTerms(h.snippet, r.terms),
      domainName: names.get(h.domain),
    })),
    facets: r.facets.map((f) => ({
      ...f,
      name: names.get(f.code),
      current: f.code === domain?.code,
      href: href({ q, domain: f.code }),
    })),
    suggestions: r.suggestions.map((s) => ({ text: s, href: path ? href({ q: s }, path) : href({ q: s }) })),
  };
}

export function renderSearchPage(
  req: Request,
  res: Response,
  c: Catalogue,
  views: Views,
  misses: SearchMissLog | undefined,
): void {
  const q = oneParam(req, 'q');
  const domainCode = oneParam(req, 'domain');
  const domain = domainCode ? c.domain(domainCode) : undefined;
  if (domainCode && !domain) throw pageError(res, 'search.badDomain', { domain: domainCode });
  const page = pageOf(req, res);
  const common = {
    examples: EXAMPLES,
    topics: SEARCH_TOPICS,
    domains: c.domainSummaries(),
    scripts: SCRIPTS,
  };
  if (q.length > MAX_QUERY_LENGTH) {
    res.status(400);
    views.render(res, 'catalogue/search', {
      ...common,
      title: translate(langOf(res), 'search.title'),
      q: q.slice(0, MAX_QUERY_LENGTH),
      error: `搜索词太长（${q.length} 个字符），请不超过 ${MAX_QUERY_LENGTH} 个字符。The query is too long: keep it to ${MAX_QUERY_LENGTH} characters.`,
    });
    return;
  }
  const result = q ? found(c, q, domain, page) : undefined;
  if (result && result.total === 0 && !domain && page === 1) misses?.record(q);
  views.render(res, 'catalogue/search', {
    ...common,
    title: q ? `${translate(langOf(res), 'search.submit')}：${q}` : translate(langOf(res), 'search.title'),
    q,
    searched: q.length > 0,
    domain,
    ...result,
    count: result?.total ?? 0,
    allHref: href({ q }),
    prev: result && page > 1 ? href({ q, domain: domain?.code, page: page - 1 }) : undefined,
    next: result && page < result.pages ? href({ q, domain: domain?.code, page: page + 1 }) : undefined,
    page,
  });
}

/** The view data a domain page adds when it is searched (/domains/XF?q=…). */
export function domainSearchView(c: Catalogue, domain: Domain, q: string): Record<string, unknown> {
  if (q.length > MAX_QUERY_LENGTH) return { q: q.slice(0, MAX_QUERY_LENGTH), tooLong: true, scripts: SCRIPTS };
  const r = found(c, q, domain, 1, `/domains/${domain.code}`);
  return {
    q,
    searched: true,
    searchHits: r.hits,
    searchCount: r.total,
    suggestions: r.suggestions,
    elsewhere: href({ q }),
    scripts: SCRIPTS,
  };
}
