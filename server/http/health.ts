import { Router } from 'express';
import type { DbHandle } from '../../db';
import { translate } from '../i18n';
import { problemLang } from './locals';
import type { DrainState } from './drain';
import type { Logger } from '../logger';

/**
 * /healthz: the process answers. /readyz: the database answers too (503 while it does not),
 * and the instance is not shutting down (503 from the moment it starts to drain).
 */
export function healthRoutes(database: Pick<DbHandle, 'ping' | 'kind'>, logger: Logger, drain?: DrainState): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    if (drain?.draining) {
      res
        .status(503)
        .set('Retry-After', '1')
        .type('application/problem+json')
        .send(
          JSON.stringify({
            type: 'https://hegui.example/problems/503',
            title: 'Service Unavailable',
            status: 503,
            detail: 'This instance is shutting down; another instance takes the requests.',
            instance: req.originalUrl,
          }),
        );
      return;
    }
    try {
      await database.ping(2000);
      res.json({ status: 'ready', database: database.kind });
    } catch (err) {
      // The reason names the database's address (connect ECONNREFUSED 10.0.0.5:5432): for the log, not for callers.
      logger.warn({ err: (err as Error).message }, 'readyz: database not reachable');
      res
        .status(503)
        .set('Retry-After', '2')
        .type('application/problem+json')
        .send(
          JSON.stringify({
            type: 'https://hegui.example/problems/503',
            title: 'Service Unavailable',
            status: 503,
            detail: translate(problemLang(req), 'error.databaseUnavailable'),
            instance: req.originalUrl,
          }),
        );
    }
  });
  return router;
}
