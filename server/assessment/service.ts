// Assessments: create from a profile, save answers, submit (immutable, pinned to
// its checklist version, fingerprinted), share, copy, move to a newer version.
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { PREPARED } from '../../db/prepared';
import type { Database } from '../../db/schema';
import type { AppendAudit } from '../domain/audit-event';
import type { AuthOrg } from '../domain/actor';
import type { Catalogue } from '../catalogue/catalogue';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import { badRequest, conflict, fieldError, HttpError, notFound } from '../http/errors';
import { checkActionRule, strayActionFields, type AnswerInput } from './answer-schema';
import { fingerprintOf } from './fingerprint';
import { buildReport, type AnswerRecord } from './report-builder';
import type { SubmissionRecorder } from './submission-recorder';
import type { AnswerStatus } from '../domain/answer-status';
import type { Report } from '../domain/report';
import { maskCreditCode, type VerifiedReport } from './verified-report';

export interface Progress {
  readonly answered: number;
  readonly total: number;
}

export interface AssessmentSummary {
  readonly id: string;
  readonly status: 'draft' | 'submitted';
  readonly versionId: number;
  readonly profileTags: readonly string[];
  readonly items: readonly string[];
  readonly progress: Progress;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly submittedAt: Date | null;
  readonly fingerprint: string | null;
  readonly shared: boolean;
}

export interface AssessmentDetail extends AssessmentSummary {
  readonly answers: Readonly<Partial<Record<string, AnswerRecord>>>;
}

const missing = (): HttpError => notFound('assess.error.notFound');
const submittedConflict = (): HttpError => conflict('assess.error.submitted');

/** Items that apply to a profile: those without appliesTo, and those sharing a tag with it. */
export function applicableItems(catalogue: Catalogue, tags: readonly string[]): string[] {
  const set = new Set(tags);
  return catalogue.domains.flatMap((d) =>
    d.items.filter((i) => !i.appliesTo || i.appliesTo.some((t) => set.has(t))).map((i) => i.code),
  );
}

export function unknownTags(catalogue: Catalogue, tags: readonly string[]): string[] {
  const known = new Set(catalogue.profile.map((q) => q.tag));
  return tags.filter((t) => !known.has(t));
}

const isUuid = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

function answerRecord(row: AnswerRow): AnswerRecord {
  return {
    itemCode: row.item_code,
    status: row.status,
    note: row.note,
    owner: row.owner,
    dueDate: row.due_date,
    correctedOn: row.corrected_on,
  };
}

type AnswerRow = {
  item_code: string;
  status: AnswerStatus;
  note: string | null;
  owner: string | null;
  due_date: string | null;
  corrected_on: string | null;
};

/**
 * The answer upsert, written out once (it runs on every answer given, as a
 * named prepared statement): $1, $2 identify the writer (see the two `writer`
 * queries below), $3 the assessment, $4 the item, $5–$9 the answer. It writes
 * only if the writer's organisation owns a draft that includes the item.
 */
const upsertAnswerSql = (writer: string): string => `${PREPARED}
  with writer as (${writer}),
  target as (
    select a.id, writer.user_id from assessments a join writer on a.org_id = writer.org_id
    where a.id = $3::uuid and a.status = 'draft' and a.item_codes ? $4
    for share of a
  )
  insert into answers (assessment_id, item_code, status, note, owner, due_date, corrected_on, updated_at, updated_by)
  select target.id, $4, $5, $6, $7, $8::date, $9::date, now(), target.user_id
  from target
  on conflict (assessment_id, item_code) do update set
    status = excluded.status, note = excluded.note, owner = excluded.owner, due_date = excluded.due_date,
    corrected_on = excluded.corrected_on, updated_at = excluded.updated_at, updated_by = excluded.updated_by
  returning item_code, status, note, owner, due_date::text as due_date, corrected_on::text as corrected_on`;
/** A member already authenticated: $1 organisation, $2 user. */
const SAVE_AS_MEMBER = upsertAnswerSql('select $1::uuid as org_id, $2::uuid as user_id');
/** A session to check in the same statement: $1 SHA-256 of the cookie token, $2 the CSRF token sent. */
const SAVE_AS_SESSION =
  upsertAnswerSql(`select u.org_id, u.id as user_id from sessions s join users u on u.id = s.user_id
    where s.token_hash = $1 and s.csrf_token = $2 and s.expires_at > now() and u.role = 'company' and u.org_id is not null`);

export class AssessmentService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly catalogues: CatalogueStore,
    /** The regulators' statistics, told of every submission and sharing change. */
    private readonly statistics: SubmissionRecorder,
    /** The audit log's writer: submissions and sharing changes are recorded in it. */
    private readonly appendAudit: AppendAudit,
  ) {}

  async create(orgId: string, userId: string, tags: readonly string[], copyFrom?: string): Promise<AssessmentSummary> {
    const catalogue = this.catalogues.current();
    const unknown = unknownTags(catalogue, tags);
    if (unknown.length > 0)
      throw badRequest(
        'assess.error.unknownTags',
        { tags: unknown.join(', ') },
        unknown.map((t) => fieldError('profile.tags', 'assess.error.unknownTag', { tag: t })),
      );
    const profileTags = [...new Set(tags)].sort();
    const items = applicableItems(catalogue, profileTags);
    const id = await this.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('assessments')
        .values({
          org_id: orgId,
          version_id: catalogue.version.id,
          status: 'draft',
          profile_tags: JSON.stringify(profileTags),
          item_codes: JSON.stringify(items),
          created_by: userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (copyFrom) {
        const source = await tx
          .selectFrom('assessments')
          .select('id')
          .where('id', '=', copyFrom)
          .where('org_id', '=', orgId)
          .executeTakeFirst();
        if (!source) throw missing();
        // Carry answers over for items that still apply (a re-check starts from the last answers).
        await sql`
          insert into answers (assessment_id, item_code, status, note, owner, due_date, corrected_on, updated_by)
          select ${row.id}::uuid, a.item_code, a.status, a.note, a.owner, a.due_date, a.corrected_on, ${userId}::uuid
          from answers a where a.assessment_id = ${copyFrom}::uuid and a.item_code in (select jsonb_array_elements_text(${JSON.stringify(items)}::jsonb))
        `.execute(tx);
      }
      await this.appendAudit(tx, {
        actor: userId,
        action: 'assessment.create',
        subject: `assessment:${row.id}`,
        payload: { versionId: catalogue.version.id, tags: profileTags, copyFrom: copyFrom ?? null },
      });
      return row.id;
    });
    return this.summary(orgId, id);
  }

  async list(orgId: string): Promise<AssessmentSummary[]> {
    const rows = await this.db
      .selectFrom('assessments as a')
      .select([
        'a.id',
        'a.status',
        'a.version_id',
        'a.profile_tags',
        'a.item_codes',
        'a.created_at',
        'a.updated_at',
        'a.submitted_at',
        'a.fingerprint',
        'a.shared',
      ])
      .select((eb) =>
        eb
          .selectFrom('answers')
          .whereRef('answers.assessment_id', '=', 'a.id')
          .select((e) => e.fn.countAll<string>().as('n'))
          .as('answered'),
      )
      .where('a.org_id', '=', orgId)
      .orderBy('a.created_at', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      versionId: r.version_id,
      profileTags: r.profile_tags,
      items: r.item_codes,
      progress: { answered: Number(r.answered ?? 0), total: r.item_codes.length },
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      submittedAt: r.submitted_at,
      fingerprint: r.fingerprint,
      shared: r.shared,
    }));
  }

  async summary(orgId: string, id: string): Promise<AssessmentSummary> {
    const { answers: _answers, ...rest } = await this.get(orgId, id);
    return rest;
  }

  /** Another organisation's assessment is "not found": its existence is not revealed. */
  async get(orgId: string, id: string): Promise<AssessmentDetail> {
    if (!isUuid(id)) throw missing();
    const row = await this.db
      .selectFrom('assessments')
      .selectAll()
      .where('id', '=', id)
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    if (!row) throw missing();
    const answers = await this.db
      .selectFrom('answers')
      .select([
        'item_code',
        'status',
        'note',
        'owner',
        sql<string | null>`due_date::text`.as('due_date'),
        sql<string | null>`corrected_on::text`.as('corrected_on'),
      ])
      .where('assessment_id', '=', id)
      .execute();
    const included = new Set(row.item_codes);
    const byCode: Record<string, AnswerRecord> = {};
    for (const a of answers) if (included.has(a.item_code)) byCode[a.item_code] = answerRecord(a);
    return {
      id: row.id,
      status: row.status,
      versionId: row.version_id,
      profileTags: row.profile_tags,
      items: row.item_codes,
      progress: { answered: Object.keys(byCode).length, total: row.item_codes.length },
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      submittedAt: row.submitted_at,
      fingerprint: row.fingerprint,
      shared: row.shared,
      answers: byCode,
    };
  }

  /**
   * Idempotent upsert in one statement. The assessment row is locked FOR SHARE,
   * so a save cannot slip in while a submit (FOR UPDATE) is freezing the answers.
   */
  async saveAnswer(
    orgId: string,
    userId: string,
    id: string,
    itemCode: string,
    input: AnswerInput,
  ): Promise<AnswerRecord> {
    if (!isUuid(id)) throw missing();
    checkActionRule(input);
    const saved = await this.upsertAnswer(SAVE_AS_MEMBER, [orgId, userId], id, itemCode, input);
    if (saved) return saved;
    // Nothing written: find out why (rare path).
    const assessment = await this.db
      .selectFrom('assessments')
      .select(['status', 'item_codes'])
      .where('id', '=', id)
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    if (!assessment) throw missing();
    if (assessment.status !== 'draft') throw submittedConflict();
    throw notFound('assess.error.itemNotInAssessment', { code: itemCode });
  }

  /**
   * The same save for the answer API's hot path: the session (unexpired, with
   * this CSRF token, a company user) is checked inside the same statement, so a
   * save costs one round trip. Undefined when nothing was written, for whatever
   * reason; the caller then takes the general route, which says why.
   */
  async saveAnswerForSession(
    sessionHash: string,
    csrfToken: string,
    id: string,
    itemCode: string,
    input: AnswerInput,
  ): Promise<AnswerRecord | undefined> {
    // An answer this path may not store goes on to the general route, which answers 400.
    if (!isUuid(id) || strayActionFields(input).length > 0) return undefined;
    return this.upsertAnswer(SAVE_AS_SESSION, [sessionHash, csrfToken], id, itemCode, input);
  }

  private async upsertAnswer(
    statement: string,
    writer: readonly [string, string],
    id: string,
    itemCode: string,
    input: AnswerInput,
  ): Promise<AnswerRecord | undefined> {
    const result = await this.db.executeQuery<AnswerRow>(
      CompiledQuery.raw(statement, [
        ...writer,
        id,
        itemCode,
        input.status,
        input.note ?? null,
        input.owner ?? null,
        input.dueDate ?? null,
        input.correctedOn ?? null,
      ]),
    );
    const row = result.rows.at(0);
    return row ? answerRecord(row) : undefined;
  }

  async submit(
    orgId: string,
    userId: string,
    id: string,
    org: AuthOrg,
  ): Promise<{ fingerprint: string; submittedAt: Date; report: Report }> {
    if (!isUuid(id)) throw missing();
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('assessments')
        .selectAll()
        .where('id', '=', id)
        .where('org_id', '=', orgId)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw missing();
      if (row.status !== 'draft') throw submittedConflict();
      const answers = await tx
        .selectFrom('answers')
        .select([
          'item_code',
          'status',
          'note',
          'owner',
          sql<string | null>`due_date::text`.as('due_date'),
          sql<string | null>`corrected_on::text`.as('corrected_on'),
        ])
        .where('assessment_id', '=', id)
        .execute();
      const answered = new Set(answers.map((a) => a.item_code));
      const unanswered = row.item_codes.filter((c) => !answered.has(c));
      if (unanswered.length > 0) {
        throw conflict(
          'assess.error.unanswered',
          { n: unanswered.length },
          unanswered.map((c) => fieldError(c, 'assess.error.notAnswered')),
        );
      }
      const catalogue = await this.catalogues.version(row.version_id);
      if (!catalogue) throw new Error(`checklist version ${row.version_id} is missing`);
      const submittedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
      const report = buildReport({
        assessmentId: id,
        org: { name: org.name, creditCode: org.creditCode, region: org.region, industry: org.industry, size: org.size },
        catalogue,
        profileTags: row.profile_tags,
        itemCodes: row.item_codes,
        answers: answers.map(answerRecord),
        startedAt: row.created_at,
        submittedAt,
      });
      const fingerprint = fingerprintOf(report);
      await tx
        .updateTable('assessments')
        .set({
          status: 'submitted',
          submitted_at: submittedAt,
          updated_at: submittedAt,
          fingerprint,
          report: JSON.stringify(report),
        })
        .where('id', '=', id)
        .execute();
      await this.statistics.submitted(tx, id, orgId, catalogue, report);
      await this.appendAudit(tx, {
        actor: userId,
        action: 'assessment.submit',
        subject: `assessment:${id}`,
        payload: { fingerprint, versionId: row.version_id },
      });
      return { fingerprint, submittedAt, report };
    });
  }

  async report(orgId: string, id: string): Promise<{ report: Report; fingerprint: string; shared: boolean }> {
    if (!isUuid(id)) throw missing();
    const row = await this.db
      .selectFrom('assessments')
      .select(['status', 'report', 'fingerprint', 'shared'])
      .where('id', '=', id)
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    if (!row) throw missing();
    if (row.status !== 'submitted' || !row.report || !row.fingerprint) throw conflict('assess.error.noReportYet');
    return { report: row.report, fingerprint: row.fingerprint, shared: row.shared };
  }

  async setSharing(orgId: string, userId: string, id: string, shared: boolean): Promise<{ shared: boolean }> {
    if (!isUuid(id)) throw missing();
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .updateTable('assessments')
        .set({ shared })
        .where('id', '=', id)
        .where('org_id', '=', orgId)
        .where('status', '=', 'submitted')
        .returning('shared')
        .executeTakeFirst();
      if (!row) {
        const exists = await tx
          .selectFrom('assessments')
          .select('status')
          .where('id', '=', id)
          .where('org_id', '=', orgId)
          .executeTakeFirst();
        if (!exists) throw missing();
        throw conflict('assess.error.shareSubmittedOnly');
      }
      await this.statistics.sharingChanged(tx, id, shared);
      await this.appendAudit(tx, {
        actor: userId,
        action: shared ? 'report.share' : 'report.unshare',
        subject: `assessment:${id}`,
      });
      return { shared: row.shared };
    });
  }

  /** Moves a draft to the current checklist version; answers stay for codes that still apply. */
  async moveToCurrent(
    orgId: string,
    userId: string,
    id: string,
  ): Promise<{ added: string[]; removed: string[]; versionId: number }> {
    if (!isUuid(id)) throw missing();
    const catalogue = this.catalogues.current();
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('assessments')
        .select(['status', 'item_codes', 'profile_tags', 'version_id'])
        .where('id', '=', id)
        .where('org_id', '=', orgId)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw missing();
      if (row.status !== 'draft') throw submittedConflict();
      const known = new Set(catalogue.profile.map((q) => q.tag));
      const tags = row.profile_tags.filter((t) => known.has(t));
      const next = applicableItems(catalogue, tags);
      const before = new Set(row.item_codes);
      const after = new Set(next);
      const added = next.filter((c) => !before.has(c));
      const removed = row.item_codes.filter((c) => !after.has(c));
      if (removed.length > 0)
        await tx.deleteFrom('answers').where('assessment_id', '=', id).where('item_code', 'in', removed).execute();
      await tx
        .updateTable('assessments')
        .set({
          version_id: catalogue.version.id,
          item_codes: JSON.stringify(next),
          profile_tags: JSON.stringify(tags),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
      await this.appendAudit(tx, {
        actor: userId,
        action: 'assessment.move-version',
        subject: `assessment:${id}`,
        payload: { from: row.version_id, to: catalogue.version.id, added, removed },
      });
      return { added, removed, versionId: catalogue.version.id };
    });
  }

  /**
   * Public check of a fingerprint: whether it matches a submitted report, when
   * it was submitted and whose it is, read from the stored report (never from
   * what was uploaded), the credit code masked.
   */
  async verify(fingerprint: string): Promise<VerifiedReport | undefined> {
    if (!/^[0-9a-f]{64}$/.test(fingerprint)) return undefined;
    const row = await this.db
      .selectFrom('assessments')
      .select([
        'submitted_at',
        'version_id',
        sql<string>`report->'org'->>'name'`.as('org_name'),
        sql<string>`report->'org'->>'creditCode'`.as('credit_code'),
      ])
      .where('fingerprint', '=', fingerprint)
      .where('status', '=', 'submitted')
      .executeTakeFirst();
    if (!row?.submitted_at) return undefined;
    return {
      submittedAt: row.submitted_at,
      checklistVersion: row.version_id,
      org: { name: row.org_name, creditCode: maskCreditCode(row.credit_code) },
    };
  }
}
