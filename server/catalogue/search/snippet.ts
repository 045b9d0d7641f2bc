// A one-line extract of 什么是违法 (the item's `illegal` text) around the first
// matched term, and HTML with the matched terms marked.
import Handlebars from 'handlebars';

const SNIPPET_LENGTH = 64;
const LEAD = 18;

/** Terms longest first, so 疏散通道 is marked before 通道. */
export function sortTerms(terms: Iterable<string>): string[] {
  return [...new Set(terms)].filter((t) => t.length > 0).sort((a, b) => b.length - a.length);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** `lower` is text.toLowerCase(), passed in because the index computes it once per item. */
export function snippetOf(text: string, terms: readonly string[], lower = text.toLowerCase()): string {
  // Checklist text is BMP Chinese: code units are characters, except in the rare text with surrogates.
  const chars = SURROGATE.test(text) ? Array.from(text) : undefined;
  const length = chars ? chars.length : text.length;
  if (length <= SNIPPET_LENGTH) return text;
  let at = -1;
  for (const t of terms) {
    const i = lower.indexOf(t);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  const charAt = at < 0 ? 0 : chars ? Array.from(text.slice(0, at)).length : at;
  const start = Math.max(0, Math.min(charAt - LEAD, length - SNIPPET_LENGTH));
  const end = Math.min(length, start + SNIPPET_LENGTH);
  const body = chars ? chars.slice(start, end).join('') : text.slice(start, end);
  return `${start > 0 ? '…' : ''}${body}${end < length ? '…' : ''}`;
}

/** Escapes the text and wraps every occurrence of a term (case-insensitive) in <mark>. */
export function markTerms(text: string, terms: readonly string[]): string {
  const esc = Handlebars.escapeExpression;
  if (terms.length === 0) return esc(text);
  const lower = text.toLowerCase();
  let out = '';
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const term = terms.find((t) => lower.startsWith(t, i));
    if (term) {
      out += `${esc(plain)}<mark>${esc(text.slice(i, i + term.length))}</mark>`;
      plain = '';
      i += term.length;
    } else {
      plain += text[i];
      i += 1;
    }
  }
  // Terms that meet (疏散 + 通道) read as one mark.
  return (out + esc(plain)).replaceAll('</mark><mark>', '');
}
