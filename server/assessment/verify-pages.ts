// Public verification of a report: by the fingerprint printed on it, or by the
// JSON report itself (its fingerprint is computed again). Says only whether it
// matches a submitted report and when that was submitted.
import { Router, type Response } from 'express';
import { bodyOf, field, FormErrors, langOf, pageTitle } from '../http/forms';
import { translate } from '../i18n';
import type { RenderPage } from '../http/page-render';
import { parseStrictJson } from '../lib/strict-json';
import { fingerprintOf } from './fingerprint';
import { formatDateTime } from './page-models';
import type { AssessmentService } from './service';

const FINGERPRINT = /^[0-9a-f]{64}$/;

/** As copied from a printout: spaces and line breaks dropped, capitals lowered. */
const normaliseFingerprint = (raw: string): string => raw.replace(/\s+/g, '').toLowerCase();

export function verifyPages(service: AssessmentService, render: RenderPage): Router {
  const router = Router();

  const renderForm = (
    res: Response,
    values: { fingerprint: string; report: string },
    errors = new FormErrors(),
  ): void => {
    render(res, 'assessment/verify', {
      title: pageTitle(res, 'verify.title', errors),
      values,
      formErrors: errors.view(),
    });
  };

  const renderResult = async (res: Response, fingerprint: string, computed: boolean): Promise<void> => {
    const lang = langOf(res);
    const found = FINGERPRINT.test(fingerprint) ? await service.verify(fingerprint) : undefined;
    if (!found && !computed) res.status(404);
    render(res, 'assessment/verify-result', {
      title: translate(lang, found ? 'verify.match' : 'verify.noMatch'),
      match: found !== undefined,
      fingerprint,
      computed,
      submitted: found ? formatDateTime(found.submittedAt, lang) : undefined,
      submittedIso: found?.submittedAt.toISOString(),
      matchText: found
        ? translate(lang, 'verify.matchText', { date: formatDateTime(found.submittedAt, lang) })
        : undefined,
      checklistVersion: found?.checklistVersion,
      modeText: found ? translate(lang, found.mode === 'quick' ? 'quick.mode.quick' : 'quick.mode.full') : undefined,
      coverageText: found
        ? translate(lang, 'quick.coverage', { answered: found.coverage.answered, total: found.coverage.total })
        : undefined,
      // Read from the stored report, never from the upload: what the page shows is what was submitted.
      org: found?.org,
    });
  };

  router.get('/verify', (_req, res) => {
    renderForm(res, { fingerprint: '', report: '' });
  });

  router.get('/verify/:fingerprint', async (req, res) => {
    await renderResult(res, normaliseFingerprint(req.params.fingerprint), false);
  });

  router.post('/verify', async (req, res) => {
    const body = bodyOf(req);
    const lang = langOf(res);
    const fingerprint = normaliseFingerprint(field(body, 'fingerprint'));
    const report = field(body, 'report').trim();
    const errors = new FormErrors();
    if (fingerprint) {
      if (!FINGERPRINT.test(fingerprint))
        errors.add('fingerprint', 'fingerprint', translate(lang, 'verify.error.fingerprint'));
      else {
        res.redirect(303, `/verify/${fingerprint}`);
        return;
      }
    } else if (report) {
      const parsed = parseStrictJson(report);
      if (!parsed.ok) {
        errors.add(
          'report',
          'report',
          translate(lang, parsed.reason === 'duplicate-key' ? 'verify.error.duplicateKey' : 'verify.error.json'),
        );
      } else if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
        errors.add('report', 'report', translate(lang, 'verify.error.json'));
      } else {
        await renderResult(res, fingerprintOf(parsed.value), true);
        return;
      }
    } else {
      errors.add('fingerprint', 'fingerprint', translate(lang, 'verify.error.empty'));
    }
    res.status(400);
    renderForm(res, { fingerprint: field(body, 'fingerprint'), report: field(body, 'report') }, errors);
  });

  return router;
}
