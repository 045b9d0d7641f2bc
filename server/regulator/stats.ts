// Dashboard figures from the statistics tables (never from answers): totals,
// submissions per month, per-domain and per-item counts, top gaps, breakdowns
// by region/industry/size, a domain × region heat map and the leniency share.
// Every figure carries its organisation count and is withheld below MIN_ORGS.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { hasLeniency, type Catalogue } from '../catalogue/catalogue';
import type { Domain } from '../domain/checklist';
import type { StatusCounts } from '../domain/report';
import { domainMask, itemMask, type ApplicabilityMask } from './applicability';
import type { StatsFilters } from './filters';
import { MaskHistograms } from './mask-histograms';
import { queryStats, type CountRow, type Dimension, type StatsRows } from './stats-queries';
import { isSmall, MIN_ORGS, secondarySuppress } from './suppression';

export type Counts = StatusCounts;

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

/** What every step shares: the rows, the histograms and whether everything is withheld. */
interface Step {
  readonly catalogue: Catalogue;
  readonly f: StatsFilters;
  readonly scope: readonly Domain[];
  readonly rows: StatsRows;
  readonly assess: MaskHistograms;
  readonly orgs: MaskHistograms;
  /** The organisation rows of both kinds, for the breakdown keys. */
  readonly orgRows: StatsRows['singleOrgRows']['rows'];
  readonly allSmall: boolean;
}

function domainFigures(s: Step, domainCounts: ReadonlyMap<string, Counts>): DomainFigure[] {
  const assessAll = s.assess.row(null);
  const orgAll = s.orgs.row(null);
  return s.scope.map((d) => {
    const m = domainMask(s.catalogue, d.code);
    return {
      code: d.code,
      name: d.name,
      nameEn: d.nameEn,
      department: d.department,
      ...figure(
        s.orgs.applying(orgAll, m),
        s.assess.applying(assessAll, m),
        domainCounts.get(d.code) ?? ZERO,
        s.allSmall,
      ),
    };
  });
}

function itemFigures(s: Step, itemCounts: ReadonlyMap<string, Counts>): ItemFigure[] {
  const assessAll = s.assess.row(null);
  const orgAll = s.orgs.row(null);
  return s.scope.flatMap((d) =>
    d.items.map((item) => {
      const m = itemMask(s.catalogue, item.appliesTo);
      return {
        code: item.code,
        domain: d.code,
        title: item.title,
        high: item.frequency === 'high',
        leniency: hasLeniency(item),
        ...figure(
          s.orgs.applying(orgAll, m),
          s.assess.applying(assessAll, m),
          itemCounts.get(item.code) ?? ZERO,
          s.allSmall,
        ),
      };
    }),
  );
}

function topGapsOf(items: readonly ItemFigure[]): ItemFigure[] {
  return items
    .filter((i) => !i.suppressed && (i.gaps ?? 0) > 0)
    .sort((a, b) => (b.gaps ?? 0) - (a.gaps ?? 0) || a.code.localeCompare(b.code))
    .slice(0, 20);
}

function overallCountsOf(domains: readonly DomainFigure[], domainCounts: ReadonlyMap<string, Counts>): Counts {
  return domains.reduce<Counts>((acc, d) => {
    const c = domainCounts.get(d.code) ?? ZERO;
    return {
      compliant: acc.compliant + c.compliant,
      non_compliant: acc.non_compliant + c.non_compliant,
      not_applicable: acc.not_applicable + c.not_applicable,
      unsure: acc.unsure + c.unsure,
    };
  }, ZERO);
}

/** Leniency share is taken over every item (the total describes ≥ MIN_ORGS organisations). */
function leniencyOf(s: Step, itemCounts: ReadonlyMap<string, Counts>): Summary['leniency'] {
  let gaps = 0;
  let lenient = 0;
  for (const d of s.scope)
    for (const item of d.items) {
      const c = itemCounts.get(item.code);
      if (!c) continue;
      const g = c.non_compliant + c.unsure;
      gaps += g;
      if (hasLeniency(item)) lenient += g;
    }
  return s.allSmall
    ? { gaps: null, gapsWithLeniency: null, share: null }
    : { gaps, gapsWithLeniency: lenient, share: gaps === 0 ? null : Math.round((lenient / gaps) * 10000) / 10000 };
}

/** The values of one dimension that organisations have, in Chinese order. */
function keysOf(s: Step, dim: Dimension): string[] {
  return [...new Set(s.orgRows.filter((r) => r.dim === dim).map((r) => r.key ?? ''))].sort((a, b) =>
    a.localeCompare(b, 'zh-CN'),
  );
}

function breakdown(s: Step, dim: Dimension): BreakdownRow[] {
  // Below MIN_ORGS in all, even which regions, industries or sizes occur is withheld.
  if (s.allSmall) return [];
  const scopeMask: ApplicabilityMask = s.f.domain ? domainMask(s.catalogue, s.f.domain) : 0;
  const counts = new Map(
    s.rows.domainRows.rows
      .filter((r) => r.domain_code === null && r.dim === dim)
      .map((r) => [r.key ?? '', countsOf(r)]),
  );
  const raw = keysOf(s, dim)
    .map((key) => {
      const organisations = s.orgs.applying(s.orgs.row(dim, key), scopeMask);
      return {
        key,
        organisations,
        assessments: s.assess.applying(s.assess.row(dim, key), scopeMask),
        counts: counts.get(key) ?? ZERO,
        suppressed: s.allSmall || isSmall(organisations),
      };
    })
    .filter((r) => r.organisations > 0);
  return secondarySuppress(raw).map((r) => ({
    key: r.key,
    ...figure(r.organisations, r.assessments, r.counts, r.suppressed),
  }));
}

function heatmapOf(s: Step): Summary['heatmap'] {
  if (s.allSmall) return { regions: [], cells: [] };
  const regions = keysOf(s, 'region');
  const heatCounts = new Map(
    s.rows.domainRows.rows
      .filter((r) => r.domain_code !== null && r.dim === 'region')
      .map((r) => [`${r.domain_code}\u0000${r.key}`, countsOf(r)]),
  );
  const cells: HeatCell[] = s.scope.flatMap((d) =>
    regions.map((region) => {
      const orgs = s.orgs.applying(s.orgs.row('region', region), domainMask(s.catalogue, d.code));
      const c = heatCounts.get(`${d.code}\u0000${region}`) ?? ZERO;
      const suppressed = s.allSmall || isSmall(orgs);
      return { domain: d.code, region, complianceRate: suppressed ? null : rate(c), suppressed };
    }),
  );
  return { regions, cells };
}

function monthsOf(s: Step): MonthRow[] {
  // Which months had submissions is itself a fact about the filtered set.
  if (s.allSmall) return [];
  return s.rows.monthRows.rows.map((r) =>
    s.allSmall || isSmall(r.organisations)
      ? { month: r.month, organisations: null, assessments: null, suppressed: true }
      : { month: r.month, organisations: r.organisations, assessments: r.assessments, suppressed: false },
  );
}

const domainCountsOf = (rows: readonly CountRow[]): Map<string, Counts> =>
  new Map(rows.filter((r) => r.domain_code !== null && r.dim === null).map((r) => [r.domain_code ?? '', countsOf(r)]));

/** The dashboard's figures: the statistics queries (stats-queries.ts), then one named step per part. */
export async function computeSummary(db: Db, catalogue: Catalogue, f: StatsFilters): Promise<Summary> {
  const rows = await queryStats(db, f);
  const orgRows = [...rows.singleOrgRows.rows, ...rows.mixedOrgRows.rows];
  const assess = new MaskHistograms(rows.assessRows.rows);
  const orgs = new MaskHistograms(orgRows);
  const totalOrgs = orgs.applying(orgs.row(null), 0);
  const totalAssessments = assess.applying(assess.row(null), 0);
  const totalShared = rows.monthRows.rows.reduce((n, r) => n + r.shared, 0);
  const allSmall = isSmall(totalOrgs);
  const scope = f.domain ? catalogue.domains.filter((d) => d.code === f.domain) : catalogue.domains;
  const s: Step = { catalogue, f, scope, rows, assess, orgs, orgRows, allSmall };

  const domainCounts = domainCountsOf(rows.domainRows.rows);
  const itemCounts = new Map(rows.itemRows.rows.map((r) => [r.item_code, countsOf(r)]));
  const domains = domainFigures(s, domainCounts);
  const items = itemFigures(s, itemCounts);
  return {
    filters: f,
    checklistVersion: { id: catalogue.version.id, hash: catalogue.version.hash },
    threshold: MIN_ORGS,
    suppressed: allSmall,
    totals: allSmall
      ? { organisations: null, assessments: null, shared: null }
      : { organisations: totalOrgs, assessments: totalAssessments, shared: totalShared },
    overall: figure(totalOrgs, totalAssessments, overallCountsOf(domains, domainCounts), allSmall),
    months: monthsOf(s),
    domains,
    items,
    topGaps: topGapsOf(items),
    breakdowns: { region: breakdown(s, 'region'), industry: breakdown(s, 'industry'), size: breakdown(s, 'size') },
    heatmap: heatmapOf(s),
    leniency: leniencyOf(s, itemCounts),
  };
}
