// The submitted report as a page, sharing it with regulators, and copying it into a
// new draft to check again.
import { Router } from 'express';
import { companyOf } from './api';
import { badRequest, HttpError } from '../http/errors';
import { bodyOf, field, langOf } from '../http/forms';
import { translate } from '../i18n';
import type { AssessmentService } from './service';
import type { AssessmentPageContext } from './page-context';
import { reportView } from './report-view';

export function reportPages(ctx: AssessmentPageContext): Router {
  const { service, store, render, company } = ctx;
  const router = Router();

  // ── Report, sharing, copy ─────────────────────────────────────────────────
  router.get('/assess/:id/report', company, async (req, res) => {
    const auth = companyOf(res);
    const id = String(req.params.id);
    let found: Awaited<ReturnType<AssessmentService['report']>>;
    try {
      found = await service.report(auth.org.id, id);
    } catch (err) {
      // A draft has no report yet: take them to where they can finish it.
      if (err instanceof HttpError && err.status === 409) {
        res.redirect(303, `/assess/${id}/check`);
        return;
      }
      throw err;
    }
    const lang = langOf(res);
    const changed =
      req.query.sharing === 'on' ? 'sharing.changedOn' : req.query.sharing === 'off' ? 'sharing.changedOff' : undefined;
    render(res, 'assessment/report', {
      ...reportView(found.report, found.fingerprint),
      downloads: {
        json: `/api/v1/assessments/${id}/report`,
        docx: `/api/v1/assessments/${id}/report.docx`,
        pdf: `/api/v1/assessments/${id}/report.pdf`,
      },
      actionsHref: `/assess/${id}/actions`,
      sharing: {
        shared: found.shared,
        action: `/assess/${id}/sharing`,
        notice: changed ? translate(lang, changed) : undefined,
      },
    });
  });

  router.post('/assess/:id/sharing', company, async (req, res) => {
    const auth = companyOf(res);
    const value = field(bodyOf(req), 'shared');
    if (value !== '1' && value !== '0') throw badRequest('assess.error.chooseSharing');
    const id = String(req.params.id);
    const { shared } = await service.setSharing(auth.org.id, auth.user.id, id, value === '1');
    res.redirect(303, `/assess/${id}/report?sharing=${shared ? 'on' : 'off'}#sharing`);
  });

  router.post('/assess/:id/copy', company, async (req, res) => {
    const auth = companyOf(res);
    const source = await service.get(auth.org.id, String(req.params.id));
    // Tags the current checklist no longer asks about are dropped, not an error.
    const known = new Set(store.current().profile.map((q) => q.tag));
    const created = await service.create(
      auth.org.id,
      auth.user.id,
      source.profileTags.filter((t) => known.has(t)),
      source.id,
    );
    res.redirect(303, `/assess/${created.id}`);
  });

  return router;
}
