// "您是不是要找…": when a query finds nothing good, the everyday phrasings and item
// titles that share the most character bigrams with it (Dice coefficient).
import { charBigrams, normaliseText } from './normalise';

interface Phrase {
  readonly text: string;
  readonly chars: ReadonlySet<string>;
  readonly bigrams: ReadonlySet<string>;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

export class PhraseSuggester {
  private readonly phrases: readonly Phrase[];

  constructor(texts: Iterable<string>) {
    const seen = new Set<string>();
    const phrases: Phrase[] = [];
    for (const t of texts) {
      const key = normaliseText(t);
      if (seen.has(key) || key.length < 2) continue;
      seen.add(key);
      phrases.push({ text: t, chars: new Set(Array.from(key)), bigrams: new Set(charBigrams(key)) });
    }
    this.phrases = phrases;
  }

  /**
   * Phrases whose characters and character bigrams resemble the query (the mean of
   * the two Dice coefficients: characters catch a mistyped character in the middle,
   * bigrams keep the order), at least `minSimilarity`, most similar first.
   */
  suggest(query: string, minSimilarity: number, limit = 5): string[] {
    const compact = query.replace(/\s+/g, '');
    const chars = new Set(Array.from(compact));
    const bigrams = new Set(charBigrams(compact));
    const scored: Array<{ text: string; similarity: number }> = [];
    for (const p of this.phrases) {
      const similarity = (dice(chars, p.chars) + dice(bigrams, p.bigrams)) / 2;
      if (similarity >= minSimilarity && !compact.includes(normaliseText(p.text)))
        scored.push({ text: p.text, similarity });
    }
    scored.sort((a, b) => b.similarity - a.similarity || a.text.length - b.text.length);
    return scored.slice(0, limit).map((s) => s.text);
  }
}
