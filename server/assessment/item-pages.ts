// One item per screen (GOV.UK "one thing per page"), for phones: the question in
// large type, four answer buttons in one form that saves and goes on to the next
// item, "12 / 32", a back link, the guidance behind one <details>; owner and due
// date are asked on a second step, only after 不符合 or 不确定. No JavaScript needed.
import { Router, type Response } from 'express';
import { ownerFor } from './owner';
import { ANSWER_STATUSES, isAnswerStatus, statusCarriesAction } from '../domain/answer-status';
import type { Catalogue } from '../catalogue/catalogue';
import { notFound } from '../http/errors';
import { bodyOf, field, FormErrors, langOf, pageTitle } from '../http/forms';
import { translate } from '../i18n';
import { validateAnswer } from './answer-schema';
import { leniencyGuide } from './leniency-guide';
import { citationHeading } from './report-words';
import type { AssessmentDetail } from './service';
import type { AnswerRecord } from './report-builder';
import type { AssessmentPageContext } from './page-context';

// The records are indexed by code without noUncheckedIndexedAccess: say where a lookup may miss.
const answerOf = (a: AssessmentDetail, code: string): AnswerRecord | undefined =>
  Object.hasOwn(a.answers, code) ? a.answers[code] : undefined;
const codeAt = (a: AssessmentDetail, index: number): string | undefined =>
  index >= 0 && index < a.items.length ? a.items[index] : undefined;

const itemUrl = (id: string, code: string): string => `/assess/${id}/items/${encodeURIComponent(code)}`;

export function itemPages(ctx: AssessmentPageContext): Router {
  const { service, render, owner, catalogueOf, draftOf } = ctx;
  const router = Router();

  const positionOf = (assessment: AssessmentDetail, code: string): number => {
    const index = assessment.items.indexOf(code);
    if (index < 0) throw notFound('assess.error.itemNotInAssessment', { code });
    return index;
  };

  const renderItem = (
    res: Response,
    catalogue: Catalogue,
    assessment: AssessmentDetail,
    index: number,
    actionStep: boolean,
    errors = new FormErrors(),
  ): void => {
    const lang = langOf(res);
    const code = assessment.items[index];
    const found = catalogue.item(code);
    if (!found) throw notFound('item.notFound', { code });
    const { item } = found;
    const answer = answerOf(assessment, code);
    const formErrors = errors.view();
    const prev = codeAt(assessment, index - 1);
    render(res, 'assessment/item', {
      title: pageTitle(res, 'quick.item.title', errors, { n: index + 1, total: assessment.items.length }),
      id: assessment.id,
      code,
      formErrors,
      question: item.question,
      itemTitle: item.title,
      progress: `${index + 1} / ${assessment.items.length}`,
      backUrl: prev ? itemUrl(assessment.id, prev) : `/assess/${assessment.id}`,
      action: itemUrl(assessment.id, code),
      statuses: ANSWER_STATUSES.map((s, i) => ({
        value: s,
        key: i + 1,
        label: translate(lang, `report.status.${s}`),
        current: answer?.status === s,
      })),
      actionStep: actionStep && answer !== undefined && statusCarriesAction(answer.status),
      owner: answer?.owner ?? '',
      dueDate: answer?.dueDate ?? '',
      illegal: item.illegal,
      basis: item.basis.map((b) => ({ heading: citationHeading(b), text: b.text })),
      guidance: item.guidance,
      leniency: item.leniency.filter((l) => l.kind !== 'none').map(leniencyGuide),
    });
  };

  const next = (assessment: AssessmentDetail, index: number): string => {
    const following = codeAt(assessment, index + 1);
    return following ? itemUrl(assessment.id, following) : `/assess/${assessment.id}/check`;
  };

  router.get('/assess/:id/items/:code', owner, async (req, res) => {
    const assessment = await draftOf(req, res);
    if (!assessment) return;
    const index = positionOf(assessment, String(req.params.code));
    renderItem(res, await catalogueOf(assessment.versionId), assessment, index, req.query.then === 'action');
  });

  router.post('/assess/:id/items/:code', owner, async (req, res) => {
    const who = ownerFor(res);
    const assessment = await draftOf(req, res);
    if (!assessment) return;
    const code = String(req.params.code);
    const index = positionOf(assessment, code);
    const body = bodyOf(req);
    const status = field(body, 'status');
    const lang = langOf(res);
    if (field(body, 'step') === 'action') {
      // Second step: who puts it right, and by when (both optional).
      const current = answerOf(assessment, code);
      const result = validateAnswer({
        status: current?.status ?? 'unsure',
        note: current?.note ?? null,
        owner: field(body, 'owner').trim() || null,
        dueDate: field(body, 'dueDate').trim() || null,
      });
      if (!result.ok) {
        const errors = new FormErrors();
        for (const e of result.errors)
          errors.add(e.field, e.field, translate(lang, 'quick.item.actionError', { field: e.field }));
        res.status(400);
        renderItem(res, await catalogueOf(assessment.versionId), assessment, index, true, errors);
        return;
      }
      await service.saveAnswer(who, assessment.id, code, result.value);
      res.redirect(303, next(assessment, index));
      return;
    }
    if (!isAnswerStatus(status)) {
      const errors = new FormErrors();
      errors.add('status', `status-${ANSWER_STATUSES[0]}`, translate(lang, 'quick.item.chooseAnswer'));
      res.status(400);
      renderItem(res, await catalogueOf(assessment.versionId), assessment, index, false, errors);
      return;
    }
    const previous = answerOf(assessment, code);
    const keep = statusCarriesAction(status) && previous && statusCarriesAction(previous.status);
    await service.saveAnswer(who, assessment.id, code, {
      status,
      note: previous?.note ?? null,
      ...(keep ? { owner: previous.owner, dueDate: previous.dueDate, correctedOn: previous.correctedOn } : {}),
    });
    res.redirect(
      303,
      statusCarriesAction(status) ? `${itemUrl(assessment.id, code)}?then=action` : next(assessment, index),
    );
  });

  return router;
}
