// The language of an export's headers and labels: ?lang=zh-CN or ?lang=en gives that
// language alone; without it a header carries both, "层级 level", as the exports always
// have (scripts that read them by header keep working).
import type { Request } from 'express';
import { parseLang, translate, type Lang, type MessageKey, type MessageParams } from '../i18n';

export type ExportLang = Lang | 'both';

export function exportLang(req: Request): ExportLang {
  return parseLang(req.query.lang) ?? 'both';
}

/** A header or sheet name: one language, or Chinese then English. */
export function exportLabel(lang: ExportLang, key: MessageKey, params?: MessageParams): string {
  if (lang !== 'both') return translate(lang, key, params);
  return `${translate('zh-CN', key, params)} ${translate('en', key, params)}`;
}

/** Running text (the filter note): one language; Chinese when both are asked for. */
export function exportText(lang: ExportLang, key: MessageKey, params?: MessageParams): string {
  return translate(lang === 'both' ? 'zh-CN' : lang, key, params);
}
