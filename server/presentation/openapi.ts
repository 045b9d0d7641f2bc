// OpenAPI paths of the presentation area, merged into server/openapi.ts.
export const presentationPaths: Record<string, object> = {};
export const presentationSchemas: Record<string, object> = {};
