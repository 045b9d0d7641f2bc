// Presentation area: API routers (mounted under /api/v1 after the session loader and
// CSRF guard) and page routers (mounted at the site root, same guards).
import { Router } from 'express';
import type { AreaDeps } from '../area';

export function presentationApi(_deps: AreaDeps): Router {
  return Router();
}

export function presentationPages(_deps: AreaDeps): Router {
  return Router();
}
