// The body of an answer save, and the domain's rule on it: only 不符合 and 不确定
// carry an action (owner, due date, corrected on). The API rejects an action sent
// with another status (400 naming the field) rather than storing or silently
// dropping it; the HTML forms and assess.js never send one (they send null).
import type { JSONSchemaType } from 'ajv';
import { ACTION_FIELDS, statusCarriesAction, type ActionField } from '../domain/answer-status';
import { ANSWER_STATUSES } from '../domain/answer-status';
import { badRequest, fieldError, type FieldError } from '../http/errors';
import { bodyValidator, type Validation } from '../http/validate';
import type { AnswerStatus } from '../domain/answer-status';

export interface AnswerInput {
  readonly status: AnswerStatus;
  readonly note?: string | null;
  readonly owner?: string | null;
  readonly dueDate?: string | null;
  readonly correctedOn?: string | null;
}

const date = { type: 'string', format: 'date', nullable: true } as const;

const answerSchema: JSONSchemaType<AnswerInput> = {
  type: 'object',
  additionalProperties: false,
  required: ['status'],
  properties: {
    status: { type: 'string', enum: [...ANSWER_STATUSES] },
    note: { type: 'string', maxLength: 2000, nullable: true },
    owner: { type: 'string', maxLength: 100, nullable: true },
    dueDate: date,
    correctedOn: date,
  },
};

/** The action fields set on an answer whose status carries no action. */
export function strayActionFields(input: AnswerInput): ActionField[] {
  if (statusCarriesAction(input.status)) return [];
  return ACTION_FIELDS.filter((f) => input[f] !== undefined && input[f] !== null);
}

function strayActionErrors(input: AnswerInput): FieldError[] {
  const statuses = ANSWER_STATUSES.filter(statusCarriesAction).join(' / ');
  return strayActionFields(input).map((field) => fieldError(field, 'answer.error.strayAction', { statuses }));
}

/** Throws the 400 that names each action field sent with a status that carries none. */
export function checkActionRule(input: AnswerInput): void {
  const errors = strayActionErrors(input);
  if (errors.length > 0) throw badRequest('error.bodyInvalid', undefined, errors);
}

const validateShape = bodyValidator(answerSchema);

/** The answer body: its schema, then the action rule. */
export function validateAnswer(body: unknown): Validation<AnswerInput> {
  const shape = validateShape(body);
  if (!shape.ok) return shape;
  const errors = strayActionErrors(shape.value);
  return errors.length === 0 ? shape : { ok: false, problem: { key: 'error.bodyInvalid' }, errors };
}
