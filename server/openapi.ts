// OpenAPI 3.1 description of every public route, served at /api/v1/openapi.json.
import { pageLinkProperties, pageParameters } from './http/pagination';
import { ANSWER_STATUSES } from './domain/answer-status';
import { CHECK_MODES } from './domain/check-mode';
import { LENIENCY_KINDS } from './domain/checklist';
import { ORG_SIZES } from './domain/organisation';
import { ROLES } from './domain/roles';
import { presentationPaths, presentationSchemas } from './presentation/openapi';
import { regulatorPaths, regulatorSchemas } from './regulator/openapi';
import { rectificationPaths } from './assessment/rectification-openapi';
const problem = { $ref: '#/components/responses/Problem' };
const versionParam = {
  name: 'version',
  in: 'query',
  required: false,
  description: 'Checklist version id (default: current)',
  schema: { type: 'integer', minimum: 1 },
};
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
const status = { enum: [...ANSWER_STATUSES] };
const date = { type: ['string', 'null'], format: 'date' };

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Hegui 合规 API',
    version: '1.0.0',
    description:
      '企业行政合规指导清单 — the compliance guidance checklist as open data: domains, items (什么是违法 / 违了什么法 / 怎么不违法 / 免罚轻罚), search and downloads.',
    license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/v1/domains': {
      get: {
        summary: 'List the regulatory domains',
        operationId: 'listDomains',
        parameters: [versionParam],
        responses: {
          200: json({
            type: 'object',
            required: ['domains'],
            properties: {
              version: { $ref: '#/components/schemas/VersionRef' },
              domains: { type: 'array', items: { $ref: '#/components/schemas/DomainSummary' } },
            },
          }),
          304: { description: 'Not modified' },
          400: problem,
          404: problem,
        },
      },
    },
    '/api/v1/domains/{code}': {
      get: {
        summary: 'One domain with its items',
        operationId: 'getDomain',
        parameters: [
          { name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z]{2}$' } },
          versionParam,
        ],
        responses: {
          200: json({ $ref: '#/components/schemas/Domain' }),
          304: { description: 'Not modified' },
          400: problem,
          404: problem,
        },
      },
    },
    '/api/v1/items/{code}': {
      get: {
        summary: 'One item in full',
        operationId: 'getItem',
        parameters: [
          { name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z]{2}-[0-9]{3}$' } },
          versionParam,
        ],
        responses: {
          200: json({
            allOf: [
              { $ref: '#/components/schemas/Item' },
              {
                type: 'object',
                properties: { domain: { type: 'string' }, version: { $ref: '#/components/schemas/VersionRef' } },
              },
            ],
          }),
          304: { description: 'Not modified' },
          400: problem,
          404: problem,
        },
      },
    },
    '/api/v1/search': {
      get: {
        summary: 'Search items in everyday words (Chinese word segmentation, synonyms, item codes, law names)',
        description:
          'Ranked by BM25F over the item fields (title and everyday phrasings first), by how much of the query an item covers, with a small boost for high-frequency items. `total` and `results` honour `domain`; `facets` count the matches per domain whatever `domain` is. `suggestions` ("您是不是要找…") appear when nothing matches well or the query looks mistyped.',
        operationId: 'search',
        parameters: [
          { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 } },
          {
            name: 'domain',
            in: 'query',
            required: false,
            description: 'Only items of this domain (two-letter code, e.g. XF); an unknown code is a 400.',
            schema: { type: 'string', pattern: '^[A-Za-z]{2}$' },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
          },
          {
            name: 'offset',
            in: 'query',
            required: false,
            schema: { type: 'integer', minimum: 0, maximum: 10000, default: 0 },
          },
        ],
        responses: {
          200: json({
            type: 'object',
            required: ['total', 'results', 'facets'],
            properties: {
              query: { type: 'string' },
              total: { type: 'integer', description: 'matching items (in `domain`, if given)' },
              results: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['code', 'title', 'domain', 'snippet', 'score'],
                  properties: {
                    code: { type: 'string' },
                    title: { type: 'string' },
                    domain: { type: 'string' },
                    snippet: { type: 'string', description: 'one line of 什么是违法 around the first matched word' },
                    score: { type: 'number', description: 'relevance; only comparable within one query' },
                  },
                },
              },
              facets: {
                type: 'object',
                required: ['domains'],
                properties: {
                  domains: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['code', 'count'],
                      properties: { code: { type: 'string' }, count: { type: 'integer' } },
                    },
                  },
                },
              },
              suggestions: { type: 'array', items: { type: 'string' }, description: '您是不是要找…' },
            },
          }),
          400: problem,
        },
      },
    },
    '/api/v1/scenes': {
      get: {
        summary: 'Trade scenes (行业场景): each with the size of its quick check and of its full check',
        operationId: 'listScenes',
        responses: {
          200: json({
            type: 'object',
            required: ['scenes'],
            properties: { scenes: { type: 'array', items: { $ref: '#/components/schemas/SceneSummary' } } },
          }),
        },
      },
    },
    '/api/v1/scenes/{id}': {
      get: {
        summary: "One trade scene with its quick check's item codes (in the order asked) and its full check's",
        operationId: 'getScene',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: json({
            allOf: [
              { $ref: '#/components/schemas/SceneSummary' },
              {
                type: 'object',
                required: ['quick', 'full'],
                properties: {
                  quick: { type: 'array', items: { type: 'string' } },
                  full: {
                    type: 'array',
                    description: 'Every item of the trade: the quick ones first, then the rest that apply',
                    items: { type: 'string' },
                  },
                },
              },
            ],
          }),
          404: problem,
        },
      },
    },
    '/api/v1/versions': {
      get: {
        summary: 'Checklist versions (newest first)',
        operationId: 'listVersions',
        responses: {
          200: json({
            type: 'object',
            properties: {
              versions: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'hash', 'createdAt', 'current', 'itemCount'],
                  properties: {
                    id: { type: 'integer' },
                    hash: { type: 'string' },
                    createdAt: { type: 'string', format: 'date-time' },
                    current: { type: 'boolean' },
                    itemCount: { type: 'integer' },
                  },
                },
              },
            },
          }),
        },
      },
    },
    '/api/v1/catalogue.json': {
      get: {
        summary: 'The whole current checklist as JSON (open data)',
        operationId: 'catalogueJson',
        responses: {
          200: json({
            type: 'object',
            properties: {
              version: { $ref: '#/components/schemas/VersionRef' },
              profile: { type: 'object' },
              domains: { type: 'array', items: { $ref: '#/components/schemas/Domain' } },
            },
          }),
        },
      },
    },
    '/api/v1/catalogue.xlsx': {
      get: {
        summary: 'The whole current checklist as XLSX, one sheet per domain',
        operationId: 'catalogueXlsx',
        responses: {
          200: {
            description: 'Workbook',
            content: {
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: { type: 'string', format: 'binary' },
              },
            },
          },
        },
      },
    },
    '/api/v1/auth/csrf': {
      get: {
        summary: 'The CSRF token of the current session or guest session (send it as X-CSRF-Token)',
        operationId: 'csrf',
        security: [{ session: [] }, { guest: [] }],
        responses: {
          200: json({ type: 'object', required: ['token'], properties: { token: { type: 'string' } } }),
          401: problem,
        },
      },
    },
    '/api/v1/auth/register': {
      post: {
        summary: 'Register a company and its first user (organisation admin); starts a session',
        operationId: 'register',
        requestBody: body({ $ref: '#/components/schemas/Registration' }),
        responses: {
          201: json({
            type: 'object',
            properties: {
              user: { $ref: '#/components/schemas/User' },
              org: { $ref: '#/components/schemas/Org' },
              csrfToken: { type: 'string' },
            },
          }),
          400: problem,
          409: problem,
          413: problem,
          429: problem,
        },
      },
    },
    '/api/v1/auth/login': {
      post: {
        summary: 'Log in; starts a session (cookie hegui_sid)',
        operationId: 'login',
        requestBody: body({
          type: 'object',
          required: ['email', 'password'],
          additionalProperties: false,
          properties: { email: { type: 'string' }, password: { type: 'string' } },
        }),
        responses: {
          200: json({ type: 'object', properties: { csrfToken: { type: 'string' } } }),
          400: problem,
          401: problem,
          429: problem,
        },
      },
    },
    '/api/v1/auth/logout': {
      post: {
        summary: 'End the session',
        operationId: 'logout',
        security: [{ session: [] }],
        parameters: [csrfHeader],
        responses: { 204: { description: 'Logged out' }, 401: problem, 403: problem },
      },
    },
    '/api/v1/auth/password': {
      post: {
        summary: "Change the password; ends the user's other sessions",
        operationId: 'changePassword',
        security: [{ session: [] }],
        parameters: [csrfHeader],
        requestBody: body({
          type: 'object',
          required: ['currentPassword', 'newPassword'],
          additionalProperties: false,
          properties: { currentPassword: { type: 'string' }, newPassword: { type: 'string', minLength: 10 } },
        }),
        responses: { 204: { description: 'Changed' }, 400: problem, 401: problem, 403: problem },
      },
    },
    '/api/v1/auth/accept-invitation': {
      post: {
        summary: 'Join an organisation with a one-time invitation token',
        operationId: 'acceptInvitation',
        requestBody: body({
          type: 'object',
          required: ['token', 'email', 'password'],
          additionalProperties: false,
          properties: {
            token: { type: 'string' },
            email: { type: 'string' },
            password: { type: 'string', minLength: 10 },
          },
        }),
        responses: {
          201: json({
            type: 'object',
            properties: { user: { $ref: '#/components/schemas/User' }, csrfToken: { type: 'string' } },
          }),
          400: problem,
          404: problem,
        },
      },
    },
    '/api/v1/me': {
      get: {
        summary: 'The current user and organisation',
        operationId: 'me',
        security: [{ session: [] }],
        responses: {
          200: json({
            type: 'object',
            properties: {
              user: { $ref: '#/components/schemas/User' },
              org: { oneOf: [{ $ref: '#/components/schemas/Org' }, { type: 'null' }] },
            },
          }),
          401: problem,
        },
      },
    },
    '/api/v1/orgs/invitations': {
      post: {
        summary: 'Create a one-time invitation link (organisation admin)',
        operationId: 'invite',
        security: [{ session: [] }],
        parameters: [csrfHeader],
        responses: {
          201: json({
            type: 'object',
            properties: { url: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' } },
          }),
          401: problem,
          403: problem,
        },
      },
    },
    '/api/v1/assessments': {
      get: {
        summary: "The organisation's assessments",
        description: 'Newest first, a page at a time: follow `next` until it is null.',
        operationId: 'listAssessments',
        security: [{ session: [] }],
        parameters: pageParameters,
        responses: {
          200: json({
            type: 'object',
            required: ['assessments', 'next', 'prev'],
            properties: {
              assessments: { type: 'array', items: { $ref: '#/components/schemas/AssessmentSummary' } },
              ...pageLinkProperties,
            },
          }),
          400: problem,
          401: problem,
          403: problem,
        },
      },
      post: {
        summary: 'Start an assessment from a profile (optionally as a copy of an earlier one)',
        description:
          'An organisation may have at most MAX_OPEN_DRAFTS_PER_ORG (default 20) unsubmitted drafts: beyond, 409 (submit one first). Without a session, a quick check (scene given, mode not full) starts as a guest: the response sets the hegui_guest cookie. Guest starts are limited per client address (429 with Retry-After).',
        operationId: 'createAssessment',
        security: [{ session: [] }, { guest: [] }, {}],
        parameters: [csrfHeader],
        requestBody: body({
          type: 'object',
          required: ['profile'],
          additionalProperties: false,
          properties: {
            profile: {
              type: 'object',
              required: ['tags'],
              properties: { tags: { type: 'array', items: { type: 'string' } } },
            },
            copyFrom: { type: 'string', format: 'uuid' },
            scene: { type: 'string', description: 'A trade scene id from /api/v1/scenes (unknown: 400)' },
            mode: {
              enum: [...CHECK_MODES],
              description:
                "quick: the scene's quick list less what the profile rules out; full: every applicable item. Default: quick with a scene, full without",
            },
          },
        }),
        responses: {
          201: json({ $ref: '#/components/schemas/AssessmentSummary' }),
          400: problem,
          401: problem,
          403: problem,
          404: problem,
          409: problem,
          429: problem,
        },
      },
    },
    '/api/v1/assessments/{id}': {
      get: {
        summary: 'An assessment with its answers',
        operationId: 'getAssessment',
        security: [{ session: [] }],
        parameters: [idParam],
        responses: {
          200: json({
            allOf: [
              { $ref: '#/components/schemas/AssessmentSummary' },
              {
                type: 'object',
                properties: {
                  answers: { type: 'object', additionalProperties: { $ref: '#/components/schemas/Answer' } },
                },
              },
            ],
          }),
          401: problem,
          404: problem,
        },
      },
    },
    '/api/v1/assessments/{id}/answers/{itemCode}': {
      put: {
        summary: 'Save one answer (idempotent)',
        operationId: 'saveAnswer',
        security: [{ session: [] }],
        parameters: [idParam, { name: 'itemCode', in: 'path', required: true, schema: { type: 'string' } }, csrfHeader],
        requestBody: body({ $ref: '#/components/schemas/AnswerInput' }),
        responses: {
          200: json({ $ref: '#/components/schemas/Answer' }),
          400: problem,
          401: problem,
          403: problem,
          404: problem,
          409: problem,
          503: problem,
        },
      },
    },
    '/api/v1/assessments/{id}/submit': {
      post: {
        summary: 'Submit: freeze the answers, build and fingerprint the report',
        operationId: 'submit',
        security: [{ session: [] }],
        parameters: [idParam, csrfHeader],
        responses: {
          200: json({
            type: 'object',
            properties: {
              fingerprint: { type: 'string' },
              submittedAt: { type: 'string', format: 'date-time' },
              coverage: { $ref: '#/components/schemas/Coverage' },
            },
          }),
          401: problem,
          404: problem,
          409: { ...problem, description: 'Already submitted, or not one answer given' },
        },
      },
    },
    '/api/v1/assessments/{id}/extend': {
      post: {
        summary: "Add a draft's remaining applicable items: one domain's, or all of them (it becomes a full check)",
        operationId: 'extendAssessment',
        security: [{ session: [] }],
        parameters: [idParam, csrfHeader],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: { type: 'object', additionalProperties: false, properties: { domain: { type: 'string' } } },
            },
          },
        },
        responses: {
          200: json({
            allOf: [
              { $ref: '#/components/schemas/AssessmentSummary' },
              { type: 'object', properties: { added: { type: 'array', items: { type: 'string' } } } },
            ],
          }),
          400: problem,
          401: problem,
          404: problem,
          409: problem,
        },
      },
    },
    '/api/v1/assessments/{id}/move-to-current': {
      post: {
        summary: 'Move a draft to the current checklist version',
        operationId: 'moveToCurrent',
        security: [{ session: [] }],
        parameters: [idParam, csrfHeader],
        responses: {
          200: json({
            type: 'object',
            properties: {
              added: { type: 'array', items: { type: 'string' } },
              removed: { type: 'array', items: { type: 'string' } },
              versionId: { type: 'integer' },
            },
          }),
          404: problem,
          409: problem,
        },
      },
    },
    '/api/v1/assessments/{id}/sharing': {
      put: {
        summary: 'Let regulators see the submitted report, or withdraw that',
        operationId: 'setSharing',
        security: [{ session: [] }],
        parameters: [idParam, csrfHeader],
        requestBody: body({
          type: 'object',
          required: ['shared'],
          additionalProperties: false,
          properties: { shared: { type: 'boolean' } },
        }),
        responses: {
          200: json({ type: 'object', properties: { shared: { type: 'boolean' } } }),
          400: problem,
          404: problem,
          409: problem,
        },
      },
    },
    '/api/v1/assessments/{id}/report': {
      get: {
        summary: 'The submitted report (canonical JSON hashes to the fingerprint)',
        operationId: 'reportJson',
        security: [{ session: [] }],
        parameters: [idParam],
        responses: {
          200: json({ type: 'object', description: 'hegui-report/1, see server/assessment/report-model.ts' }),
          404: problem,
          409: problem,
        },
      },
    },
    '/api/v1/assessments/{id}/report.docx': {
      get: {
        summary: 'The report as DOCX',
        operationId: 'reportDocx',
        security: [{ session: [] }],
        parameters: [idParam],
        responses: {
          200: {
            description: 'Word document',
            content: {
              'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
                schema: { type: 'string', format: 'binary' },
              },
            },
          },
          404: problem,
          409: problem,
        },
      },
    },
    '/api/v1/assessments/{id}/report.pdf': {
      get: {
        summary: 'The report as PDF (A4)',
        operationId: 'reportPdf',
        security: [{ session: [] }],
        parameters: [idParam],
        responses: {
          200: { description: 'PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
          404: problem,
          409: problem,
        },
      },
    },
    '/api/v1/verify/{fingerprint}': {
      get: {
        summary: 'Does a submitted report have this fingerprint?',
        operationId: 'verifyFingerprint',
        parameters: [
          { name: 'fingerprint', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-fA-F]{64}$' } },
        ],
        responses: { 200: json({ $ref: '#/components/schemas/Verification' }), 404: problem },
      },
    },
    '/api/v1/verify': {
      post: {
        summary: 'Does this JSON report match a submitted report?',
        operationId: 'verifyReport',
        requestBody: body({ type: 'object' }),
        responses: { 200: json({ $ref: '#/components/schemas/Verification' }), 400: problem },
      },
    },
    ...presentationPaths,
    ...regulatorPaths,
    ...rectificationPaths,
    '/api/v1/openapi.json': {
      get: { summary: 'This document', operationId: 'openapi', responses: { 200: json({ type: 'object' }) } },
    },
    '/healthz': {
      get: {
        summary: 'Process is up',
        operationId: 'healthz',
        responses: { 200: json({ type: 'object', properties: { status: { const: 'ok' } } }) },
      },
    },
    '/readyz': {
      get: {
        summary: 'Database reachable',
        operationId: 'readyz',
        responses: {
          200: json({
            type: 'object',
            properties: { status: { const: 'ready' }, database: { enum: ['pglite', 'postgres'] } },
          }),
          503: problem,
        },
      },
    },
  },
  components: {
    securitySchemes: {
      session: { type: 'apiKey', in: 'cookie', name: 'hegui_sid' },
      guest: {
        type: 'apiKey',
        in: 'cookie',
        name: 'hegui_guest',
        description:
          'A visitor without an account: set by the first quick check started without a session, kept 30 days; logging in or registering moves its assessments to the organisation',
      },
      bearer: {
        type: 'http',
        scheme: 'bearer',
        description: 'Regulator API token (hgr_…) for /api/v1/stats/* and /api/v1/exports/*',
      },
    },
    responses: {
      Problem: {
        description: 'Error (RFC 9457)',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    },
    schemas: {
      ...presentationSchemas,
      ...regulatorSchemas,
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status'],
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          instance: { type: 'string' },
          errors: {
            type: 'array',
            items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
      VersionRef: {
        type: 'object',
        required: ['id', 'hash'],
        properties: { id: { type: 'integer' }, hash: { type: 'string' } },
      },
      DomainSummary: {
        type: 'object',
        required: ['code', 'name', 'nameEn', 'department', 'itemCount'],
        properties: {
          code: { type: 'string' },
          position: { type: 'integer' },
          name: { type: 'string' },
          nameEn: { type: 'string' },
          department: { type: 'string' },
          summary: { type: 'string' },
          itemCount: { type: 'integer' },
          highCount: { type: 'integer' },
          leniencyCount: { type: 'integer' },
        },
      },
      Domain: {
        type: 'object',
        required: ['code', 'name', 'nameEn', 'department', 'items'],
        properties: {
          code: { type: 'string' },
          position: { type: 'integer' },
          name: { type: 'string' },
          nameEn: { type: 'string' },
          department: { type: 'string' },
          summary: { type: 'string' },
          itemCount: { type: 'integer' },
          items: { type: 'array', items: { $ref: '#/components/schemas/Item' } },
        },
      },
      Registration: {
        type: 'object',
        additionalProperties: false,
        required: ['email', 'password', 'orgName', 'creditCode', 'region', 'industry', 'size'],
        properties: {
          email: { type: 'string', format: 'email' },
          password: { type: 'string', minLength: 10 },
          orgName: { type: 'string' },
          creditCode: { type: 'string', description: '统一社会信用代码, 18 characters, GB 32100-2015 check character' },
          region: { type: 'string', description: 'town or district' },
          industry: { type: 'string', pattern: '^[A-T]$', description: '国民经济行业分类 门类' },
          size: { enum: [...ORG_SIZES] },
        },
      },
      User: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          email: { type: 'string' },
          role: { enum: [...ROLES] },
          orgId: { type: ['string', 'null'] },
          orgAdmin: { type: 'boolean' },
          department: { type: ['string', 'null'] },
        },
      },
      Org: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          creditCode: { type: 'string' },
          region: { type: 'string' },
          industry: { type: 'string' },
          size: { type: 'string' },
        },
      },
      SceneSummary: {
        type: 'object',
        required: ['id', 'name', 'nameEn', 'description', 'industries', 'tags', 'quickCount', 'fullCount'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          nameEn: { type: 'string' },
          description: { type: 'string' },
          industries: {
            type: 'array',
            description: 'GB/T 4754-2017 门类 letter and 大类 codes',
            items: {
              type: 'object',
              properties: { section: { type: 'string' }, divisions: { type: 'array', items: { type: 'string' } } },
            },
          },
          tags: { type: 'array', description: 'Profile tags the trade implies', items: { type: 'string' } },
          quickCount: { type: 'integer' },
          fullCount: { type: 'integer' },
        },
      },
      Coverage: {
        type: 'object',
        required: ['answered', 'total'],
        description: 'Items of the check answered, of all items of the check; the rest are reported as 未自查',
        properties: { answered: { type: 'integer' }, total: { type: 'integer' } },
      },
      AssessmentSummary: {
        type: 'object',
        required: ['id', 'status', 'items', 'progress'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          status: { enum: ['draft', 'submitted'] },
          versionId: { type: 'integer' },
          profileTags: { type: 'array', items: { type: 'string' } },
          mode: { enum: [...CHECK_MODES] },
          scene: { type: ['string', 'null'] },
          items: { type: 'array', items: { type: 'string' } },
          progress: { type: 'object', properties: { answered: { type: 'integer' }, total: { type: 'integer' } } },
          fingerprint: { type: ['string', 'null'] },
          shared: { type: 'boolean' },
          submittedAt: { type: ['string', 'null'], format: 'date-time' },
        },
      },
      AnswerInput: {
        type: 'object',
        additionalProperties: false,
        required: ['status'],
        properties: {
          status,
          note: { type: ['string', 'null'], maxLength: 2000 },
          owner: { type: ['string', 'null'], maxLength: 100 },
          dueDate: date,
          correctedOn: date,
        },
      },
      Answer: {
        type: 'object',
        properties: {
          itemCode: { type: 'string' },
          status,
          note: { type: ['string', 'null'] },
          owner: { type: ['string', 'null'] },
          dueDate: date,
          correctedOn: date,
        },
      },
      Verification: {
        type: 'object',
        required: ['match', 'fingerprint'],
        properties: {
          match: { type: 'boolean' },
          fingerprint: { type: 'string' },
          submittedAt: { type: 'string', format: 'date-time' },
          checklistVersion: { type: 'integer' },
        },
      },
      Citation: {
        type: 'object',
        required: ['law', 'article', 'text'],
        properties: { law: { type: 'string' }, article: { type: 'string' }, text: { type: 'string' } },
      },
      Item: {
        type: 'object',
        required: ['code', 'title', 'question', 'illegal', 'basis', 'penalty', 'guidance', 'evidence', 'leniency'],
        description: 'See checklists/schema/domain.schema.json for the full schema.',
        properties: {
          code: { type: 'string' },
          title: { type: 'string' },
          question: { type: 'string' },
          illegal: { type: 'string' },
          basis: { type: 'array', items: { $ref: '#/components/schemas/Citation' } },
          penalty: {
            type: 'array',
            items: {
              allOf: [
                { $ref: '#/components/schemas/Citation' },
                {
                  type: 'object',
                  properties: {
                    summary: { type: 'string' },
                    consequences: { type: 'array', items: { type: 'string' } },
                  },
                },
              ],
            },
          },
          guidance: { type: 'array', items: { type: 'string' } },
          evidence: { type: 'array', items: { type: 'string' } },
          leniency: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                kind: { enum: [...LENIENCY_KINDS] },
                conditions: { type: 'array', items: { type: 'string' } },
                correctionDays: { type: 'integer' },
                basis: { type: 'string' },
                source: { type: 'string' },
                discretionary: { type: 'boolean', description: 'the enforcer decides case by case (个案认定)' },
                correctionFirst: {
                  type: 'boolean',
                  description: 'the article fines only if an order to correct is ignored',
                },
                ifIgnored: { type: 'string', description: 'no-fine: what follows if the order to correct is ignored' },
                note: { type: 'string' },
              },
            },
          },
          appliesTo: { type: 'array', items: { type: 'string' } },
          frequency: { enum: ['high', 'normal'] },
          cases: { type: 'array', items: { type: 'object' } },
          reviewNeeded: { type: 'boolean' },
          reviewNote: { type: 'string' },
        },
      },
    },
  },
} as const;
