// OpenAPI 3.1 description of every public route, served at /api/v1/openapi.json.
const problem = { $ref: '#/components/responses/Problem' };
const versionParam = { name: 'version', in: 'query', required: false, description: 'Checklist version id (default: current)', schema: { type: 'integer', minimum: 1 } };
const json = (schema: object, description = 'OK'): object => ({ description, content: { 'application/json': { schema } } });

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Hegui 合规 API',
    version: '1.0.0',
    description: '企业行政合规指导清单 — the compliance guidance checklist as open data: domains, items (什么是违法 / 违了什么法 / 怎么不违法 / 免罚轻罚), search and downloads.',
    license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/v1/domains': {
      get: {
        summary: 'List the regulatory domains', operationId: 'listDomains', parameters: [versionParam],
        responses: { 200: json({ type: 'object', required: ['domains'], properties: { version: { $ref: '#/components/schemas/VersionRef' }, domains: { type: 'array', items: { $ref: '#/components/schemas/DomainSummary' } } } }), 304: { description: 'Not modified' }, 400: problem, 404: problem },
      },
    },
    '/api/v1/domains/{code}': {
      get: {
        summary: 'One domain with its items', operationId: 'getDomain',
        parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z]{2}$' } }, versionParam],
        responses: { 200: json({ $ref: '#/components/schemas/Domain' }), 304: { description: 'Not modified' }, 400: problem, 404: problem },
      },
    },
    '/api/v1/items/{code}': {
      get: {
        summary: 'One item in full', operationId: 'getItem',
        parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z]{2}-[0-9]{3}$' } }, versionParam],
        responses: { 200: json({ allOf: [{ $ref: '#/components/schemas/Item' }, { type: 'object', properties: { domain: { type: 'string' }, version: { $ref: '#/components/schemas/VersionRef' } } }] }), 304: { description: 'Not modified' }, 400: problem, 404: problem },
      },
    },
    '/api/v1/search': {
      get: {
        summary: 'Search items (Chinese substrings, item codes)', operationId: 'search',
        parameters: [
          { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 } },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 } },
        ],
        responses: {
          200: json({ type: 'object', required: ['results'], properties: { query: { type: 'string' }, results: { type: 'array', items: { type: 'object', required: ['code', 'title', 'domain', 'snippet'], properties: { code: { type: 'string' }, title: { type: 'string' }, domain: { type: 'string' }, snippet: { type: 'string' } } } } } }),
          400: problem,
        },
      },
    },
    '/api/v1/versions': {
      get: {
        summary: 'Checklist versions (newest first)', operationId: 'listVersions',
        responses: { 200: json({ type: 'object', properties: { versions: { type: 'array', items: { type: 'object', required: ['id', 'hash', 'createdAt', 'current', 'itemCount'], properties: { id: { type: 'integer' }, hash: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' }, current: { type: 'boolean' }, itemCount: { type: 'integer' } } } } } }) },
      },
    },
    '/api/v1/catalogue.json': {
      get: { summary: 'The whole current checklist as JSON (open data)', operationId: 'catalogueJson', responses: { 200: json({ type: 'object', properties: { version: { $ref: '#/components/schemas/VersionRef' }, profile: { type: 'object' }, domains: { type: 'array', items: { $ref: '#/components/schemas/Domain' } } } }) } },
    },
    '/api/v1/catalogue.xlsx': {
      get: { summary: 'The whole current checklist as XLSX, one sheet per domain', operationId: 'catalogueXlsx', responses: { 200: { description: 'Workbook', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } } } } },
    },
    '/api/v1/openapi.json': { get: { summary: 'This document', operationId: 'openapi', responses: { 200: json({ type: 'object' }) } } },
    '/healthz': { get: { summary: 'Process is up', operationId: 'healthz', responses: { 200: json({ type: 'object', properties: { status: { const: 'ok' } } }) } } },
    '/readyz': { get: { summary: 'Database reachable', operationId: 'readyz', responses: { 200: json({ type: 'object', properties: { status: { const: 'ready' }, database: { enum: ['pglite', 'postgres'] } } }), 503: problem } } },
  },
  components: {
    responses: {
      Problem: { description: 'Error (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
    },
    schemas: {
      Problem: {
        type: 'object', required: ['type', 'title', 'status'],
        properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, instance: { type: 'string' }, errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } } },
      },
      VersionRef: { type: 'object', required: ['id', 'hash'], properties: { id: { type: 'integer' }, hash: { type: 'string' } } },
      DomainSummary: {
        type: 'object', required: ['code', 'name', 'nameEn', 'department', 'itemCount'],
        properties: { code: { type: 'string' }, position: { type: 'integer' }, name: { type: 'string' }, nameEn: { type: 'string' }, department: { type: 'string' }, summary: { type: 'string' }, itemCount: { type: 'integer' }, highCount: { type: 'integer' }, leniencyCount: { type: 'integer' } },
      },
      Domain: {
        type: 'object', required: ['code', 'name', 'nameEn', 'department', 'items'],
        properties: { code: { type: 'string' }, position: { type: 'integer' }, name: { type: 'string' }, nameEn: { type: 'string' }, department: { type: 'string' }, summary: { type: 'string' }, itemCount: { type: 'integer' }, items: { type: 'array', items: { $ref: '#/components/schemas/Item' } } },
      },
      Citation: { type: 'object', required: ['law', 'article', 'text'], properties: { law: { type: 'string' }, article: { type: 'string' }, text: { type: 'string' } } },
      Item: {
        type: 'object', required: ['code', 'title', 'question', 'illegal', 'basis', 'penalty', 'guidance', 'evidence', 'leniency'],
        description: 'See checklists/schema/domain.schema.json for the full schema.',
        properties: {
          code: { type: 'string' }, title: { type: 'string' }, question: { type: 'string' }, illegal: { type: 'string' },
          basis: { type: 'array', items: { $ref: '#/components/schemas/Citation' } },
          penalty: { type: 'array', items: { allOf: [{ $ref: '#/components/schemas/Citation' }, { type: 'object', properties: { summary: { type: 'string' }, consequences: { type: 'array', items: { type: 'string' } } } }] } },
          guidance: { type: 'array', items: { type: 'string' } }, evidence: { type: 'array', items: { type: 'string' } },
          leniency: { type: 'array', items: { type: 'object', properties: { kind: { enum: ['no-penalty', 'first-violation', 'lighter', 'none'] }, conditions: { type: 'array', items: { type: 'string' } }, correctionDays: { type: 'integer' }, basis: { type: 'string' }, source: { type: 'string' }, note: { type: 'string' } } } },
          appliesTo: { type: 'array', items: { type: 'string' } }, frequency: { enum: ['high', 'normal'] },
          cases: { type: 'array', items: { type: 'object' } }, reviewNeeded: { type: 'boolean' }, reviewNote: { type: 'string' },
        },
      },
    },
  },
} as const;
