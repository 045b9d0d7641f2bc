// The five aggregate statements behind the dashboard (and the item cells), run
// at once: each is one pass over a statistics table with hash aggregates.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { StatsFilters } from './filters';
import type { StatusCounts as Counts } from '../domain/report';

type Db = Kysely<Database>;

export type Dimension = 'region' | 'industry' | 'size';

/** The filters as SQL on a statistics table (all share these column names). */
function conditions(f: StatsFilters, withDims = true): RawBuilder<unknown> {
  const parts = [sql`version_id = ${f.version}`];
  if (f.from) parts.push(sql`month >= ${`${f.from}-01`}::date`);
  if (f.to) parts.push(sql`month <= ${`${f.to}-01`}::date`);
  if (withDims && f.region) parts.push(sql`region = ${f.region}`);
  if (withDims && f.industry) parts.push(sql`industry = ${f.industry}`);
  if (withDims && f.size) parts.push(sql`size = ${f.size}`);
  return sql.join(parts, sql` and `);
}

/**
 * Runs one heavy aggregate with enough work_mem for its hash tables (the
 * default 4 MB spills them to disk at 100,000 submissions), for this
 * transaction only.
 */
function withWorkMem<T>(db: Db, run: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`set local work_mem = '32MB'`.execute(tx);
    return run(tx);
  });
}

/** A breakdown row's histogram: counts[i] submissions (or organisations) had profile mask masks[i]. */
export interface MaskHistogram {
  readonly dim: Dimension | null;
  readonly key: string | null;
  readonly masks: number[];
  readonly counts: number[];
}
export interface CountRow extends Counts {
  readonly domain_code: string | null;
  readonly dim: Dimension | null;
  readonly key: string | null;
}

// grouping() tells which set a row belongs to; the key column is the dimension's value.
const DIM_OF = sql`case when grouping(region) = 0 then 'region' when grouping(industry) = 0 then 'industry' when grouping(size) = 0 then 'size' end`;
const KEY_OF = sql`coalesce(region, industry, size)`;
const SUMS_SQL = sql`coalesce(sum(compliant), 0)::int as compliant, coalesce(sum(non_compliant), 0)::int as non_compliant,
  coalesce(sum(not_applicable), 0)::int as not_applicable, coalesce(sum(unsure), 0)::int as unsure`;

export interface StatsRows {
  readonly assessRows: { readonly rows: MaskHistogram[] };
  readonly singleOrgRows: { readonly rows: MaskHistogram[] };
  readonly mixedOrgRows: { readonly rows: MaskHistogram[] };
  readonly monthRows: {
    readonly rows: { month: string; assessments: number; organisations: number; shared: number }[];
  };
  readonly domainRows: { readonly rows: CountRow[] };
  readonly itemRows: { readonly rows: ({ item_code: string } & Counts)[] };
}

/**
 * Five statements whatever the filters, each one pass over a statistics table
 * with hash aggregates: submissions per profile mask (overall and per
 * region/industry/size, with grouping sets), organisations per mask (each
 * organisation's masks OR-ed first), months, the domain cells (domains, heat
 * map, breakdowns) and the item cells. Which items a mask covers is worked out
 * in stats.ts, over a few hundred (mask, count) rows instead of in SQL per submission.
 */
export async function queryStats(db: Db, f: StatsFilters): Promise<StatsRows> {
  const where = conditions(f);
  const dims = f.region !== undefined || f.industry !== undefined || f.size !== undefined;
  const domainWhere = f.domain ? sql`${where} and domain_code = ${f.domain}` : where;
  const mixed = sql`s.org_id in (select x.org_id from stat_mixed_orgs x where x.version_id = ${f.version})`;
  const [assessRows, singleOrgRows, mixedOrgRows, monthRows, domainRows, itemRows] = await Promise.all([
    withWorkMem(db, (tx) =>
      sql<MaskHistogram>`
      select dim, key, array_agg(mask) as masks, array_agg(n) as counts from (
        select ${DIM_OF} as dim, ${KEY_OF} as key, tag_mask as mask, count(*)::int as n
        from stat_submissions where ${where}
        group by grouping sets ((tag_mask), (region, tag_mask), (industry, tag_mask), (size, tag_mask))) h
      group by dim, key`.execute(tx),
    ),
    // An organisation counts for an item when any of its submissions (within the filters) had the item.
    // With one profile (nearly all), its one OR-ed row is already its row in every breakdown...
    withWorkMem(db, (tx) =>
      sql<MaskHistogram>`
      select dim, key, array_agg(m) as masks, array_agg(n) as counts from (
        select ${DIM_OF} as dim, ${KEY_OF} as key, m, count(*)::int as n
        from (select region, industry, size, bit_or(tag_mask) as m from stat_submissions s
              where ${where} and not ${mixed} group by org_id, region, industry, size) single
        group by grouping sets ((m), (region, m), (industry, m), (size, m))) h
      group by dim, key`.execute(tx),
    ),
    // ...while the few under several profiles (stat_mixed_orgs) are OR-ed per breakdown value.
    sql<MaskHistogram>`
      select dim, key, array_agg(m) as masks, array_agg(n) as counts from (
        select dim, key, m, count(*)::int as n
        from (select ${DIM_OF} as dim, ${KEY_OF} as key, bit_or(tag_mask) as m from stat_submissions s where ${where} and ${mixed}
              group by grouping sets ((org_id), (org_id, region), (org_id, industry), (org_id, size))) o
        group by dim, key, m) h
      group by dim, key`.execute(db),
    withWorkMem(db, (tx) =>
      sql<{ month: string; assessments: number; organisations: number; shared: number }>`
      select to_char(month, 'YYYY-MM') as month, sum(n)::int as assessments, count(*)::int as organisations, sum(s)::int as shared
      from (select month, org_id, count(*) as n, count(*) filter (where shared) as s from stat_submissions where ${where} group by month, org_id) o
      group by month order by month`.execute(tx),
    ),
    withWorkMem(db, (tx) =>
      sql<CountRow>`
      select domain_code, ${DIM_OF} as dim, ${KEY_OF} as key, ${SUMS_SQL}
      from stat_domain_cells where ${domainWhere}
      group by grouping sets ((domain_code), (domain_code, region), (region), (industry), (size))`.execute(tx),
    ),
    dims
      ? sql<
          { item_code: string } & Counts
        >`select item_code, ${SUMS_SQL} from stat_item_cells where ${where} group by item_code`.execute(db)
      : sql<
          { item_code: string } & Counts
        >`select item_code, ${SUMS_SQL} from stat_item_months where ${conditions(f, false)} group by item_code`.execute(
          db,
        ),
  ]);
  return { assessRows, singleOrgRows, mixedOrgRows, monthRows, domainRows, itemRows };
}
