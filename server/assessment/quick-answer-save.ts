// The fast path of the busiest write (README "Saving an answer"), mounted by
// app.ts ahead of every other router.
import type { Request, RequestHandler } from 'express';
import { tokenHash } from '../lib/tokens';
import { validateAnswer } from './answer-schema';
import type { AssessmentService } from './service';

/** The session token the request's cookie carries: the accounts area knows the cookie, app.ts hands this over. */
export type SessionTokenOf = (req: Request) => string | undefined;

/**
 * The answer save is the busiest write (every radio button a user ticks), so
 * it has a hot path that authenticates and writes in one statement. Whenever
 * that writes nothing — no session or CSRF header, a body that fails the
 * schema, a submitted draft, someone else's id — the request goes on through
 * the general chain (session loader, CSRF guard, role check, validation), which
 * saves it or answers with the right problem.
 */
export function quickAnswerSave(service: AssessmentService, sessionTokenOf: SessionTokenOf): RequestHandler {
  return async (req, res, next) => {
    const token = sessionTokenOf(req);
    const csrf = req.get('x-csrf-token');
    const valid = token && csrf ? validateAnswer(req.body) : undefined;
    if (!token || !csrf || !valid?.ok) {
      next();
      return;
    }
    const saved = await service.saveAnswerForSession(
      tokenHash(token),
      csrf,
      String(req.params.id),
      String(req.params.itemCode),
      valid.value,
    );
    if (!saved) {
      next();
      return;
    }
    res.set('Cache-Control', 'private, no-store').json(saved);
  };
}
