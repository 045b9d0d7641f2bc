// JSON API of the rectification ledger (整改台账).
import { Router } from 'express';
import { companyOf } from './api';
import { requireAuth } from '../http/access';
import { bodyValidator, valueOr400 } from '../http/validate';
import { RECTIFICATION_STATUSES, type ActionPatch, type RectificationService } from './rectification-service';

const text = (max: number) => ({ type: 'string', maxLength: max, nullable: true }) as const;

const validatePatch = bodyValidator<ActionPatch>({
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: [...RECTIFICATION_STATUSES], nullable: true },
    owner: text(100),
    dueDate: text(10),
    correctedOn: text(10),
    note: text(2000),
  },
});

export function rectificationApi(service: RectificationService): Router {
  const router = Router();
  const company = requireAuth('company');

  router.get('/assessments/:id/actions', company, async (req, res) => {
    res.json({ actions: await service.list(companyOf(res).org.id, String(req.params.id)) });
  });

  router.get('/actions/:id', company, async (req, res) => {
    res.json(await service.get(companyOf(res).org.id, String(req.params.id)));
  });

  router.patch('/actions/:id', company, async (req, res) => {
    const auth = companyOf(res);
    const patch = valueOr400(validatePatch(req.body ?? {}));
    res.json(await service.update(auth.org.id, auth.user.id, String(req.params.id), patch));
  });

  return router;
}
