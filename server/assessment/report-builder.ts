// Builds the immutable report of a submitted assessment from the checklist
// version it is pinned to and its answers. Pure: same inputs, same report.
import type { Catalogue } from '../catalogue/catalogue';
import type { Consequence, Item } from '../domain/checklist';
import { statusCarriesAction, type AnswerStatus } from '../domain/answer-status';
import type { CheckMode } from '../domain/check-mode';
import {
  REPORT_FORMAT,
  type DomainResult,
  type Report,
  type ReportGap,
  type ReportOrg,
  type ReportScene,
  type StatusCounts,
} from '../domain/report';

export interface AnswerRecord {
  readonly itemCode: string;
  readonly status: AnswerStatus;
  readonly note: string | null;
  readonly owner: string | null;
  readonly dueDate: string | null;
  readonly correctedOn: string | null;
}

export interface ReportInput {
  readonly assessmentId: string;
  readonly org: ReportOrg | null;
  readonly catalogue: Catalogue;
  readonly profileTags: readonly string[];
  readonly itemCodes: readonly string[];
  readonly answers: readonly AnswerRecord[];
  readonly startedAt: Date;
  readonly submittedAt: Date;
  readonly mode: CheckMode;
  readonly scene: ReportScene | null;
}

// How heavy a consequence is, for ordering gaps by risk.
const WEIGHT: Record<Consequence, number> = {
  criminal: 6,
  licence: 5,
  suspension: 4,
  detention: 4,
  confiscation: 3,
  fine: 2,
  credit: 2,
  civil: 1,
  warning: 1,
};

function consequencesOf(item: Item): Consequence[] {
  return [...new Set(item.penalty.flatMap((p) => p.consequences ?? []))].sort((a, b) => WEIGHT[b] - WEIGHT[a]);
}

function riskScore(item: Item): number {
  return (item.frequency === 'high' ? 100 : 0) + Math.max(0, ...consequencesOf(item).map((c) => WEIGHT[c]));
}

const emptyCounts = (): { -readonly [K in keyof StatusCounts]: number } => ({
  compliant: 0,
  non_compliant: 0,
  not_applicable: 0,
  unsure: 0,
});

function complianceRate(counts: StatusCounts): number | null {
  const relevant = counts.compliant + counts.non_compliant + counts.unsure;
  return relevant === 0 ? null : Math.round((counts.compliant / relevant) * 10000) / 10000;
}

export function buildReport(input: ReportInput): Report {
  const { catalogue } = input;
  const answers = new Map(input.answers.map((a) => [a.itemCode, a]));
  const included = new Set(input.itemCodes);
  const domains: DomainResult[] = [];
  const gaps: Array<ReportGap & { score: number }> = [];
  const all: Report['answers'][number][] = [];
  const overall = emptyCounts();
  const unchecked: string[] = [];

  for (const domain of catalogue.domains) {
    const items = domain.items.filter((i) => included.has(i.code));
    if (items.length === 0) continue;
    const counts = emptyCounts();
    let uncheckedHere = 0;
    for (const item of items) {
      const answer = answers.get(item.code);
      if (!answer) {
        // Left unanswered: reported as 未自查, counted in no status.
        unchecked.push(item.code);
        uncheckedHere += 1;
        continue;
      }
      counts[answer.status] += 1;
      overall[answer.status] += 1;
      all.push({ code: item.code, domain: domain.code, title: item.title, status: answer.status, note: answer.note });
      if (statusCarriesAction(answer.status)) {
        gaps.push({
          code: item.code,
          domain: domain.code,
          domainName: domain.name,
          title: item.title,
          question: item.question,
          status: answer.status,
          note: answer.note,
          high: item.frequency === 'high',
          illegal: item.illegal,
          basis: item.basis,
          penalty: item.penalty,
          consequences: consequencesOf(item),
          guidance: item.guidance,
          evidence: item.evidence,
          leniency: item.leniency.filter((l) => l.kind !== 'none'),
          cases: item.cases ?? [],
          action: { owner: answer.owner, dueDate: answer.dueDate, correctedOn: answer.correctedOn },
          reviewNeeded: item.reviewNeeded === true,
          score: riskScore(item) * 2 + (answer.status === 'non_compliant' ? 1 : 0),
        });
      }
    }
    domains.push({
      code: domain.code,
      name: domain.name,
      nameEn: domain.nameEn,
      department: domain.department,
      total: items.length - uncheckedHere,
      counts,
      unchecked: uncheckedHere,
      complianceRate: complianceRate(counts),
    });
  }
  gaps.sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
  return {
    format: REPORT_FORMAT,
    assessmentId: input.assessmentId,
    org: input.org,
    submittedAt: input.submittedAt.toISOString(),
    startedAt: input.startedAt.toISOString(),
    checklistVersion: { id: catalogue.version.id, hash: catalogue.version.hash },
    profileTags: [...input.profileTags].sort(),
    overall: { total: all.length, counts: overall, complianceRate: complianceRate(overall) },
    domains,

    gaps: gaps.map(({ score: _score, ...gap }) => gap),
    answers: all,
    mode: input.mode,
    scene: input.scene,
    coverage: { answered: all.length, total: all.length + unchecked.length },
    unchecked,
  };
}
