// Chinese word segmentation with jieba (@node-rs/jieba, MIT; prebuilt binary in the
// package). The default dictionary costs ~0.5 s and ~35 MB to load, so one jieba
// instance serves the process; each catalogue version adds its own user dictionary
// (item titles, keywords, law names, synonyms) to it. Words only ever get added, so
// a version's terms stay whole even after a newer version added more.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { isNoise } from './normalise';

export interface QueryToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

// High enough that a user term wins over the pieces the default dictionary would
// cut it into, as jieba's own suggest_freq would make it.
const USER_WORD_FREQ = 30000;

let shared: Jieba | undefined;
const userWords = new Set<string>();

function jieba(): Jieba {
  shared ??= Jieba.withDict(dict);
  return shared;
}

/** Adds the terms (already normalised) not yet known to the process-wide dictionary. */
export function addUserWords(words: Iterable<string>): void {
  const fresh: string[] = [];
  for (const w of words) {
    if (w.length < 2 || /\s/.test(w) || userWords.has(w)) continue;
    userWords.add(w);
    fresh.push(`${w} ${USER_WORD_FREQ}`);
  }
  if (fresh.length > 0) jieba().loadDict(Buffer.from(`${fresh.join('\n')}\n`));
}

/**
 * Every dictionary word found anywhere in the text, plus each character (jieba's
 * full mode): the index side, so a query word matches wherever it occurs.
 */
export function indexTokens(text: string): string[] {
  return jieba()
    .cutAll(text)
    .filter((t) => !isNoise(t));
}

/** The query side: the most probable segmentation (precise mode), with offsets. */
export function queryTokens(text: string): QueryToken[] {
  const out: QueryToken[] = [];
  let at = 0;
  for (const t of jieba().cut(text, true)) {
    const start = at;
    at += t.length;
    if (!isNoise(t)) out.push({ text: t, start, end: at });
  }
  return out;
}

/** Dictionary words of two or more characters inside a word, other than the word itself. */
export function subWords(word: string): string[] {
  return [...new Set(jieba().cutAll(word))].filter((w) => w.length >= 2 && w !== word && !isNoise(w));
}
