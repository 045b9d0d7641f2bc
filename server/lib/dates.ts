// Dates as people in China read them. Every format goes through one cached
// Intl.DateTimeFormat per (locale, style): building one per call costs
// memory the engine never returns (1,500 drafts and 60 page loads took a
// server from 237 MB to 1.6 GB when each date built its own).
const CHINA_TIME_ZONE = 'Asia/Shanghai';

type Style = 'date' | 'dateTime' | 'mediumDateTime' | 'yearMonth';

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'long', timeZone: CHINA_TIME_ZONE },
  dateTime: { dateStyle: 'long', timeStyle: 'short', timeZone: CHINA_TIME_ZONE },
  mediumDateTime: { dateStyle: 'medium', timeStyle: 'short', timeZone: CHINA_TIME_ZONE },
  yearMonth: { year: 'numeric', month: '2-digit', timeZone: CHINA_TIME_ZONE },
};

const cache = new Map<string, Intl.DateTimeFormat>();

/** The one formatter for this locale and style. */
export function dateFormatter(locale: 'zh-CN' | 'en-GB' | 'en-CA', style: Style): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, OPTIONS[style]);
    cache.set(key, f);
  }
  return f;
}

const localeOf = (lang: string): 'zh-CN' | 'en-GB' => (lang === 'en' ? 'en-GB' : 'zh-CN');
const toDate = (d: Date | string): Date => (d instanceof Date ? d : new Date(d));

/** 2026年11月27日 / 27 November 2026, in China time. */
export const formatDate = (d: Date | string, lang: string): string =>
  dateFormatter(localeOf(lang), 'date').format(toDate(d));

/** 2026年11月27日 01:30 / 27 November 2026 at 01:30, in China time. */
export const formatDateTime = (d: Date | string, lang: string): string =>
  dateFormatter(localeOf(lang), 'dateTime').format(toDate(d));

/** 2026年11月27日 01:30 in the medium style (tables). */
export const formatMediumDateTime = (d: Date, lang: string): string =>
  dateFormatter(localeOf(lang), 'mediumDateTime').format(d);

const numbers = new Intl.NumberFormat('en-US');
/** 12,345: grouped with commas (GB/T 15835), never for years or codes. */
export const formatCount = (n: number): string => numbers.format(n);
