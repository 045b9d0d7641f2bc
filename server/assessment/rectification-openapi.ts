// OpenAPI paths of the rectification ledger (整改台账), merged into server/openapi.ts.
import { RECTIFICATION_STATUSES } from './rectification-service';

const problem = { $ref: '#/components/responses/Problem' };
const json = (schema: object, description = 'OK'): object => ({
  description,
  content: { 'application/json': { schema } },
});
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const csrfHeader = {
  name: 'X-CSRF-Token',
  in: 'header',
  required: true,
  description: 'From GET /api/v1/auth/csrf (cookie-authenticated changes only)',
  schema: { type: 'string' },
};
const date = { type: 'string', format: 'date', nullable: true, description: 'YYYY-MM-DD' };

const action = {
  type: 'object',
  required: ['id', 'assessmentId', 'itemCode', 'answer', 'status', 'title', 'updatedAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    assessmentId: { type: 'string', format: 'uuid' },
    itemCode: { type: 'string' },
    answer: { enum: ['non_compliant', 'unsure'], description: 'The answer in the report: 不符合 / 不确定' },
    title: { type: 'string' },
    domainName: { type: 'string' },
    status: {
      enum: [...RECTIFICATION_STATUSES],
      description: '待整改 open / 整改中 in_progress / 已整改 done / 无需整改 not_needed (needs a note)',
    },
    owner: { type: 'string', nullable: true },
    dueDate: date,
    correctedOn: date,
    note: { type: 'string', nullable: true },
    updatedAt: { type: 'string', format: 'date-time' },
    updatedBy: { type: 'string', format: 'uuid', nullable: true },
  },
};

export const rectificationPaths: Record<string, object> = {
  '/api/v1/assessments/{id}/actions': {
    get: {
      summary: 'The rectification ledger of a submitted report: one action per 不符合 / 不确定 item',
      operationId: 'listActions',
      security: [{ session: [] }],
      parameters: [idParam],
      responses: {
        200: json({ type: 'object', required: ['actions'], properties: { actions: { type: 'array', items: action } } }),
        401: problem,
        403: problem,
        404: { ...problem, description: 'No such assessment in the caller\u2019s organisation' },
        409: { ...problem, description: 'The assessment is not submitted yet' },
      },
    },
  },
  '/api/v1/actions/{id}': {
    get: {
      summary: 'One action of the ledger',
      operationId: 'getAction',
      security: [{ session: [] }],
      parameters: [idParam],
      responses: { 200: json(action), 401: problem, 403: problem, 404: problem },
    },
    patch: {
      summary: 'Change an action; every change is an audit event (who, when, from and to)',
      operationId: 'updateAction',
      security: [{ session: [] }],
      parameters: [idParam, csrfHeader],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              additionalProperties: false,
              properties: {
                status: { enum: [...RECTIFICATION_STATUSES] },
                owner: { type: 'string', maxLength: 100, nullable: true },
                dueDate: date,
                correctedOn: date,
                note: { type: 'string', maxLength: 2000, nullable: true },
              },
            },
          },
        },
      },
      responses: {
        200: json(action),
        400: { ...problem, description: 'Not a real date, unknown status or field, or not_needed without a note' },
        401: problem,
        403: problem,
        404: { ...problem, description: 'No such action in the caller\u2019s organisation' },
        409: { ...problem, description: 'The report has been withdrawn' },
      },
    },
  },
};
