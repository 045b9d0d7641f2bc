// JSON API of assessments, reports and verification.
import { Router, type Request, type Response } from 'express';
import { authOf, requireAuth } from '../http/access';
import type { AuthContext } from '../domain/actor';
import { badRequest, forbidden, notFound, unauthorized } from '../http/errors';
import { Lru } from '../lib/lru';
import { bodyValidator, valueOr400 } from '../http/validate';
import { pageLinks, pageQueryOf } from '../http/pagination';
import type { WorkLimiter } from '../http/work-limiter';
import { CHECK_MODES, type CheckMode } from '../domain/check-mode';
import { parseStrictJson, type StrictJsonResult } from '../lib/strict-json';
import type { MessageKey, MessageParams } from '../i18n';
import { fingerprintOf } from './fingerprint';
import type { VerifiedReport } from './verified-report';
import { validateAnswer } from './answer-schema';
import type { AssessmentService } from './service';
import type { ReportRenderers } from './report-formats';
import type { NewDraftOwner } from './guest-start';
import { ownerFor, ownerOf, requireOwner } from './owner';

const validateCreate = bodyValidator<{
  profile: { tags: string[] };
  copyFrom?: string;
  scene?: string;
  mode?: CheckMode;
}>({
  type: 'object',
  additionalProperties: false,
  required: ['profile'],
  properties: {
    profile: {
      type: 'object',
      additionalProperties: false,
      required: ['tags'],
      properties: { tags: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 40 } } },
    },
    copyFrom: { type: 'string', format: 'uuid', nullable: true },
    scene: { type: 'string', minLength: 1, maxLength: 60, nullable: true },
    mode: { type: 'string', enum: [...CHECK_MODES], nullable: true },
  },
});
const validateExtend = bodyValidator<{ domain?: string }>({
  type: 'object',
  additionalProperties: false,
  properties: { domain: { type: 'string', minLength: 1, maxLength: 10, nullable: true } },
});
const validateSharing = bodyValidator<{ shared: boolean }>({
  type: 'object',
  additionalProperties: false,
  required: ['shared'],
  properties: { shared: { type: 'boolean' } },
});

/** The company user's organisation; other roles have no assessments. */
export function companyOf(res: Response): AuthContext & { org: NonNullable<AuthContext['org']> } {
  const auth = authOf(res);
  if (!auth) throw unauthorized();
  if (!auth.org) throw forbidden('assess.error.companyOnly');
  return auth as AuthContext & { org: NonNullable<AuthContext['org']> };
}

export function assessmentApi(
  service: AssessmentService,
  renderers: ReportRenderers,
  renders: WorkLimiter,
  draftOwner: NewDraftOwner,
): Router {
  const router = Router();
  const company = requireAuth('company');

  // A visitor without an account starts a guest's draft (rate-limited per address).
  router.post('/assessments', async (req, res) => {
    const body = valueOr400(validateCreate(req.body));
    // A guest may run a quick check only; a full check needs an account.
    if (ownerOf(res)?.kind !== 'member' && (!body.scene || body.mode === 'full')) throw unauthorized();
    const owner = await draftOwner(req, res);
    if (owner.kind === 'guest' && body.copyFrom) throw forbidden('guest.error.copyNeedsAccount');
    const created = await service.create(owner, body.profile.tags, body.copyFrom ?? undefined, {
      scene: body.scene ?? undefined,
      mode: body.mode ?? undefined,
    });
    res.status(201).location(`/api/v1/assessments/${created.id}`).json(created);
  });

  router.get('/assessments', company, async (req, res) => {
    const q = pageQueryOf(req);
    const page = await service.list(companyOf(res).org.id, q);
    const links = pageLinks(req, '/api/v1/assessments', page, q);
    res.json({ assessments: page.items, next: links.next ?? null, prev: links.prev ?? null });
  });

  router.get('/assessments/:id', requireOwner, async (req, res) => {
    res.json(await service.get(ownerFor(res), String(req.params.id)));
  });

  router.put('/assessments/:id/answers/:itemCode', requireOwner, async (req, res) => {
    const input = valueOr400(validateAnswer(req.body));
    res.json(await service.saveAnswer(ownerFor(res), String(req.params.id), String(req.params.itemCode), input));
  });

  router.post('/assessments/:id/submit', requireOwner, async (req, res) => {
    const { fingerprint, submittedAt, coverage } = await service.submit(ownerFor(res), String(req.params.id));
    res.json({ fingerprint, submittedAt, coverage });
  });

  router.post('/assessments/:id/extend', requireOwner, async (req, res) => {
    const { domain } = valueOr400(validateExtend(req.body ?? {}));
    res.json(await service.extend(ownerFor(res), String(req.params.id), domain ?? undefined));
  });

  router.post('/assessments/:id/move-to-current', requireOwner, async (req, res) => {
    res.json(await service.moveToCurrent(ownerFor(res), String(req.params.id)));
  });

  router.put('/assessments/:id/sharing', company, async (req, res) => {
    const auth = companyOf(res);
    const { shared } = valueOr400(validateSharing(req.body));
    res.json(await service.setSharing(auth.org.id, auth.user.id, String(req.params.id), shared));
  });

  // A submitted report never changes, so a rendered file is reused for its fingerprint.
  const files = new Lru<string, Buffer>(50);
  const sendReport =
    (format: 'json' | 'docx' | 'pdf') =>
    async (req: Request, res: Response): Promise<void> => {
      const { report, fingerprint } = await service.report(ownerFor(res), String(req.params.id));
      res.set('X-Report-Fingerprint', fingerprint);
      if (format === 'json') {
        res.json(report);
        return;
      }
      const key = `${format}:${fingerprint}`;
      let buffer = files.get(key);
      if (!buffer) {
        buffer = await renders.run(() =>
          format === 'docx' ? renderers.docx(report, fingerprint) : renderers.pdf(report, fingerprint),
        );
        files.set(key, buffer);
      }
      res
        .type(
          format === 'docx'
            ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
            : 'application/pdf',
        )
        .attachment(`hegui-report-${fingerprint.slice(0, 12)}.${format}`)
        .send(buffer);
    };
  router.get('/assessments/:id/report', requireOwner, sendReport('json'));
  router.get('/assessments/:id/report.docx', requireOwner, sendReport('docx'));
  router.get('/assessments/:id/report.pdf', requireOwner, sendReport('pdf'));

  router.get('/verify/:fingerprint', async (req, res) => {
    const found = await service.verify(req.params.fingerprint.toLowerCase());
    if (!found) throw notFound('verify.error.noReport');
    res.json(verifiedBody(req.params.fingerprint.toLowerCase(), found));
  });

  // The body arrives as text (see app.ts): a report is checked as written, so a
  // duplicated key or a nesting bomb is refused instead of silently resolved.
  router.post('/verify', async (req, res) => {
    const parsed = typeof req.body === 'string' ? parseStrictJson(req.body) : undefined;
    if (!parsed?.ok) {
      const problem = reportProblem(parsed);
      throw badRequest(problem.key, problem.params);
    }
    const report = parsed.value;
    if (report === null || typeof report !== 'object' || Array.isArray(report))
      throw badRequest('verify.error.bodyMissing');
    const fingerprint = fingerprintOf(report);
    const found = await service.verify(fingerprint);
    res.json(found ? verifiedBody(fingerprint, found) : { match: false, fingerprint });
  });

  return router;
}

const verifiedBody = (fingerprint: string, found: VerifiedReport): Record<string, unknown> => ({
  match: true,
  fingerprint,
  submittedAt: found.submittedAt,
  checklistVersion: found.checklistVersion,
  org: found.org,
  mode: found.mode,
  coverage: found.coverage,
});

function reportProblem(parsed: StrictJsonResult | undefined): { key: MessageKey; params?: MessageParams } {
  if (!parsed || parsed.ok) return { key: 'verify.error.bodyMissing' };
  if (parsed.reason === 'duplicate-key')
    return { key: 'verify.error.duplicateKeyAt', params: { detail: parsed.detail, at: parsed.at } };
  if (parsed.reason === 'too-deep') return { key: 'verify.error.tooDeep', params: { detail: parsed.detail } };
  return { key: 'verify.error.syntax', params: { detail: parsed.detail, at: parsed.at } };
}
