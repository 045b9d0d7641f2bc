import { Router } from 'express';
import type { DbHandle } from '../../db';
import { translate } from '../i18n';
import { problemLang } from './locals';

/** /healthz: the process answers. /readyz: the database answers too (503 while it does not). */
export function healthRoutes(database: Pick<DbHandle, 'ping' | 'kind'>): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    try {
      await database.ping(2000);
      res.json({ status: 'ready', database: database.kind });
    } catch (err) {
      res
        .status(503)
        .type('application/problem+json')
        .send(
          JSON.stringify({
            type: 'https://hegui.example/problems/503',
            title: 'Service Unavailable',
            status: 503,
            detail: translate(problemLang(req), 'error.databaseUnreachable', { reason: (err as Error).message }),
            instance: req.originalUrl,
          }),
        );
    }
  });
  return router;
}
