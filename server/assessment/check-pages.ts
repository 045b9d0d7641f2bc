// Check your answers (GOV.UK), then submit: unanswered items link back to their domain.
import { Router, type Response } from 'express';
import { ownerFor } from './owner';
import { HttpError } from '../http/errors';
import { FormErrors, langOf, pageTitle } from '../http/forms';
import { translate } from '../i18n';
import { checkView, domainTasks } from './page-models';
import type { AssessmentDetail } from './service';
import type { AssessmentPageContext } from './page-context';

export function checkPages(ctx: AssessmentPageContext): Router {
  const { service, render, owner, catalogueOf, draftOf } = ctx;
  const router = Router();

  // ── Check answers and submit ──────────────────────────────────────────────
  const renderCheck = async (res: Response, assessment: AssessmentDetail, errors = new FormErrors()): Promise<void> => {
    const lang = langOf(res);
    const tasks = domainTasks(await catalogueOf(assessment.versionId), assessment);
    const unanswered = assessment.progress.total - assessment.progress.answered;
    const domains = checkView(assessment.id, tasks, assessment, lang);
    // Gaps and unsure items first: they are what the firm has to act on.
    const attention = domains
      .flatMap((d) => d.rows)
      .filter((r) => r.status === 'non_compliant' || r.status === 'unsure');
    render(res, 'assessment/check', {
      title: pageTitle(res, 'check.title', errors),
      id: assessment.id,
      formErrors: errors.view(),
      domains,
      attention,
      unanswered,
      partialText:
        unanswered > 0 && assessment.progress.answered > 0
          ? translate(lang, 'quick.check.partial', { ...assessment.progress })
          : undefined,
      unansweredText: translate(lang, 'check.unansweredCount', { n: unanswered }),
    });
  };

  router.get('/assess/:id/check', owner, async (req, res) => {
    const assessment = await draftOf(req, res);
    if (!assessment) return;
    await renderCheck(res, assessment);
  });

  router.post('/assess/:id/submit', owner, async (req, res) => {
    const who = ownerFor(res);
    const id = String(req.params.id);
    try {
      await service.submit(who, id);
    } catch (err) {
      if (!(err instanceof HttpError) || err.status !== 409) throw err;
      const assessment = await service.get(who, id);
      // Submitted already (a second click, the back button): the report is what they want.
      if (assessment.status === 'submitted') {
        res.redirect(303, `/assess/${id}/report`);
        return;
      }
      const lang = langOf(res);
      const c = await catalogueOf(assessment.versionId);
      const errors = new FormErrors();
      for (const e of err.errors ?? []) {
        const found = c.item(e.field);
        if (!found) continue;
        errors.add(
          e.field,
          `/assess/${id}/domains/${found.domain.code}?return=check#item-${e.field}`,
          translate(lang, 'check.error.unanswered', { code: e.field, title: found.item.title }),
        );
      }
      // Not one answer yet: point to the first domain.
      if (!errors.any) {
        const first = c.domains.find((d) => d.items.some((i) => assessment.items.includes(i.code)));
        errors.add('submit', `/assess/${id}/domains/${first?.code ?? ''}`, translate(lang, 'quick.error.noAnswer'));
      }
      res.status(409);
      await renderCheck(res, assessment, errors);
      return;
    }
    res.redirect(303, `/assess/${id}/report`);
  });

  return router;
}
