// The submitted report as a page, sharing it with regulators, and copying it into a
// new draft to check again.
import { Router } from 'express';
import { companyOf } from './api';
import { ownerFor } from './owner';
import { GUEST_DAYS } from '../domain/actor';
import { badRequest, HttpError } from '../http/errors';
import { bodyOf, field, langOf } from '../http/forms';
import { translate } from '../i18n';
import type { AssessmentService } from './service';
import type { AssessmentPageContext } from './page-context';
import { reportView } from './report-view';

export function reportPages(ctx: AssessmentPageContext): Router {
  const { service, store, render, company, owner } = ctx;
  const router = Router();

  // ── Report, sharing, copy ─────────────────────────────────────────────────
  router.get('/assess/:id/report', owner, async (req, res) => {
    const who = ownerFor(res);
    const id = String(req.params.id);
    let found: Awaited<ReturnType<AssessmentService['report']>>;
    try {
      found = await service.report(who, id);
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
    const back = encodeURIComponent(`/assess/${id}/report`);
    const member = who.kind === 'member';
    render(res, 'assessment/report', {
      ...reportView(found.report, found.fingerprint),
      downloads: {
        json: `/api/v1/assessments/${id}/report`,
        docx: `/api/v1/assessments/${id}/report.docx`,
        pdf: `/api/v1/assessments/${id}/report.pdf`,
      },
      // A guest keeps the report by registering or logging in (it then moves to the organisation).
      guestSave: member
        ? undefined
        : {
            text: translate(lang, 'guest.save.text', { days: GUEST_DAYS }),
            registerHref: `/register?next=${back}`,
            loginHref: `/login?next=${back}`,
          },
      actionsHref: member ? `/assess/${id}/actions` : undefined,
      // A report submitted as a guest names no organisation: regulators never see it, so nothing to share.
      sharing:
        member && found.report.org
          ? {
              shared: found.shared,
              action: `/assess/${id}/sharing`,
              notice: changed ? translate(lang, changed) : undefined,
            }
          : undefined,
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
    const member = { kind: 'member', orgId: auth.org.id, userId: auth.user.id } as const;
    const source = await service.get(member, String(req.params.id));
    // Tags the current checklist no longer asks about are dropped, not an error.
    const known = new Set(store.current().profile.map((q) => q.tag));
    const created = await service.create(
      member,
      source.profileTags.filter((t) => known.has(t)),
      source.id,
    );
    res.redirect(303, `/assess/${created.id}`);
  });

  return router;
}
