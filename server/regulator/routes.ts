// Regulator area: API routers (mounted under /api/v1 after the session loader and
// CSRF guard) and page routers (mounted at the site root, same guards).
import type { Router } from 'express';
import type { AreaDeps } from '../area';
import { regulatorApiRouter } from './api';
import { regulatorPagesRouter, type SharedReportView } from './pages';

export function regulatorApi(deps: AreaDeps): Router {
  return regulatorApiRouter(deps);
}

export function regulatorPages(deps: AreaDeps, reportView: SharedReportView): Router {
  return regulatorPagesRouter(deps, reportView);
}
