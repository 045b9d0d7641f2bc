// The submitted report: a plain JSON document. Its canonical JSON (RFC 8785)
// hashed with SHA-256 is the fingerprint printed on every format, so nothing in
// it may depend on how or when it is rendered.
// It sits on the ground floor because the database stores it (db/schema.ts)
// and regulators read what companies submit.
import type { ActionStatus, AnswerStatus } from './answer-status';
import type { Case, Citation, Consequence, Leniency, PenaltyCitation } from './checklist';
import type { CheckMode } from './check-mode';
import type { OrgSize } from './organisation';

export interface ReportOrg {
  readonly name: string;
  readonly creditCode: string;
  readonly region: string;
  /** 国民经济行业分类 门类 letter A–T. */
  readonly industry: string;
  readonly size: OrgSize;
}

export type StatusCounts = { readonly [S in AnswerStatus]: number };

export interface DomainResult {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly department: string;
  /** Items answered in this domain (what counts sums to). */
  readonly total: number;
  readonly counts: StatusCounts;
  /** Format 2: items of the check left unanswered in this domain (未自查). */
  readonly unchecked?: number;
  /** compliant / (total − not_applicable), rounded to 4 decimals; null when every item is not applicable. */
  readonly complianceRate: number | null;
}

export interface ReportAction {
  readonly owner: string | null;
  /** YYYY-MM-DD */
  readonly dueDate: string | null;
  readonly correctedOn: string | null;
}

/** One item the company answered 不符合 or 不确定, with everything it needs to act. */
export interface ReportGap {
  readonly code: string;
  readonly domain: string;
  readonly domainName: string;
  readonly title: string;
  readonly question: string;
  readonly status: ActionStatus;
  readonly note: string | null;
  readonly high: boolean;
  readonly illegal: string;
  readonly basis: readonly Citation[];
  readonly penalty: readonly PenaltyCitation[];
  readonly consequences: readonly Consequence[];
  readonly guidance: readonly string[];
  readonly evidence: readonly string[];
  /** Only the rules that can relieve a penalty (kind ≠ none). */
  readonly leniency: readonly Leniency[];
  readonly cases: readonly Case[];
  readonly action: ReportAction;
  readonly reviewNeeded: boolean;
}

export interface ReportAnswer {
  readonly code: string;
  readonly domain: string;
  readonly title: string;
  readonly status: AnswerStatus;
  readonly note: string | null;
}

/** The trade scene a quick check started from. */
export interface ReportScene {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
}

export interface ReportCoverage {
  /** Items of the check with an answer. */
  readonly answered: number;
  /** Items of the check (all of them apply to the profile). */
  readonly total: number;
}

/**
 * Format 1: every item of the check answered, no mode. Format 2 (quick checks,
 * partial submission) adds mode, scene, coverage and the unchecked codes; a
 * stored report keeps its format, so old reports still verify.
 */
export const REPORT_FORMAT = 'hegui-report/2';

export interface Report {
  readonly format: 'hegui-report/1' | typeof REPORT_FORMAT;
  readonly assessmentId: string;
  /** Null on a guest's report (访客): it names no organisation. */
  readonly org: ReportOrg | null;
  /** ISO 8601 UTC, e.g. 2026-11-27T08:00:00.000Z */
  readonly submittedAt: string;
  readonly startedAt: string;
  readonly checklistVersion: { readonly id: number; readonly hash: string };
  readonly profileTags: readonly string[];
  readonly overall: { readonly total: number; readonly counts: StatusCounts; readonly complianceRate: number | null };
  readonly domains: readonly DomainResult[];
  /** Ordered by risk: high-frequency first, then heavier consequences, 不符合 before 不确定, then code. */
  readonly gaps: readonly ReportGap[];
  readonly answers: readonly ReportAnswer[];
  readonly mode?: CheckMode;
  readonly scene?: ReportScene | null;
  readonly coverage?: ReportCoverage;
  /** Codes of the items of the check left unanswered (未自查), in checklist order. */
  readonly unchecked?: readonly string[];
}

/** Coverage of any report: a format-1 report answered every item of its check. */
export function coverageOf(report: {
  readonly coverage?: ReportCoverage | null;
  readonly overall: Pick<Report['overall'], 'total'>;
}): ReportCoverage {
  return report.coverage ?? { answered: report.overall.total, total: report.overall.total };
}
