// The start of a self-assessment: the start page with the organisation's drafts and
// reports, the profile questions that decide which items apply, the summary of what
// applies, and the printable question list.
import { Router, type Response } from 'express';
import { companyOf } from './api';
import { ownerOf } from './owner';
import type { Catalogue } from '../catalogue/catalogue';
import type { Scene } from '../domain/checklist';
import { ANSWER_STATUSES } from '../domain/answer-status';
import { authOf } from '../http/access';
import { badRequest } from '../http/errors';
import { bodyOf, field, FormErrors, langOf, pageTitle } from '../http/forms';
import { pageLinks, pageQueryOf } from '../http/pagination';
import { translate, type Lang } from '../i18n';
import { formatDate, itemsByDomain } from './page-models';
import { applicableItems, unknownTags } from './service';
import type { AssessmentPageContext } from './page-context';

const MAX_TAGS = 50;

/** Profile tags from "?tags=a,b" (or repeated fields); duplicates dropped. */
function parseTags(raw: unknown): string[] {
  const parts = (Array.isArray(raw) ? raw : [raw])
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(','));
  const tags = [...new Set(parts.map((t) => t.trim()).filter((t) => t.length > 0))];
  if (tags.length > MAX_TAGS) throw badRequest('assess.error.tooManyTags');
  return tags;
}

/** ?scene= from the picker: absent is none, unknown is a 400 page. */
function sceneOf(catalogue: Catalogue, raw: unknown): Scene | undefined {
  if (raw === undefined || raw === '') return undefined;
  const id = typeof raw === 'string' ? raw : '';
  const scene = catalogue.scene(id);
  if (!scene) throw badRequest('quick.error.unknownScene', { id });
  return scene;
}

function knownTags(catalogue: Catalogue, tags: string[]): string[] {
  const unknown = unknownTags(catalogue, tags);
  if (unknown.length > 0) throw badRequest('assess.error.unknownTags', { tags: unknown.join(', ') });
  return tags;
}

/** The trades as big radio choices (the scene picker partial). */
function sceneChoices(catalogue: Catalogue, lang: Lang): Array<{ value: string; label: string; hint?: string }> {
  return catalogue.scenes.map((s) =>
    lang === 'en' ? { value: s.id, label: s.nameEn } : { value: s.id, label: s.name, hint: s.description },
  );
}

export const questionText = (q: { question: string; questionEn: string }, lang: Lang): string =>
  lang === 'en' ? q.questionEn : q.question;

export function startPages(ctx: AssessmentPageContext): Router {
  const { service, store, render, company, draftOwner } = ctx;
  const router = Router();

  // ── Start page ────────────────────────────────────────────────────────────
  router.get('/assess', async (req, res) => {
    const auth = authOf(res);
    const lang = langOf(res);
    const base = {
      title: translate(lang, 'assess.title'),
      questionCount: store.current().profile.length,
      scenes: sceneChoices(store.current(), lang),
    };
    if (!auth) {
      render(res, 'assessment/start', { ...base, anonymous: true });
      return;
    }
    if (!auth.org) {
      render(res, 'assessment/start', { ...base, notCompany: true });
      return;
    }
    const q = pageQueryOf(req);
    const [page, latest] = await Promise.all([service.list(auth.org.id, q), service.latest(auth.org.id)]);
    render(res, 'assessment/start', {
      ...base,
      signedInAs: translate(lang, 'assess.signedInAs', { email: auth.user.email, org: auth.org.name }),
      orgAdmin: auth.user.orgAdmin,
      resume: latest.draft,
      copyFrom: latest.submitted,
      pages: pageLinks(req, '/assess', page, q),
      assessments: page.items.map((a) => ({
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
  const renderProfile = (
    res: Response,
    answers: Readonly<Record<string, string>>,
    errors = new FormErrors(),
    scene?: Scene,
  ): void => {
    const lang = langOf(res);
    const formErrors = errors.view();
    render(res, 'assessment/profile', {
      title: pageTitle(res, 'profile.title', errors),
      formErrors,
      scene: scene?.id,
      prefilled: scene
        ? translate(lang, 'quick.profile.prefilled', {
            scene: lang === 'en' ? scene.nameEn : scene.name,
            n: scene.quick.length,
          })
        : undefined,
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

  // A quick check from the scene picker may start as a guest; a full check needs an account.
  router.get('/assess/new', (req, res) => {
    const answers: Record<string, string> = {};
    const scene = sceneOf(store.current(), req.query.scene);
    if (ownerOf(res)?.kind !== 'member' && !scene) {
      res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    // From the scene picker: the trade's usual answers are chosen already, to be checked.
    if (scene) {
      const yes = new Set(scene.tags);
      for (const q of store.current().profile) answers[q.tag] = yes.has(q.tag) ? 'yes' : 'no';
      renderProfile(res, answers, new FormErrors(), scene);
      return;
    }
    // Coming back from the summary ("change your answers"): every question was answered.
    if (req.query.tags !== undefined) {
      const yes = new Set(knownTags(store.current(), parseTags(req.query.tags)));
      for (const q of store.current().profile) answers[q.tag] = yes.has(q.tag) ? 'yes' : 'no';
    }
    renderProfile(res, answers);
  });

  router.post('/assess/new', async (req, res) => {
    const body = bodyOf(req);
    const scene = sceneOf(store.current(), field(body, 'scene') || undefined);
    // A full check (no scene) needs an account; a quick check may be a guest's.
    const member = ownerOf(res);
    if (!scene && member?.kind !== 'member') {
      res.redirect(303, '/login?next=/assess/new');
      return;
    }
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
      renderProfile(res, answers, errors, scene);
      return;
    }
    if (scene) {
      // A quick check starts at once: the summary of all that applies is for a full one.
      const created = await service.create(await draftOwner(req, res), tags, undefined, { scene: scene.id });
      res.redirect(303, `/assess/${created.id}`);
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
    const created = await service.create({ kind: 'member', orgId: auth.org.id, userId: auth.user.id }, tags);
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

  return router;
}
