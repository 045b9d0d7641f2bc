// JSON API of assessments, reports and verification.
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { JSONSchemaType } from 'ajv';
import { authOf, requireAuth, unauthorized } from '../http/auth';
import { SESSION_COOKIE, tokenHash, type AuthContext } from '../accounts/sessions';
import { readCookie } from '../http/cookies';
import { badRequest, HttpError, notFound } from '../http/errors';
import { Lru } from '../http/lru';
import { bodyValidator } from '../http/validate';
import { parseStrictJson, type StrictJsonResult } from '../lib/strict-json';
import { fingerprintOf } from './fingerprint';
import type { VerifiedReport } from './verified-report';
import type { AnswerInput, AssessmentService } from './service';
import { ANSWER_STATUSES } from './service';
import type { ReportRenderers } from './report-formats';

const date = { type: 'string', format: 'date', nullable: true } as const;

export const answerSchema: JSONSchemaType<AnswerInput> = {
  type: 'object',
  additionalProperties: false,
  required: ['status'],
  properties: {
    status: { type: 'string', enum: [...ANSWER_STATUSES] },
    note: { type: 'string', maxLength: 2000, nullable: true },
    owner: { type: 'string', maxLength: 100, nullable: true },
    dueDate: date,
    correctedOn: date,
  },
};
const validateAnswer = bodyValidator(answerSchema);
const validateCreate = bodyValidator<{ profile: { tags: string[] }; copyFrom?: string }>({
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
  },
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
  if (!auth.org) throw new HttpError(403, 'Forbidden', '只有企业账号可以自评。Only company accounts have assessments.');
  return auth as AuthContext & { org: NonNullable<AuthContext['org']> };
}

/**
 * The answer save is the busiest write (every radio button a user ticks), so
 * it has a hot path that authenticates and writes in one statement. Whenever
 * that writes nothing — no session or CSRF header, a body that fails the
 * schema, a submitted draft, someone else's id — the request goes on through
 * the general chain (session loader, CSRF guard, role check, validation), which
 * saves it or answers with the right problem.
 */
export function quickAnswerSave(service: AssessmentService): RequestHandler {
  return async (req, res, next) => {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    const csrf = req.get('x-csrf-token');
    const body: unknown = req.body;
    if (!token || !csrf || !validateAnswer.matches(body)) {
      next();
      return;
    }
    const saved = await service.saveAnswerForSession(
      tokenHash(token),
      csrf,
      String(req.params.id),
      String(req.params.itemCode),
      body,
    );
    if (!saved) {
      next();
      return;
    }
    res.set('Cache-Control', 'private, no-store').json(saved);
  };
}

export function assessmentApi(service: AssessmentService, renderers: ReportRenderers): Router {
  const router = Router();
  const company = requireAuth('company');

  router.post('/assessments', company, async (req, res) => {
    const auth = companyOf(res);
    const body = validateCreate(req.body);
    const created = await service.create(auth.org.id, auth.user.id, body.profile.tags, body.copyFrom ?? undefined);
    res.status(201).location(`/api/v1/assessments/${created.id}`).json(created);
  });

  router.get('/assessments', company, async (_req, res) => {
    res.json({ assessments: await service.list(companyOf(res).org.id) });
  });

  router.get('/assessments/:id', company, async (req, res) => {
    res.json(await service.get(companyOf(res).org.id, String(req.params.id)));
  });

  router.put('/assessments/:id/answers/:itemCode', company, async (req, res) => {
    const auth = companyOf(res);
    const input = validateAnswer(req.body);
    res.json(
      await service.saveAnswer(auth.org.id, auth.user.id, String(req.params.id), String(req.params.itemCode), input),
    );
  });

  router.post('/assessments/:id/submit', company, async (req, res) => {
    const auth = companyOf(res);
    const { fingerprint, submittedAt } = await service.submit(
      auth.org.id,
      auth.user.id,
      String(req.params.id),
      auth.org,
    );
    res.json({ fingerprint, submittedAt });
  });

  router.post('/assessments/:id/move-to-current', company, async (req, res) => {
    const auth = companyOf(res);
    res.json(await service.moveToCurrent(auth.org.id, auth.user.id, String(req.params.id)));
  });

  router.put('/assessments/:id/sharing', company, async (req, res) => {
    const auth = companyOf(res);
    const { shared } = validateSharing(req.body);
    res.json(await service.setSharing(auth.org.id, auth.user.id, String(req.params.id), shared));
  });

  // A submitted report never changes, so a rendered file is reused for its fingerprint.
  const files = new Lru<string, Buffer>(50);
  const sendReport =
    (format: 'json' | 'docx' | 'pdf') =>
    async (req: Request, res: Response): Promise<void> => {
      const auth = companyOf(res);
      const { report, fingerprint } = await service.report(auth.org.id, String(req.params.id));
      res.set('X-Report-Fingerprint', fingerprint);
      if (format === 'json') {
        res.json(report);
        return;
      }
      const key = `${format}:${fingerprint}`;
      let buffer = files.get(key);
      if (!buffer) {
        buffer =
          format === 'docx' ? await renderers.docx(report, fingerprint) : await renderers.pdf(report, fingerprint);
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
  router.get('/assessments/:id/report', company, sendReport('json'));
  router.get('/assessments/:id/report.docx', company, sendReport('docx'));
  router.get('/assessments/:id/report.pdf', company, sendReport('pdf'));

  router.get('/verify/:fingerprint', async (req, res) => {
    const found = await service.verify(req.params.fingerprint.toLowerCase());
    if (!found) throw notFound('没有与此校验码相符的已提交报告。No submitted report has this fingerprint.');
    res.json(verifiedBody(req.params.fingerprint.toLowerCase(), found));
  });

  // The body arrives as text (see app.ts): a report is checked as written, so a
  // duplicated key or a nesting bomb is refused instead of silently resolved.
  router.post('/verify', async (req, res) => {
    const parsed = typeof req.body === 'string' ? parseStrictJson(req.body) : undefined;
    if (!parsed?.ok) throw badRequest(reportProblem(parsed));
    const report = parsed.value;
    if (report === null || typeof report !== 'object' || Array.isArray(report))
      throw badRequest('请求正文应为 JSON 报告。Send the JSON report as the request body.');
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
});

function reportProblem(parsed: StrictJsonResult | undefined): string {
  if (!parsed) return '请求正文应为 JSON 报告。Send the JSON report as the request body.';
  if (parsed.ok) return '';
  if (parsed.reason === 'duplicate-key')
    return `报告中有重复的键，不能核验（位置 ${parsed.at}）。The report has a duplicated key (${parsed.detail}, at ${parsed.at}) and cannot be verified.`;
  if (parsed.reason === 'too-deep')
    return `报告的嵌套层级超过真实报告，不能核验。The document is ${parsed.detail}: no real report is.`;
  return `报告不是有效的 JSON（位置 ${parsed.at}）。The report is not valid JSON (${parsed.detail} at ${parsed.at}).`;
}
