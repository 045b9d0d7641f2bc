// HTML pages of the catalogue: home, domain (searchable), item, search (search/search-pages.ts).
import { Router, type Response } from 'express';
import { notFound } from '../http/errors';
import { notModified } from '../http/cache';
import { Lru } from '../lib/lru';
import type { Views } from '../http/views';
import { hasLeniency, type Catalogue } from './catalogue';
import type { SearchMissLog } from './search/miss-log';
import { domainSearchView, renderSearchPage } from './search/search-pages';
import type { Domain, Item } from '../domain/checklist';
import { leniencyDisplay } from './leniency-label';
import type { CatalogueStore } from './catalogue-store';

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
    leniency: item.leniency.map((l) => ({ ...l, ...leniencyDisplay(l) })),
    version: c.version,
  };
}

export function cataloguePages(store: CatalogueStore, views: Views, misses?: SearchMissLog): Router {
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
    const q = typeof req.query.q === 'string' ? req.query.q.trim() : '';
    if (q) {
      // Searched within the domain: per query, so not kept in the page cache.
      views.render(res, 'catalogue/domain', { ...domainView(c, domain), ...domainSearchView(c, domain, q) });
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
    renderSearchPage(req, res, store.current(), views, misses);
  });

  return router;
}
