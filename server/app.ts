// Builds the express app from its dependencies. Never listens: main.ts does,
// and tests drive the same app through supertest.
import express, { type Express } from 'express';
import helmet from 'helmet';
import { join } from 'node:path';
import type { DbHandle } from '../db';
import { accountsApi } from './accounts/api';
import { accountPages } from './accounts/pages';
import { assessmentApi, quickAnswerSave } from './assessment/api';
import { assessmentPages } from './assessment/pages';
import type { ReportRenderers } from './assessment/report-formats';
import { defaultRenderers } from './assessment/renderers';
import { AssessmentService } from './assessment/service';
import { csrfGuard, sessionLoader } from './http/auth';
import { presentationApi, presentationPages } from './presentation/routes';
import { regulatorApi, regulatorPages } from './regulator/routes';
import { catalogueApi } from './catalogue/api';
import { cataloguePages } from './catalogue/pages';
import type { CatalogueStore } from './catalogue/versions';
import { projectRoot } from './config';
import { errorHandler, notFoundHandler } from './http/errors';
import type { DrainState } from './http/drain';
import { healthRoutes } from './http/health';
import { langLocals } from './http/locals';
import { loadViews } from './http/views';
import type { Logger } from './logger';
import { openApiDocument } from './openapi';

export interface AppDeps {
  readonly database: DbHandle;
  readonly catalogues: CatalogueStore;
  readonly logger: Logger;
  readonly production: boolean;
  /** Defaults to the real DOCX/PDF renderers. */
  readonly renderers?: ReportRenderers;
  readonly viewsDir?: string;
  /** Set by main.ts: /readyz answers 503 once the instance starts to shut down. */
  readonly drain?: DrainState;
}

export function createApp(deps: AppDeps): Express {
  const viewsDir = deps.viewsDir ?? join(projectRoot, 'views');
  const views = loadViews(viewsDir);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
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
  const assessments = new AssessmentService(db, deps.catalogues);
  const jsonBody = express.json({ limit: '100kb' });
  // The busiest write goes first, ahead of every other router: see quickAnswerSave.
  app.put('/api/v1/assessments/:id/answers/:itemCode', jsonBody, quickAnswerSave(assessments));
  app.use(healthRoutes(deps.database, deps.drain));
  app.use(
    '/assets',
    express.static(join(viewsDir, 'assets'), { maxAge: deps.production ? '1d' : 0, fallthrough: true }),
  );
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  app.use('/api/v1', catalogueApi(deps.catalogues, db));

  // Everything below may change state: bodies are small, sessions come from the database.
  const baseUrl = (req: express.Request): string => `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  // A pasted JSON report can be larger than any other form: only /verify accepts that much.
  app.post('/verify', express.urlencoded({ extended: false, limit: '5mb' }));
  app.post('/api/v1/verify', express.json({ limit: '5mb' }));
  app.use(jsonBody);
  app.use(express.urlencoded({ extended: false, limit: '100kb' }));
  const area = {
    db,
    catalogues: deps.catalogues,
    views,
    logger: deps.logger,
    production: deps.production,
    copyCsv: deps.database.copyCsv,
  };
  app.use(
    '/api/v1',
    sessionLoader(db),
    csrfGuard,
    accountsApi(db, deps.production, baseUrl),
    assessmentApi(assessments, deps.renderers ?? defaultRenderers),
    presentationApi(area),
    regulatorApi(area),
  );
  app.use(langLocals(deps.production));
  app.use((_req, res, next) => {
    res.locals.version = deps.catalogues.current().version;
    next();
  });
  app.use(cataloguePages(deps.catalogues, views));
  app.use(
    sessionLoader(db),
    csrfGuard,
    accountPages(db, deps.production, views, baseUrl),
    assessmentPages(assessments, deps.catalogues, views),
    presentationPages(area),
    regulatorPages(area),
  );
  app.use(notFoundHandler);
  app.use(errorHandler(views, deps.logger));
  return app;
}
