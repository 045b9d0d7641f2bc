// OpenAPI paths of the regulator area, merged into server/openapi.ts.
export const regulatorPaths: Record<string, object> = {};
export const regulatorSchemas: Record<string, object> = {};
