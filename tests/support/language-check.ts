// Finds text of the other language where it does not belong on a rendered page.
// On an English page every text containing Chinese must sit inside an element whose
// lang starts with "zh" (checklist content, quotes, names); on a Chinese page every
// Latin word must sit inside lang="en" (the English beside each label), except the
// codes, numbers, addresses and names listed in LATIN_ALLOWED.

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const SKIP_CONTENT = new Set(['script', 'style']);
const VISIBLE_ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt'];

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Latin text that is the same in both languages: names, codes, formats, keys on the keyboard. */
const LATIN_ALLOWED: readonly RegExp[] = [
  /https?:\/\/\S+/g,
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g,
  /\/[\w\-./<>{}:?=&%]*/g, // paths such as /verify/<校验码>, /api/v1
  /\b[A-Z]{2}-\d{3}\b/g, // item codes
  /\bv\d+\b/g, // checklist versions
  /\b(Hegui|English|SHA-256|SHA|JSON|API|OpenAPI|PDF|Word|Excel|CSV|XLSX|DOCX|HTML|QR|CSRF|Bearer|Authorization|PageDown|PageUp|Home|End|Esc|Enter|Tab|Space|GB|YYYY|MM|DD|Noto|Sans|CJK)\b/g,
  /\b[A-Z]{1,2}\b/g, // domain codes (AQ), 门类 letters (C), keys (F, S, B, O)
  /\b[0-9a-f]{12,64}\b/g, // fingerprints and hashes
];

export interface LanguageProblem {
  readonly text: string;
  /** Open elements, outermost first, as tag[lang]. */
  readonly path: string;
}

interface Open {
  readonly tag: string;
  readonly lang: string | undefined;
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  // The value as written: double-quoted, single-quoted or bare (the groups not taken are undefined).
  return m?.slice(2).find((v): v is string => typeof v === 'string');
}

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');

function latinLeft(text: string): string {
  let rest = text;
  for (const pattern of LATIN_ALLOWED) rest = rest.replace(pattern, ' ');
  return rest;
}

/** Does this text, in an element of this language, belong on a page of `pageLang`? */
function wrong(text: string, lang: string, pageLang: 'zh-CN' | 'en'): boolean {
  const isZh = lang.toLowerCase().startsWith('zh');
  if (pageLang === 'en') return !isZh && CJK.test(text);
  return isZh && /[A-Za-z]{2,}/.test(latinLeft(text));
}

/**
 * `userInput`: what the visitor typed (a search query), shown back as typed in any language.
 * An English page's <title> is not checked: it cannot mark part of itself as Chinese, and
 * a domain's or item's name is its title.
 */
export function languageProblems(
  html: string,
  pageLang: 'zh-CN' | 'en',
  userInput: readonly string[] = [],
): LanguageProblem[] {
  const problems: LanguageProblem[] = [];
  const stack: Open[] = [];
  const currentLang = (): string => [...stack].reverse().find((o) => o.lang !== undefined)?.lang ?? pageLang;
  const path = (): string => stack.map((o) => (o.lang ? `${o.tag}[${o.lang}]` : o.tag)).join(' > ');
  const check = (text: string, lang: string): void => {
    let t = decode(text).replace(/\s+/g, ' ').trim();
    for (const typed of userInput) t = t.split(typed).join(' ').trim();
    if (t && wrong(t, lang, pageLang)) problems.push({ text: t, path: path() });
  };
  const token =
    /<!--[\s\S]*?-->|<!doctype[^>]*>|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+/gi;
  let skipping: string | undefined;
  for (const m of html.matchAll(token)) {
    const [whole] = m;
    const [closing, opening, rest] = m.slice(1) as Array<string | undefined>;
    if (skipping) {
      if (closing?.toLowerCase() === skipping) skipping = undefined;
      continue;
    }
    if (whole.startsWith('<!')) continue;
    if (closing) {
      const name = closing.toLowerCase();
      const at = stack.map((o) => o.tag).lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    if (opening) {
      const name = opening.toLowerCase();
      const lang = attribute(whole, 'lang');
      const elementLang = lang ?? currentLang();
      for (const a of VISIBLE_ATTRIBUTES) {
        const value = attribute(whole, a);
        if (value) check(value, elementLang);
      }
      if (SKIP_CONTENT.has(name) || (name === 'title' && pageLang === 'en')) {
        skipping = name;
        continue;
      }
      if (!VOID.has(name) && !(rest ?? '').trimEnd().endsWith('/')) stack.push({ tag: name, lang });
      continue;
    }
    check(whole, currentLang());
  }
  return problems;
}
