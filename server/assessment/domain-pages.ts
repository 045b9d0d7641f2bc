// One domain of a draft: its items as one form, saved together (assess.js saves
// each item as it is answered on top).
import { Router, type Response } from 'express';
import { ownerFor } from './owner';
import { conflict, notFound } from '../http/errors';
import { bodyOf, field, FormErrors, langOf } from '../http/forms';
import { translate } from '../i18n';
import { answerFromForm, readItemForm, valuesOf, type ItemFormValues } from './answer-form';
import { domainTasks, itemErrors, itemView, type DomainTask } from './page-models';
import { applicableItems, type AssessmentDetail } from './service';
import type { Catalogue } from '../catalogue/catalogue';
import type { AnswerInput } from './answer-schema';
import type { AssessmentPageContext } from './page-context';

/** Applicable items of a domain that a quick draft does not ask yet. */
function remainingInDomain(catalogue: Catalogue, assessment: AssessmentDetail, code: string): number {
  if (assessment.mode !== 'quick') return 0;
  const have = new Set(assessment.items);
  const inDomain = new Set(catalogue.domain(code)?.items.map((i) => i.code) ?? []);
  return applicableItems(catalogue, assessment.profileTags).filter((c) => inDomain.has(c) && !have.has(c)).length;
}

export function domainPages(ctx: AssessmentPageContext): Router {
  const { service, render, owner, catalogueOf, draftOf } = ctx;
  const router = Router();

  // ── One domain ────────────────────────────────────────────────────────────
  const renderDomain = (
    res: Response,
    assessment: AssessmentDetail,
    tasks: readonly DomainTask[],
    index: number,
    values: (code: string) => ItemFormValues,
    returnTo: string,
    errors = new FormErrors(),
    savedSome = false,
    remaining = 0,
  ): void => {
    const lang = langOf(res);
    const task = tasks[index];
    const formErrors = errors.view();
    render(res, 'assessment/domain', {
      title: errors.any ? translate(lang, 'form.titleError', { title: task.name }) : task.name,
      id: assessment.id,
      domain: { code: task.code, name: task.name, nameEn: task.nameEn, department: task.department },
      position: translate(lang, 'answer.position', { n: index + 1, of: tasks.length }),
      lead: translate(lang, 'answer.lead', { n: task.total }),
      formErrors,
      savedSome,
      returnTo,
      autosaveUrl: `/api/v1/assessments/${assessment.id}/answers/`,
      // A quick check: the domain's other applicable items, one button away.
      extendText: remaining > 0 ? translate(lang, 'quick.extend.domain', { n: remaining }) : undefined,
      items: task.items.map((item) =>
        itemView(item, values(item.code), itemErrors(item.code, formErrors.fields), lang),
      ),
    });
  };

  const domainIndex = (tasks: readonly DomainTask[], code: string): number => {
    const index = tasks.findIndex((t) => t.code === code.toUpperCase());
    if (index < 0) throw notFound('assess.error.noDomain', { code });
    return index;
  };

  router.get('/assess/:id/domains/:code', owner, async (req, res) => {
    const assessment = await draftOf(req, res);
    if (!assessment) return;
    const catalogue = await catalogueOf(assessment.versionId);
    const tasks = domainTasks(catalogue, assessment);
    const index = domainIndex(tasks, String(req.params.code));
    renderDomain(
      res,
      assessment,
      tasks,
      index,
      (code) => valuesOf(assessment.answers[code]),
      req.query.return === 'check' ? 'check' : '',
      new FormErrors(),
      false,
      remainingInDomain(catalogue, assessment, tasks[index].code),
    );
  });

  // "继续检查本领域其余 N 项" (domain=…) or the whole full check (no domain): answers stay.
  router.post('/assess/:id/extend', owner, async (req, res) => {
    const who = ownerFor(res);
    const id = String(req.params.id);
    const domain = field(bodyOf(req), 'domain') || undefined;
    await service.extend(who, id, domain);
    res.redirect(303, domain ? `/assess/${id}/domains/${encodeURIComponent(domain)}` : `/assess/${id}`);
  });

  router.post('/assess/:id/domains/:code', owner, async (req, res) => {
    const who = ownerFor(res);
    const assessment = await service.get(who, String(req.params.id));
    if (assessment.status === 'submitted') throw conflict('assess.error.submitted');
    const tasks = domainTasks(await catalogueOf(assessment.versionId), assessment);
    const index = domainIndex(tasks, String(req.params.code));
    const body = bodyOf(req);
    const lang = langOf(res);
    const errors = new FormErrors();
    const typed = new Map<string, ItemFormValues>();
    const toSave: Array<[string, AnswerInput]> = [];
    for (const item of tasks[index].items) {
      const values = readItemForm(body, item.code);
      typed.set(item.code, values);
      const input = answerFromForm(item, values, errors, lang);
      if (input) toSave.push([item.code, input]);
    }
    // Valid answers are saved even when another item has a problem: nothing typed is lost.
    for (const [code, input] of toSave) await service.saveAnswer(who, assessment.id, code, input);
    const returnTo = field(body, 'return') === 'check' ? 'check' : '';
    if (errors.any) {
      res.status(400);
      renderDomain(
        res,
        assessment,
        tasks,
        index,
        (code) => typed.get(code) ?? valuesOf(undefined),
        returnTo,
        errors,
        toSave.length > 0,
      );
      return;
    }
    const next = tasks.at(index + 1);
    const target =
      returnTo === 'check'
        ? `/assess/${assessment.id}/check`
        : field(body, 'then') === 'list' || !next
          ? `/assess/${assessment.id}`
          : `/assess/${assessment.id}/domains/${next.code}`;
    res.redirect(303, target);
  });

  return router;
}
