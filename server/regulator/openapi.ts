// OpenAPI paths of the regulator area, merged into server/openapi.ts.
// Statistics and exports accept the session cookie or "Authorization: Bearer <token>"
// (tokens from /regulator/tokens); token management needs the session.
import { pageLinkProperties, pageParameters } from '../http/pagination';
import { ORG_SIZES } from '../domain/organisation';

const problem = { $ref: '#/components/responses/Problem' };
const json = (schema: object): object => ({ description: 'OK', content: { 'application/json': { schema } } });
const file = (type: string, description: string): object => ({
  description,
  content: { [type]: { schema: { type: 'string', format: 'binary' } } },
});
const str = { type: 'string' };
const filterParams = [
  {
    name: 'from',
    in: 'query',
    description: 'First month, YYYY-MM (China time)',
    schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' },
  },
  {
    name: 'to',
    in: 'query',
    description: 'Last month, YYYY-MM, inclusive',
    schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' },
  },
  {
    name: 'region',
    in: 'query',
    description: 'Region as registered, e.g. 杨舍镇',
    schema: { type: 'string', maxLength: 60 },
  },
  {
    name: 'industry',
    in: 'query',
    description: 'GB/T 4754 section letter',
    schema: { type: 'string', pattern: '^[A-T]$' },
  },
  { name: 'size', in: 'query', schema: { type: 'string', enum: [...ORG_SIZES] } },
  { name: 'domain', in: 'query', description: 'Domain code, e.g. XF', schema: { type: 'string' } },
  {
    name: 'version',
    in: 'query',
    description: 'Checklist version id (default: current)',
    schema: { type: 'integer', minimum: 1 },
  },
];
const readAccess = {
  security: [{ session: [] }],
  description:
    'Regulators and admins. Also accepts `Authorization: Bearer <token>` with an API token. Figures describing fewer than 5 organisations are null with `suppressed: true`.',
};
const readResponses = { 400: problem, 401: problem, 403: problem };
const csrfHeader = { name: 'X-CSRF-Token', in: 'header', required: true, schema: { type: 'string' } };

export const regulatorPaths: Record<string, object> = {
  '/api/v1/stats/summary': {
    get: {
      summary: 'Dashboard figures for the filters',
      operationId: 'statsSummary',
      ...readAccess,
      parameters: filterParams,
      responses: { 200: json({ $ref: '#/components/schemas/StatsSummary' }), ...readResponses },
    },
  },
  '/api/v1/stats/shared-reports': {
    get: {
      summary: 'Submitted reports that firms chose to share (50 per page)',
      operationId: 'sharedReports',
      ...readAccess,
      parameters: [
        ...filterParams,
        { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
        {
          name: 'mode',
          in: 'query',
          description: 'quick or full check (default: both)',
          schema: { enum: ['quick', 'full'] },
        },
      ],
      responses: {
        200: json({
          type: 'object',
          properties: {
            page: { type: 'integer' },
            pageSize: { type: 'integer' },
            total: { type: 'integer' },
            reports: { type: 'array', items: { $ref: '#/components/schemas/SharedReportEntry' } },
          },
        }),
        ...readResponses,
      },
    },
  },
  '/api/v1/exports/summary.csv': {
    get: {
      summary: 'Per domain and item figures as CSV (UTF-8 with BOM)',
      operationId: 'exportSummaryCsv',
      ...readAccess,
      parameters: filterParams,
      responses: { 200: file('text/csv', 'CSV; suppressed figures are empty with suppressed = 1'), ...readResponses },
    },
  },
  '/api/v1/exports/summary.xlsx': {
    get: {
      summary: 'Per domain and item figures as XLSX (one sheet per level)',
      operationId: 'exportSummaryXlsx',
      ...readAccess,
      parameters: filterParams,
      responses: {
        200: file('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'XLSX'),
        ...readResponses,
      },
    },
  },
  '/api/v1/exports/summary.json': {
    get: {
      summary: 'Per domain and item figures as JSON',
      operationId: 'exportSummaryJson',
      ...readAccess,
      parameters: filterParams,
      responses: { 200: json({ $ref: '#/components/schemas/SummaryExport' }), ...readResponses },
    },
  },
  '/api/v1/exports/answers.csv': {
    get: {
      summary: 'One row per answer of shared reports, CSV (UTF-8 with BOM), streamed',
      operationId: 'exportAnswersCsv',
      ...readAccess,
      parameters: filterParams,
      responses: {
        200: file(
          'text/csv',
          'CSV; beside each code (industry, size, item, status) a column with its name in the asked language (?lang=en: English, else Chinese); submitted_at in China time with its offset, e.g. 2026-12-04T09:39:49+08:00',
        ),
        ...readResponses,
      },
    },
  },
  '/api/v1/exports/answers.xlsx': {
    get: {
      summary: 'One row per answer of shared reports, XLSX, streamed',
      operationId: 'exportAnswersXlsx',
      ...readAccess,
      parameters: filterParams,
      responses: {
        200: file('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'XLSX'),
        ...readResponses,
      },
    },
  },
  '/api/v1/exports/report.docx': {
    get: {
      summary: 'Written statistics report (DOCX)',
      operationId: 'exportReportDocx',
      ...readAccess,
      parameters: filterParams,
      responses: {
        200: file('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'DOCX'),
        ...readResponses,
      },
    },
  },
  '/api/v1/exports/report.pdf': {
    get: {
      summary: 'Written statistics report (PDF)',
      operationId: 'exportReportPdf',
      ...readAccess,
      parameters: filterParams,
      responses: { 200: file('application/pdf', 'PDF'), ...readResponses, 503: problem },
    },
  },
  '/api/v1/regulator/tokens': {
    get: {
      summary: "The caller's API tokens (never the secret)",
      description: 'Newest first (revoked ones too), a page at a time: follow `next` until it is null.',
      operationId: 'listTokens',
      security: [{ session: [] }],
      parameters: pageParameters,
      responses: {
        200: json({
          type: 'object',
          required: ['tokens', 'next', 'prev'],
          properties: {
            tokens: { type: 'array', items: { $ref: '#/components/schemas/ApiToken' } },
            ...pageLinkProperties,
          },
        }),
        400: problem,
        401: problem,
        403: problem,
      },
    },
    post: {
      summary: 'Create an API token; the secret is returned once',
      operationId: 'createToken',
      security: [{ session: [] }],
      parameters: [csrfHeader],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['name'],
              additionalProperties: false,
              properties: { name: { type: 'string', minLength: 1, maxLength: 80 } },
            },
          },
        },
      },
      responses: {
        201: json({
          allOf: [
            { $ref: '#/components/schemas/ApiToken' },
            { type: 'object', required: ['token'], properties: { token: str } },
          ],
        }),
        400: problem,
        401: problem,
        403: problem,
        409: problem,
      },
    },
  },
  '/api/v1/regulator/tokens/{id}': {
    delete: {
      summary: 'Revoke an API token (idempotent)',
      operationId: 'revokeToken',
      security: [{ session: [] }],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }, csrfHeader],
      responses: { 204: { description: 'Revoked' }, 401: problem, 403: problem, 404: problem },
    },
  },
};

const nullableInt = { type: ['integer', 'null'] };
const nullableNum = { type: ['number', 'null'] };
const counts = {
  type: ['object', 'null'],
  properties: {
    compliant: { type: 'integer' },
    non_compliant: { type: 'integer' },
    not_applicable: { type: 'integer' },
    unsure: { type: 'integer' },
  },
};
const figure = {
  organisations: nullableInt,
  assessments: nullableInt,
  counts,
  complianceRate: nullableNum,
  gaps: nullableInt,
  suppressed: { type: 'boolean' },
};

export const regulatorSchemas: Record<string, object> = {
  StatsFigure: { type: 'object', properties: figure },
  StatsSummary: {
    type: 'object',
    properties: {
      filters: { type: 'object' },
      checklistVersion: { type: 'object', properties: { id: { type: 'integer' }, hash: str } },
      threshold: { type: 'integer', description: 'Minimum organisations behind a shown figure' },
      suppressed: {
        type: 'boolean',
        description:
          'True when the whole selection has fewer than threshold organisations: then every number is null and months, breakdowns and the heat map are empty (not even which months or keys occur is shown)',
      },
      totals: {
        type: 'object',
        properties: { organisations: nullableInt, assessments: nullableInt, shared: nullableInt },
      },
      overall: { $ref: '#/components/schemas/StatsFigure' },
      months: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            month: str,
            organisations: nullableInt,
            assessments: nullableInt,
            suppressed: { type: 'boolean' },
          },
        },
      },
      domains: {
        type: 'array',
        items: { type: 'object', properties: { code: str, name: str, nameEn: str, department: str, ...figure } },
      },
      items: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            code: str,
            domain: str,
            title: str,
            high: { type: 'boolean' },
            leniency: { type: 'boolean' },
            ...figure,
          },
        },
      },
      topGaps: { type: 'array', maxItems: 20, items: { type: 'object' } },
      breakdowns: {
        type: 'object',
        properties: {
          region: { type: 'array', items: { type: 'object' } },
          industry: { type: 'array', items: { type: 'object' } },
          size: { type: 'array', items: { type: 'object' } },
        },
      },
      heatmap: {
        type: 'object',
        properties: {
          regions: { type: 'array', items: str },
          cells: {
            type: 'array',
            items: {
              type: 'object',
              properties: { domain: str, region: str, complianceRate: nullableNum, suppressed: { type: 'boolean' } },
            },
          },
        },
      },
      leniency: {
        type: 'object',
        properties: { gaps: nullableInt, gapsWithLeniency: nullableInt, share: nullableNum },
      },
    },
  },
  SummaryExport: {
    type: 'object',
    properties: {
      filters: { type: 'object' },
      checklistVersion: { type: 'object' },
      threshold: { type: 'integer' },
      suppressed: { type: 'boolean' },
      domains: { type: 'array', items: { type: 'object' } },
      items: { type: 'array', items: { type: 'object' } },
    },
  },
  SharedReportEntry: {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' },
      organisation: str,
      creditCode: str,
      region: str,
      industry: str,
      size: str,
      submittedAt: { type: 'string', format: 'date-time' },
      fingerprint: { type: ['string', 'null'] },
      complianceRate: nullableNum,
      nonCompliant: { type: 'integer' },
    },
  },
  ApiToken: {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' },
      name: str,
      createdAt: { type: 'string', format: 'date-time' },
      lastUsedAt: { type: ['string', 'null'], format: 'date-time' },
      revokedAt: { type: ['string', 'null'], format: 'date-time' },
    },
  },
};
