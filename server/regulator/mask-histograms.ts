// Which submissions (or organisations) an item or domain applies to, worked out
// from the (profile mask, count) histograms the statistics queries return.
import type { ApplicabilityMask } from './applicability';
import type { Dimension, MaskHistogram } from './stats-queries';

export class MaskHistograms {
  private readonly groups: Map<string, MaskHistogram>;
  // Many items share a mask: sum each once per row.
  private readonly sums = new WeakMap<MaskHistogram, Map<number, number>>();

  constructor(rows: readonly MaskHistogram[]) {
    this.groups = MaskHistograms.group(rows);
  }

  /** Histograms per breakdown row: '' = all, else dim + key. */
  private static group(rows: readonly MaskHistogram[]): Map<string, MaskHistogram> {
    const out = new Map<string, MaskHistogram>();
    for (const r of rows) {
      const k = r.dim === null ? '' : `${r.dim}\u0000${r.key}`;
      const seen = out.get(k);
      // Single-profile and mixed organisations are disjoint: their histograms simply add up.
      out.set(k, seen ? { ...r, masks: [...seen.masks, ...r.masks], counts: [...seen.counts, ...r.counts] } : r);
    }
    return out;
  }

  /** The histogram of all rows (dim null) or of one breakdown value. */
  row(dim: Dimension | null, key?: string): MaskHistogram | undefined {
    return this.groups.get(dim === null ? '' : `${dim}\u0000${key}`);
  }

  /** How many of a row's submissions (or organisations) an item or domain with mask m applies to (0 = applies to all). */
  applying(row: MaskHistogram | undefined, m: ApplicabilityMask): number {
    if (!row || m < 0) return 0;
    let memo = this.sums.get(row);
    if (!memo) this.sums.set(row, (memo = new Map<number, number>()));
    let n = memo.get(m);
    if (n === undefined) {
      n = 0;
      for (let i = 0; i < row.masks.length; i += 1) if (m === 0 || (row.masks[i] & m) !== 0) n += row.counts[i];
      memo.set(m, n);
    }
    return n;
  }
}
