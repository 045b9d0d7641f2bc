// "您是不是要找…": the everyday phrasings and item titles most like the query, by
// characters and character bigrams (the mean of the two Dice coefficients:
// characters catch a mistyped character in the middle, bigrams keep the order).
// Inverted indexes over both make a lookup cost the query's postings, not a scan.
import { charBigrams, normaliseText } from './normalise';

interface Phrase {
  readonly text: string;
  readonly key: string;
  readonly chars: number;
  readonly bigrams: number;
}

function invert(lists: ReadonlyArray<readonly string[]>): Map<string, number[]> {
  const index = new Map<string, number[]>();
  lists.forEach((list, id) => {
    for (const x of new Set(list)) {
      const ids = index.get(x);
      if (ids) ids.push(id);
      else index.set(x, [id]);
    }
  });
  return index;
}

export class PhraseSuggester {
  private readonly phrases: readonly Phrase[];
  private readonly byChar: ReadonlyMap<string, readonly number[]>;
  private readonly byBigram: ReadonlyMap<string, readonly number[]>;
  private readonly longest: number;

  constructor(texts: Iterable<string>) {
    const seen = new Set<string>();
    const phrases: Phrase[] = [];
    const chars: string[][] = [];
    const bigrams: string[][] = [];
    for (const text of texts) {
      const key = normaliseText(text).replace(/\s+/g, '');
      if (seen.has(key) || key.length < 2) continue;
      seen.add(key);
      const c = [...new Set(Array.from(key))];
      const b = [...new Set(charBigrams(key))];
      phrases.push({ text, key, chars: c.length, bigrams: b.length });
      chars.push(c);
      bigrams.push(b);
    }
    this.phrases = phrases;
    this.byChar = invert(chars);
    this.byBigram = invert(bigrams);
    this.longest = phrases.reduce((n, p) => Math.max(n, p.chars), 0);
  }

  /** Phrases at least `minSimilarity` like the query, most similar first; none contained in it. */
  suggest(query: string, minSimilarity: number, limit = 5): string[] {
    const compact = query.replace(/\s+/g, '');
    const chars = new Set(Array.from(compact));
    // Even a phrase sharing every character of its own cannot reach the bar against a much longer query.
    if (chars.size === 0 || chars.size > 3 * this.longest) return [];
    const bigrams = new Set(charBigrams(compact));
    const sharedChars = new Map<number, number>();
    for (const c of chars)
      for (const id of this.byChar.get(c) ?? []) sharedChars.set(id, (sharedChars.get(id) ?? 0) + 1);
    const sharedBigrams = new Map<number, number>();
    for (const b of bigrams)
      for (const id of this.byBigram.get(b) ?? []) sharedBigrams.set(id, (sharedBigrams.get(id) ?? 0) + 1);
    const scored: Array<{ text: string; similarity: number }> = [];
    for (const [id, shared] of sharedChars) {
      const p = this.phrases[id];
      const charDice = (2 * shared) / (chars.size + p.chars);
      const sb = sharedBigrams.get(id) ?? 0;
      const bigramDice = sb === 0 ? 0 : (2 * sb) / (bigrams.size + p.bigrams);
      const similarity = (charDice + bigramDice) / 2;
      if (similarity >= minSimilarity && !compact.includes(p.key)) scored.push({ text: p.text, similarity });
    }
    scored.sort((a, b) => b.similarity - a.similarity || a.text.length - b.text.length);
    return scored.slice(0, limit).map((s) => s.text);
  }
}
