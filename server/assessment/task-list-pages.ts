// The task list of a draft (GOV.UK task list), the organisation profile it was
// started with, and moving a draft to the current checklist version.
import { Router } from 'express';
import { authOf } from '../http/access';
import { ownerFor } from './owner';
import type { Catalogue } from '../catalogue/catalogue';
import { industryLabel } from '../domain/organisation';
import { langOf } from '../http/forms';
import { translate } from '../i18n';
import { domainTasks, percent } from './page-models';
import type { AssessmentPageContext } from './page-context';
import { questionText } from './start-pages';

export function taskListPages(ctx: AssessmentPageContext): Router {
  const { service, store, render, owner, catalogueOf, draftOf } = ctx;
  const router = Router();

  // ── Task list ─────────────────────────────────────────────────────────────
  router.get('/assess/:id', owner, async (req, res) => {
    const assessment = await draftOf(req, res);
    if (!assessment) return;
    const org = authOf(res)?.org;
    const lang = langOf(res);
    const tasks = domainTasks(await catalogueOf(assessment.versionId), assessment);
    const { answered, total } = assessment.progress;
    const current = store.current().version.id;
    render(res, 'assessment/task-list', {
      title: translate(lang, 'task.title'),
      id: assessment.id,
      orgHint: org
        ? translate(lang, 'task.orgHint', { name: org.name, code: org.creditCode })
        : translate(lang, 'guest.orgHint'),
      // One item per screen, from the first item not answered yet (or the first).
      itemFlowUrl: `/assess/${assessment.id}/items/${encodeURIComponent(
        assessment.items.find((c) => !(c in assessment.answers)) ?? assessment.items.at(0) ?? '',
      )}`,
      itemFlow: assessment.items.length > 0,
      tasks: tasks.map((t) => ({
        code: t.code,
        name: t.name,
        url: `/assess/${assessment.id}/domains/${t.code}`,
        hint: translate(lang, 'assess.answeredOf', { answered: t.answered, total: t.total }),
        status: t.status,
        statusLabel: translate(lang, `status.${t.status}`),
      })),
      progress: {
        answered,
        total,
        text: translate(lang, 'task.progress', { answered, total, percent: percent(answered, total) }),
      },
      complete: answered === total,
      checkHint:
        answered === total
          ? translate(lang, 'task.checkReady')
          : translate(lang, 'task.checkHint', { n: total - answered }),
      oldVersion:
        assessment.versionId === current
          ? null
          : translate(lang, 'task.oldVersion', { own: assessment.versionId, current }),
    });
  });

  router.get('/assess/:id/profile', owner, async (req, res) => {
    const assessment = await draftOf(req, res);
    if (!assessment) return;
    // A guest's draft has no organisation yet: only the profile answers are shown.
    const org = authOf(res)?.org;
    const lang = langOf(res);
    const c = await catalogueOf(assessment.versionId);
    const yes = new Set(assessment.profileTags);
    render(res, 'assessment/org', {
      title: translate(lang, 'task.org'),
      id: assessment.id,
      org,
      industry: org ? industryLabel(org.industry) : undefined,
      size: org ? translate(lang, `account.size.${org.size}`) : undefined,
      guestText: org ? undefined : translate(lang, 'guest.orgHint'),
      answers: c.profile.map((q) => ({
        question: questionText(q, lang),
        answer: translate(lang, yes.has(q.tag) ? 'form.yes' : 'form.no'),
      })),
    });
  });

  router.post('/assess/:id/move', owner, async (req, res) => {
    const who = ownerFor(res);
    const before = await service.get(who, String(req.params.id));
    const old = await catalogueOf(before.versionId);
    const moved = await service.moveToCurrent(who, before.id);
    const current = store.current();
    const lang = langOf(res);
    const titled = (c: Catalogue, code: string): { code: string; title: string } => ({
      code,
      title: c.item(code)?.item.title ?? '',
    });
    // Rendered, not redirected: the lists of added and removed items exist only now.
    render(res, 'assessment/moved', {
      title: translate(lang, 'moved.title', { version: moved.versionId }),
      id: before.id,
      added: moved.added.map((code) => titled(current, code)),
      removed: moved.removed.map((code) => titled(old, code)),
    });
  });

  return router;
}
