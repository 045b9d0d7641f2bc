// The one message catalogue: every string a user sees, in zh-CN (default) and
// English, one table per namespace. The ground floor: imports nothing from the areas.
import { accountsMessages } from './accounts';
import { assessmentMessages } from './assessment';
import { catalogueMessages } from './catalogue';
import { commonMessages } from './common';
import { errorsMessages } from './errors';
import { leniencyMessages } from './leniency';
import { partialsMessages } from './partials';
import { searchMessages } from './search';
import { quickMessages } from './quick';
import { guestMessages } from './guest';
import { presentationMessages } from './presentation';
import { regulatorMessages } from './regulator';
import { reportMessages } from './report';
import { rectificationMessages } from './rectification';
import { regulatorExportMessages } from './regulator-export';
import { regulatorTokenMessages } from './regulator-tokens';

export type Lang = 'zh-CN' | 'en';

export const messages = {
  ...commonMessages,
  ...errorsMessages,
  ...catalogueMessages,
  ...accountsMessages,
  ...assessmentMessages,
  ...reportMessages,
  ...presentationMessages,
  ...regulatorMessages,
  ...partialsMessages,
  ...leniencyMessages,
  ...searchMessages,
  ...quickMessages,
  ...guestMessages,
  ...rectificationMessages,
  ...regulatorExportMessages,
  ...regulatorTokenMessages,
};

export type MessageKey = keyof typeof messages;

/** Values put into a message's {placeholders}. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** A message not yet worded: a key and its parameters, translated where the language is known. */
export interface Message {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

const table: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = messages;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(table, key);
}

export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const m = table[key] as { readonly zh: string; readonly en: string } | undefined;
  const text = m ? (lang === 'en' ? m.en : m.zh) : key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function translateMessage(lang: Lang, message: Message): string {
  return translate(lang, message.key, message.params);
}

/** A key built at run time (a template's string, a status from the database): the key itself when unknown. */
export function translateAny(lang: Lang, key: string, params: MessageParams = {}): string {
  return isMessageKey(key) ? translate(lang, key, params) : key;
}

export function parseLang(value: unknown): Lang | undefined {
  if (value === 'en') return 'en';
  if (value === 'zh' || value === 'zh-CN') return 'zh-CN';
  return undefined;
}

/** The first supported language of an Accept-Language header, by q-value. */
export function langFromAcceptLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.map((r) => /^\s*q=([\d.]+)\s*$/.exec(r)).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q[1]) : 1, i };
    })
    .filter((r) => r.tag.length > 0 && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranked) {
    if (r.tag === 'en' || r.tag.startsWith('en-')) return 'en';
    if (r.tag === 'zh' || r.tag.startsWith('zh-')) return 'zh-CN';
  }
  return undefined;
}
