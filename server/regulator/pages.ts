// Regulator pages: the dashboard (/regulator, filters in the URL), the list of
// shared reports, one shared report, and API tokens (create, shown once; revoke).
import { pageLinks, pageQueryOf } from '../http/pagination';
import { formatMediumDateTime } from '../lib/dates';
import { Router, type Request, type Response } from 'express';
import type { AreaDeps } from '../area';
import type { Report } from '../domain/report';
import { REGULATOR_ROLES } from '../domain/roles';
import { listVersions } from '../catalogue/version-list';
import { authOf, requireAuth } from '../http/access';
import { bodyOf, field, FormErrors, langOf, pageTitle } from '../http/forms';
import { translate } from '../i18n';
import { pageRenderer } from '../http/page-render';
import { pageNumber } from './api';
import { dashboardView, fmtPct } from './dashboard-view';
import { filterQuery, parseFilters } from './filters';
import { listSharedReports, PAGE_SIZE, sharedReport } from './shared-reports';
import { SummaryCache } from './summary-cache';
import { activeToken, createToken, listTokens, revokeToken, type TokenInfo } from './tokens';
import { keepForReveal, takeRevealed } from './token-reveal';

/** Shows a shared report as its company sees it: the assessment area's view, handed over by app.ts. */
export type SharedReportView = (report: Report, fingerprint: string) => object;

export function regulatorPagesRouter(deps: AreaDeps, reportView: SharedReportView): Router {
  const router = Router();
  const base = pageRenderer(deps.views);
  const render = (res: Response, name: string, data: Record<string, unknown>): void => {
    base(res, name, { regulatorNav: true, ...data });
  };
  const regulator = requireAuth(...REGULATOR_ROLES);
  const summaries = new SummaryCache(deps.db);

  router.get('/regulator', regulator, async (req, res) => {
    const { filters, catalogue } = await parseFilters(req.query, deps.catalogues);
    const [summary, regions, versions, shared] = await Promise.all([
      summaries.get(catalogue, filters),
      deps.db
        .selectFrom('stat_submissions')
        .select('region')
        .distinct()
        .where('version_id', '=', filters.version)
        .orderBy('region')
        .execute(),
      listVersions(deps.db),
      listSharedReports(deps.db, filters, 1),
    ]);
    const lang = langOf(res);
    render(res, 'regulator/dashboard', {
      title: translate(lang, 'reg.title'),
      ...dashboardView({
        summary,
        catalogue,
        filters,
        regions: regions.map((r) => r.region),
        versions,
        shared: { total: shared.total, entries: shared.entries.slice(0, 10) },
        department: authOf(res)?.user.department ?? null,
        lang,
      }),
    });
  });

  router.get('/regulator/reports', regulator, async (req, res) => {
    const { filters } = await parseFilters(req.query, deps.catalogues);
    const page = pageNumber(req.query.page);
    const list = await listSharedReports(deps.db, filters, page);
    const lang = langOf(res);
    const q = filterQuery(filters);
    render(res, 'regulator/reports', {
      title: translate(lang, 'reg.sharedReports'),
      hint: translate(lang, 'reg.sharedHint', { n: list.total }),
      back: `/regulator?${q}`,
      entries: list.entries.map((e) => ({ ...e, href: `/regulator/reports/${e.id}`, rate: fmtPct(e.complianceRate) })),
      prev: page > 1 ? `/regulator/reports?${filterQuery(filters, { page: String(page - 1) })}` : undefined,
      next:
        page * PAGE_SIZE < list.total
          ? `/regulator/reports?${filterQuery(filters, { page: String(page + 1) })}`
          : undefined,
    });
  });

  router.get('/regulator/reports/:id', regulator, async (req, res) => {
    const found = await sharedReport(deps.db, String(req.params.id));
    render(res, 'assessment/report', {
      ...reportView(found.report, found.fingerprint),
      title: translate(langOf(res), 'reg.sharedReport'),
    });
  });

  const tokensPage = async (
    req: Request,
    res: Response,
    extra: Record<string, unknown> = {},
    errors?: FormErrors,
  ): Promise<void> => {
    const auth = authOf(res);
    const lang = langOf(res);
    const q = pageQueryOf(req);
    const page = await listTokens(deps.db, auth?.user.id ?? '', q);
    const fmt = (d: Date | null): string | undefined => (d ? formatMediumDateTime(d, lang) : undefined);
    res.status(errors?.any ? 400 : 200);
    render(res, 'regulator/tokens', {
      title: pageTitle(res, 'reg.tokens', errors),
      formErrors: errors?.view(),
      pages: pageLinks(req, '/regulator/tokens', page, q),
      tokens: page.items.map((tk: TokenInfo) => ({
        id: tk.id,
        name: tk.name,
        created: fmt(tk.createdAt),
        lastUsed: fmt(tk.lastUsedAt),
        revoked: tk.revokedAt !== null,
        revokeLabel: translate(lang, 'reg.token.revokeLabel', { name: tk.name }),
        confirmHref: `/regulator/tokens/${tk.id}/revoke`,
      })),
      revokedNotice: req.query.revoked === '1',
      ...extra,
    });
  };

  router.get('/regulator/tokens', regulator, async (req, res) => {
    // No cache: the page may carry a token shown once.
    res.set('Cache-Control', 'no-store');
    const kept = takeRevealed(req, res, deps.production);
    if (!kept) {
      await tokensPage(req, res);
      return;
    }
    const mine = await activeToken(deps.db, authOf(res)?.user.id ?? '', kept.id);
    await tokensPage(req, res, mine ? { created: { token: kept.token, name: mine.name } } : {});
  });

  // Revoking asks first: the list links here, this page posts the revocation.
  router.get('/regulator/tokens/:id/revoke', regulator, async (req, res) => {
    const id = String(req.params.id);
    const tk = await activeToken(deps.db, authOf(res)?.user.id ?? '', id);
    if (!tk) {
      res.redirect(303, '/regulator/tokens');
      return;
    }
    render(res, 'regulator/token-revoke', {
      title: translate(langOf(res), 'reg.token.revokeLabel', { name: tk.name }),
      token: { id: tk.id, name: tk.name },
    });
  });

  router.post('/regulator/tokens', regulator, async (req, res) => {
    const name = field(bodyOf(req), 'name').trim();
    const lang = langOf(res);
    if (name.length < 1 || name.length > 80) {
      const errors = new FormErrors();
      errors.add('name', 'token-name', translate(lang, 'reg.token.error.name'));
      await tokensPage(req, res, { nameValue: name }, errors);
      return;
    }
    const created = await createToken(deps.db, authOf(res)?.user.id ?? '', name);
    // POST-redirect-GET: the token waits in a short-lived cookie, never in a URL (token-reveal.ts).
    keepForReveal(res, created.info.id, created.token, deps.production);
    res.redirect(303, '/regulator/tokens');
  });

  router.post('/regulator/tokens/:id/revoke', regulator, async (req, res) => {
    await revokeToken(deps.db, authOf(res)?.user.id ?? '', String(req.params.id));
    res.redirect(303, '/regulator/tokens?revoked=1');
  });
  return router;
}
