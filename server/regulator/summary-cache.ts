// Dashboard figures cached per filter set, valid while stat_generation is
// unchanged (bumped in every submit and sharing transaction), so every
// instance sees a new submission at once and repeated views cost one tiny query.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Catalogue } from '../catalogue/catalogue';
import { Lru } from '../lib/lru';
import { FILTER_KEYS, type StatsFilters } from './filters';
import { computeSummary, type Summary } from './stats';

export class SummaryCache {
  private readonly entries = new Lru<string, { generation: string; summary: Promise<Summary> }>(200);

  constructor(private readonly db: Kysely<Database>) {}

  async get(catalogue: Catalogue, f: StatsFilters): Promise<Summary> {
    const row = await this.db.selectFrom('stat_generation').select('generation').where('id', '=', 1).executeTakeFirst();
    const generation = row?.generation ?? '0';
    const key = `${catalogue.version.hash}|${FILTER_KEYS.map((k) => f[k] ?? '').join('|')}`;
    const hit = this.entries.get(key);
    if (hit && hit.generation === generation) return hit.summary;
    // The promise is cached, so concurrent requests for the same view share one computation.
    const summary = computeSummary(this.db, catalogue, f);
    this.entries.set(key, { generation, summary });
    summary.catch(() => {
      this.entries.set(key, { generation: '-1', summary });
    });
    return summary;
  }
}
