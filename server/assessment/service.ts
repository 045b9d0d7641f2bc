// Assessments: create from a profile, save answers, submit (immutable, pinned to
// its checklist version, fingerprinted), share, copy, move to a newer version.
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { PREPARED } from '../../db/prepared';
import type { Database } from '../../db/schema';
import type { AppendAudit } from '../domain/audit-event';
import { auditActor, ownerKey, writerOf, type AssessmentOwner } from './owner';
import type { Catalogue } from '../catalogue/catalogue';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import { badRequest, conflict, fieldError, HttpError, notFound } from '../http/errors';
import { checkActionRule, strayActionFields, type AnswerInput } from './answer-schema';
import { fingerprintOf } from './fingerprint';
import { buildReport, type AnswerRecord } from './report-builder';
import type { SubmissionRecorder } from './submission-recorder';
import type { AnswerStatus } from '../domain/answer-status';
import { coverageOf, type Report, type ReportCoverage, type ReportOrg, type ReportScene } from '../domain/report';
import type { CheckMode } from '../domain/check-mode';
import type { Scene } from '../domain/checklist';
import { maskCreditCode, type VerifiedReport } from './verified-report';
import { keysetPage, readPage, type Page, type PageQuery } from '../lib/keyset';

export interface Progress {
  readonly answered: number;
  readonly total: number;
}

export interface AssessmentSummary {
  readonly id: string;
  readonly status: 'draft' | 'submitted';
  readonly versionId: number;
  readonly profileTags: readonly string[];
  readonly mode: CheckMode;
  /** The trade scene (行业场景) a quick check started from. */
  readonly scene: string | null;
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

/** What a new draft asks: a trade's quick check or every applicable item. */
export interface DraftScope {
  readonly scene?: string;
  readonly mode?: CheckMode;
}

/** The items of a quick check: the scene's quick list, in its order, less what the profile rules out. */
function quickItems(scene: Scene, applicable: readonly string[]): string[] {
  const set = new Set(applicable);
  return scene.quick.filter((c) => set.has(c));
}

function resolveScope(catalogue: Catalogue, scope: DraftScope): { mode: CheckMode; scene: Scene | undefined } {
  const scene = scope.scene === undefined ? undefined : catalogue.scene(scope.scene);
  if (scope.scene !== undefined && !scene)
    throw badRequest('quick.error.unknownScene', { id: scope.scene }, [
      fieldError('scene', 'quick.error.unknownScene', { id: scope.scene }),
    ]);
  const mode = scope.mode ?? (scene ? 'quick' : 'full');
  if (mode === 'quick' && !scene)
    throw badRequest('quick.error.quickNeedsScene', {}, [fieldError('scene', 'quick.error.quickNeedsScene')]);
  return { mode, scene };
}

export function unknownTags(catalogue: Catalogue, tags: readonly string[]): string[] {
  const known = new Set(catalogue.profile.map((q) => q.tag));
  return tags.filter((t) => !known.has(t));
}

/** A draft's list with more codes: those already asked keep their place, new ones follow in checklist order. */
function extendedList(current: readonly string[], more: readonly string[], applicable: readonly string[]): string[] {
  const known = new Set(applicable);
  const have = new Set(current.filter((c) => known.has(c)));
  const wanted = new Set(more);
  return [...current.filter((c) => known.has(c)), ...applicable.filter((c) => wanted.has(c) && !have.has(c))];
}

function sceneRef(catalogue: Catalogue, id: string | null): ReportScene | null {
  const scene = id === null ? undefined : catalogue.scene(id);
  return scene ? { id: scene.id, name: scene.name, nameEn: scene.nameEn } : null;
}

/** The organisation as its report names it, read in the submitting transaction. */
function reportOrg(tx: Kysely<Database>, orgId: string): Promise<ReportOrg> {
  return tx
    .selectFrom('orgs')
    .select(['name', 'credit_code as creditCode', 'region', 'industry', 'size'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
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
 * named prepared statement): $1, $2 identify the writer (see the `writer`
 * queries below: an organisation or a guest session, and the user), $3 the
 * assessment, $4 the item, $5–$9 the answer. It writes only if the writer owns
 * a draft that includes the item.
 */
const upsertAnswerSql = (writer: string): string => `${PREPARED}
  with writer as (${writer}),
  target as (
    select a.id, writer.user_id from assessments a
    join writer on a.org_id = writer.org_id or a.guest_id = writer.guest_id
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
const SAVE_AS_MEMBER = upsertAnswerSql('select $1::uuid as org_id, null::uuid as guest_id, $2::uuid as user_id');
/** A guest already authenticated: $1 guest session, $2 null (no user). */
const SAVE_AS_GUEST = upsertAnswerSql('select null::uuid as org_id, $1::uuid as guest_id, $2::uuid as user_id');
/** A session to check in the same statement: $1 SHA-256 of the cookie token, $2 the CSRF token sent. */
const SAVE_AS_SESSION =
  upsertAnswerSql(`select u.org_id, null::uuid as guest_id, u.id as user_id from sessions s join users u on u.id = s.user_id
    where s.token_hash = $1 and s.csrf_token = $2 and s.expires_at > now() and u.role = 'company' and u.org_id is not null`);

/** The stored answers of one assessment, dates as YYYY-MM-DD text. */
function answerRows(db: Kysely<Database>, assessmentId: string): Promise<AnswerRow[]> {
  return db
    .selectFrom('answers')
    .select([
      'item_code',
      'status',
      'note',
      'owner',
      sql<string | null>`due_date::text`.as('due_date'),
      sql<string | null>`corrected_on::text`.as('corrected_on'),
    ])
    .where('assessment_id', '=', assessmentId)
    .execute();
}

export class AssessmentService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly catalogues: CatalogueStore,
    /** The regulators' statistics, told of every submission and sharing change. */
    private readonly statistics: SubmissionRecorder,
    /** The audit log's writer: submissions and sharing changes are recorded in it. */
    private readonly appendAudit: AppendAudit,
    /** Unsubmitted drafts one organisation (or one guest session) may have open at once. */
    private readonly maxOpenDrafts: number,
  ) {}

  async create(
    owner: AssessmentOwner,
    tags: readonly string[],
    copyFrom?: string,
    scope: DraftScope = {},
  ): Promise<AssessmentSummary> {
    const catalogue = this.catalogues.current();
    const { mode, scene } = resolveScope(catalogue, scope);
    const unknown = unknownTags(catalogue, tags);
    if (unknown.length > 0)
      throw badRequest(
        'assess.error.unknownTags',
        { tags: unknown.join(', ') },
        unknown.map((t) => fieldError('profile.tags', 'assess.error.unknownTag', { tag: t })),
      );
    const profileTags = [...new Set(tags)].sort();
    const applicable = applicableItems(catalogue, profileTags);
    const items = mode === 'quick' && scene ? quickItems(scene, applicable) : applicable;
    const [ownerColumn, ownerId] = ownerKey(owner);
    const userId = writerOf(owner);
    const id = await this.db.transaction().execute(async (tx) => {
      // The owner's row (organisation or guest session) is locked so that drafts started at the same time are
      // counted one after the other.
      await tx
        .selectFrom(owner.kind === 'member' ? 'orgs' : 'guest_sessions')
        .select('id')
        .where('id', '=', ownerId)
        .forUpdate()
        .execute();
      const open = await tx
        .selectFrom('assessments')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where(ownerColumn, '=', ownerId)
        .where('status', '=', 'draft')
        .executeTakeFirstOrThrow();
      if (Number(open.n) >= this.maxOpenDrafts)
        throw conflict('assess.error.tooManyDrafts', { max: this.maxOpenDrafts });
      const row = await tx
        .insertInto('assessments')
        .values({
          org_id: owner.kind === 'member' ? owner.orgId : null,
          guest_id: owner.kind === 'guest' ? owner.guestId : null,
          version_id: catalogue.version.id,
          status: 'draft',
          profile_tags: JSON.stringify(profileTags),
          item_codes: JSON.stringify(items),
          created_by: userId,
          mode,
          scene: scene?.id ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (copyFrom) {
        const source = await tx
          .selectFrom('assessments')
          .select('id')
          .where('id', '=', copyFrom)
          .where(ownerColumn, '=', ownerId)
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
        actor: auditActor(owner),
        action: 'assessment.create',
        subject: `assessment:${row.id}`,
        payload: {
          versionId: catalogue.version.id,
          tags: profileTags,
          copyFrom: copyFrom ?? null,
          mode,
          scene: scene?.id ?? null,
        },
      });
      return row.id;
    });
    return this.summary(owner, id);
  }

  /** One page of the organisation's assessments, newest first (keyset on created_at, id). */
  async list(orgId: string, q: PageQuery): Promise<Page<AssessmentSummary>> {
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
        'a.mode',
        'a.scene',
      ])
      .select((eb) =>
        eb
          .selectFrom('answers')
          .whereRef('answers.assessment_id', '=', 'a.id')
          .select((e) => e.fn.countAll<string>().as('n'))
          .as('answered'),
      )
      .where('a.org_id', '=', orgId)
      .$call(keysetPage('a.created_at', 'a.id', q))
      .execute();
    const page = readPage(rows, q);
    return {
      ...page,
      items: page.items.map((r) => ({
        id: r.id,
        status: r.status,
        versionId: r.version_id,
        profileTags: r.profile_tags,
        mode: r.mode,
        scene: r.scene,
        items: r.item_codes,
        progress: { answered: Number(r.answered ?? 0), total: r.item_codes.length },
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        submittedAt: r.submitted_at,
        fingerprint: r.fingerprint,
        shared: r.shared,
      })),
    };
  }

  /** The newest open draft (to resume) and the newest submitted assessment (to copy), whatever page shows them. */
  async latest(orgId: string): Promise<{ draft?: string; submitted?: string }> {
    const newest = (status: 'draft' | 'submitted') =>
      this.db
        .selectFrom('assessments')
        .select('id')
        .where('org_id', '=', orgId)
        .where('status', '=', status)
        .orderBy(status === 'draft' ? 'created_at' : 'submitted_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
    const [draft, submitted] = await Promise.all([newest('draft'), newest('submitted')]);
    return { draft: draft?.id, submitted: submitted?.id };
  }

  async summary(owner: AssessmentOwner, id: string): Promise<AssessmentSummary> {
    const { answers: _answers, ...rest } = await this.get(owner, id);
    return rest;
  }

  /** Another owner's assessment is "not found": its existence is not revealed. */
  async get(owner: AssessmentOwner, id: string): Promise<AssessmentDetail> {
    if (!isUuid(id)) throw missing();
    const [ownerColumn, ownerId] = ownerKey(owner);
    const row = await this.db
      .selectFrom('assessments')
      .selectAll()
      .where('id', '=', id)
      .where(ownerColumn, '=', ownerId)
      .executeTakeFirst();
    if (!row) throw missing();
    const answers = await answerRows(this.db, id);
    const included = new Set(row.item_codes);
    const byCode: Record<string, AnswerRecord> = {};
    for (const a of answers) if (included.has(a.item_code)) byCode[a.item_code] = answerRecord(a);
    return {
      id: row.id,
      status: row.status,
      versionId: row.version_id,
      profileTags: row.profile_tags,
      mode: row.mode,
      scene: row.scene,
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
  async saveAnswer(owner: AssessmentOwner, id: string, itemCode: string, input: AnswerInput): Promise<AnswerRecord> {
    if (!isUuid(id)) throw missing();
    checkActionRule(input);
    const saved =
      owner.kind === 'member'
        ? await this.upsertAnswer(SAVE_AS_MEMBER, [owner.orgId, owner.userId], id, itemCode, input)
        : await this.upsertAnswer(SAVE_AS_GUEST, [owner.guestId, null], id, itemCode, input);
    if (saved) return saved;
    // Nothing written: find out why (rare path).
    const [ownerColumn, ownerId] = ownerKey(owner);
    const assessment = await this.db
      .selectFrom('assessments')
      .select(['status', 'item_codes'])
      .where('id', '=', id)
      .where(ownerColumn, '=', ownerId)
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
    writer: readonly [string, string | null],
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

  /**
   * A guest's report names no organisation and is never recorded in the
   * regulators' statistics (not even once the guest registers and the report
   * moves to their organisation).
   */
  async submit(
    owner: AssessmentOwner,
    id: string,
  ): Promise<{ fingerprint: string; submittedAt: Date; report: Report; coverage: ReportCoverage }> {
    if (!isUuid(id)) throw missing();
    const [ownerColumn, ownerId] = ownerKey(owner);
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('assessments')
        .selectAll()
        .where('id', '=', id)
        .where(ownerColumn, '=', ownerId)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw missing();
      if (row.status !== 'draft') throw submittedConflict();
      const answers = await answerRows(tx, id);
      // A partial submission is allowed (the rest is reported as 未自查), an empty one is not.
      const included = new Set(row.item_codes);
      const given = answers.filter((a) => included.has(a.item_code));
      if (given.length === 0) throw conflict('quick.error.noAnswer');
      const catalogue = await this.catalogues.version(row.version_id);
      if (!catalogue) throw new Error(`checklist version ${row.version_id} is missing`);
      const submittedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
      const report = buildReport({
        assessmentId: id,
        org: owner.kind === 'member' ? await reportOrg(tx, owner.orgId) : null,
        catalogue,
        profileTags: row.profile_tags,
        itemCodes: row.item_codes,
        answers: given.map(answerRecord),
        startedAt: row.created_at,
        submittedAt,
        mode: row.mode,
        scene: sceneRef(catalogue, row.scene),
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
      if (owner.kind === 'member') await this.statistics.submitted(tx, id, owner.orgId, catalogue, report);
      await this.appendAudit(tx, {
        actor: auditActor(owner),
        action: 'assessment.submit',
        subject: `assessment:${id}`,
        payload: { fingerprint, versionId: row.version_id },
      });
      return { fingerprint, submittedAt, report, coverage: coverageOf(report) };
    });
  }

  async report(owner: AssessmentOwner, id: string): Promise<{ report: Report; fingerprint: string; shared: boolean }> {
    if (!isUuid(id)) throw missing();
    const [ownerColumn, ownerId] = ownerKey(owner);
    const row = await this.db
      .selectFrom('assessments')
      .select(['status', 'report', 'fingerprint', 'shared'])
      .where('id', '=', id)
      .where(ownerColumn, '=', ownerId)
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

  /**
   * Adds the remaining applicable items of a draft: those of one domain, or all
   * of them (the draft becomes a full check). Answers already given stay.
   */
  async extend(owner: AssessmentOwner, id: string, domain?: string): Promise<AssessmentSummary & { added: string[] }> {
    if (!isUuid(id)) throw missing();
    const [ownerColumn, ownerId] = ownerKey(owner);
    const added = await this.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('assessments')
        .select(['status', 'item_codes', 'profile_tags', 'version_id', 'mode'])
        .where('id', '=', id)
        .where(ownerColumn, '=', ownerId)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw missing();
      if (row.status !== 'draft') throw submittedConflict();
      const catalogue = await this.catalogues.version(row.version_id);
      if (!catalogue) throw new Error(`checklist version ${row.version_id} is missing`);
      const applicable = applicableItems(catalogue, row.profile_tags);
      let wanted = applicable;
      if (domain !== undefined) {
        const inDomain = new Set(catalogue.domain(domain)?.items.map((i) => i.code) ?? []);
        wanted = applicable.filter((c) => inDomain.has(c));
        if (wanted.length === 0)
          throw badRequest('quick.error.unknownDomain', { code: domain }, [
            fieldError('domain', 'quick.error.unknownDomain', { code: domain }),
          ]);
      }
      const next = extendedList(row.item_codes, wanted, applicable);
      const have = new Set(row.item_codes);
      const newCodes = next.filter((c) => !have.has(c));
      const mode: CheckMode = next.length >= applicable.length ? 'full' : row.mode;
      await tx
        .updateTable('assessments')
        .set({ item_codes: JSON.stringify(next), mode, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await this.appendAudit(tx, {
        actor: auditActor(owner),
        action: 'assessment.extend',
        subject: `assessment:${id}`,
        payload: { domain: domain ?? null, added: newCodes, mode },
      });
      return newCodes;
    });
    return { ...(await this.summary(owner, id)), added };
  }

  /** Moves a draft to the current checklist version; answers stay for codes that still apply. */
  async moveToCurrent(
    owner: AssessmentOwner,
    id: string,
  ): Promise<{ added: string[]; removed: string[]; versionId: number }> {
    if (!isUuid(id)) throw missing();
    const catalogue = this.catalogues.current();
    const [ownerColumn, ownerId] = ownerKey(owner);
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('assessments')
        .select(['status', 'item_codes', 'profile_tags', 'version_id', 'mode', 'scene'])
        .where('id', '=', id)
        .where(ownerColumn, '=', ownerId)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw missing();
      if (row.status !== 'draft') throw submittedConflict();
      const known = new Set(catalogue.profile.map((q) => q.tag));
      const tags = row.profile_tags.filter((t) => known.has(t));
      const applicable = applicableItems(catalogue, tags);
      // A quick check stays quick: its scene's list in the new version, plus what was added to it before.
      const scene = row.scene === null ? undefined : catalogue.scene(row.scene);
      const next =
        row.mode === 'quick' && scene
          ? extendedList(quickItems(scene, applicable), row.item_codes, applicable)
          : applicable;
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
        actor: auditActor(owner),
        action: 'assessment.move-version',
        subject: `assessment:${id}`,
        payload: { from: row.version_id, to: catalogue.version.id, added, removed },
      });
      return { added, removed, versionId: catalogue.version.id };
    });
  }

  /**
   * A guest registered or logged in: every draft and report of the guest
   * session moves to the user's organisation, answers kept (their writer
   * becomes the user). A user without an organisation takes nothing.
   */
  async claimGuestWork(guestId: string, userId: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const moved = await tx
        .updateTable('assessments')
        .from('users')
        .set((eb) => ({ org_id: eb.ref('users.org_id'), created_by: eb.ref('users.id'), guest_id: null }))
        .where('assessments.guest_id', '=', guestId)
        .where('users.id', '=', userId)
        .where('users.role', '=', 'company')
        .where('users.org_id', 'is not', null)
        .returning('assessments.id')
        .execute();
      if (moved.length === 0) return;
      const ids = moved.map((m) => m.id);
      await tx
        .updateTable('answers')
        .set({ updated_by: userId })
        .where('assessment_id', 'in', ids)
        .where('updated_by', 'is', null)
        .execute();
      for (const id of ids)
        await this.appendAudit(tx, {
          actor: userId,
          action: 'assessment.claim',
          subject: `assessment:${id}`,
          payload: { guest: guestId },
        });
    });
  }

  /**
   * Public check of a fingerprint: whether it matches a submitted report, when
   * it was submitted, whose it is and how much it covers, read from the stored
   * report (never from what was uploaded), the credit code masked.
   */
  async verify(fingerprint: string): Promise<VerifiedReport | undefined> {
    if (!/^[0-9a-f]{64}$/.test(fingerprint)) return undefined;
    // Only the few fields shown, read inside PostgreSQL: a public, anonymous
    // request must not fetch and parse a report of several megabytes.
    const row = await this.db
      .selectFrom('assessments')
      .select([
        'submitted_at',
        'version_id',
        sql<string | null>`report->'org'->>'name'`.as('org_name'),
        sql<string | null>`report->'org'->>'creditCode'`.as('credit_code'),
        sql<Report['mode'] | null>`report->>'mode'`.as('mode'),
        sql<ReportCoverage | null>`report->'coverage'`.as('coverage'),
        sql<number>`(report->'overall'->>'total')::int`.as('overall_total'),
      ])
      .where('fingerprint', '=', fingerprint)
      .where('status', '=', 'submitted')
      .where('report', 'is not', null)
      .executeTakeFirst();
    if (!row?.submitted_at) return undefined;
    return {
      submittedAt: row.submitted_at,
      checklistVersion: row.version_id,
      org:
        row.org_name === null || row.credit_code === null
          ? null
          : { name: row.org_name, creditCode: maskCreditCode(row.credit_code) },
      mode: row.mode ?? 'full',
      coverage: coverageOf({ coverage: row.coverage, overall: { total: row.overall_total } }),
    };
  }
}
