// ajv validation of query strings and bodies. A validator returns a result, never
// throws: pages turn the errors into their error summary, API routes into a 400
// problem that names each field (`valueOr400`).
import { Ajv, type ErrorObject, type JSONSchemaType } from 'ajv';
import addFormats from 'ajv-formats';
import type { Message } from '../i18n';
import { badRequest, fieldError, type FieldError } from './errors';

export type Validation<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: Message; readonly errors: readonly FieldError[] };

const ajv = new Ajv({ allErrors: true, coerceTypes: true, useDefaults: true, removeAdditional: false });

const LIMIT_KEYWORDS = new Set(['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems']);

function fieldMessage(e: ErrorObject): FieldError {
  const field =
    e.keyword === 'required' ? String(e.params.missingProperty) : e.instancePath.replace(/^\//, '') || '(root)';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return fieldError(field, 'error.field.required');
    case 'additionalProperties':
      return fieldError(field, 'error.field.unknown', { name: String(p.additionalProperty) });
    case 'type':
      return fieldError(field, 'error.field.type', { type: String(p.type) });
    case 'format':
      return fieldError(field, 'error.field.format', { format: String(p.format) });
    case 'enum':
      return fieldError(field, 'error.field.enum', {
        values: Array.isArray(p.allowedValues) ? p.allowedValues.map(String).join(', ') : '',
      });
    case 'const':
      return fieldError(field, 'error.field.enum', { values: String(p.allowedValue) });
    case 'pattern':
      return fieldError(field, 'error.field.pattern');
    case 'uniqueItems':
      return fieldError(field, 'error.field.uniqueItems');
    default:
      if (LIMIT_KEYWORDS.has(e.keyword))
        return fieldError(
          field,
          `error.field.${e.keyword as 'minLength' | 'maxLength' | 'minimum' | 'maximum' | 'minItems' | 'maxItems'}`,
          { limit: Number(p.limit) },
        );
      return fieldError(field, 'error.field.invalid');
  }
}

const fieldErrors = (errors: readonly ErrorObject[] | null | undefined): FieldError[] =>
  (errors ?? []).map(fieldMessage);

// Ajv's integer check passes Infinity and 1e20 (coerced from "1e309", "Infinity",
// "99999999999999999999"), which then overflow in PostgreSQL: every number a request
// carries must be finite and, for a query (ids, pages, limits), fit a 32-bit integer.
const INT4_MAX = 2147483647;

/** Field path of the first number out of range (walked without recursion), or undefined. */
function numberOutOfRange(value: unknown, max: number): string | undefined {
  const stack: { v: unknown; path: string }[] = [{ v: value, path: '' }];
  while (stack.length > 0) {
    const { v, path } = stack.pop() as { v: unknown; path: string };
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || Math.abs(v) > max) return path || '(root)';
    } else if (v !== null && typeof v === 'object') {
      for (const [k, e] of Object.entries(v as Record<string, unknown>))
        stack.push({ v: e, path: path ? `${path}/${k}` : k });
    }
  }
  return undefined;
}

export function queryValidator<T>(schema: JSONSchemaType<T>): (query: unknown) => Validation<T> {
  const validate = ajv.compile(schema);
  return (query) => {
    const copy: unknown = { ...(query as object) };
    if (!validate(copy))
      return { ok: false, problem: { key: 'error.queryInvalid' }, errors: fieldErrors(validate.errors) };
    const outOfRange = numberOutOfRange(copy, INT4_MAX);
    if (outOfRange !== undefined)
      return {
        ok: false,
        problem: { key: 'error.queryInvalid' },
        errors: [fieldError(outOfRange, 'error.field.maximum', { limit: INT4_MAX })],
      };
    return { ok: true, value: copy };
  };
}

// Bodies are validated strictly: no type coercion, unknown fields rejected.
const bodyAjv = new Ajv({ allErrors: true, coerceTypes: false, useDefaults: false });
addFormats(bodyAjv, ['date', 'email', 'uuid']);
// ajv's date accepts year 0000, which PostgreSQL refuses (there is no year 0): a date is 0001-01-01 to 9999-12-31.
const ajvDate = /^(\d{4})-(\d{2})-(\d{2})$/;
bodyAjv.addFormat('date', {
  type: 'string',
  validate: (s: string) => {
    const m = ajvDate.exec(s);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const day = new Date(Date.UTC(2000, mo - 1, d));
    day.setUTCFullYear(y);
    return y >= 1 && day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
  },
});

export function bodyValidator<T>(schema: JSONSchemaType<T>): (body: unknown) => Validation<T> {
  const validate = bodyAjv.compile(schema);
  return (body) => {
    if (body === undefined || body === null || typeof body !== 'object')
      return { ok: false, problem: { key: 'error.bodyNotObject' }, errors: [] };
    if (!validate(body))
      return { ok: false, problem: { key: 'error.bodyInvalid' }, errors: fieldErrors(validate.errors) };
    const outOfRange = numberOutOfRange(body, Number.MAX_SAFE_INTEGER);
    if (outOfRange !== undefined)
      return {
        ok: false,
        problem: { key: 'error.bodyInvalid' },
        errors: [fieldError(outOfRange, 'error.field.maximum', { limit: Number.MAX_SAFE_INTEGER })],
      };
    return { ok: true, value: body };
  };
}

/** For API routes: the valid value, or a 400 problem naming each field. */
export function valueOr400<T>(result: Validation<T>): T {
  if (result.ok) return result.value;
  throw badRequest(result.problem.key, result.problem.params, result.errors.length > 0 ? result.errors : undefined);
}
