// /api/v1/stats/*, /api/v1/exports/* (session or Bearer token, regulators and
// admins) and /api/v1/regulator/tokens (session only: a token cannot mint tokens).
import { pageLinks, pageQueryOf } from '../http/pagination';
import { Router, type Request, type Response } from 'express';
import type { AreaDeps } from '../area';
import { REGULATOR_ROLES } from '../domain/roles';
import { CHECK_MODES, isCheckMode, type CheckMode } from '../domain/check-mode';
import { authOf, requireAuth } from '../http/access';
import { badRequest, fieldError } from '../http/errors';
import { bodyValidator, valueOr400 } from '../http/validate';
import { sendAnswersCsv, sendAnswersXlsx } from './answers-export';
import { exportLang, type ExportLang } from './export-labels';
import { parseFilters } from './filters';
import { listSharedReports } from './shared-reports';
import type { Summary } from './stats';
import { SummaryCache } from './summary-cache';
import { sendSummaryCsv, sendSummaryXlsx, summaryJson } from './summary-export';
import { bearerAuth, createToken, listTokens, revokeToken, type TokenInfo } from './tokens';

const tokenBody = bodyValidator<{ name: string }>({
  type: 'object',
  properties: { name: { type: 'string', minLength: 1, maxLength: 80 } },
  required: ['name'],
  additionalProperties: false,
});

const stamp = (): string => new Date().toISOString().slice(0, 10);
const tokenJson = (t: TokenInfo): Record<string, unknown> => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
});

/** ?mode=quick|full: a quick and a full check told apart (absent: both). */
function modeFilter(raw: unknown): CheckMode | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (isCheckMode(raw)) return raw;
  throw badRequest('reg.error.filters', undefined, [
    fieldError('mode', 'quick.error.modeFilter', { values: CHECK_MODES.join(', ') }),
  ]);
}

export function pageNumber(raw: unknown): number {
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100000)
    throw badRequest('reg.error.page', undefined, [fieldError('page', 'reg.error.pageField')]);
  return n;
}

export function regulatorApiRouter(deps: AreaDeps): Router {
  const router = Router();
  const regulator = requireAuth(...REGULATOR_ROLES);
  const summaries = new SummaryCache(deps.db);
  const readers = [bearerAuth(deps.db), regulator];
  const filtersOf = (req: Request) => parseFilters(req.query, deps.catalogues);

  router.get('/stats/summary', ...readers, async (req, res) => {
    const { filters, catalogue } = await filtersOf(req);
    res.json(await summaries.get(catalogue, filters));
  });

  router.get('/stats/shared-reports', ...readers, async (req, res) => {
    const { filters } = await filtersOf(req);
    const page = pageNumber(req.query.page);
    const list = await listSharedReports(deps.db, filters, page, modeFilter(req.query.mode));
    res.json({ page, pageSize: 50, total: list.total, reports: list.entries });
  });

  const summaryExport =
    (send: (res: Response, s: Summary, name: string, lang: ExportLang) => Promise<void> | void, ext: string) =>
    async (req: Request, res: Response): Promise<void> => {
      const { filters, catalogue } = await filtersOf(req);
      await send(res, await summaries.get(catalogue, filters), `hegui-summary-${stamp()}.${ext}`, exportLang(req));
    };
  router.get('/exports/summary.csv', ...readers, summaryExport(sendSummaryCsv, 'csv'));
  router.get('/exports/summary.xlsx', ...readers, deps.renders.middleware, summaryExport(sendSummaryXlsx, 'xlsx'));
  router.get(
    '/exports/summary.json',
    ...readers,
    summaryExport((res, s, name) => {
      res.attachment(name).json(summaryJson(s));
    }, 'json'),
  );

  router.get('/exports/answers.csv', ...readers, async (req, res) => {
    const { filters, catalogue } = await filtersOf(req);
    await sendAnswersCsv(
      res,
      deps.db,
      catalogue,
      filters,
      `hegui-answers-${stamp()}.csv`,
      exportLang(req),
      deps.copyCsv,
    );
  });
  // Streamed: the slot is held until the response ends.
  router.get('/exports/answers.xlsx', ...readers, deps.renders.middleware, async (req, res) => {
    const { filters, catalogue } = await filtersOf(req);
    await sendAnswersXlsx(res, deps.db, catalogue, filters, `hegui-answers-${stamp()}.xlsx`, exportLang(req));
  });

  router.get('/exports/report.docx', ...readers, async (req, res) => {
    const { filters, catalogue } = await filtersOf(req);
    const summary = await summaries.get(catalogue, filters);
    // Loaded on first use: the document libraries cost tens of MB a server may never need.
    const buffer = await deps.renders.run(() =>
      (require('./report-docx') as typeof import('./report-docx')).renderStatsDocx(summary, catalogue),
    );
    res
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .attachment(`hegui-statistics-${stamp()}.docx`)
      .send(buffer);
  });
  router.get('/exports/report.pdf', ...readers, async (req, res) => {
    const { filters, catalogue } = await filtersOf(req);
    const summary = await summaries.get(catalogue, filters);
    // Loaded on first use: the document libraries cost tens of MB a server may never need.
    const buffer = await deps.renders.run(() =>
      (require('./report-pdf') as typeof import('./report-pdf')).renderStatsPdf(summary, catalogue),
    );
    res.type('application/pdf').attachment(`hegui-statistics-${stamp()}.pdf`).send(buffer);
  });

  router.get('/regulator/tokens', regulator, async (req, res) => {
    const auth = authOf(res);
    const q = pageQueryOf(req);
    const page = await listTokens(deps.db, auth?.user.id ?? '', q);
    const links = pageLinks(req, '/api/v1/regulator/tokens', page, q);
    res.json({ tokens: page.items.map(tokenJson), next: links.next ?? null, prev: links.prev ?? null });
  });
  router.post('/regulator/tokens', regulator, async (req, res) => {
    const auth = authOf(res);
    const { name } = valueOr400(tokenBody(req.body));
    const created = await createToken(deps.db, auth?.user.id ?? '', name.trim());
    res.status(201).json({ token: created.token, ...tokenJson(created.info) });
  });
  router.delete('/regulator/tokens/:id', regulator, async (req, res) => {
    const auth = authOf(res);
    await revokeToken(deps.db, auth?.user.id ?? '', String(req.params.id));
    res.status(204).end();
  });
  return router;
}
