// Inverted index with BM25F term weights computed once at build time: for each
// term, the documents it occurs in and its field-weighted, length-normalised term
// frequency (tf~). A query then costs one lookup and one loop per term.
import { FIELDS, type FieldName } from './fields';

export const K1 = 1.2;

export interface Posting {
  readonly docs: Uint16Array;
  readonly tf: Float32Array;
  readonly idf: number;
}

export class PostingTable {
  constructor(
    private readonly map: ReadonlyMap<string, Posting>,
    readonly docCount: number,
  ) {}

  get(term: string): Posting | undefined {
    return this.map.get(term);
  }

  has(term: string): boolean {
    return this.map.has(term);
  }

  idf(term: string): number {
    return this.map.get(term)?.idf ?? 0;
  }

  /** The largest possible idf: that of a term found in no document. */
  get maxIdf(): number {
    return Math.log(1 + (this.docCount + 0.5) / 0.5);
  }

  get termCount(): number {
    return this.map.size;
  }
}

/** tokens[doc][field] → posting table (a field left out of a document counts as empty). */
export function buildPostings(tokens: ReadonlyArray<Readonly<Record<FieldName, readonly string[]>>>): PostingTable {
  const avg = new Map<FieldName, number>();
  for (const f of FIELDS) {
    const total = tokens.reduce((n, doc) => n + doc[f.name].length, 0);
    avg.set(f.name, Math.max(1, total / Math.max(1, tokens.length)));
  }
  const acc = new Map<string, { docs: number[]; tf: number[] }>();
  tokens.forEach((doc, d) => {
    // tf~ = sum over fields of weight × tf / length norm, i.e. weight / norm per occurrence.
    const tilde = new Map<string, number>();
    for (const f of FIELDS) {
      const list = doc[f.name];
      if (list.length === 0) continue;
      const each = f.weight / (1 - f.b + (f.b * list.length) / (avg.get(f.name) ?? 1));
      for (const t of list) tilde.set(t, (tilde.get(t) ?? 0) + each);
    }
    for (const [t, v] of tilde) {
      let entry = acc.get(t);
      if (!entry) {
        entry = { docs: [], tf: [] };
        acc.set(t, entry);
      }
      entry.docs.push(d);
      entry.tf.push(v);
    }
  });
  const n = tokens.length;
  const map = new Map<string, Posting>();
  for (const [t, e] of acc) {
    const df = e.docs.length;
    map.set(t, {
      docs: Uint16Array.from(e.docs),
      tf: Float32Array.from(e.tf),
      idf: Math.log(1 + (n - df + 0.5) / (df + 0.5)),
    });
  }
  return new PostingTable(map, n);
}
