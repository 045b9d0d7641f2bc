// The synonyms of one checklist version, normalised once, and where they occur in a query.
import type { Synonym } from '../../domain/checklist';
import { normaliseText } from './normalise';

export interface SynonymMatch {
  readonly start: number;
  readonly end: number;
  readonly means: readonly string[];
}

export class SynonymTable {
  private readonly entries: ReadonlyArray<{ readonly terms: readonly string[]; readonly means: readonly string[] }>;

  constructor(synonyms: readonly Synonym[] = []) {
    this.entries = synonyms.map((s) => ({ terms: s.terms.map(normaliseText), means: s.means.map(normaliseText) }));
  }

  /** Every occurrence of an everyday word in the (normalised) query, with its legal terms. */
  matches(query: string): SynonymMatch[] {
    const out: SynonymMatch[] = [];
    for (const e of this.entries) {
      for (const term of e.terms) {
        for (let at = query.indexOf(term); at >= 0; at = query.indexOf(term, at + 1))
          out.push({ start: at, end: at + term.length, means: e.means });
      }
    }
    return out;
  }

  /** Every everyday word, for suggestions. */
  terms(): string[] {
    return this.entries.flatMap((e) => e.terms);
  }
}
