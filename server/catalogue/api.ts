// JSON API of the catalogue (DESIGN.md §5). Responses carry ETag/Cache-Control
// keyed by the checklist version; errors are problem+json.
import { Router, type Request } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { badRequest, fieldError, notFound } from '../http/errors';
import { notModified } from '../http/cache';
import type { PublicFileCache } from '../http/public-files';
import { queryValidator, valueOr400 } from '../http/validate';
import { MAX_QUERY_LENGTH, type Catalogue } from './catalogue';
import type { Scene } from '../domain/checklist';
import type { SearchMissLog } from './search/miss-log';
import { listVersions } from './version-list';
import type { CatalogueStore } from './catalogue-store';

interface VersionQuery {
  version?: number;
}
interface SearchQuery {
  q: string;
  domain?: string;
  limit: number;
  offset: number;
}

const versionQuery = queryValidator<VersionQuery>({
  type: 'object',
  properties: { version: { type: 'integer', minimum: 1, nullable: true } },
  required: [],
});

const searchQuery = queryValidator<SearchQuery>({
  type: 'object',
  properties: {
    q: { type: 'string', minLength: 1, maxLength: MAX_QUERY_LENGTH, pattern: '\\S' },
    domain: { type: 'string', pattern: '^[A-Za-z]{2}$', nullable: true },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
    offset: { type: 'integer', minimum: 0, maximum: 10000, default: 0 },
  },
  required: ['q'],
});

/** The full check of a trade: its quick items first, then the rest that apply. */
function sceneFullList(scene: Scene): readonly string[] {
  return [...scene.quick, ...scene.full];
}

function sceneSummary(scene: Scene) {
  return {
    id: scene.id,
    name: scene.name,
    nameEn: scene.nameEn,
    description: scene.description,
    industries: scene.industries,
    tags: scene.tags,
    quickCount: scene.quick.length,
    fullCount: scene.quick.length + scene.full.length,
  };
}

function versionRef(c: Catalogue): { id: number; hash: string } {
  return { id: c.version.id, hash: c.version.hash };
}

export function catalogueApi(
  store: CatalogueStore,
  db: Kysely<Database>,
  misses: SearchMissLog | undefined,
  publicFiles: PublicFileCache,
): Router {
  const router = Router();

  async function pick(req: Request): Promise<Catalogue> {
    const { version } = valueOr400(versionQuery(req.query));
    if (version === undefined) return store.current();
    const catalogue = await store.version(version);
    if (!catalogue) throw notFound('version.notFound', { version });
    return catalogue;
  }

  router.get('/domains', async (req, res) => {
    const c = await pick(req);
    if (notModified(req, res, c.version.hash)) return;
    res.json({ version: versionRef(c), domains: c.domainSummaries() });
  });

  router.get('/domains/:code', async (req, res) => {
    const c = await pick(req);
    const domain = c.domain(req.params.code);
    if (!domain) throw notFound('domain.notFound', { code: req.params.code });
    if (notModified(req, res, c.version.hash)) return;
    res.json({ ...domain, itemCount: domain.items.length, version: versionRef(c) });
  });

  router.get('/items/:code', async (req, res) => {
    const c = await pick(req);
    const found = c.item(req.params.code);
    if (!found) throw notFound('item.notFound', { code: req.params.code });
    if (notModified(req, res, c.version.hash)) return;
    res.json({ ...found.item, domain: found.domain.code, version: versionRef(c) });
  });

  router.get('/search', (req, res) => {
    const { q, domain, limit, offset } = valueOr400(searchQuery(req.query));
    const c = store.current();
    if (domain !== undefined && !c.domain(domain))
      throw badRequest('error.queryInvalid', undefined, [
        fieldError('domain', 'search.error.unknownDomain', { domain, codes: c.domains.map((d) => d.code).join(', ') }),
      ]);
    if (notModified(req, res, c.version.hash)) return;
    const found = c.find(q, { domain, limit, offset });
    if (found.total === 0 && domain === undefined && offset === 0) misses?.record(q);
    res.json({
      query: q,
      version: versionRef(c),
      total: found.total,
      results: found.hits,
      facets: { domains: found.facets },
      ...(found.suggestions.length > 0 ? { suggestions: found.suggestions } : {}),
    });
  });

  // Trades (行业场景): each names its quick check and every item of its full one.
  router.get('/scenes', (req, res) => {
    const c = store.current();
    if (notModified(req, res, c.version.hash)) return;
    res.json({ version: versionRef(c), scenes: c.scenes.map(sceneSummary) });
  });

  router.get('/scenes/:id', (req, res) => {
    const c = store.current();
    const scene = c.scene(req.params.id);
    if (!scene) throw notFound('quick.error.sceneNotFound', { id: req.params.id });
    if (notModified(req, res, c.version.hash)) return;
    res.json({ ...sceneSummary(scene), quick: scene.quick, full: sceneFullList(scene), version: versionRef(c) });
  });

  router.get('/versions', async (_req, res) => {
    const versions = await listVersions(db);
    res.set('Cache-Control', 'no-cache').json({ versions });
  });

  router.get('/catalogue.json', (req, res) => {
    const c = store.current();
    if (notModified(req, res, c.version.hash)) return;
    res.json({
      version: { ...versionRef(c), createdAt: c.version.createdAt },
      profile: c.content.profile,
      domains: c.domains,
    });
  });

  router.get('/catalogue.xlsx', async (req, res) => {
    const c = store.current();
    await publicFiles.send(
      req,
      res,
      { version: c.version.hash, lang: '', origin: '', name: 'catalogue.xlsx' },
      async () => ({
        // Loaded on first use: the document libraries cost tens of MB a server may never need.
        body: await (require('./xlsx') as typeof import('./xlsx')).catalogueXlsx(c),
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        attachment: `hegui-checklist-v${c.version.id}.xlsx`,
      }),
    );
  });

  return router;
}
