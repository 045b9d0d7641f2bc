// Builds the express app from its dependencies. Never listens: main.ts does,
// and tests drive the same app through supertest.
import { rejectBadTextInBody, rejectBadTextInUrl } from './http/text-guard';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { join } from 'node:path';
import type { DbHandle } from '../db';
import { accountsApi } from './accounts/api';
import { accountPages } from './accounts/pages';
import { sessionTokenOf } from './accounts/sessions';
import { guestSessionStarter } from './accounts/guest-sessions';
import { newDraftOwner } from './assessment/guest-start';
import type { ClaimGuestWork } from './domain/actor';
import { assessmentApi } from './assessment/api';
import { quickAnswerSave } from './assessment/quick-answer-save';
import { assessmentPages } from './assessment/pages';
import type { ReportRenderers } from './assessment/report-formats';
import { defaultRenderers } from './assessment/renderers';
import { reportView } from './assessment/report-view';
import { AssessmentService } from './assessment/service';
import type { SubmissionRecorder } from './assessment/submission-recorder';
import { csrfGuard, sessionLoader } from './accounts/session-guards';
import { presentationApi, presentationPages } from './presentation/routes';
import { recordSharing, recordSubmission } from './regulator/record';
import { regulatorApi, regulatorPages } from './regulator/routes';
import { appendAudit } from './audit/audit-log';
import { catalogueApi } from './catalogue/api';
import { cataloguePages } from './catalogue/pages';
import { SearchMissLog } from './catalogue/search/miss-log';
import { searchMissPages } from './catalogue/search/miss-pages';
import type { CatalogueStore } from './catalogue/catalogue-store';
import { DEFAULT_ACCOUNT_LIMITS, projectRoot, type AccountLimits } from './config';
import { errorHandler, notFoundHandler } from './http/errors';
import type { DrainState } from './http/drain';
import { healthRoutes } from './http/health';
import { langLocals } from './http/locals';
import { loadViews } from './http/views';
import { originOf, setPublicUrl } from './http/origin';
import { sameOriginGuard } from './http/same-origin';
import { WorkLimiter } from './http/work-limiter';
import { MAX_REPORT_BYTES } from './assessment/report-limits';
import { PublicFileCache } from './http/public-files';
import type { RenderLimits } from './config';
import { availableParallelism } from 'node:os';
import type { Logger } from './logger';
import { openApiDocument } from './openapi';
import { rectificationApi } from './assessment/rectification-api';
import { rectificationPages } from './assessment/rectification-pages';
import { RectificationService } from './assessment/rectification-service';

export interface AppDeps {
  readonly database: DbHandle;
  readonly catalogues: CatalogueStore;
  readonly logger: Logger;
  readonly production: boolean;
  /** Defaults to the real DOCX/PDF renderers. */
  readonly renderers?: ReportRenderers;
  readonly viewsDir?: string;
  /** Express's trust proxy setting; default false: X-Forwarded-* are ignored. */
  readonly trustProxy?: boolean | number | string;
  /** PUBLIC_URL: the base of absolute links; default: the request's own host (http/https only). */
  readonly publicUrl?: string;
  /** PDF/DOCX/XLSX renders at once and waiting; default: one per CPU, 16 waiting. */
  readonly renderLimits?: RenderLimits;
  /** The cache of login-free rendered files; default: a new one (tests pass theirs to count renders). */
  readonly publicFiles?: PublicFileCache;
  /** Set by main.ts: /readyz answers 503 once the instance starts to shut down. */
  readonly drain?: DrainState;
  /** Open drafts per organisation, decks per lecturer; default DEFAULT_ACCOUNT_LIMITS. */
  readonly limits?: AccountLimits;
}

export function createApp(deps: AppDeps): Express {
  const viewsDir = deps.viewsDir ?? join(projectRoot, 'views');
  const views = loadViews(viewsDir);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? false);
  app.set('etag', false); // catalogue routes set version-based ETags themselves
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'upgrade-insecure-requests': deps.production ? [] : null,
        },
      },
      hsts: deps.production,
    }),
  );
  app.use(rejectBadTextInUrl);
  // Request lines are debug output: no per-request listener unless they are wanted.
  if (deps.logger.isLevelEnabled('debug')) {
    app.use((req, res, next) => {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        deps.logger.debug(
          {
            method: req.method,
            url: req.originalUrl,
            status: res.statusCode,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          },
          'request',
        );
      });
      next();
    });
  }

  const db = deps.database.db;
  // Every PDF/DOCX/XLSX render takes a slot; login-free files are rendered once per version.
  const renderLimits = deps.renderLimits ?? { concurrency: availableParallelism(), queue: 16 };
  const renders = new WorkLimiter({ ...renderLimits, retryAfterSeconds: 5 });
  const publicFiles = deps.publicFiles ?? new PublicFileCache(renders);
  const statistics: SubmissionRecorder = { submitted: recordSubmission, sharingChanged: recordSharing };
  const limits = deps.limits ?? DEFAULT_ACCOUNT_LIMITS;
  const assessments = new AssessmentService(db, deps.catalogues, statistics, appendAudit, limits.openDraftsPerOrg);
  const rectification = new RectificationService(db, appendAudit);
  const draftOwner = newDraftOwner(db, guestSessionStarter(db, deps.production));
  const claimGuestWork: ClaimGuestWork = (guestId, userId) => assessments.claimGuestWork(guestId, userId);
  const jsonBody = [express.json({ limit: '100kb' }), rejectBadTextInBody];
  // The busiest write goes first, ahead of every other router: see quickAnswerSave.
  app.put('/api/v1/assessments/:id/answers/:itemCode', jsonBody, quickAnswerSave(assessments, sessionTokenOf));
  app.use(healthRoutes(deps.database, deps.logger, deps.drain));
  app.use(
    '/assets',
    express.static(join(viewsDir, 'assets'), { maxAge: deps.production ? '1d' : 0, fallthrough: true }),
  );
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  const searchMisses = new SearchMissLog(db, (err) => {
    deps.logger.warn({ err: String(err) }, 'search misses not written');
  });
  app.use('/api/v1', catalogueApi(deps.catalogues, db, searchMisses, publicFiles));

  // Everything below may change state: bodies are small, sessions come from the database.
  setPublicUrl(app, deps.publicUrl);
  const baseUrl = originOf;
  // A pasted JSON report can be larger than any other form: only /verify accepts that much, a few at a
  // time, and the API reads it as text so that it is checked as written (see parseStrictJson).
  const verifying = new WorkLimiter({ concurrency: 2, queue: 8, retryAfterSeconds: 5 });
  app.post('/verify', verifying.middleware, express.urlencoded({ extended: false, limit: MAX_REPORT_BYTES }));
  app.post('/api/v1/verify', verifying.middleware, express.text({ type: () => true, limit: MAX_REPORT_BYTES }));
  const sameOrigin = sameOriginGuard(deps.publicUrl);
  app.post(sameOrigin.paths, sameOrigin.handler);
  app.use(jsonBody);
  app.use(express.urlencoded({ extended: false, limit: '100kb' }), rejectBadTextInBody);
  const area = {
    db,
    renders,
    publicFiles,
    catalogues: deps.catalogues,
    views,
    logger: deps.logger,
    production: deps.production,
    copyCsv: deps.database.copyCsv,
    limits,
  };
  app.use(
    '/api/v1',
    sessionLoader(db),
    csrfGuard,
    accountsApi(db, appendAudit, deps.production, baseUrl, claimGuestWork),
    assessmentApi(assessments, deps.renderers ?? defaultRenderers, renders, draftOwner),
    rectificationApi(rectification),
    presentationApi(area),
    regulatorApi(area),
  );
  app.use(langLocals(deps.production));
  app.use((_req, res, next) => {
    res.locals.version = deps.catalogues.current().version;
    next();
  });
  app.use(cataloguePages(deps.catalogues, views, searchMisses));
  app.use(
    sessionLoader(db),
    csrfGuard,
    accountPages(db, appendAudit, deps.production, views, baseUrl, claimGuestWork),
    rectificationPages(rectification, views),
    assessmentPages(assessments, deps.catalogues, views, draftOwner),
    presentationPages(area),
    regulatorPages(area, reportView),
    searchMissPages(searchMisses, views),
  );
  app.use(notFoundHandler);
  app.use(errorHandler(views, deps.logger));
  return app;
}
