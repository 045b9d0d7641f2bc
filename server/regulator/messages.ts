// Interface text of the regulator area, merged into server/http/i18n.ts.
export const regulatorMessages: Record<string, { readonly zh: string; readonly en: string }> = {};
