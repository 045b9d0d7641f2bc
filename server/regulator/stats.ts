// Dashboard figures from the statistics tables (never from answers): totals,
// submissions per month, per-domain and per-item counts, top gaps, breakdowns
// by region/industry/size, a domain × region heat map and the leniency share.
// Every figure carries its organisation count and is withheld below MIN_ORGS.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { hasLeniency, type Catalogue } from '../catalogue/catalogue';
import { domainMask, itemMask, type ApplicabilityMask } from './applicability';
import type { StatsFilters } from './filters';
import { isSmall, MIN_ORGS, secondarySuppress } from './suppression';

export interface Counts {
  readonly compliant: number;
  readonly non_compliant: number;
  readonly not_applicable: number;
  readonly unsure: number;
}

/** A withheld figure has suppressed = true and nulls in place of every number. */
export interface Figure {
  readonly organisations: number | null;
  readonly assessments: number | null;
  readonly counts: Counts | null;
  /** compliant ÷ (answers − not applicable), 4 decimals. */
  readonly complianceRate: number | null;
  /** 不符合 + 不确定 */
  readonly gaps: number | null;
  readonly suppressed: boolean;
}

export interface DomainFigure extends Figure {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly department: string;
}
export interface ItemFigure extends Figure {
  readonly code: string;
  readonly domain: string;
  readonly title: string;
  readonly high: boolean;
  readonly leniency: boolean;
}
export interface BreakdownRow extends Figure {
  readonly key: string;
}
export interface MonthRow {
  readonly month: string;
  readonly organisations: number | null;
  readonly assessments: number | null;
  readonly suppressed: boolean;
}
export interface HeatCell {
  readonly domain: string;
  readonly region: string;
  readonly complianceRate: number | null;
  readonly suppressed: boolean;
}

export interface Summary {
  readonly filters: StatsFilters;
  readonly checklistVersion: { readonly id: number; readonly hash: string };
  readonly threshold: number;
  readonly suppressed: boolean;
  readonly totals: {
    readonly organisations: number | null;
    readonly assessments: number | null;
    readonly shared: number | null;
  };
  readonly overall: Figure;
  readonly months: readonly MonthRow[];
  readonly domains: readonly DomainFigure[];
  readonly items: readonly ItemFigure[];
  readonly topGaps: readonly ItemFigure[];
  readonly breakdowns: {
    readonly region: readonly BreakdownRow[];
    readonly industry: readonly BreakdownRow[];
    readonly size: readonly BreakdownRow[];
  };
  readonly heatmap: { readonly regions: readonly string[]; readonly cells: readonly HeatCell[] };
  readonly leniency: {
    readonly gaps: number | null;
    readonly gapsWithLeniency: number | null;
    readonly share: number | null;
  };
}

type Db = Kysely<Database>;
const ZERO: Counts = { compliant: 0, non_compliant: 0, not_applicable: 0, unsure: 0 };

export function rate(c: Counts): number | null {
  const denominator = c.compliant + c.non_compliant + c.unsure;
  return denominator === 0 ? null : Math.round((c.compliant / denominator) * 10000) / 10000;
}

const countsOf = (r: Counts): Counts => ({
  compliant: r.compliant,
  non_compliant: r.non_compliant,
  not_applicable: r.not_applicable,
  unsure: r.unsure,
});

export function figure(organisations: number, assessments: number, counts: Counts, forced = false): Figure {
  if (forced || isSmall(organisations))
    return { organisations: null, assessments: null, counts: null, complianceRate: null, gaps: null, suppressed: true };
  return {
    organisations,
    assessments,
    counts,
    complianceRate: rate(counts),
    gaps: counts.non_compliant + counts.unsure,
    suppressed: false,
  };
}

type Dimension = 'region' | 'industry' | 'size';

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
interface MaskHistogram {
  readonly dim: Dimension | null;
  readonly key: string | null;
  readonly masks: number[];
  readonly counts: number[];
}
interface CountRow extends Counts {
  readonly domain_code: string | null;
  readonly dim: Dimension | null;
  readonly key: string | null;
}

// grouping() tells which set a row belongs to; the key column is the dimension's value.
const DIM_OF = sql`case when grouping(region) = 0 then 'region' when grouping(industry) = 0 then 'industry' when grouping(size) = 0 then 'size' end`;
const KEY_OF = sql`coalesce(region, industry, size)`;
const SUMS_SQL = sql`coalesce(sum(compliant), 0)::int as compliant, coalesce(sum(non_compliant), 0)::int as non_compliant,
  coalesce(sum(not_applicable), 0)::int as not_applicable, coalesce(sum(unsure), 0)::int as unsure`;

/**
 * Five statements whatever the filters, each one pass over a statistics table
 * with hash aggregates: submissions per profile mask (overall and per
 * region/industry/size, with grouping sets), organisations per mask (each
 * organisation's masks OR-ed first), months, the domain cells (domains, heat
 * map, breakdowns) and the item cells. Which items a mask covers is worked out
 * here, over a few hundred (mask, count) rows instead of in SQL per submission.
 */
export async function computeSummary(db: Db, catalogue: Catalogue, f: StatsFilters): Promise<Summary> {
  const where = conditions(f);
  const dims = f.region !== undefined || f.industry !== undefined || f.size !== undefined;
  const domainWhere = f.domain ? sql`${where} and domain_code = ${f.domain}` : where;
  const scope = f.domain ? catalogue.domains.filter((d) => d.code === f.domain) : catalogue.domains;
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

  /** Histograms per breakdown row: '' = all, else dim + key. */
  const group = (rows: readonly MaskHistogram[]): Map<string, MaskHistogram> => {
    const out = new Map<string, MaskHistogram>();
    for (const r of rows) {
      const k = r.dim === null ? '' : `${r.dim}\u0000${r.key}`;
      const seen = out.get(k);
      // Single-profile and mixed organisations are disjoint: their histograms simply add up.
      out.set(k, seen ? { ...r, masks: [...seen.masks, ...r.masks], counts: [...seen.counts, ...r.counts] } : r);
    }
    return out;
  };
  const orgRows = { rows: [...singleOrgRows.rows, ...mixedOrgRows.rows] };
  const assessGroups = group(assessRows.rows);
  const orgGroups = group(orgRows.rows);
  /** How many of a row's submissions (or organisations) an item or domain with mask m applies to (0 = applies to all). */
  const sums = new WeakMap<MaskHistogram, Map<number, number>>(); // many items share a mask: sum each once per row
  const applying = (row: MaskHistogram | undefined, m: ApplicabilityMask): number => {
    if (!row || m < 0) return 0;
    let memo = sums.get(row);
    if (!memo) sums.set(row, (memo = new Map()));
    let n = memo.get(m);
    if (n === undefined) {
      n = 0;
      for (let i = 0; i < row.masks.length; i += 1) if (m === 0 || (row.masks[i] & m) !== 0) n += row.counts[i];
      memo.set(m, n);
    }
    return n;
  };
  const rowOf = (groups: Map<string, MaskHistogram>, dim: Dimension | null, key?: string): MaskHistogram | undefined =>
    groups.get(dim === null ? '' : `${dim}\u0000${key}`);
  const assessAll = rowOf(assessGroups, null);
  const orgAll = rowOf(orgGroups, null);
  const totalOrgs = applying(orgAll, 0);
  const totalAssessments = applying(assessAll, 0);
  const totalShared = monthRows.rows.reduce((n, r) => n + r.shared, 0);
  const allSmall = isSmall(totalOrgs);

  const domainCounts = new Map(
    domainRows.rows
      .filter((r) => r.domain_code !== null && r.dim === null)
      .map((r) => [r.domain_code ?? '', countsOf(r)]),
  );
  const domains: DomainFigure[] = scope.map((d) => {
    const m = domainMask(catalogue, d.code);
    return {
      code: d.code,
      name: d.name,
      nameEn: d.nameEn,
      department: d.department,
      ...figure(applying(orgAll, m), applying(assessAll, m), domainCounts.get(d.code) ?? ZERO, allSmall),
    };
  });

  const itemCounts = new Map(itemRows.rows.map((r) => [r.item_code, countsOf(r)]));
  const items: ItemFigure[] = scope.flatMap((d) =>
    d.items.map((item) => {
      const m = itemMask(catalogue, item.appliesTo);
      return {
        code: item.code,
        domain: d.code,
        title: item.title,
        high: item.frequency === 'high',
        leniency: hasLeniency(item),
        ...figure(applying(orgAll, m), applying(assessAll, m), itemCounts.get(item.code) ?? ZERO, allSmall),
      };
    }),
  );
  const topGaps = items
    .filter((i) => !i.suppressed && (i.gaps ?? 0) > 0)
    .sort((a, b) => (b.gaps ?? 0) - (a.gaps ?? 0) || a.code.localeCompare(b.code))
    .slice(0, 20);

  const overallCounts = domains.reduce<Counts>((acc, d) => {
    const c = domainCounts.get(d.code) ?? ZERO;
    return {
      compliant: acc.compliant + c.compliant,
      non_compliant: acc.non_compliant + c.non_compliant,
      not_applicable: acc.not_applicable + c.not_applicable,
      unsure: acc.unsure + c.unsure,
    };
  }, ZERO);

  // Leniency share is taken over every item (the total describes ≥ MIN_ORGS organisations).
  let gaps = 0;
  let lenient = 0;
  for (const d of scope)
    for (const item of d.items) {
      const c = itemCounts.get(item.code);
      if (!c) continue;
      const g = c.non_compliant + c.unsure;
      gaps += g;
      if (hasLeniency(item)) lenient += g;
    }

  const scopeMask: ApplicabilityMask = f.domain ? domainMask(catalogue, f.domain) : 0;
  const breakdown = (dim: Dimension): BreakdownRow[] => {
    const keys = [...new Set(orgRows.rows.filter((r) => r.dim === dim).map((r) => r.key ?? ''))].sort((a, b) =>
      a.localeCompare(b, 'zh-CN'),
    );
    const counts = new Map(
      domainRows.rows.filter((r) => r.domain_code === null && r.dim === dim).map((r) => [r.key ?? '', countsOf(r)]),
    );
    const raw = keys
      .map((key) => {
        const organisations = applying(rowOf(orgGroups, dim, key), scopeMask);
        return {
          key,
          organisations,
          assessments: applying(rowOf(assessGroups, dim, key), scopeMask),
          counts: counts.get(key) ?? ZERO,
          suppressed: allSmall || isSmall(organisations),
        };
      })
      .filter((r) => r.organisations > 0);
    return secondarySuppress(raw).map((r) => ({
      key: r.key,
      ...figure(r.organisations, r.assessments, r.counts, r.suppressed),
    }));
  };

  const regions = [...new Set(orgRows.rows.filter((r) => r.dim === 'region').map((r) => r.key ?? ''))].sort((a, b) =>
    a.localeCompare(b, 'zh-CN'),
  );
  const heatCounts = new Map(
    domainRows.rows
      .filter((r) => r.domain_code !== null && r.dim === 'region')
      .map((r) => [`${r.domain_code}\u0000${r.key}`, countsOf(r)]),
  );
  const cells: HeatCell[] = scope.flatMap((d) =>
    regions.map((region) => {
      const orgs = applying(rowOf(orgGroups, 'region', region), domainMask(catalogue, d.code));
      const c = heatCounts.get(`${d.code}\u0000${region}`) ?? ZERO;
      const suppressed = allSmall || isSmall(orgs);
      return { domain: d.code, region, complianceRate: suppressed ? null : rate(c), suppressed };
    }),
  );

  const months: MonthRow[] = monthRows.rows.map((r) =>
    allSmall || isSmall(r.organisations)
      ? { month: r.month, organisations: null, assessments: null, suppressed: true }
      : { month: r.month, organisations: r.organisations, assessments: r.assessments, suppressed: false },
  );

  return {
    filters: f,
    checklistVersion: { id: catalogue.version.id, hash: catalogue.version.hash },
    threshold: MIN_ORGS,
    suppressed: allSmall,
    totals: allSmall
      ? { organisations: null, assessments: null, shared: null }
      : { organisations: totalOrgs, assessments: totalAssessments, shared: totalShared },
    overall: figure(totalOrgs, totalAssessments, overallCounts, allSmall),
    months,
    domains,
    items,
    topGaps,
    breakdowns: { region: breakdown('region'), industry: breakdown('industry'), size: breakdown('size') },
    heatmap: { regions, cells },
    leniency: allSmall
      ? { gaps: null, gapsWithLeniency: null, share: null }
      : { gaps, gapsWithLeniency: lenient, share: gaps === 0 ? null : Math.round((lenient / gaps) * 10000) / 10000 },
  };
}
