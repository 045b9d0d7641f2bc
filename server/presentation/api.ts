// JSON API of custom decks: GET/POST /decks, GET/PUT/DELETE /decks/:id.
// Lecturers (and admins) manage their own; anyone reads a deck through its share token.
import { Router, type Response } from 'express';
import type { JSONSchemaType } from 'ajv';
import { authOf, requireAuth } from '../http/access';
import { forbidden, notFound, unauthorized } from '../http/errors';
import { bodyValidator, valueOr400 } from '../http/validate';
import { pageLinks, pageQueryOf } from '../http/pagination';
import { DECK_LIMITS, type Deck, type DeckService, type ItemChange } from './deck-service';

interface DeckBody {
  title: string;
  audienceNote?: string;
  items: { code: string; note?: string }[];
  pinToCurrent?: boolean;
}

export const deckBodySchema: JSONSchemaType<DeckBody> = {
  type: 'object',
  required: ['title', 'items'],
  additionalProperties: false,
  properties: {
    title: { type: 'string', minLength: 1, maxLength: DECK_LIMITS.title, pattern: '\\S' },
    audienceNote: { type: 'string', maxLength: DECK_LIMITS.audienceNote, nullable: true },
    items: {
      type: 'array',
      maxItems: DECK_LIMITS.items,
      items: {
        type: 'object',
        required: ['code'],
        additionalProperties: false,
        properties: {
          code: { type: 'string', pattern: '^[A-Za-z]{2}-[0-9]{3}$' },
          note: { type: 'string', maxLength: DECK_LIMITS.note, nullable: true },
        },
      },
    },
    pinToCurrent: { type: 'boolean', nullable: true },
  },
};

const validateDeck = bodyValidator(deckBodySchema);
const LECTURERS = ['lecturer', 'admin'] as const;

function deckJson(
  deck: Deck,
  currentVersionId: number,
  changes: readonly ItemChange[],
  owner: boolean,
): Record<string, unknown> {
  return {
    id: deck.id,
    title: deck.title,
    audienceNote: deck.audienceNote,
    items: deck.items.map((i) => ({ code: i.code, note: i.note })),
    version: { id: deck.versionId, current: deck.versionId === currentVersionId, currentId: currentVersionId },
    changes,
    createdAt: deck.createdAt.toISOString(),
    updatedAt: deck.updatedAt.toISOString(),
    ...(owner ? { shareToken: deck.shareToken, shareUrl: `/present/shared/${deck.shareToken}` } : {}),
    presentUrl: owner ? `/present/decks/${deck.id}` : `/present/shared/${deck.shareToken}`,
  };
}

export function decksApi(service: DeckService, currentVersionId: () => number): Router {
  const router = Router();
  const ownDeck = async (res: Response, id: string): Promise<Deck> => {
    const deck = await service.get(id);
    // Someone else's deck answers exactly like a missing one.
    if (!deck || deck.ownerId !== authOf(res)?.user.id) throw notFound('present.error.noDeck');
    return deck;
  };

  router.get('/decks', requireAuth(...LECTURERS), async (req, res) => {
    const q = pageQueryOf(req);
    const page = await service.list(authOf(res)?.user.id ?? '', q);
    const links = pageLinks(req, '/api/v1/decks', page, q);
    res.json({
      decks: page.items.map((d) => ({
        ...d,
        updatedAt: d.updatedAt.toISOString(),
        current: d.versionId === currentVersionId(),
      })),
      next: links.next ?? null,
      prev: links.prev ?? null,
    });
  });

  router.post('/decks', requireAuth(...LECTURERS), async (req, res) => {
    const body = valueOr400(validateDeck(req.body));
    const deck = await service.create(authOf(res)?.user.id ?? '', body);
    res
      .status(201)
      .location(`/api/v1/decks/${deck.id}`)
      .json(deckJson(deck, currentVersionId(), [], true));
  });

  router.get('/decks/:id', async (req, res) => {
    const share = typeof req.query.share === 'string' ? req.query.share : undefined;
    if (share !== undefined) {
      const deck = await service.byShareToken(share);
      if (!deck || deck.id !== req.params.id) throw notFound('present.error.noDeck');
      res.json(deckJson(deck, currentVersionId(), await service.changes(deck), false));
      return;
    }
    const auth = authOf(res);
    if (!auth) throw unauthorized();
    if (!(LECTURERS as readonly string[]).includes(auth.user.role)) throw forbidden('present.error.lecturersOnly');
    const deck = await ownDeck(res, req.params.id);
    res.json(deckJson(deck, currentVersionId(), await service.changes(deck), true));
  });

  router.put('/decks/:id', requireAuth(...LECTURERS), async (req, res) => {
    const deck = await ownDeck(res, String(req.params.id));
    const body = valueOr400(validateDeck(req.body));
    const updated = await service.update(deck, body, body.pinToCurrent === true);
    res.json(deckJson(updated, currentVersionId(), await service.changes(updated), true));
  });

  router.delete('/decks/:id', requireAuth(...LECTURERS), async (req, res) => {
    await ownDeck(res, String(req.params.id));
    await service.remove(String(req.params.id));
    res.status(204).end();
  });

  return router;
}
