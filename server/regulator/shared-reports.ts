// Individual reports, listed only when the firm has shared them (stat_submissions.shared).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { CheckMode } from '../domain/check-mode';
import type { Report } from '../domain/report';
import { notFound } from '../http/errors';
import type { StatsFilters } from './filters';
import { rate } from './stats';

export interface SharedReportEntry {
  readonly id: string;
  readonly organisation: string;
  readonly creditCode: string;
  readonly region: string;
  readonly industry: string;
  readonly size: string;
  readonly submittedAt: Date;
  readonly fingerprint: string | null;
  readonly complianceRate: number | null;
  readonly nonCompliant: number;
  /** A quick check (a trade's short list) or a full one. */
  readonly mode: CheckMode;
}

export const PAGE_SIZE = 50;

export async function listSharedReports(
  db: Kysely<Database>,
  f: StatsFilters,
  page: number,
  mode?: CheckMode,
): Promise<{ total: number; entries: SharedReportEntry[] }> {
  let q = db
    .selectFrom('stat_submissions as s')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .innerJoin('assessments as a', 'a.id', 's.assessment_id')
    .where('s.shared', '=', true)
    .where('s.version_id', '=', f.version);
  if (f.from) q = q.where('s.month', '>=', `${f.from}-01`);
  if (f.to) q = q.where('s.month', '<=', `${f.to}-01`);
  if (f.region) q = q.where('s.region', '=', f.region);
  if (f.industry) q = q.where('s.industry', '=', f.industry);
  if (f.size) q = q.where('s.size', '=', f.size);
  if (mode) q = q.where('s.mode', '=', mode);
  const [count, rows] = await Promise.all([
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    q
      .select([
        's.assessment_id',
        'o.name',
        'o.credit_code',
        's.region',
        's.industry',
        's.size',
        's.submitted_at',
        'a.fingerprint',
        's.compliant',
        's.non_compliant',
        's.not_applicable',
        's.unsure',
        's.mode',
      ])
      .orderBy('s.submitted_at', 'desc')
      .orderBy('s.assessment_id')
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
      .execute(),
  ]);
  return {
    total: count.n,
    entries: rows.map((r) => ({
      id: r.assessment_id,
      organisation: r.name,
      creditCode: r.credit_code,
      region: r.region,
      industry: r.industry,
      size: r.size,
      submittedAt: r.submitted_at,
      fingerprint: r.fingerprint,
      complianceRate: rate(r),
      nonCompliant: r.non_compliant,
      mode: r.mode,
    })),
  };
}

/** A shared report; an unshared or unknown one is "not found", revealing nothing. */
export async function sharedReport(db: Kysely<Database>, id: string): Promise<{ report: Report; fingerprint: string }> {
  const missing = notFound('reg.error.noSharedReport');
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw missing;
  const row = await db
    .selectFrom('assessments as a')
    .innerJoin('stat_submissions as s', 's.assessment_id', 'a.id')
    .select(['a.report', 'a.fingerprint'])
    .where('a.id', '=', id)
    .where('a.shared', '=', true)
    .where('a.status', '=', 'submitted')
    .executeTakeFirst();
  if (!row?.report || !row.fingerprint) throw missing;
  return { report: row.report, fingerprint: row.fingerprint };
}
