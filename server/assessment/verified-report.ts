import type { CheckMode } from '../domain/check-mode';
import type { ReportCoverage } from '../domain/report';

// What a public verification tells a stranger about a matching report: enough
// to see it belongs to the firm in front of them, not its whole credit code.

export interface VerifiedReport {
  readonly submittedAt: Date;
  readonly checklistVersion: number;
  /** Null for a guest's report (访客), which names no organisation. */
  readonly org: { readonly name: string; readonly creditCode: string } | null;
  readonly mode: CheckMode;
  readonly coverage: ReportCoverage;
}

/** 91320594MA1XY2K3LN → 9132**********K3LN: the issuing region stays readable, the subject code does not. */
export function maskCreditCode(code: string): string {
  if (code.length <= 8) return '*'.repeat(code.length);
  return `${code.slice(0, 4)}${'*'.repeat(code.length - 8)}${code.slice(-4)}`;
}
