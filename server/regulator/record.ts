// Records a submitted assessment in the statistics tables, inside the submit
// transaction: either both the report and its statistics exist, or neither.
import { dateFormatter } from '../lib/dates';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { ANSWER_STATUSES, isAnswerStatus, type AnswerStatus } from '../domain/answer-status';
import type { CheckMode } from '../domain/check-mode';
import type { Report } from '../domain/report';
import type { Catalogue } from '../catalogue/catalogue';
import { tagMask } from './applicability';

/** First day of the month in China time, YYYY-MM-01 (submissions near midnight UTC fall in the local month). */
export function monthOf(date: Date): string {
  const parts = dateFormatter('en-CA', 'yearMonth').formatToParts(date);
  const y = parts.find((p) => p.type === 'year')?.value ?? '1970';
  const m = parts.find((p) => p.type === 'month')?.value ?? '01';
  return `${y}-${m}-01`;
}

export interface SubmissionFacts {
  readonly assessmentId: string;
  readonly orgId: string;
  readonly versionId: number;
  readonly submittedAt: Date;
  readonly region: string;
  readonly industry: string;
  readonly size: string;
  readonly tagMask: number;
  readonly shared: boolean;
  /** Quick or full check; a format-1 report was a full one. */
  readonly mode: CheckMode;
  /** Only answered items: a partial report's 未自查 items are in no figure. */
  readonly answers: ReadonlyArray<{ readonly code: string; readonly domain: string; readonly status: string }>;
}

function factsOfReport(assessmentId: string, orgId: string, catalogue: Catalogue, report: Report): SubmissionFacts {
  // A guest's report (访客) names no organisation and must never reach the figures.
  if (!report.org) throw new Error(`assessment ${assessmentId}: a guest's report is not recorded in the statistics`);
  return {
    assessmentId,
    orgId,
    versionId: report.checklistVersion.id,
    submittedAt: new Date(report.submittedAt),
    region: report.org.region,
    industry: report.org.industry,
    size: report.org.size,
    tagMask: tagMask(catalogue, report.profileTags),
    shared: false,
    mode: report.mode ?? 'full',
    answers: report.answers.map((a) => ({ code: a.code, domain: a.domain, status: a.status })),
  };
}

/** Inserts the submission rows (one multi-row statement) and lists organisations now under several profiles. */
export async function insertSubmissions(
  db: Kysely<Database> | Transaction<Database>,
  facts: readonly SubmissionFacts[],
): Promise<void> {
  if (facts.length === 0) return;
  const count = (f: SubmissionFacts, s: string): number => f.answers.filter((a) => a.status === s).length;
  await db
    .insertInto('stat_submissions')
    .values(
      facts.map((f) => ({
        assessment_id: f.assessmentId,
        org_id: f.orgId,
        version_id: f.versionId,
        submitted_at: f.submittedAt,
        month: monthOf(f.submittedAt),
        region: f.region,
        industry: f.industry,
        size: f.size,
        tag_mask: f.tagMask,
        shared: f.shared,
        mode: f.mode,
        compliant: count(f, 'compliant'),
        non_compliant: count(f, 'non_compliant'),
        not_applicable: count(f, 'not_applicable'),
        unsure: count(f, 'unsure'),
      })),
    )
    .execute();
  await sql`
    insert into stat_mixed_orgs (version_id, org_id)
    select s.version_id, s.org_id from stat_submissions s
    where (s.version_id, s.org_id) in (select * from unnest(${facts.map((f) => f.versionId)}::int[], ${facts.map((f) => f.orgId)}::uuid[]))
    group by s.version_id, s.org_id having count(distinct (s.region, s.industry, s.size)) > 1
    on conflict do nothing`.execute(db);
}

interface Cell {
  readonly key: readonly string[];
  readonly counts: Record<AnswerStatus, number>;
}

function tally(cells: Map<string, Cell>, key: readonly string[], status: string): void {
  const k = key.join('\u0000');
  let cell = cells.get(k);
  if (!cell) {
    cell = { key, counts: { compliant: 0, non_compliant: 0, not_applicable: 0, unsure: 0 } };
    cells.set(k, cell);
  }
  if (isAnswerStatus(status)) cell.counts[status] += 1;
}

const ADD = sql`compliant = t.compliant + excluded.compliant, non_compliant = t.non_compliant + excluded.non_compliant,
  not_applicable = t.not_applicable + excluded.not_applicable, unsure = t.unsure + excluded.unsure`;

/** Upserts pre-tallied cells in chunks: one statement per 5,000 cells, whatever the number of answers. */
async function upsertCells(
  db: Kysely<Database> | Transaction<Database>,
  table: 'stat_item_cells' | 'stat_domain_cells' | 'stat_item_months',
  cells: Map<string, Cell>,
): Promise<void> {
  const all = [...cells.values()];
  const keyCols =
    table === 'stat_item_months'
      ? ['version_id', 'month', 'item_code']
      : [
          'version_id',
          'month',
          'region',
          'industry',
          'size',
          table === 'stat_item_cells' ? 'item_code' : 'domain_code',
        ];
  for (let i = 0; i < all.length; i += 5000) {
    const part = all.slice(i, i + 5000);
    const keyArrays = keyCols.map((col, j) => {
      const values = part.map((c) => c.key[j]);
      if (col === 'version_id') return sql`${values.map(Number)}::int[]`;
      if (col === 'month') return sql`${values}::date[]`;
      return sql`${values}::text[]`;
    });
    const countArrays = ANSWER_STATUSES.map((s) => sql`${part.map((c) => c.counts[s])}::int[]`);
    const cols = sql.join([...keyCols, ...ANSWER_STATUSES].map((c) => sql.ref(c)));
    await sql`
      insert into ${sql.table(table)} as t (${cols})
      select * from unnest(${sql.join([...keyArrays, ...countArrays])})
      on conflict (${sql.join(keyCols.map((c) => sql.ref(c)))}) do update set ${ADD}`.execute(db);
  }
}

/**
 * Adds the answers of the given submissions to the cells, tallied here from the
 * facts (the report's answers): no statement reads the answers table, so the
 * cost of a submission does not grow with the number of stored answers.
 */
export async function addToCells(
  db: Kysely<Database> | Transaction<Database>,
  facts: readonly SubmissionFacts[],
): Promise<void> {
  const items = new Map<string, Cell>();
  const domains = new Map<string, Cell>();
  const months = new Map<string, Cell>();
  for (const f of facts) {
    const month = monthOf(f.submittedAt);
    const base = [String(f.versionId), month, f.region, f.industry, f.size];
    for (const a of f.answers) {
      tally(items, [...base, a.code], a.status);
      tally(domains, [...base, a.domain], a.status);
      tally(months, [String(f.versionId), month, a.code], a.status);
    }
  }
  await upsertCells(db, 'stat_item_cells', items);
  await upsertCells(db, 'stat_domain_cells', domains);
  await upsertCells(db, 'stat_item_months', months);
}

export function itemDomainMap(catalogue: Catalogue): Map<string, string> {
  return new Map(catalogue.domains.flatMap((d) => d.items.map((i) => [i.code, d.code] as const)));
}

/** Called from AssessmentService.submit inside its transaction. */
export async function recordSubmission(
  tx: Transaction<Database>,
  assessmentId: string,
  orgId: string,
  catalogue: Catalogue,
  report: Report,
): Promise<void> {
  // Two submissions of one organisation at once must see each other's profile (stat_mixed_orgs).
  await sql`select pg_advisory_xact_lock(hashtextextended(${`stat-org:${orgId}`}, 0))`.execute(tx);
  const facts = [factsOfReport(assessmentId, orgId, catalogue, report)];
  await insertSubmissions(tx, facts);
  await addToCells(tx, facts);
  await bumpGeneration(tx);
}

/** Invalidates cached dashboard figures on every instance (they compare the generation). */
export async function bumpGeneration(db: Kysely<Database> | Transaction<Database>): Promise<void> {
  await sql`update stat_generation set generation = generation + 1 where id = 1`.execute(db);
}

/** Called from AssessmentService.setSharing: only shared reports are listed or exported. */
export async function recordSharing(tx: Transaction<Database>, assessmentId: string, shared: boolean): Promise<void> {
  await tx.updateTable('stat_submissions').set({ shared }).where('assessment_id', '=', assessmentId).execute();
  await bumpGeneration(tx);
}
