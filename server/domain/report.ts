// The submitted report: a plain JSON document. Its canonical JSON (RFC 8785)
// hashed with SHA-256 is the fingerprint printed on every format, so nothing in
// it may depend on how or when it is rendered.
// It sits on the ground floor because the database stores it (db/schema.ts)
// and regulators read what companies submit.
import type { ActionStatus, AnswerStatus } from './answer-status';
import type { Case, Citation, Consequence, Leniency, PenaltyCitation } from './checklist';
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
  readonly total: number;
  readonly counts: StatusCounts;
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

export interface Report {
  readonly format: 'hegui-report/1';
  readonly assessmentId: string;
  readonly org: ReportOrg;
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
}
