// The written statistics report (DOCX and PDF share it): headline figures, the
// domain table, top gaps with their legal basis and guidance, and the method
// and suppression note. Chinese only, like the firms' own reports.
import { formatCount, formatDate } from '../lib/dates';
import type { Catalogue } from '../catalogue/catalogue';
import { filterDescription } from './summary-export';
import type { Summary } from './stats';
import { leniencyDisplay } from '../catalogue/leniency-label';

export interface StatsReportContent {
  readonly title: string;
  readonly scope: string;
  readonly generated: string;
  readonly headline: readonly string[];
  readonly domains: ReadonlyArray<{
    readonly code: string;
    readonly name: string;
    readonly orgs: string;
    readonly rate: string;
    readonly rateValue: number | null;
    readonly gaps: string;
  }>;
  readonly gaps: ReadonlyArray<{
    readonly code: string;
    readonly title: string;
    readonly figures: string;
    readonly basis: readonly string[];
    readonly guidance: readonly string[];
    readonly leniency: string | null;
  }>;
  readonly method: readonly string[];
}

const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null): string => (v === null ? '<5' : formatCount(v));

export function statsReportContent(s: Summary, catalogue: Catalogue): StatsReportContent {
  const generated = formatDate(new Date(), 'zh-CN');
  const headline = s.suppressed
    ? [`所选范围内提交自评的企业少于 ${s.threshold} 家，为保护企业信息，本报告不显示任何数字。`]
    : [
        `提交自评的企业 ${num(s.totals.organisations)} 家，已提交自评 ${num(s.totals.assessments)} 份，其中企业自愿共享的报告 ${num(s.totals.shared)} 份。`,
        `总体合规率 ${pct(s.overall.complianceRate)}（合规率 = 符合 ÷（答题数 − 不适用））。`,
        `自评为不符合或不确定的事项共 ${num(s.leniency.gaps)} 项次，其中 ${pct(s.leniency.share)} 属于有免罚轻罚规定的事项。`,
      ];
  return {
    title: '企业行政合规自评统计报告',
    scope: filterDescription(s),
    generated: `生成日期：${generated}`,
    headline,
    domains: s.domains.map((d) => ({
      code: d.code,
      name: d.name,
      orgs: num(d.organisations),
      rate: d.suppressed ? '<5' : pct(d.complianceRate),
      rateValue: d.complianceRate,
      gaps: d.suppressed ? '<5' : num(d.gaps),
    })),
    gaps: s.topGaps.map((g) => {
      const item = catalogue.item(g.code)?.item;
      const relief = item?.leniency.find((l) => leniencyDisplay(l).relief);
      return {
        code: g.code,
        title: g.title,
        figures: `不符合或不确定 ${num(g.gaps)} 项次，涉及 ${num(g.organisations)} 家企业，合规率 ${pct(g.complianceRate)}`,
        basis: (item?.basis ?? []).map((b) => `《${b.law}》${b.article}`),
        guidance: item?.guidance ?? [],
        leniency: relief ? `免罚轻罚：${relief.basis}` : null,
      };
    }),
    method: [
      '统计只计入已提交的自评；草稿不计入。每份自评固定在其提交时的清单版本上，本报告只统计同一清单版本。',
      `任何涉及少于 ${s.threshold} 家企业的数字均不显示（记为“<5”），以免通过筛选识别出个别企业；分组中只有一组被隐藏时，另隐藏最小的一组，防止相减推算。`,
      '企业的地区、行业和规模按提交时的登记信息统计。个别企业的报告只有在企业自愿共享后才可查看。',
      '本报告为合规指导统计，不作为行政处罚依据。',
    ],
  };
}
