// The compose page of a custom deck. One form carries the whole state (title,
// audience note, items with notes in order); its buttons search, add, move and
// remove without JavaScript, and Save stores it. present-compose.js adds drag and
// Alt+↑/↓ reordering in the page itself.
import { Router, type Request, type Response } from 'express';
import type { AreaDeps } from '../area';
import { originOf } from '../http/origin';
import type { Catalogue } from '../catalogue/catalogue';
import { authOf, requireAuth } from '../http/access';
import { errorDetail, errorFields, HttpError, notFound } from '../http/errors';
import { bodyOf, field, FormErrors, langOf, pageTitle, type FormBody } from '../http/forms';
import { translate } from '../i18n';
import { DECK_LIMITS, type Deck, type DeckItem, type DeckService } from './deck-service';

interface ComposeState {
  title: string;
  audienceNote: string;
  items: DeckItem[];
  q: string;
}

function list(body: FormBody, name: string): string[] {
  const v = body[name];
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function stateFromForm(body: FormBody): ComposeState {
  const codes = list(body, 'code');
  const notes = list(body, 'note');
  return {
    title: field(body, 'title'),
    audienceNote: field(body, 'audienceNote'),
    items: codes
      .slice(0, DECK_LIMITS.items + 1)
      .map((code, i) => ({ code: code.trim().toUpperCase(), note: notes[i] ?? '' })),
    q: field(body, 'q').trim().slice(0, 200),
  };
}

function stateFromDeck(deck: Deck): ComposeState {
  return { title: deck.title, audienceNote: deck.audienceNote, items: deck.items.map((i) => ({ ...i })), q: '' };
}

/** Applies one button press (up:2, down:0, remove:1, add:XF-001) to the state. */
function applyAction(
  state: ComposeState,
  action: string,
  catalogue: Catalogue,
): { state: ComposeState; moved?: { code: string; to: number } } {
  const [verb, arg = ''] = action.split(':');
  const items = [...state.items];
  const i = Number(arg);
  if ((verb === 'up' || verb === 'down') && Number.isInteger(i) && items[i]) {
    const j = verb === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= items.length) return { state };
    [items[i], items[j]] = [items[j], items[i]];
    return { state: { ...state, items }, moved: { code: items[j].code, to: j + 1 } };
  }
  if (verb === 'remove' && Number.isInteger(i) && items[i]) {
    items.splice(i, 1);
    return { state: { ...state, items } };
  }
  if (verb === 'add') {
    const found = catalogue.item(arg);
    if (found && !items.some((it) => it.code === found.item.code)) items.push({ code: found.item.code, note: '' });
    return { state: { ...state, items } };
  }
  return { state };
}

function validate(state: ComposeState, res: Response): FormErrors {
  const lang = langOf(res);
  const errors = new FormErrors();
  if (state.title.trim() === '' || state.title.length > DECK_LIMITS.title)
    errors.add('title', 'title', translate(lang, 'present.compose.errorTitle'));
  if (state.audienceNote.length > DECK_LIMITS.audienceNote)
    errors.add('audienceNote', 'audienceNote', translate(lang, 'present.compose.errorAudience'));
  if (state.items.length > DECK_LIMITS.items)
    errors.add('items', 'items', translate(lang, 'present.compose.errorItems'));
  state.items.forEach((it, i) => {
    if (it.note.length > DECK_LIMITS.note)
      errors.add(`note${i}`, `note-${i}`, translate(lang, 'present.compose.errorNote', { code: it.code }));
  });
  return errors;
}

export function composePages(deps: AreaDeps, service: DeckService): Router {
  const router = Router();
  const lecturers = requireAuth('lecturer', 'admin');

  const ownDeck = async (req: Request, res: Response): Promise<Deck> => {
    const deck = await service.get(String(req.params.id));
    if (!deck || deck.ownerId !== authOf(res)?.user.id) throw notFound('present.error.noDeck');
    return deck;
  };

  const render = async (
    res: Response,
    state: ComposeState,
    catalogue: Catalogue,
    deck: Deck | undefined,
    extra: Record<string, unknown> = {},
    errors = new FormErrors(),
  ): Promise<void> => {
    const inDeck = new Set(state.items.map((i) => i.code));
    const results = state.q
      ? catalogue
          .search(state.q, 30)
          .map((r) => ({ ...r, inDeck: inDeck.has(r.code), domainName: catalogue.domain(r.domain)?.name }))
      : [];
    const changes = deck ? await service.changes(deck) : [];
    const current = deps.catalogues.current().version.id;
    deps.views.render(res, 'presentation/compose', {
      title: pageTitle(res, deck ? 'present.compose.edit' : 'present.compose.new', errors),
      accountNav: true,
      deck,
      action: deck ? `/present/decks/${deck.id}/edit` : '/present/decks/new',
      state,
      items: state.items.map((it, i) => ({
        ...it,
        index: i,
        title: catalogue.item(it.code)?.item.title ?? '',
        first: i === 0,
        last: i === state.items.length - 1,
        change: changes.find((c) => c.code === it.code)?.change,
        error: errors.view().fields[`note${i}`],
      })),
      results,
      searched: state.q !== '',
      formErrors: errors.view(),
      oldVersion: deck && deck.versionId !== current ? { own: deck.versionId, current, changes } : undefined,
      shareUrl: deck ? `${req0(res)}/present/shared/${deck.shareToken}` : undefined,
      limits: DECK_LIMITS,
      ...extra,
    });
  };
  const req0 = (res: Response): string => String(res.locals.origin ?? '');

  router.use('/present/decks', (req, res, next) => {
    res.locals.origin = originOf(req);
    next();
  });

  router.get('/present/decks/new', lecturers, async (_req, res) => {
    await render(res, { title: '', audienceNote: '', items: [], q: '' }, deps.catalogues.current(), undefined);
  });

  router.get('/present/decks/:id/edit', lecturers, async (req, res) => {
    const deck = await ownDeck(req, res);
    await render(res, stateFromDeck(deck), await service.catalogueOf(deck.versionId), deck, {
      saved: req.query.saved === '1',
    });
  });

  const post = async (req: Request, res: Response, deck: Deck | undefined): Promise<void> => {
    const body = bodyOf(req);
    const action = field(body, 'action') || 'save';
    const catalogue = deck ? await service.catalogueOf(deck.versionId) : deps.catalogues.current();
    let state = stateFromForm(body);
    if (action !== 'save' && action !== 'repin') {
      const applied = applyAction(state, action, catalogue);
      state = applied.state;
      const moved = applied.moved
        ? translate(langOf(res), 'present.compose.moved', { code: applied.moved.code, n: applied.moved.to })
        : undefined;
      await render(res, state, catalogue, deck, { moved, focusItem: applied.moved ? applied.moved.to - 1 : undefined });
      return;
    }
    const errors = validate(state, res);
    if (errors.any) {
      res.status(400);
      await render(res, state, catalogue, deck, {}, errors);
      return;
    }
    const input = { title: state.title, audienceNote: state.audienceNote, items: state.items };
    try {
      const saved = deck
        ? await service.update(deck, input, action === 'repin')
        : await service.create(authOf(res)?.user.id ?? '', input);
      res.redirect(303, `/present/decks/${saved.id}/edit?saved=1`);
    } catch (err) {
      // A refused deck (bad items, or the lecturer's deck limit reached) is shown on the form, input kept.
      if (!(err instanceof HttpError) || (err.status !== 400 && err.status !== 409)) throw err;
      errors.setProblem(
        err.errors
          ? errorFields(err, langOf(res))
              .map((e) => e.message)
              .join('; ')
          : errorDetail(err, langOf(res)),
      );
      res.status(err.status);
      await render(res, state, catalogue, deck, {}, errors);
    }
  };

  router.post('/present/decks/new', lecturers, async (req, res) => {
    await post(req, res, undefined);
  });
  router.post('/present/decks/:id/edit', lecturers, async (req, res) => {
    await post(req, res, await ownDeck(req, res));
  });
  router.post('/present/decks/:id/delete', lecturers, async (req, res) => {
    const deck = await ownDeck(req, res);
    await service.remove(deck.id);
    res.redirect(303, '/present?deleted=1');
  });
  return router;
}
