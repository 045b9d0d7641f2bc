// HTML pages of the company self-assessment, GOV.UK style: start page, profile,
// task list, one page per domain, check answers, submit, report. Every step is
// a plain form (Post/Redirect/Get); assess.js only adds autosave on top.
import { Router, type Request, type Response } from 'express';
import { companyOf } from './api';
import type { Catalogue } from '../catalogue/catalogue';
import { ANSWER_STATUSES } from '../domain/answer-status';
import { industryLabel } from '../domain/organisation';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import { authOf, requireAuth } from '../http/access';
import { badRequest, conflict, HttpError, notFound } from '../http/errors';
import { bodyOf, field, FormErrors, langOf, pageTitle } from '../http/forms';
import { translate, type Lang } from '../i18n';
import { pageRenderer, type RenderPage } from '../http/page-render';
import type { Views } from '../http/views';
import { answerFromForm, readItemForm, valuesOf, type ItemFormValues } from './answer-form';
import {
  checkView,
  domainTasks,
  formatDate,
  itemErrors,
  itemsByDomain,
  itemView,
  percent,
  type DomainTask,
} from './page-models';
import { reportView } from './report-text';
import { applicableItems, unknownTags, type AssessmentDetail, type AssessmentService } from './service';
import type { AnswerInput } from './answer-schema';
import { verifyPages } from './verify-pages';

const MAX_TAGS = 50;

/** Profile tags from "?tags=a,b" (or repeated fields); duplicates dropped. */
export function parseTags(raw: unknown): string[] {
  const parts = (Array.isArray(raw) ? raw : [raw])
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(','));
  const tags = [...new Set(parts.map((t) => t.trim()).filter((t) => t.length > 0))];
  if (tags.length > MAX_TAGS) throw badRequest('assess.error.tooManyTags');
  return tags;
}

function knownTags(catalogue: Catalogue, tags: string[]): string[] {
  const unknown = unknownTags(catalogue, tags);
  if (unknown.length > 0) throw badRequest('assess.error.unknownTags', { tags: unknown.join(', ') });
  return tags;
}

const questionText = (q: { question: string; questionEn: string }, lang: Lang): string =>
  lang === 'en' ? q.questionEn : q.question;

export function assessmentPages(service: AssessmentService, store: CatalogueStore, views: Views): Router {
  const router = Router();
  const render: RenderPage = pageRenderer(views);
  const company = requireAuth('company');
  const catalogueOf = async (versionId: number): Promise<Catalogue> =>
    (await store.version(versionId)) ?? store.current();

  /** The draft of the caller's organisation; a submitted one answers with its report instead. */
  const draftOf = async (req: Request, res: Response): Promise<AssessmentDetail | undefined> => {
    const auth = companyOf(res);
    const assessment = await service.get(auth.org.id, String(req.params.id));
    if (assessment.status === 'submitted') {
      res.redirect(303, `/assess/${assessment.id}/report`);
      return undefined;
    }
    return assessment;
  };

  // ── Start page ────────────────────────────────────────────────────────────
  router.get('/assess', async (_req, res) => {
    const auth = authOf(res);
    const lang = langOf(res);
    const base = { title: translate(lang, 'assess.title'), questionCount: store.current().profile.length };
    if (!auth) {
      render(res, 'assessment/start', { ...base, anonymous: true });
      return;
    }
    if (!auth.org) {
      render(res, 'assessment/start', { ...base, notCompany: true });
      return;
    }
    const list = await service.list(auth.org.id);
    const latestSubmitted = list
      .filter((a) => a.submittedAt)
      .sort((a, b) => (b.submittedAt?.getTime() ?? 0) - (a.submittedAt?.getTime() ?? 0))[0];
    render(res, 'assessment/start', {
      ...base,
      signedInAs: translate(lang, 'assess.signedInAs', { email: auth.user.email, org: auth.org.name }),
      orgAdmin: auth.user.orgAdmin,
      resume: list.find((a) => a.status === 'draft')?.id,
      copyFrom: latestSubmitted?.id,
      assessments: list.map((a) => ({
        id: a.id,
        draft: a.status === 'draft',
        url: a.status === 'draft' ? `/assess/${a.id}` : `/assess/${a.id}/report`,
        started: translate(lang, 'assess.startedOn', { date: formatDate(a.createdAt, lang) }),
        submitted: a.submittedAt
          ? translate(lang, 'assess.submittedOn', { date: formatDate(a.submittedAt, lang) })
          : null,
        progress: translate(lang, 'assess.answeredOf', { answered: a.progress.answered, total: a.progress.total }),
        answered: a.progress.answered,
        total: a.progress.total,
        fingerprint: a.fingerprint,
      })),
    });
  });

  // ── Profile: which items apply ────────────────────────────────────────────
  const renderProfile = (res: Response, answers: Readonly<Record<string, string>>, errors = new FormErrors()): void => {
    const lang = langOf(res);
    const formErrors = errors.view();
    render(res, 'assessment/profile', {
      title: pageTitle(res, 'profile.title', errors),
      formErrors,
      questions: store.current().profile.map((q) => ({
        tag: q.tag,
        name: `q-${q.tag}`,
        question: q.question,
        questionEn: q.questionEn,
        hint: lang === 'en' ? (q.hintEn ?? q.hint) : q.hint,
        yes: answers[q.tag] === 'yes',
        no: answers[q.tag] === 'no',
        error: formErrors.fields[`q-${q.tag}`],
      })),
    });
  };

  router.get('/assess/new', company, (req, res) => {
    companyOf(res);
    const answers: Record<string, string> = {};
    // Coming back from the summary ("change your answers"): every question was answered.
    if (req.query.tags !== undefined) {
      const yes = new Set(knownTags(store.current(), parseTags(req.query.tags)));
      for (const q of store.current().profile) answers[q.tag] = yes.has(q.tag) ? 'yes' : 'no';
    }
    renderProfile(res, answers);
  });

  router.post('/assess/new', company, (req, res) => {
    companyOf(res);
    const body = bodyOf(req);
    const lang = langOf(res);
    const errors = new FormErrors();
    const answers: Record<string, string> = {};
    const tags: string[] = [];
    for (const q of store.current().profile) {
      const value = field(body, `q-${q.tag}`);
      answers[q.tag] = value;
      if (value === 'yes') tags.push(q.tag);
      else if (value !== 'no')
        errors.add(
          `q-${q.tag}`,
          `q-${q.tag}-yes`,
          translate(lang, 'profile.error', { question: questionText(q, lang) }),
        );
    }
    if (errors.any) {
      res.status(400);
      renderProfile(res, answers, errors);
      return;
    }
    res.redirect(303, `/assess/new/summary?tags=${tags.join(',')}`);
  });

  router.get('/assess/new/summary', company, (req, res) => {
    companyOf(res);
    const lang = langOf(res);
    const c = store.current();
    const tags = knownTags(c, parseTags(req.query.tags));
    const groups = itemsByDomain(c, applicableItems(c, tags));
    const total = groups.reduce((n, g) => n + g.items.length, 0);
    const yes = new Set(tags);
    render(res, 'assessment/profile-summary', {
      title: translate(lang, 'profile.summaryTitle'),
      lead: translate(lang, 'profile.summaryLead', { items: total, domains: groups.length }),
      rows: groups.map((g) => ({
        code: g.domain.code,
        name: g.domain.name,
        department: g.domain.department,
        count: g.items.length,
      })),
      total,
      tagsValue: tags.join(','),
      yesQuestions: c.profile.filter((q) => yes.has(q.tag)).map((q) => questionText(q, lang)),
    });
  });

  router.post('/assess/start', company, async (req, res) => {
    const auth = companyOf(res);
    const tags = parseTags(field(bodyOf(req), 'tags'));
    const created = await service.create(auth.org.id, auth.user.id, tags);
    res.redirect(303, `/assess/${created.id}`);
  });

  // Printable question list: catalogue content only, so no login needed to prepare offline.
  router.get('/assess/questions', (req, res) => {
    const lang = langOf(res);
    const c = store.current();
    const tags = knownTags(c, parseTags(req.query.tags));
    const groups = itemsByDomain(c, applicableItems(c, tags));
    const yes = new Set(tags);
    render(res, 'assessment/questions', {
      title: translate(lang, 'questions.title'),
      count: groups.reduce((n, g) => n + g.items.length, 0),
      profile: c.profile.filter((q) => yes.has(q.tag)).map((q) => questionText(q, lang)),
      statuses: ANSWER_STATUSES.map((s) => translate('zh-CN', `report.status.${s}`)),
      groups: groups.map((g) => ({
        code: g.domain.code,
        name: g.domain.name,
        department: g.domain.department,
        items: g.items.map((i) => ({ code: i.code, question: i.question, title: i.title })),
      })),
    });
  });

  // ── Task list ─────────────────────────────────────────────────────────────
  router.get('/assess/:id', company, async (req, res) => {
    const assessment = await draftOf(req, res);
    if (!assessment) return;
    const auth = companyOf(res);
    const lang = langOf(res);
    const tasks = domainTasks(await catalogueOf(assessment.versionId), assessment);
    const { answered, total } = assessment.progress;
    const current = store.current().version.id;
    render(res, 'assessment/task-list', {
      title: translate(lang, 'task.title'),
      id: assessment.id,
      orgHint: translate(lang, 'task.orgHint', { name: auth.org.name, code: auth.org.creditCode }),
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

  router.get('/assess/:id/profile', company, async (req, res) => {
    const assessment = await draftOf(req, res);
    if (!assessment) return;
    const auth = companyOf(res);
    const lang = langOf(res);
    const c = await catalogueOf(assessment.versionId);
    const yes = new Set(assessment.profileTags);
    render(res, 'assessment/org', {
      title: translate(lang, 'task.org'),
      id: assessment.id,
      org: auth.org,
      industry: industryLabel(auth.org.industry),
      size: translate(lang, `account.size.${auth.org.size}`),
      answers: c.profile.map((q) => ({
        question: questionText(q, lang),
        answer: translate(lang, yes.has(q.tag) ? 'form.yes' : 'form.no'),
      })),
    });
  });

  router.post('/assess/:id/move', company, async (req, res) => {
    const auth = companyOf(res);
    const before = await service.get(auth.org.id, String(req.params.id));
    const old = await catalogueOf(before.versionId);
    const moved = await service.moveToCurrent(auth.org.id, auth.user.id, before.id);
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

  router.get('/assess/:id/domains/:code', company, async (req, res) => {
    const assessment = await draftOf(req, res);
    if (!assessment) return;
    const tasks = domainTasks(await catalogueOf(assessment.versionId), assessment);
    const index = domainIndex(tasks, String(req.params.code));
    renderDomain(
      res,
      assessment,
      tasks,
      index,
      (code) => valuesOf(assessment.answers[code]),
      req.query.return === 'check' ? 'check' : '',
    );
  });

  router.post('/assess/:id/domains/:code', company, async (req, res) => {
    const auth = companyOf(res);
    const assessment = await service.get(auth.org.id, String(req.params.id));
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
    for (const [code, input] of toSave) await service.saveAnswer(auth.org.id, auth.user.id, assessment.id, code, input);
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
    const next = tasks[index + 1];
    const target =
      returnTo === 'check'
        ? `/assess/${assessment.id}/check`
        : field(body, 'then') === 'list' || !next
          ? `/assess/${assessment.id}`
          : `/assess/${assessment.id}/domains/${next.code}`;
    res.redirect(303, target);
  });

  // ── Check answers and submit ──────────────────────────────────────────────
  const renderCheck = async (res: Response, assessment: AssessmentDetail, errors = new FormErrors()): Promise<void> => {
    const lang = langOf(res);
    const tasks = domainTasks(await catalogueOf(assessment.versionId), assessment);
    const unanswered = assessment.progress.total - assessment.progress.answered;
    render(res, 'assessment/check', {
      title: pageTitle(res, 'check.title', errors),
      id: assessment.id,
      formErrors: errors.view(),
      domains: checkView(assessment.id, tasks, assessment, lang),
      unanswered,
      unansweredText: translate(lang, 'check.unansweredCount', { n: unanswered }),
    });
  };

  router.get('/assess/:id/check', company, async (req, res) => {
    const assessment = await draftOf(req, res);
    if (!assessment) return;
    await renderCheck(res, assessment);
  });

  router.post('/assess/:id/submit', company, async (req, res) => {
    const auth = companyOf(res);
    const id = String(req.params.id);
    try {
      await service.submit(auth.org.id, auth.user.id, id, auth.org);
    } catch (err) {
      if (!(err instanceof HttpError) || err.status !== 409) throw err;
      const assessment = await service.get(auth.org.id, id);
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
      res.status(409);
      await renderCheck(res, assessment, errors);
      return;
    }
    res.redirect(303, `/assess/${id}/report`);
  });

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

  router.use(verifyPages(service, render));
  return router;
}
