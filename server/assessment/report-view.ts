// Everything the report shows, already worded and formatted (no HTML): the view the
// HTML template, the DOCX and the PDF renderers all draw from.
import type { PenaltyCitation } from '../domain/checklist';
import { industryLabel } from '../domain/organisation';
import { coverageOf, type Report, type ReportCoverage, type ReportGap, type StatusCounts } from '../domain/report';
import type { CheckMode } from '../domain/check-mode';
import type { AnswerStatus } from '../domain/answer-status';
import { leniencyGuide, type LeniencyGuide } from './leniency-guide';
import {
  zh,
  statusLabel,
  sizeLabel,
  consequenceLabel,
  formatRate,
  formatInstantZh,
  formatDayZh,
  citationHeading,
} from './report-words';

export interface CountsView {
  readonly total: number;
  readonly compliant: number;
  readonly nonCompliant: number;
  readonly notApplicable: number;
  readonly unsure: number;
  readonly rate: string;
}

export interface DomainRowView extends CountsView {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly department: string;
}

export interface CitationView {
  readonly heading: string;
  readonly text: string;
}

export interface PenaltyView extends CitationView {
  readonly summary: string;
  readonly consequences: readonly string[];
}

export interface ActionView {
  readonly owner: string | null;
  readonly due: string | null;
  readonly corrected: string | null;
}

export interface GapView {
  /** 1-based position in the report's own (risk) order. */
  readonly index: number;
  readonly code: string;
  readonly domain: string;
  readonly domainName: string;
  readonly title: string;
  readonly question: string;
  readonly status: ReportGap['status'];
  readonly statusLabel: string;
  readonly note: string | null;
  readonly high: boolean;
  readonly reviewNeeded: boolean;
  readonly illegal: string;
  readonly basis: readonly CitationView[];
  readonly penalty: readonly PenaltyView[];
  readonly consequences: readonly string[];
  readonly guidance: readonly string[];
  readonly evidence: readonly string[];
  readonly leniency: readonly LeniencyGuide[];
  readonly action: ActionView;
}

export interface AnswerView {
  readonly code: string;
  readonly title: string;
  readonly status: AnswerStatus;
  readonly statusLabel: string;
  readonly note: string | null;
}

export interface AnswerGroupView {
  readonly code: string;
  readonly name: string;
  readonly answers: readonly AnswerView[];
}

export interface ReportView {
  /** Page title, also the document title. */
  readonly title: string;
  readonly org: {
    readonly name: string;
    readonly creditCode: string;
    readonly region: string;
    readonly industry: string;
    readonly size: string;
  };
  readonly submitted: string;
  readonly submittedAt: string;
  readonly checklistVersion: { readonly id: number; readonly hash: string; readonly label: string };
  readonly fingerprint: string;
  readonly verifyPath: string;
  readonly overall: CountsView;
  readonly domains: readonly DomainRowView[];
  readonly gapCount: number;
  readonly gapNonCompliant: number;
  readonly gapUnsure: number;
  readonly gaps: readonly GapView[];
  readonly answerGroups: readonly AnswerGroupView[];
  readonly methodNotes: readonly string[];
  /** Quick or full check, the trade, and how much of the check was answered (format 1: all of a full one). */
  readonly check: CheckView;
}

export interface CheckView {
  readonly mode: CheckMode;
  readonly modeLabel: string;
  readonly sceneName: string | null;
  readonly coverage: ReportCoverage;
  /** 自查覆盖：已答 n / 适用 m 项 */
  readonly coverageLine: string;
  readonly unchecked: readonly string[];
  /** 未自查的事项（n 项）：codes, or null when every item was answered. */
  readonly uncheckedLine: string | null;
}

function checkView(report: Report): CheckView {
  const mode = report.mode ?? 'full';
  const coverage = coverageOf(report);
  const unchecked = report.unchecked ?? [];
  return {
    mode,
    modeLabel: zh(mode === 'quick' ? 'quick.mode.quick' : 'quick.mode.full'),
    sceneName: report.scene?.name ?? null,
    coverage,
    coverageLine: zh('quick.coverage', { answered: coverage.answered, total: coverage.total }),
    unchecked,
    uncheckedLine:
      unchecked.length === 0 ? null : `${zh('quick.uncheckedList', { n: unchecked.length })}${unchecked.join('、')}`,
  };
}

function countsView(total: number, c: StatusCounts, rate: number | null): CountsView {
  return {
    total,
    compliant: c.compliant,
    nonCompliant: c.non_compliant,
    notApplicable: c.not_applicable,
    unsure: c.unsure,
    rate: formatRate(rate),
  };
}

function penaltyView(p: PenaltyCitation): PenaltyView {
  return {
    heading: citationHeading(p),
    text: p.text,
    summary: p.summary,
    consequences: (p.consequences ?? []).map(consequenceLabel),
  };
}

function gapView(g: ReportGap, index: number): GapView {
  return {
    index,
    code: g.code,
    domain: g.domain,
    domainName: g.domainName,
    title: g.title,
    question: g.question,
    status: g.status,
    statusLabel: statusLabel(g.status),
    note: g.note,
    high: g.high,
    reviewNeeded: g.reviewNeeded,
    illegal: g.illegal,
    basis: g.basis.map((c) => ({ heading: citationHeading(c), text: c.text })),
    penalty: g.penalty.map(penaltyView),
    consequences: g.consequences.map(consequenceLabel),
    guidance: g.guidance,
    evidence: g.evidence,
    leniency: g.leniency.map(leniencyGuide),
    action: {
      owner: g.action.owner,
      due: g.action.dueDate ? formatDayZh(g.action.dueDate) : null,
      corrected: g.action.correctedOn ? formatDayZh(g.action.correctedOn) : null,
    },
  };
}

// Answers grouped under the report's domains, in the report's order; answers of a
// domain the summary does not list still get a group of their own.
function answerGroups(report: Report): AnswerGroupView[] {
  const groups = new Map<string, { code: string; name: string; answers: AnswerView[] }>();
  for (const d of report.domains) groups.set(d.code, { code: d.code, name: d.name, answers: [] });
  for (const a of report.answers) {
    let group = groups.get(a.domain);
    if (!group) {
      group = { code: a.domain, name: a.domain, answers: [] };
      groups.set(a.domain, group);
    }
    group.answers.push({
      code: a.code,
      title: a.title,
      status: a.status,
      statusLabel: statusLabel(a.status),
      note: a.note,
    });
  }
  return [...groups.values()].filter((g) => g.answers.length > 0);
}

function methodNotes(report: Report): string[] {
  return [
    zh('report.method.selfAssessed'),
    zh('report.method.rate'),
    zh('report.method.relief'),
    zh('report.method.version', { version: report.checklistVersion.id }),
    zh('report.method.fingerprint'),
  ];
}

/** Everything the report template shows, already worded and formatted; no HTML. */
export function reportView(report: Report, fingerprint: string): ReportView {
  // The fingerprint is printed as proof of the content: never print anything else there.
  if (!/^[0-9a-f]{64}$/.test(fingerprint))
    throw new TypeError('reportView: fingerprint must be 64 lowercase hex digits (SHA-256)');
  const gaps = report.gaps.map((g, i) => gapView(g, i + 1));
  return {
    title: `${report.org?.name ?? zh('guest.reportOrg')} ${zh('report.kicker')}`,
    org: report.org
      ? {
          name: report.org.name,
          creditCode: report.org.creditCode,
          region: report.org.region,
          industry: industryLabel(report.org.industry),
          size: sizeLabel(report.org.size),
        }
      : // A guest's report names no organisation.
        { name: zh('guest.reportOrg'), creditCode: '—', region: '—', industry: '—', size: '—' },
    submitted: formatInstantZh(report.submittedAt),
    submittedAt: report.submittedAt,
    checklistVersion: {
      id: report.checklistVersion.id,
      hash: report.checklistVersion.hash,
      label: `v${report.checklistVersion.id}（${report.checklistVersion.hash.slice(0, 12)}）`,
    },
    fingerprint,
    verifyPath: `/verify/${fingerprint}`,
    overall: countsView(report.overall.total, report.overall.counts, report.overall.complianceRate),
    domains: report.domains.map((d) => ({
      code: d.code,
      name: d.name,
      nameEn: d.nameEn,
      department: d.department,
      ...countsView(d.total, d.counts, d.complianceRate),
    })),
    gapCount: gaps.length,
    gapNonCompliant: gaps.filter((g) => g.status === 'non_compliant').length,
    gapUnsure: gaps.filter((g) => g.status === 'unsure').length,
    gaps,
    answerGroups: answerGroups(report),
    methodNotes: methodNotes(report),
    check: checkView(report),
  };
}
