// Dashboard figures from the statistics tables (never from answers): totals,
// submissions per month, per-domain and per-item counts, top gaps, breakdowns
// by region/industry/size, a domain × region heat map and the leniency share.
// Every figure carries its organisation count and is withheld below MIN_ORGS.
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/schema';
import { hasLeniency, type Catalogue } from '../catalogue/catalogue';
import { applies, domainMask, itemMask, type ApplicabilityMask } from './applicability';
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

export interface DomainFigure extends Figure { readonly code: string; readonly name: string; readonly nameEn: string; readonly department: string }
export interface ItemFigure extends Figure { readonly code: string; readonly domain: string; readonly title: string; readonly high: boolean; readonly leniency: boolean }
export interface BreakdownRow extends Figure { readonly key: string }
export interface MonthRow { readonly month: string; readonly organisations: number | null; readonly assessments: number | null; readonly suppressed: boolean }
export interface HeatCell { readonly domain: string; readonly region: string; readonly complianceRate: number | null; readonly suppressed: boolean }

export interface Summary {
  readonly filters: StatsFilters;
  readonly checklistVersion: { readonly id: number; readonly hash: string };
  readonly threshold: number;
  readonly suppressed: boolean;
  readonly totals: { readonly organisations: number | null; readonly assessments: number | null; readonly shared: number | null };
  readonly overall: Figure;
  readonly months: readonly MonthRow[];
  readonly domains: readonly DomainFigure[];
  readonly items: readonly ItemFigure[];
  readonly topGaps: readonly ItemFigure[];
  readonly breakdowns: { readonly region: readonly BreakdownRow[]; readonly industry: readonly BreakdownRow[]; readonly size: readonly BreakdownRow[] };
  readonly heatmap: { readonly regions: readonly string[]; readonly cells: readonly HeatCell[] };
  readonly leniency: { readonly gaps: number | null; readonly gapsWithLeniency: number | null; readonly share: number | null };
}

type Db = Kysely<Database>;
type Table = 'stat_submissions' | 'stat_item_cells' | 'stat_domain_cells' | 'stat_item_months';

const ZERO: Counts = { compliant: 0, non_compliant: 0, not_applicable: 0, unsure: 0 };

function where<T extends Table, O>(qb: SelectQueryBuilder<Database, T, O>, f: StatsFilters, monthOnly = false): SelectQueryBuilder<Database, T, O> {
  // The column names are shared by every statistics table; kysely cannot see that through the union.
  let q = qb.where(sql.ref('version_id'), '=', f.version);
  if (f.from) q = q.where(sql.ref('month'), '>=', `${f.from}-01`);
  if (f.to) q = q.where(sql.ref('month'), '<=', `${f.to}-01`);
  if (monthOnly) return q;
  if (f.region) q = q.where(sql.ref('region'), '=', f.region);
  if (f.industry) q = q.where(sql.ref('industry'), '=', f.industry);
  if (f.size) q = q.where(sql.ref('size'), '=', f.size);
  return q;
}

const SUMS = [
  sql<number>`coalesce(sum(compliant), 0)::int`.as('compliant'),
  sql<number>`coalesce(sum(non_compliant), 0)::int`.as('non_compliant'),
  sql<number>`coalesce(sum(not_applicable), 0)::int`.as('not_applicable'),
  sql<number>`coalesce(sum(unsure), 0)::int`.as('unsure'),
] as const;

export function rate(c: Counts): number | null {
  const denominator = c.compliant + c.non_compliant + c.unsure;
  return denominator === 0 ? null : Math.round((c.compliant / denominator) * 10000) / 10000;
}

const countsOf = (r: Counts): Counts => ({ compliant: r.compliant, non_compliant: r.non_compliant, not_applicable: r.not_applicable, unsure: r.unsure });

export function figure(organisations: number, assessments: number, counts: Counts, forced = false): Figure {
  if (forced || isSmall(organisations)) return { organisations: null, assessments: null, counts: null, complianceRate: null, gaps: null, suppressed: true };
  return { organisations, assessments, counts, complianceRate: rate(counts), gaps: counts.non_compliant + counts.unsure, suppressed: false };
}

function withheld<T extends Figure>(row: T): T {
  return { ...row, organisations: null, assessments: null, counts: null, complianceRate: null, gaps: null, suppressed: true };
}

interface MaskCount { readonly mask: number; readonly n: number }
const sumWhere = (rows: readonly MaskCount[], m: ApplicabilityMask): number => rows.reduce((s, r) => (applies(m, r.mask) ? s + r.n : s), 0);

type Dimension = 'region' | 'industry' | 'size';

export async function computeSummary(db: Db, catalogue: Catalogue, f: StatsFilters): Promise<Summary> {
  const subs = (): SelectQueryBuilder<Database, 'stat_submissions', object> => where(db.selectFrom('stat_submissions'), f) as SelectQueryBuilder<Database, 'stat_submissions', object>;
  const dims = f.region !== undefined || f.industry !== undefined || f.size !== undefined;

  const [assessMasks, orgMasks, shared, monthRows, domainRows, itemRows, heatRows, regionMasks] = await Promise.all([
    subs().select(['tag_mask as mask', sql<number>`count(*)::int`.as('n')]).groupBy('tag_mask').execute(),
    db.selectFrom(subs().select(['org_id', sql<number>`bit_or(tag_mask)`.as('mask')]).groupBy('org_id').as('o'))
      .select(['o.mask', sql<number>`count(*)::int`.as('n')]).groupBy('o.mask').execute(),
    subs().select(sql<number>`count(*)::int`.as('n')).where('shared', '=', true).executeTakeFirstOrThrow(),
    subs().select([sql<string>`to_char(month, 'YYYY-MM')`.as('month'), sql<number>`count(*)::int`.as('assessments'), sql<number>`count(distinct org_id)::int`.as('organisations')])
      .groupBy('month').orderBy('month').execute(),
    where(db.selectFrom('stat_domain_cells'), f).select(['domain_code', ...SUMS]).groupBy('domain_code').execute(),
    dims
      ? where(db.selectFrom('stat_item_cells'), f).select(['item_code', ...SUMS]).groupBy('item_code').execute()
      : where(db.selectFrom('stat_item_months'), f, true).select(['item_code', ...SUMS]).groupBy('item_code').execute(),
    where(db.selectFrom('stat_domain_cells'), f).select(['domain_code', 'region', ...SUMS]).groupBy(['domain_code', 'region']).execute(),
    db.selectFrom(subs().select(['region', 'org_id', sql<number>`bit_or(tag_mask)`.as('mask')]).groupBy(['region', 'org_id']).as('o'))
      .select(['o.region', 'o.mask', sql<number>`count(*)::int`.as('n')]).groupBy(['o.region', 'o.mask']).execute(),
  ]);
  const breakdownSets = await Promise.all((['region', 'industry', 'size'] as const).map((d) => breakdown(db, catalogue, f, d)));

  const totalOrgs = orgMasks.reduce((s, r) => s + r.n, 0);
  const totalAssessments = assessMasks.reduce((s, r) => s + r.n, 0);
  const allSmall = isSmall(totalOrgs);

  const scope = f.domain ? catalogue.domains.filter((d) => d.code === f.domain) : catalogue.domains;
  const domainCounts = new Map(domainRows.map((r) => [r.domain_code, countsOf(r)]));
  const domains: DomainFigure[] = scope.map((d) => {
    const m = domainMask(catalogue, d.code);
    return { code: d.code, name: d.name, nameEn: d.nameEn, department: d.department, ...figure(sumWhere(orgMasks, m), sumWhere(assessMasks, m), domainCounts.get(d.code) ?? ZERO, allSmall) };
  });

  const itemCounts = new Map(itemRows.map((r) => [r.item_code, countsOf(r)]));
  const items: ItemFigure[] = scope.flatMap((d) => d.items.map((item) => {
    const m = itemMask(catalogue, item.appliesTo);
    return {
      code: item.code, domain: d.code, title: item.title, high: item.frequency === 'high', leniency: hasLeniency(item),
      ...figure(sumWhere(orgMasks, m), sumWhere(assessMasks, m), itemCounts.get(item.code) ?? ZERO, allSmall),
    };
  }));
  const topGaps = items.filter((i) => !i.suppressed && (i.gaps ?? 0) > 0)
    .sort((a, b) => (b.gaps ?? 0) - (a.gaps ?? 0) || a.code.localeCompare(b.code))
    .slice(0, 20);

  const overallCounts = domains.reduce<Counts>((s, d) => {
    const c = domainCounts.get(d.code) ?? ZERO;
    return { compliant: s.compliant + c.compliant, non_compliant: s.non_compliant + c.non_compliant, not_applicable: s.not_applicable + c.not_applicable, unsure: s.unsure + c.unsure };
  }, ZERO);

  // Leniency share is taken over every item (the total describes ≥ MIN_ORGS organisations).
  let gaps = 0;
  let lenient = 0;
  for (const d of scope) for (const item of d.items) {
    const c = itemCounts.get(item.code);
    if (!c) continue;
    const g = c.non_compliant + c.unsure;
    gaps += g;
    if (hasLeniency(item)) lenient += g;
  }

  const regionOrgs = new Map<string, MaskCount[]>();
  for (const r of regionMasks) regionOrgs.set(r.region, [...(regionOrgs.get(r.region) ?? []), { mask: r.mask, n: r.n }]);
  const regions = [...regionOrgs.keys()].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const heatCounts = new Map(heatRows.map((r) => [`${r.domain_code}\u0000${r.region}`, countsOf(r)]));
  const cells: HeatCell[] = scope.flatMap((d) => regions.map((region) => {
    const orgs = sumWhere(regionOrgs.get(region) ?? [], domainMask(catalogue, d.code));
    const c = heatCounts.get(`${d.code}\u0000${region}`) ?? ZERO;
    const suppressed = allSmall || isSmall(orgs);
    return { domain: d.code, region, complianceRate: suppressed ? null : rate(c), suppressed };
  }));

  const months: MonthRow[] = monthRows.map((r) => (allSmall || isSmall(r.organisations)
    ? { month: r.month, organisations: null, assessments: null, suppressed: true }
    : { month: r.month, organisations: r.organisations, assessments: r.assessments, suppressed: false }));

  return {
    filters: f,
    checklistVersion: { id: catalogue.version.id, hash: catalogue.version.hash },
    threshold: MIN_ORGS,
    suppressed: allSmall,
    totals: allSmall ? { organisations: null, assessments: null, shared: null } : { organisations: totalOrgs, assessments: totalAssessments, shared: shared.n },
    overall: figure(totalOrgs, totalAssessments, overallCounts, allSmall),
    months,
    domains,
    items,
    topGaps,
    breakdowns: {
      region: allSmall ? breakdownSets[0].map(withheld) : breakdownSets[0],
      industry: allSmall ? breakdownSets[1].map(withheld) : breakdownSets[1],
      size: allSmall ? breakdownSets[2].map(withheld) : breakdownSets[2],
    },
    heatmap: { regions, cells },
    leniency: allSmall ? { gaps: null, gapsWithLeniency: null, share: null } : { gaps, gapsWithLeniency: lenient, share: gaps === 0 ? null : Math.round((lenient / gaps) * 10000) / 10000 },
  };
}

/** Rows per value of one dimension, within the other filters (and the domain, if one is chosen). */
async function breakdown(db: Db, catalogue: Catalogue, f: StatsFilters, dim: Dimension): Promise<BreakdownRow[]> {
  const m: ApplicabilityMask = f.domain ? domainMask(catalogue, f.domain) : 0;
  let cells = where(db.selectFrom('stat_domain_cells'), f).select([sql.ref<string>(dim).as('key'), ...SUMS]).groupBy(dim);
  if (f.domain) cells = cells.where('domain_code', '=', f.domain);
  const subs = where(db.selectFrom('stat_submissions'), f);
  const [countRows, orgRows, assessRows] = await Promise.all([
    cells.execute(),
    db.selectFrom(subs.select([sql.ref<string>(dim).as('key'), 'org_id', sql<number>`bit_or(tag_mask)`.as('mask')]).groupBy([dim, 'org_id']).as('o'))
      .select(['o.key', 'o.mask', sql<number>`count(*)::int`.as('n')]).groupBy(['o.key', 'o.mask']).execute(),
    subs.select([sql.ref<string>(dim).as('key'), 'tag_mask as mask', sql<number>`count(*)::int`.as('n')]).groupBy([dim, 'tag_mask']).execute(),
  ]);
  const group = (rows: ReadonlyArray<{ key: string; mask: number; n: number }>): Map<string, MaskCount[]> => {
    const map = new Map<string, MaskCount[]>();
    for (const r of rows) map.set(r.key, [...(map.get(r.key) ?? []), { mask: r.mask, n: r.n }]);
    return map;
  };
  const orgs = group(orgRows);
  const assess = group(assessRows);
  const counts = new Map(countRows.map((r) => [r.key, countsOf(r)]));
  const keys = [...orgs.keys()].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const raw = keys.map((key) => {
    const organisations = sumWhere(orgs.get(key) ?? [], m);
    return { key, organisations, assessments: sumWhere(assess.get(key) ?? [], m), counts: counts.get(key) ?? ZERO, suppressed: isSmall(organisations) };
  }).filter((r) => r.organisations > 0);
  return secondarySuppress(raw).map((r) => ({ key: r.key, ...figure(r.organisations, r.assessments, r.counts, r.suppressed) }));
}
