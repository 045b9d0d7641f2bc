// Regulator area: API routers (mounted under /api/v1 after the session loader and
// CSRF guard) and page routers (mounted at the site root, same guards).
import { Router } from 'express';
import type { AreaDeps } from '../area';

export function regulatorApi(_deps: AreaDeps): Router {
  return Router();
}

export function regulatorPages(_deps: AreaDeps): Router {
  return Router();
}
