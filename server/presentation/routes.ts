// Presentation area: API routers (mounted under /api/v1 after the session loader and
// CSRF guard) and page routers (mounted at the site root, same guards).
import { Router, type Request, type Response } from 'express';
import type { AreaDeps } from '../area';
import { authOf, requireAuth } from '../http/access';
import { notFound } from '../http/errors';
import { pageLinks, pageQueryOf } from '../http/pagination';
import { decksApi } from './api';
import { checkinPages } from './checkin';
import { composePages } from './compose-pages';
import { DeckService, type Deck } from './deck-service';
import { isDeckView, sendDeck } from './deck-render';
import { customSource, domainSource } from './deck-view';

export function presentationApi(deps: AreaDeps): Router {
  return decksApi(
    new DeckService(deps.db, deps.catalogues, deps.limits.decksPerLecturer),
    () => deps.catalogues.current().version.id,
  );
}

function viewName(req: Request): string {
  const v = req.params.view;
  return typeof v === 'string' ? v : '';
}

export function presentationPages(deps: AreaDeps): Router {
  const router = Router();
  const service = new DeckService(deps.db, deps.catalogues, deps.limits.decksPerLecturer);
  const LECTURERS = ['lecturer', 'admin'] as const;

  router.get('/present', async (req, res) => {
    const auth = authOf(res);
    const lecturer = auth !== undefined && (LECTURERS as readonly string[]).includes(auth.user.role);
    const c = deps.catalogues.current();
    const q = pageQueryOf(req);
    const page = lecturer ? await service.list(auth.user.id, q) : undefined;
    deps.views.render(res, 'presentation/index', {
      title: '讲师宣讲',
      accountNav: true,
      domains: c.domainSummaries(),
      lecturer,
      signedIn: auth !== undefined,
      decks: page?.items ?? [],
      pages: page ? pageLinks(req, '/present', page, q) : {},
      deleted: req.query.deleted === '1',
    });
  });

  const domainDeck = async (req: Request, res: Response): Promise<void> => {
    const view = viewName(req);
    const c = deps.catalogues.current();
    const code = String(req.params.code);
    const domain = c.domain(code);
    if (!domain || !isDeckView(view)) throw notFound('present.error.noDomain', { code });
    if (domain.code !== code) {
      res.redirect(301, `/present/domains/${domain.code}${view ? `/${view}` : ''}`);
      return;
    }
    await sendDeck(req, res, deps, domainSource(c, domain), c, view, `domains/${domain.code}`);
  };
  router.get('/present/domains/:code', domainDeck);
  router.get('/present/domains/:code/:view', domainDeck);

  const customDeck =
    (find: (req: Request, res: Response) => Promise<{ deck: Deck; basePath: string } | undefined>) =>
    async (req: Request, res: Response): Promise<void> => {
      const view = viewName(req);
      const found = await find(req, res);
      if (!found || !isDeckView(view)) throw notFound('present.error.noDeck');
      const pinned = await service.catalogueOf(found.deck.versionId);
      await sendDeck(
        req,
        res,
        deps,
        customSource(pinned, found.deck, found.basePath, await service.changes(found.deck)),
        pinned,
        view,
      );
    };
  const own = customDeck(async (req, res) => {
    const deck = await service.get(String(req.params.id));
    return deck && deck.ownerId === authOf(res)?.user.id ? { deck, basePath: `/present/decks/${deck.id}` } : undefined;
  });
  const shared = customDeck(async (req) => {
    const deck = await service.byShareToken(String(req.params.token));
    return deck ? { deck, basePath: `/present/shared/${deck.shareToken}` } : undefined;
  });

  router.use(composePages(deps, service));
  router.use(checkinPages(deps, service));
  router.get('/present/decks/:id', requireAuth(...LECTURERS), own);
  router.get('/present/decks/:id/:view', requireAuth(...LECTURERS), own);
  router.get('/present/shared/:token', shared);
  router.get('/present/shared/:token/:view', shared);
  return router;
}
