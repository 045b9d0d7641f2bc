// Verifies citations against folders of law texts laid out like
// shared/reference/laws: INDEX.tsv (title, short, date, latest, path[, source])
// and one Markdown file per law with one article per paragraph ("第X条 …").
// The national texts come from the reference folder; the project's own
// checklists/laws/ adds what it lacks (Jiangsu's local regulations, rules),
// each with the source it was copied from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Citation } from '../domain/checklist';

const DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Parses a Chinese numeral up to 9999 (一百零五, 二十, 十五). */
export function parseChineseNumber(s: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGITS) digit = DIGITS[ch];
    else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (ch === '百') {
      total += digit * 100;
      digit = 0;
    } else if (ch === '千') {
      total += digit * 1000;
      digit = 0;
    } else return NaN;
  }
  return total + digit;
}

export interface ArticleRef {
  readonly article: number;
  readonly sub?: number; // 之一
  readonly paragraph?: number; // 款
  readonly point?: number; // 项
}

const REF =
  /^第([一二三四五六七八九十百零]+)条(?:之([一二三四五六七八九十]+))?(?:第([一二三四五六七八九十]+)款)?(?:第([一二三四五六七八九十]+)项)?$/;

export function parseArticleRef(s: string): ArticleRef | undefined {
  const m = REF.exec(s);
  if (!m) return undefined;
  return {
    article: parseChineseNumber(m[1]),
    sub: m[2] ? parseChineseNumber(m[2]) : undefined,
    paragraph: m[3] ? parseChineseNumber(m[3]) : undefined,
    point: m[4] ? parseChineseNumber(m[4]) : undefined,
  };
}

const ARTICLE_START = /^第([一二三四五六七八九十百零]+)条(?:之([一二三四五六七八九十]+))?[\s\u3000]+/;

/** One article: its paragraphs (款) as they appear, each possibly with (一)(二) points. */
export interface Article {
  readonly key: string;
  readonly paragraphs: readonly string[];
}

export function parseLawText(markdown: string): Map<string, Article> {
  const articles = new Map<string, { key: string; paragraphs: string[] }>();
  let current: { key: string; paragraphs: string[] } | undefined;
  let inBody = !markdown.includes('<!-- INFO END -->');
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    if (!inBody) {
      if (line === '<!-- INFO END -->') inBody = true;
      continue;
    }
    if (line === '' || line.startsWith('#') || line.startsWith('<!--')) continue;
    const m = ARTICLE_START.exec(line);
    if (m) {
      const key = `${parseChineseNumber(m[1])}${m[2] ? `-${parseChineseNumber(m[2])}` : ''}`;
      // Some texts repeat an article number in an appendix; keep the first.
      if (articles.has(key)) {
        current = undefined;
        continue;
      }
      current = { key, paragraphs: [line.slice(m[0].length)] };
      articles.set(key, current);
    } else if (current) {
      current.paragraphs.push(line);
    }
  }
  return articles;
}

/** Removes whitespace and unifies ASCII/full-width punctuation, so a quote compares by its words. */
function normaliseQuote(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[“”"「」『』]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/[；]/g, ';')
    .replace(/[，]/g, ',')
    .replace(/[：]/g, ':')
    .replace(/[。]/g, '.');
}

const POINT = /^[（(]([一二三四五六七八九十]+)[)）]/;

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

interface IndexEntry {
  readonly title: string;
  readonly date: string;
  readonly latest: boolean;
  /** The law's file, absolute. */
  readonly file: string;
}

export class LawLibrary {
  private readonly byTitle = new Map<string, IndexEntry>();
  private readonly cache = new Map<string, Map<string, Article>>();

  /** Folders read in order; a title found in a later folder adds to, never replaces, a newer one. */
  constructor(dirs: string | readonly string[]) {
    for (const dir of typeof dirs === 'string' ? [dirs] : dirs) this.readIndex(dir);
  }

  private readIndex(dir: string): void {
    const lines = readFileSync(join(dir, 'INDEX.tsv'), 'utf8').split('\n').slice(1);
    for (const line of lines) {
      const [title, , date, latest, path] = line.split('\t');
      if (!title || !path) continue;
      const entry = { title, date, latest: latest === 'yes' || latest === 'latest', file: join(dir, path) };
      const existing = this.byTitle.get(title);
      if (
        !existing ||
        (entry.latest && !existing.latest) ||
        (entry.latest === existing.latest && entry.date > existing.date)
      ) {
        this.byTitle.set(title, entry);
      }
    }
  }

  has(title: string): boolean {
    return this.byTitle.has(title);
  }

  private articles(title: string): Map<string, Article> | undefined {
    const entry = this.byTitle.get(title);
    if (!entry) return undefined;
    let parsed = this.cache.get(title);
    if (!parsed) {
      parsed = parseLawText(readFileSync(entry.file, 'utf8'));
      this.cache.set(title, parsed);
    }
    return parsed;
  }

  /** Checks that the law exists, the article (款/项) exists, and the quote is in it. */
  verify(c: Citation): Verdict {
    const articles = this.articles(c.law);
    if (!articles) return { ok: false, reason: `law "${c.law}" is not in the law library` };
    const ref = parseArticleRef(c.article);
    if (!ref) return { ok: false, reason: `article "${c.article}" is not in the form 第X条[第X款][第X项]` };
    const key = `${ref.article}${ref.sub ? `-${ref.sub}` : ''}`;
    const article = articles.get(key);
    if (!article) return { ok: false, reason: `${c.law} has no ${c.article.replace(/第[^条]+款|第[^条款]+项/g, '')}` };
    let scope: readonly string[] = article.paragraphs;
    if (ref.paragraph !== undefined) {
      // 款 counts the paragraphs that are not (一)(二) points.
      const heads = article.paragraphs.map((p, i) => ({ p, i })).filter(({ p }) => !POINT.test(p));
      const head = heads[ref.paragraph - 1] as (typeof heads)[number] | undefined;
      if (!head)
        return { ok: false, reason: `${c.law} ${c.article}: the article has only ${heads.length} paragraph(s) (款)` };
      const next = heads[ref.paragraph]?.i ?? article.paragraphs.length;
      scope = article.paragraphs.slice(head.i, next);
    }
    if (ref.point !== undefined) {
      const has = scope.some((p) => {
        const m = POINT.exec(p);
        return m !== null && parseChineseNumber(m[1]) === ref.point;
      });
      if (!has) return { ok: false, reason: `${c.law} ${c.article}: no point (项) ${ref.point} in that article` };
    }
    // The quote may skip text with "……"; each piece must appear, in order.
    const haystack = normaliseQuote(scope.join(''));
    let from = 0;
    for (const piece of c.text
      .split(/…+|\.{3,}/)
      .map(normaliseQuote)
      .filter((p) => p.length > 0)) {
      const at = haystack.indexOf(piece, from);
      if (at < 0) {
        return {
          ok: false,
          reason: `${c.law} ${c.article}: quote not found in the article text near "${piece.slice(0, 24)}…"`,
        };
      }
      from = at + piece.length;
    }
    return { ok: true };
  }
}
