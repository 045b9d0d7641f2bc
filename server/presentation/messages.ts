// Interface text of the presentation area, merged into server/http/i18n.ts.
export const presentationMessages: Record<string, { readonly zh: string; readonly en: string }> = {};
