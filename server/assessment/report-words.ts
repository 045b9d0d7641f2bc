// The words and formats of a report shared by the HTML, DOCX and PDF renderers, so the
// three formats always say the same thing: labels from the message catalogue, rates,
// dates and law titles. Pure functions, no markup.
import type { Citation, Consequence } from '../domain/checklist';
import type { AnswerStatus } from '../domain/answer-status';
import type { OrgSize } from '../domain/organisation';
import { translate, type MessageKey, type MessageParams } from '../i18n';

/** Chinese interface text of the report; the same keys give the HTML its English. */
export function zh(key: MessageKey, params: MessageParams = {}): string {
  return translate('zh-CN', key, params);
}

export function statusLabel(status: AnswerStatus): string {
  return zh(`report.status.${status}`);
}

export function sizeLabel(size: OrgSize): string {
  return zh(`account.size.${size}`);
}

export function consequenceLabel(c: Consequence): string {
  return zh(`consequence.${c}`);
}

/** 0.875 → "87.5%"; null (every item not applicable) → "—". */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  return `${Math.round(rate * 1000) / 10}%`;
}

const LONG_DATE = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'Asia/Shanghai' });

/** An ISO instant as the Beijing calendar date, e.g. 2026年11月27日. */
export function formatInstantZh(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : LONG_DATE.format(date);
}

/** A YYYY-MM-DD calendar date (no zone to convert) as 2026年12月5日. */
export function formatDayZh(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : day;
}

/** Wraps a law's title in 《》 unless it already is. */
function lawTitle(law: string): string {
  const t = law.trim();
  return t.startsWith('《') ? t : `《${t}》`;
}

export function citationHeading(c: Citation): string {
  return `${lawTitle(c.law)}${c.article}`;
}

// A leniency basis is free text such as "中华人民共和国行政处罚法 第三十三条第一款；…".
const TITLE_THEN_ARTICLE = /^(.+?)\s*(第[一二三四五六七八九十百零〇\d]+条.*)$/;

/** "中华人民共和国行政处罚法 第三十三条第一款" → "《中华人民共和国行政处罚法》第三十三条第一款". */
export function formatBasis(basis: string): string {
  return basis
    .split(/[；;]/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      if (part.includes('《')) return part;
      const m = TITLE_THEN_ARTICLE.exec(part);
      return m ? `${lawTitle(m[1])}${m[2]}` : part;
    })
    .join('、');
}
