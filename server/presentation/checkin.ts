// Live check-in: attendees scan the title slide's QR code and answer the deck's
// self-check questions anonymously; the lecturer's screen shows the counts.
// Answers are 符合 / 不符合 / 不确定, never 是 / 否: some questions are phrased so
// that 是 means a violation ("是否有人擅自停用消防设施？"), so a bare 是 / 否 cannot
// be counted as compliant or not. Nothing identifies a person: only deck, item,
// answer and time are kept.
import { Router, type Request, type Response } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { AreaDeps } from '../area';
import { readCookie } from '../lib/cookies';
import { hitRateLimit } from '../lib/rate-limit';
import type { Catalogue } from '../catalogue/catalogue';
import type { AnswerStatus } from '../domain/answer-status';
import type { Item } from '../domain/checklist';
import { conflict, notFound, tooMany } from '../http/errors';
import { bodyOf, field, FormErrors, langOf } from '../http/forms';
import { translate } from '../i18n';
import type { DeckService } from './deck-service';

const CHECKIN_ANSWERS = ['compliant', 'non_compliant', 'unsure'] as const satisfies readonly AnswerStatus[];
export type CheckinAnswer = (typeof CHECKIN_ANSWERS)[number];
const ANSWER_LABEL_KEYS = {
  compliant: 'present.checkin.compliant',
  non_compliant: 'present.checkin.nonCompliant',
  unsure: 'present.checkin.unsure',
} as const satisfies Record<CheckinAnswer, string>;
/**
 * One answer per person per check-in: a cookie on the check-in's own path says this
 * browser has answered. It keeps honest attendees from counting twice by accident
 * (a double tap, a reload); it is not a security control — clearing cookies or
 * another browser answers again, and nothing else identifies a person.
 */
const ANSWERED_COOKIE = 'hegui_checkin_answered';
const ANSWERED_MAX_AGE_MS = 24 * 3600 * 1000;
/** A phone form stays short: the first questions of the deck. */
const CHECKIN_MAX_ITEMS = 10;
const PER_IP = { limit: 20, windowSeconds: 3600 } as const;

export interface CheckinTally {
  readonly code: string;
  readonly question: string;
  readonly compliant: number;
  readonly nonCompliant: number;
  readonly unsure: number;
  readonly total: number;
}

async function recordCheckin(
  db: Kysely<Database>,
  deckKey: string,
  answers: ReadonlyMap<string, CheckinAnswer>,
): Promise<void> {
  if (answers.size === 0) return;
  await db
    .insertInto('checkin_answers')
    .values([...answers].map(([item_code, answer]) => ({ deck_key: deckKey, item_code, answer })))
    .execute();
}

async function tallyCheckins(db: Kysely<Database>, deckKey: string, items: readonly Item[]): Promise<CheckinTally[]> {
  const rows = await db
    .selectFrom('checkin_answers')
    .select(({ fn }) => ['item_code', 'answer', fn.countAll<string>().as('n')])
    .where('deck_key', '=', deckKey)
    .groupBy(['item_code', 'answer'])
    .execute();
  return items.map((item) => {
    const count = (a: CheckinAnswer): number =>
      Number(rows.find((r) => r.item_code === item.code && r.answer === a)?.n ?? 0);
    const compliant = count('compliant');
    const nonCompliant = count('non_compliant');
    const unsure = count('unsure');
    return {
      code: item.code,
      question: item.question,
      compliant,
      nonCompliant,
      unsure,
      total: compliant + nonCompliant + unsure,
    };
  });
}

interface Poll {
  readonly key: string;
  readonly title: string;
  readonly items: readonly Item[];
  readonly path: string;
}

export function checkinPages(deps: AreaDeps, decks: DeckService): Router {
  const router = Router();

  const pollOf = async (req: Request): Promise<Poll> => {
    const kind = String(req.params.kind);
    const key = String(req.params.key);
    if (kind === 'domains') {
      const domain = deps.catalogues.current().domain(key);
      if (domain && domain.code === key)
        return {
          key: `domain-${domain.code}`,
          title: domain.name,
          items: domain.items.slice(0, CHECKIN_MAX_ITEMS),
          path: `/present/checkin/domains/${domain.code}`,
        };
    } else if (kind === 'shared') {
      const deck = await decks.byShareToken(key);
      if (deck) {
        const catalogue: Catalogue = await decks.catalogueOf(deck.versionId);
        const items = deck.items
          .flatMap((i) => {
            const f = catalogue.item(i.code);
            return f ? [f.item] : [];
          })
          .slice(0, CHECKIN_MAX_ITEMS);
        return { key: `deck-${deck.id}`, title: deck.title, items, path: `/present/checkin/shared/${deck.shareToken}` };
      }
    }
    throw notFound('present.error.noCheckin');
  };

  const render = (res: Response, poll: Poll, extra: Record<string, unknown> = {}): void => {
    deps.views.render(res, 'presentation/checkin', {
      title: poll.title,
      poll,
      questions: poll.items.map((item) => ({
        code: item.code,
        question: item.question,
        title: item.title,
        options: CHECKIN_ANSWERS.map((a) => ({ value: a, id: `${item.code}-${a}`, labelKey: ANSWER_LABEL_KEYS[a] })),
      })),
      ...extra,
    });
  };

  const answeredHere = (req: Request): boolean => readCookie(req.headers.cookie, ANSWERED_COOKIE) === '1';

  router.get('/present/checkin/:kind/:key', async (req, res) => {
    const poll = await pollOf(req);
    render(res, poll, { thanks: req.query.thanks === '1' || answeredHere(req) });
  });

  router.post('/present/checkin/:kind/:key', async (req, res) => {
    const poll = await pollOf(req);
    if (answeredHere(req)) throw conflict('present.error.checkinAnswered');
    const body = bodyOf(req);
    const answers = new Map<string, CheckinAnswer>();
    for (const item of poll.items) {
      const value = field(body, item.code);
      if ((CHECKIN_ANSWERS as readonly string[]).includes(value)) answers.set(item.code, value as CheckinAnswer);
    }
    if (answers.size === 0) {
      const errors = new FormErrors();
      errors.add('answers', `${poll.items[0]?.code ?? 'x'}-compliant`, translate(langOf(res), 'present.checkin.error'));
      res.status(400);
      render(res, poll, { formErrors: errors.view() });
      return;
    }
    const limit = await hitRateLimit(deps.db, `checkin:ip:${req.ip}`, PER_IP);
    if (!limit.allowed) throw tooMany('present.error.tooManyCheckins');
    await recordCheckin(deps.db, poll.key, answers);
    res.cookie(ANSWERED_COOKIE, '1', {
      path: poll.path,
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      maxAge: ANSWERED_MAX_AGE_MS,
    });
    res.redirect(303, `${poll.path}?thanks=1`);
  });

  router.get('/present/checkin/:kind/:key/results', async (req, res) => {
    const poll = await pollOf(req);
    const tally = await tallyCheckins(deps.db, poll.key, poll.items);
    deps.views.render(res, 'presentation/checkin-results', {
      title: poll.title,
      poll,
      tally,
      respondents: Math.max(0, ...tally.map((t) => t.total)),
    });
  });

  return router;
}
