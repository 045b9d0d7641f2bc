// ajv validation of query strings and bodies; failures become 400 problems
// that name each offending field.
import { Ajv, type ErrorObject, type JSONSchemaType, type ValidateFunction } from 'ajv';
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

// Schemas compile on first use, not at start-up: a restart is ready sooner, and
// most validators are not needed by the first requests.
function compiledOnce<T>(compiler: Ajv, schema: JSONSchemaType<T>): () => ValidateFunction<T> {
  let validate: ValidateFunction<T> | undefined;
  return () => (validate ??= compiler.compile(schema));
}

export function queryValidator<T>(schema: JSONSchemaType<T>): (query: unknown) => T {
  const compiled = compiledOnce(ajv, schema);
  return (query) => {
    const validate = compiled();
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
  const compiled = compiledOnce(bodyAjv, schema);
  const matches = (body: unknown): body is T =>
    body !== undefined && body !== null && typeof body === 'object' && compiled()(body);
  return Object.assign(
    (body: unknown): T => {
      if (body === undefined || body === null || typeof body !== 'object')
        throw badRequest('The request needs a JSON object body.');
      const validate = compiled();
      if (!validate(body)) throw badRequest('The request body is not valid.', fieldErrors(validate.errors));
      return body;
    },
    { matches },
  );
}
