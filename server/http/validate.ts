// ajv validation of query strings and bodies; failures become 400 problems
// that name each offending field.
import { Ajv, type ErrorObject, type JSONSchemaType } from 'ajv';
import addFormats from 'ajv-formats';
import { badRequest, type FieldError } from './errors';

const ajv = new Ajv({ allErrors: true, coerceTypes: true, useDefaults: true, removeAdditional: false });

function fieldErrors(errors: readonly ErrorObject[] | null | undefined): FieldError[] {
  return (errors ?? []).map((e) => {
    const field =
      e.keyword === 'required' ? String(e.params.missingProperty) : e.instancePath.replace(/^\//, '') || '(root)';
    const message =
      e.keyword === 'additionalProperties'
        ? `unknown parameter "${String(e.params.additionalProperty)}"`
        : (e.message ?? 'is invalid');
    return { field, message };
  });
}

export function queryValidator<T>(schema: JSONSchemaType<T>): (query: unknown) => T {
  const validate = ajv.compile(schema);
  return (query) => {
    const copy: unknown = { ...(query as object) };
    if (!validate(copy)) throw badRequest('The query string is not valid.', fieldErrors(validate.errors));
    return copy;
  };
}

// Bodies are validated strictly: no type coercion, unknown fields rejected.
const bodyAjv = new Ajv({ allErrors: true, coerceTypes: false, useDefaults: false });
addFormats(bodyAjv, ['date', 'email', 'uuid']);

/** Validates (throwing a 400 that names each field) or, with `matches`, only tests. */
export interface BodyValidator<T> {
  (body: unknown): T;
  matches(body: unknown): body is T;
}

export function bodyValidator<T>(schema: JSONSchemaType<T>): BodyValidator<T> {
  const validate = bodyAjv.compile(schema);
  const matches = (body: unknown): body is T =>
    body !== undefined && body !== null && typeof body === 'object' && validate(body);
  return Object.assign(
    (body: unknown): T => {
      if (body === undefined || body === null || typeof body !== 'object')
        throw badRequest('The request needs a JSON object body.');
      if (!validate(body)) throw badRequest('The request body is not valid.', fieldErrors(validate.errors));
      return body;
    },
    { matches },
  );
}
