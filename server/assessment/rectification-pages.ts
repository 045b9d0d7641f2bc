// Pages of the rectification ledger: the list of a report's actions, and one
// plain form per action (works without JavaScript; Post/Redirect/Get).
import { Router, type Response } from 'express';
import { companyOf } from './api';
import { requireAuth } from '../http/access';
import { errorFields, HttpError } from '../http/errors';
import { bodyOf, field, FormErrors, langOf, pageTitle } from '../http/forms';
import { pageRenderer } from '../http/page-render';
import type { Views } from '../http/views';
import { translate } from '../i18n';
import {
  RECTIFICATION_STATUSES,
  type ActionPatch,
  type RectificationAction,
  type RectificationService,
} from './rectification-service';

const FIELD_IDS: Readonly<Record<string, string>> = {
  status: 'status-open',
  owner: 'owner',
  dueDate: 'due-date',
  correctedOn: 'corrected-on',
  note: 'note',
};

export function rectificationPages(service: RectificationService, views: Views): Router {
  const router = Router();
  const render = pageRenderer(views);
  const company = requireAuth('company');

  router.get('/assess/:id/actions', company, async (req, res) => {
    const auth = companyOf(res);
    const id = String(req.params.id);
    const actions = await service.list(auth.org.id, id);
    const lang = langOf(res);
    render(res, 'rectification/list', {
      title: translate(lang, 'rect.list.title'),
      reportHref: `/assess/${id}/report`,
      actions: actions.map((a) => ({
        ...a,
        statusLabel: translate(lang, `rect.status.${a.status}`),
        answerLabel: translate(lang, `rect.answer.${a.answer}`),
        href: `/assess/actions/${a.id}`,
      })),
    });
  });

  const renderEdit = (
    res: Response,
    action: RectificationAction,
    values: ActionPatch,
    errors = new FormErrors(),
  ): void => {
    const lang = langOf(res);
    render(res, 'rectification/edit', {
      title: pageTitle(res, 'rect.edit.title', errors),
      action,
      values,
      listHref: `/assess/${action.assessmentId}/actions`,
      formErrors: errors.view(),
      statuses: RECTIFICATION_STATUSES.map((value) => ({ value, label: translate(lang, `rect.status.${value}`) })),
    });
  };

  router.get('/assess/actions/:actionId', company, async (req, res) => {
    const action = await service.get(companyOf(res).org.id, String(req.params.actionId));
    renderEdit(res, action, action);
  });

  router.post('/assess/actions/:actionId', company, async (req, res) => {
    const auth = companyOf(res);
    const actionId = String(req.params.actionId);
    const action = await service.get(auth.org.id, actionId);
    const body = bodyOf(req);
    const status = field(body, 'status');
    const values: ActionPatch = {
      status: (RECTIFICATION_STATUSES as readonly string[]).includes(status)
        ? (status as ActionPatch['status'])
        : undefined,
      owner: field(body, 'owner').slice(0, 100),
      dueDate: field(body, 'dueDate').trim(),
      correctedOn: field(body, 'correctedOn').trim(),
      note: field(body, 'note').slice(0, 2000),
    };
    const lang = langOf(res);
    if (!values.status) {
      const errors = new FormErrors();
      errors.add('status', FIELD_IDS.status, translate(lang, 'rect.error.chooseStatus'));
      res.status(400);
      renderEdit(res, action, values, errors);
      return;
    }
    try {
      await service.update(auth.org.id, auth.user.id, actionId, values);
    } catch (err) {
      if (!(err instanceof HttpError) || err.status !== 400) throw err;
      const errors = new FormErrors();
      for (const e of errorFields(err, lang)) errors.add(e.field, FIELD_IDS[e.field] ?? e.field, e.message);
      res.status(400);
      renderEdit(res, action, values, errors);
      return;
    }
    res.redirect(303, `/assess/${action.assessmentId}/actions?saved=${actionId}#action-${action.itemCode}`);
  });

  return router;
}
