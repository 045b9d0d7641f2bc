// OpenAPI paths of the presentation area, merged into server/openapi.ts.
import { pageLinkProperties, pageParameters } from '../http/pagination';
import { deckBodySchema } from './api';

const problem = { $ref: '#/components/responses/Problem' };
const json = (schema: object, description = 'OK'): object => ({
  description,
  content: { 'application/json': { schema } },
});
const body = (schema: object): object => ({ required: true, content: { 'application/json': { schema } } });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const csrfHeader = {
  name: 'X-CSRF-Token',
  in: 'header',
  required: true,
  description: 'From GET /api/v1/auth/csrf (cookie-authenticated changes only)',
  schema: { type: 'string' },
};
const deck = { $ref: '#/components/schemas/Deck' };

export const presentationPaths: Record<string, object> = {
  '/api/v1/decks': {
    get: {
      summary: 'The lecturer\u2019s own decks',
      description: 'Last changed first, a page at a time: follow `next` until it is null.',
      operationId: 'listDecks',
      security: [{ session: [] }],
      parameters: pageParameters,
      responses: {
        200: json({
          type: 'object',
          required: ['decks', 'next', 'prev'],
          properties: {
            decks: { type: 'array', items: { $ref: '#/components/schemas/DeckSummary' } },
            ...pageLinkProperties,
          },
        }),
        400: problem,
        401: problem,
        403: problem,
      },
    },
    post: {
      summary: 'Compose a deck from items of any domains (pinned to the current checklist version)',
      description:
        'A lecturer may keep at most MAX_DECKS_PER_LECTURER (default 200) decks: beyond, 409 (delete one first).',
      operationId: 'createDeck',
      security: [{ session: [] }],
      parameters: [csrfHeader],
      requestBody: body({ $ref: '#/components/schemas/DeckInput' }),
      responses: { 201: json(deck, 'Created'), 400: problem, 401: problem, 403: problem, 409: problem },
    },
  },
  '/api/v1/decks/{id}': {
    get: {
      summary:
        'One deck: the owner\u2019s, or anyone\u2019s with its share token; lists items changed in the current version',
      operationId: 'getDeck',
      security: [{ session: [] }, {}],
      parameters: [
        idParam,
        {
          name: 'share',
          in: 'query',
          required: false,
          description: 'The share token: read-only access without a session',
          schema: { type: 'string' },
        },
      ],
      responses: { 200: json(deck), 401: problem, 403: problem, 404: problem },
    },
    put: {
      summary: 'Replace title, audience note and items; pinToCurrent moves the deck to the current version',
      operationId: 'updateDeck',
      security: [{ session: [] }],
      parameters: [idParam, csrfHeader],
      requestBody: body({ $ref: '#/components/schemas/DeckInput' }),
      responses: { 200: json(deck), 400: problem, 401: problem, 403: problem, 404: problem },
    },
    delete: {
      summary: 'Delete a deck',
      operationId: 'deleteDeck',
      security: [{ session: [] }],
      parameters: [idParam, csrfHeader],
      responses: { 204: { description: 'Deleted' }, 401: problem, 403: problem, 404: problem },
    },
  },
};

export const presentationSchemas: Record<string, object> = {
  DeckInput: {
    ...deckBodySchema,
    properties: {
      ...(deckBodySchema.properties as Record<string, object>),
      audienceNote: { type: 'string', maxLength: 1000 },
      pinToCurrent: { type: 'boolean' },
    },
  },
  DeckSummary: {
    type: 'object',
    required: ['id', 'title', 'versionId', 'itemCount', 'updatedAt', 'current'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      title: { type: 'string' },
      versionId: { type: 'integer' },
      itemCount: { type: 'integer' },
      updatedAt: { type: 'string', format: 'date-time' },
      current: { type: 'boolean' },
    },
  },
  Deck: {
    type: 'object',
    required: ['id', 'title', 'audienceNote', 'items', 'version', 'changes', 'presentUrl'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      title: { type: 'string' },
      audienceNote: { type: 'string' },
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['code', 'note'],
          properties: { code: { type: 'string' }, note: { type: 'string' } },
        },
      },
      version: {
        type: 'object',
        required: ['id', 'current', 'currentId'],
        properties: { id: { type: 'integer' }, current: { type: 'boolean' }, currentId: { type: 'integer' } },
      },
      changes: {
        type: 'array',
        items: {
          type: 'object',
          required: ['code', 'change'],
          properties: { code: { type: 'string' }, change: { enum: ['changed', 'removed'] } },
        },
      },
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
      shareToken: { type: 'string', description: 'Owner only' },
      shareUrl: { type: 'string', description: 'Owner only: the read-only page' },
      presentUrl: { type: 'string' },
    },
  },
};
