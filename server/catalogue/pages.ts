// HTML pages of the catalogue: home, domain, item, search.
import { Router, type Response } from 'express';
import { badRequest, notFound } from '../http/errors';
import { notModified } from '../http/cache';
import { langOf } from '../http/forms';
import { Lru } from '../lib/lru';
import type { Views } from '../http/views';
import { MAX_QUERY_LENGTH, hasLeniency, type Catalogue } from './catalogue';
import type { Domain, Item } from '../domain/checklist';
import type { CatalogueStore } from './catalogue-store';
import { translate } from '../i18n';

const SEARCH_EXAMPLES = ['灭火器', '劳动合同', '发票', '危险废物', '健康证', 'AQ-001'];

function homeView(c: Catalogue, lang: unknown): Record<string, unknown> {
  return {
    title: null,
    // The scene picker (您的单位是做什么的？) starts a quick check.
    scenes: c.scenes.map((s) =>
      lang === 'en' ? { value: s.id, label: s.nameEn } : { value: s.id, label: s.name, hint: s.description },
    ),
    domains: c.domainSummaries(),
    domainCount: c.domains.length,
    itemCount: c.itemCount,
    version: c.version,
  };
}

function domainView(c: Catalogue, domain: Domain): Record<string, unknown> {
  return {
    title: domain.name,
    domain,
    items: domain.items.map((item) => ({ ...item, hasLeniency: hasLeniency(item), tags: c.profileQuestionsOf(item) })),
    highCount: domain.items.filter((i) => i.frequency === 'high').length,
    version: c.version,
  };
}

function itemView(c: Catalogue, item: Item, domain: Domain): Record<string, unknown> {
  const index = domain.items.findIndex((i) => i.code === item.code);
  return {
    title: `${item.code} ${item.title}`,
    item,
    domain,
    prev: domain.items[index - 1],
    next: domain.items[index + 1],
    tags: c.profileQuestionsOf(item),
    leniency: item.leniency.map((l) => ({ ...l, labelKey: `leniency.${l.kind}`, relief: l.kind !== 'none' })),
    version: c.version,
  };
}

export function cataloguePages(store: CatalogueStore, views: Views): Router {
  const router = Router();
  const variant = (lang: unknown): string => (lang === 'en' ? 'en' : 'zh');
  // Catalogue pages depend only on (version, language, path): render each once.
  const rendered = new Lru<string, string>(2000);
  const sendCached = (res: Response, name: string, build: () => Record<string, unknown>): void => {
    const key = `${store.current().version.hash}|${String(res.locals.lang)}|${String(res.locals.path)}`;
    let html = rendered.get(key);
    if (html === undefined) {
      html = views.renderToString(name, { ...res.locals, ...build() });
      rendered.set(key, html);
    }
    res.type('html').send(html);
  };

  router.get('/', (req, res) => {
    const c = store.current();
    if (notModified(req, res, c.version.hash, variant(res.locals.lang))) return;
    sendCached(res, 'catalogue/home', () => homeView(c, res.locals.lang));
  });

  router.get('/domains/:code', (req, res) => {
    const c = store.current();
    const domain = c.domain(req.params.code);
    if (!domain) throw notFound('domain.notFound', { code: req.params.code });
    if (domain.code !== req.params.code) {
      res.redirect(301, `/domains/${domain.code}`);
      return;
    }
    if (notModified(req, res, c.version.hash, variant(res.locals.lang))) return;
    sendCached(res, 'catalogue/domain', () => domainView(c, domain));
  });

  router.get('/items/:code', (req, res) => {
    const c = store.current();
    const found = c.item(req.params.code);
    if (!found) throw notFound('item.notFound', { code: req.params.code });
    if (found.item.code !== req.params.code) {
      res.redirect(301, `/items/${found.item.code}`);
      return;
    }
    if (notModified(req, res, c.version.hash, variant(res.locals.lang))) return;
    sendCached(res, 'catalogue/item', () => itemView(c, found.item, found.domain));
  });

  router.get('/search', (req, res) => {
    const c = store.current();
    const raw = req.query.q;
    if (Array.isArray(raw)) throw badRequest('search.error.oneQuery');
    const q = typeof raw === 'string' ? raw.trim() : '';
    const common = { examples: SEARCH_EXAMPLES, domains: c.domainSummaries() };
    if (q.length > MAX_QUERY_LENGTH) {
      res.status(400);
      views.render(res, 'catalogue/search', {
        ...common,
        title: translate(langOf(res), 'search.pageTitleEmpty'),
        q: q.slice(0, MAX_QUERY_LENGTH),
        error: translate(langOf(res), 'search.error.tooLong', { n: q.length, max: MAX_QUERY_LENGTH }),
      });
      return;
    }
    const results = q ? c.search(q, 100) : [];
    const domainNames = new Map(c.domains.map((d) => [d.code, d.name]));
    views.render(res, 'catalogue/search', {
      ...common,
      title: q ? translate(langOf(res), 'search.pageTitle', { q }) : translate(langOf(res), 'search.pageTitleEmpty'),
      q,
      searched: q.length > 0,
      results: results.map((r) => ({ ...r, domainName: domainNames.get(r.domain) })),
      count: results.length,
    });
  });

  return router;
}
