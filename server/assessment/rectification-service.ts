// The rectification ledger (整改台账): each 不符合 / 不确定 item of a submitted
// report becomes an action kept beside the report. The report row is only read,
// never written, so its bytes and fingerprint stay what was submitted. Every
// change of an action is an audit event naming who made it.
import { sql, type Kysely } from 'kysely';
import type { Database, RectificationStatus } from '../../db/schema';
import type { AppendAudit } from '../domain/audit-event';
import type { Report } from '../domain/report';
import { badRequest, conflict, fieldError, notFound, type HttpError } from '../http/errors';

export const RECTIFICATION_STATUSES = [
  'open',
  'in_progress',
  'done',
  'not_needed',
] as const satisfies readonly RectificationStatus[];

export interface RectificationAction {
  readonly id: string;
  readonly assessmentId: string;
  readonly itemCode: string;
  /** The answer in the report: 不符合 (non_compliant) or 不确定 (unsure). */
  readonly answer: 'non_compliant' | 'unsure';
  readonly title: string;
  readonly domainName: string;
  readonly status: RectificationStatus;
  readonly owner: string | null;
  readonly dueDate: string | null;
  readonly correctedOn: string | null;
  readonly note: string | null;
  readonly updatedAt: string;
  readonly updatedBy: string | null;
}

export interface ActionPatch {
  readonly status?: RectificationStatus;
  readonly owner?: string | null;
  readonly dueDate?: string | null;
  readonly correctedOn?: string | null;
  readonly note?: string | null;
}

const isUuid = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
const missingAssessment = (): HttpError => notFound('assess.error.notFound');
const missingAction = (): HttpError => notFound('rect.error.notFound');

interface ActionRow {
  id: string;
  assessment_id: string;
  item_code: string;
  answer: 'non_compliant' | 'unsure';
  status: RectificationStatus;
  owner: string | null;
  due_date: string | null;
  corrected_on: string | null;
  note: string | null;
  updated_at: Date;
  updated_by: string | null;
}

const COLUMNS = [
  'id',
  'assessment_id',
  'item_code',
  'answer',
  'status',
  'owner',
  sql<string | null>`due_date::text`.as('due_date'),
  sql<string | null>`corrected_on::text`.as('corrected_on'),
  'note',
  'updated_at',
  'updated_by',
] as const;

function toAction(row: ActionRow, report: Report | null): RectificationAction {
  const gap = report?.gaps.find((g) => g.code === row.item_code);
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    itemCode: row.item_code,
    answer: row.answer,
    title: gap?.title ?? row.item_code,
    domainName: gap?.domainName ?? '',
    status: row.status,
    owner: row.owner,
    dueDate: row.due_date,
    correctedOn: row.corrected_on,
    note: row.note,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
  };
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused). */
function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export class RectificationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly appendAudit: AppendAudit,
  ) {}

  /** The actions of a submitted report of the organisation, made from its gaps the first time they are asked for. */
  async list(orgId: string, assessmentId: string): Promise<RectificationAction[]> {
    if (!isUuid(assessmentId)) throw missingAssessment();
    const assessment = await this.db
      .selectFrom('assessments')
      .select(['status', 'report'])
      .where('id', '=', assessmentId)
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    if (!assessment) throw missingAssessment();
    if (assessment.status !== 'submitted' || !assessment.report) throw conflict('rect.error.notSubmitted');
    const report = assessment.report;
    if (report.gaps.length > 0) {
      await this.db
        .insertInto('rectification_actions')
        .values(
          report.gaps.map((g, position) => ({
            assessment_id: assessmentId,
            org_id: orgId,
            item_code: g.code,
            answer: g.status,
            position,
            owner: g.action.owner,
            due_date: g.action.dueDate,
            corrected_on: g.action.correctedOn,
            note: null,
            updated_by: null,
          })),
        )
        .onConflict((oc) => oc.columns(['assessment_id', 'item_code']).doNothing())
        .execute();
    }
    const rows = await this.db
      .selectFrom('rectification_actions')
      .select(COLUMNS)
      .where('assessment_id', '=', assessmentId)
      .where('org_id', '=', orgId)
      .orderBy('position')
      .execute();
    return rows.map((r) => toAction(r, report));
  }

  /** One action of the organisation; another organisation's is not found. */
  async get(orgId: string, actionId: string): Promise<RectificationAction> {
    if (!isUuid(actionId)) throw missingAction();
    const row = await this.db
      .selectFrom('rectification_actions as a')
      .innerJoin('assessments as s', 's.id', 'a.assessment_id')
      .select([
        'a.id',
        'a.assessment_id',
        'a.item_code',
        'a.answer',
        'a.status',
        'a.owner',
        sql<string | null>`a.due_date::text`.as('due_date'),
        sql<string | null>`a.corrected_on::text`.as('corrected_on'),
        'a.note',
        'a.updated_at',
        'a.updated_by',
        's.report',
      ])
      .where('a.id', '=', actionId)
      .where('a.org_id', '=', orgId)
      .executeTakeFirst();
    if (!row) throw missingAction();
    return toAction(row, row.report);
  }

  /** Changes an action; every field that changes is written to the audit log with who changed it. */
  async update(orgId: string, userId: string, actionId: string, patch: ActionPatch): Promise<RectificationAction> {
    if (!isUuid(actionId)) throw missingAction();
    const errors = [];
    if (patch.dueDate && !isCalendarDate(patch.dueDate)) errors.push(fieldError('dueDate', 'rect.error.date'));
    if (patch.correctedOn && !isCalendarDate(patch.correctedOn))
      errors.push(fieldError('correctedOn', 'rect.error.date'));
    if (errors.length > 0) throw badRequest('rect.error.invalid', {}, errors);
    await this.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('rectification_actions as a')
        .innerJoin('assessments as s', 's.id', 'a.assessment_id')
        .select([
          'a.id',
          'a.assessment_id',
          'a.item_code',
          'a.status',
          'a.owner',
          sql<string | null>`a.due_date::text`.as('due_date'),
          sql<string | null>`a.corrected_on::text`.as('corrected_on'),
          'a.note',
          's.status as assessment_status',
        ])
        .where('a.id', '=', actionId)
        .where('a.org_id', '=', orgId)
        .forUpdate('a')
        .executeTakeFirst();
      if (!row) throw missingAction();
      // Only a report that still stands can be worked on (a report no longer submitted is withdrawn).
      if (row.assessment_status !== 'submitted') throw conflict('rect.error.withdrawn');
      const next = {
        status: patch.status ?? row.status,
        owner: patch.owner === undefined ? row.owner : emptyToNull(patch.owner),
        due_date: patch.dueDate === undefined ? row.due_date : emptyToNull(patch.dueDate),
        corrected_on: patch.correctedOn === undefined ? row.corrected_on : emptyToNull(patch.correctedOn),
        note: patch.note === undefined ? row.note : emptyToNull(patch.note),
      };
      if (next.status === 'not_needed' && !next.note)
        throw badRequest('rect.error.invalid', {}, [fieldError('note', 'rect.error.reasonNeeded')]);
      const changes: Record<string, { from: string | null; to: string | null }> = {};
      for (const [column, name] of [
        ['status', 'status'],
        ['owner', 'owner'],
        ['due_date', 'dueDate'],
        ['corrected_on', 'correctedOn'],
        ['note', 'note'],
      ] as const) {
        if (row[column] !== next[column]) changes[name] = { from: row[column], to: next[column] };
      }
      if (Object.keys(changes).length === 0) return;
      await tx
        .updateTable('rectification_actions')
        .set({ ...next, updated_at: new Date(), updated_by: userId })
        .where('id', '=', actionId)
        .execute();
      await this.appendAudit(tx, {
        actor: userId,
        action: 'action.update',
        subject: `action:${actionId}`,
        payload: { assessmentId: row.assessment_id, itemCode: row.item_code, changes },
      });
    });
    return this.get(orgId, actionId);
  }
}

const emptyToNull = (v: string | null): string | null => (v === null || v.trim() === '' ? null : v.trim());
