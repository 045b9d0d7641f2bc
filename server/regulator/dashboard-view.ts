// The dashboard's page model: filter form options, figures formatted for
// tables, and the SVG charts drawn from the very same numbers.
import { formatCount } from '../lib/dates';
import Handlebars from 'handlebars';
import { INDUSTRY_SECTIONS, isOrgSize, ORG_SIZES } from '../domain/organisation';
import type { Catalogue } from '../catalogue/catalogue';
import type { VersionListEntry } from '../catalogue/version-list';
import { translate, type Lang, type MessageKey, type MessageParams } from '../i18n';
import { barChart, heatClass, heatMap, lineChart } from './charts';
import { filterQuery, type StatsFilters } from './filters';
import type { SharedReportEntry } from './shared-reports';
import type { BreakdownRow, Figure, Summary } from './stats';

const WITHHELD = '<5';
export const fmtPct = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`;
const fmtNum = (v: number | null): string => (v === null ? WITHHELD : formatCount(v));

function figureCells(f: Figure): Record<string, unknown> {
  return {
    suppressed: f.suppressed,
    orgs: fmtNum(f.organisations),
    assessments: fmtNum(f.assessments),
    rate: f.suppressed ? WITHHELD : fmtPct(f.complianceRate),
    gaps: fmtNum(f.gaps),
    compliant: fmtNum(f.counts?.compliant ?? null),
    nonCompliant: fmtNum(f.counts?.non_compliant ?? null),
    notApplicable: fmtNum(f.counts?.not_applicable ?? null),
    unsure: fmtNum(f.counts?.unsure ?? null),
  };
}

const sizeLabel = (size: string, lang: Lang): string => (isOrgSize(size) ? translate(lang, `reg.size.${size}`) : size);
const industryName = (letter: string): string =>
  INDUSTRY_SECTIONS[letter] ? `${letter} ${INDUSTRY_SECTIONS[letter]}` : letter;

function breakdownView(
  title: string,
  rows: readonly BreakdownRow[],
  label: (k: string) => string,
): Record<string, unknown> {
  const data = rows.map((r) => ({
    label: label(r.key),
    value: r.suppressed ? null : r.complianceRate,
    text: r.suppressed ? WITHHELD : fmtPct(r.complianceRate),
  }));
  return {
    title,
    chart: new Handlebars.SafeString(barChart(title, data, { labelWidth: 150 })),
    rows: rows.map((r) => ({ label: label(r.key), ...figureCells(r) })),
  };
}

export interface DashboardInput {
  readonly summary: Summary;
  readonly catalogue: Catalogue;
  readonly filters: StatsFilters;
  readonly regions: readonly string[];
  readonly versions: readonly VersionListEntry[];
  readonly shared: { readonly total: number; readonly entries: readonly SharedReportEntry[] };
  readonly department: string | null;
  readonly lang: Lang;
}

export function dashboardView(input: DashboardInput): Record<string, unknown> {
  const { summary: s, catalogue, filters: f, lang } = input;
  const t = (key: MessageKey, p: MessageParams = {}): string => translate(lang, key, p);
  const dept = input.department?.trim();
  const ownDomain = (department: string): boolean => !!dept && (department.includes(dept) || dept.includes(department));
  // The regulator's own department's domains first, otherwise checklist order.
  const domains = [...s.domains].sort((a, b) => Number(ownDomain(b.department)) - Number(ownDomain(a.department)));
  const domainRows = domains.map((d) => ({
    code: d.code,
    name: d.name,
    department: d.department,
    own: ownDomain(d.department),
    href: `/domains/${d.code}`,
    ...figureCells(d),
  }));
  const domainChartTitle = t('reg.byDomain');
  const regionLabels = s.heatmap.regions;
  const heatRows = domains.map((d) => ({
    label: `${d.code} ${d.name}`,
    cells: regionLabels.map((region) => {
      const c = s.heatmap.cells.find((x) => x.domain === d.code && x.region === region);
      return { value: c?.complianceRate ?? null, text: !c || c.suppressed ? WITHHELD : fmtPct(c.complianceRate) };
    }),
  }));
  // Downloads keep the bilingual headers (their documented form); ?lang= on the URL picks one.
  const exportLink = (name: string): string => `/api/v1/exports/${name}?${filterQuery(f)}`;
  const q = filterQuery(f);
  return {
    lead: t('reg.lead', { n: s.threshold }),
    departmentNote: dept ? t('reg.department', { department: dept }) : undefined,
    form: {
      from: f.from ?? '',
      to: f.to ?? '',
      regions: input.regions.map((r) => ({ value: r, label: r, selected: r === f.region })),
      industries: Object.keys(INDUSTRY_SECTIONS).map((k) => ({
        value: k,
        label: industryName(k),
        selected: k === f.industry,
      })),
      sizes: ORG_SIZES.map((k) => ({ value: k, label: sizeLabel(k, lang), selected: k === f.size })),
      domains: catalogue.domains.map((d) => ({
        value: d.code,
        label: `${d.code} ${d.name}`,
        selected: d.code === f.domain,
      })),
      versions: input.versions.map((v) => ({
        value: String(v.id),
        label: `v${v.id}${v.current ? ` (${t('reg.filter.current')})` : ''}`,
        selected: v.id === f.version,
      })),
    },
    suppressedAll: s.suppressed ? t('reg.suppressedAll', { n: s.threshold }) : undefined,
    totals: {
      orgs: fmtNum(s.totals.organisations),
      assessments: fmtNum(s.totals.assessments),
      shared: fmtNum(s.totals.shared),
      rate: s.suppressed ? WITHHELD : fmtPct(s.overall.complianceRate),
      leniency: s.suppressed ? WITHHELD : fmtPct(s.leniency.share),
    },
    months: {
      chart: new Handlebars.SafeString(
        lineChart(
          t('reg.overTime'),
          s.months.map((m) => ({ label: m.month, value: m.assessments })),
        ),
      ),
      rows: s.months.map((m) => ({
        month: m.month,
        orgs: fmtNum(m.organisations),
        assessments: fmtNum(m.assessments),
      })),
    },
    domains: {
      chart: new Handlebars.SafeString(
        barChart(
          domainChartTitle,
          domains.map((d) => ({
            label: `${d.code} ${d.name}`,
            value: d.suppressed ? null : d.complianceRate,
            text: d.suppressed ? WITHHELD : fmtPct(d.complianceRate),
          })),
        ),
      ),
      rows: domainRows,
    },
    topGaps: s.topGaps.map((g, i) => ({
      rank: i + 1,
      code: g.code,
      title: g.title,
      href: `/items/${g.code}`,
      leniency: g.leniency,
      high: g.high,
      ...figureCells(g),
    })),
    topGapsChart:
      s.topGaps.length > 0
        ? new Handlebars.SafeString(
            barChart(
              t('reg.topGaps'),
              s.topGaps.map((g) => {
                const denominator = g.counts ? g.counts.compliant + g.counts.non_compliant + g.counts.unsure : 0;
                return {
                  label: `${g.code} ${g.title.slice(0, 10)}`,
                  value: denominator ? (g.gaps ?? 0) / denominator : null,
                  text: fmtNum(g.gaps),
                };
              }),
              { labelWidth: 200 },
            ),
          )
        : undefined,
    breakdowns: [
      breakdownView(t('reg.byRegion'), s.breakdowns.region, (k) => k),
      breakdownView(t('reg.byIndustry'), s.breakdowns.industry, industryName),
      breakdownView(t('reg.bySize'), s.breakdowns.size, (k) => sizeLabel(k, lang)),
    ],
    heat:
      regionLabels.length > 0
        ? {
            chart: new Handlebars.SafeString(heatMap(t('reg.heatmap'), regionLabels, heatRows)),
            regions: regionLabels,
            rows: heatRows.map((r) => ({
              label: r.label,
              cells: r.cells.map((c) => ({ text: c.text, cls: heatClass(c.value) })),
            })),
          }
        : undefined,
    items: s.items.map((i) => ({
      code: i.code,
      title: i.title,
      href: `/items/${i.code}`,
      leniency: i.leniency,
      ...figureCells(i),
    })),
    itemCount: s.items.length,
    exports: {
      summaryCsv: exportLink('summary.csv'),
      summaryXlsx: exportLink('summary.xlsx'),
      summaryJson: exportLink('summary.json'),
      answersCsv: exportLink('answers.csv'),
      answersXlsx: exportLink('answers.xlsx'),
      reportDocx: exportLink('report.docx'),
      reportPdf: exportLink('report.pdf'),
    },
    shared: {
      total: input.shared.total,
      hint: t('reg.sharedHint', { n: input.shared.total }),
      entries: input.shared.entries.map((e) => ({
        ...e,
        href: `/regulator/reports/${e.id}`,
        industry: industryName(e.industry),
        size: sizeLabel(e.size, lang),
        rate: fmtPct(e.complianceRate),
      })),
      more: input.shared.total > input.shared.entries.length ? `/regulator/reports?${q}` : undefined,
    },
    clearHref: '/regulator',
  };
}
