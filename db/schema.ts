// Typed tables for kysely. Column types say what pg returns (timestamptz → Date,
// jsonb → object), so queries are checked end to end. Dates (due_date,
// corrected_on) are read as text (YYYY-MM-DD) with ::text casts in queries.
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { AnswerStatus } from '../server/domain/answer-status';
import type { ChecklistContent } from '../server/domain/checklist';
import type { OrgSize } from '../server/domain/organisation';
import type { Report } from '../server/domain/report';
import type { Role } from '../server/domain/roles';
import type { CheckMode } from '../server/domain/check-mode';

type CreatedAt = ColumnType<Date, never, never>;
type Json<T> = ColumnType<T, string, string>;

/** Checklist files already validated and imported (by the hash of their bytes and the loader). */
export interface ChecklistSourcesTable {
  source_hash: string;
  version_id: number;
  created_at: Generated<Date>;
}

export interface ChecklistVersionsTable {
  id: Generated<number>;
  content_hash: string;
  content: Json<ChecklistContent>;
  item_count: number;
  created_at: CreatedAt;
  is_current: boolean;
}

export interface OrgsTable {
  id: Generated<string>;
  name: string;
  credit_code: string;
  region: string;
  industry: string;
  size: OrgSize;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  password_hash: string;
  role: Role;
  org_id: string | null;
  org_admin: Generated<boolean>;
  department: string | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Date;
}

export interface RateLimitsTable {
  key: string;
  window_start: Date;
  count: number;
}

export interface LoginFailuresTable {
  account: string;
  ip: string;
  failures: number;
  last_failure_at: Date;
}

export interface InvitationsTable {
  token_hash: string;
  org_id: string;
  created_by: string;
  created_at: CreatedAt;
  expires_at: Date;
  used_at: Date | null;
}

export interface GuestSessionsTable {
  id: Generated<string>;
  token_hash: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Date;
}

export interface AssessmentsTable {
  id: Generated<string>;
  /** The owner: an organisation, or (until they register or log in) a guest session. */
  org_id: string | null;
  guest_id: string | null;
  version_id: number;
  status: 'draft' | 'submitted';
  profile_tags: Json<string[]>;
  item_codes: Json<string[]>;
  /** Null for a guest's draft. */
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, never, Date>;
  submitted_at: Date | null;
  fingerprint: string | null;
  report: ColumnType<Report | null, string | null, string | null>;
  shared: Generated<boolean>;
  mode: ColumnType<CheckMode, CheckMode | undefined, CheckMode>;
  /** The trade scene (行业场景) the draft started from, if any. */
  scene: string | null;
}

export interface AnswersTable {
  assessment_id: string;
  item_code: string;
  status: AnswerStatus;
  note: string | null;
  owner: string | null;
  due_date: ColumnType<string | null, string | null, string | null>;
  corrected_on: ColumnType<string | null, string | null, string | null>;
  updated_at: ColumnType<Date, never, Date>;
  /** Null for a guest's answer. */
  updated_by: string | null;
}

export interface AuditEventsTable {
  id: Generated<string | number | bigint>; // int8: a string from pg, a number or bigint from PGlite
  at: Date;
  actor: string;
  action: string;
  subject: string;
  payload: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

export interface AuditCheckpointsTable {
  id: Generated<string>;
  at: Date;
  head_id: string;
  head_hash: string;
  events: string;
  key_id: string;
  signature: string;
}

export interface DecksTable {
  id: Generated<string>;
  owner_id: string;
  version_id: number;
  title: string;
  audience_note: Generated<string>;
  share_token: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, never, Date>;
}

export interface DeckItemsTable {
  deck_id: string;
  position: number;
  item_code: string;
  note: Generated<string>;
}

export interface CheckinAnswersTable {
  id: Generated<string>;
  deck_key: string;
  item_code: string;
  answer: 'compliant' | 'non_compliant' | 'unsure';
  created_at: CreatedAt;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface StatSubmissionsTable {
  assessment_id: string;
  org_id: string;
  version_id: number;
  submitted_at: Date;
  /** First day of the month (Asia/Shanghai) of submission, read as text YYYY-MM-DD. */
  month: ColumnType<string, string, string>;
  region: string;
  industry: string;
  size: string;
  tag_mask: number;
  shared: Generated<boolean>;
  mode: ColumnType<CheckMode, CheckMode | undefined, CheckMode>;
  compliant: number;
  non_compliant: number;
  not_applicable: number;
  unsure: number;
}

interface StatCounts {
  compliant: number;
  non_compliant: number;
  not_applicable: number;
  unsure: number;
}

export interface StatItemCellsTable extends StatCounts {
  version_id: number;
  month: ColumnType<string, string, string>;
  region: string;
  industry: string;
  size: string;
  item_code: string;
}

export interface StatDomainCellsTable extends StatCounts {
  version_id: number;
  month: ColumnType<string, string, string>;
  region: string;
  industry: string;
  size: string;
  domain_code: string;
}

export interface StatGenerationTable {
  id: number;
  /** bigint, read as a string */
  generation: ColumnType<string, string | number, string | number>;
}

export interface StatItemMonthsTable extends StatCounts {
  version_id: number;
  month: ColumnType<string, string, string>;
  item_code: string;
}

/** Organisations that submitted under more than one (region, industry, size) in a version. */
export interface StatMixedOrgsTable {
  version_id: number;
  org_id: string;
}

/** Searches that found nothing: normalised query text and counts only (no user, no IP). */
export interface SearchMissesTable {
  query: string;
  count: number;
  first_seen: ColumnType<string, string | undefined, string>;
  last_seen: ColumnType<string, string | undefined, string>;
}

/** 整改台账: one action per 不符合 / 不确定 item of a submitted report (migration 0013). */
export interface RectificationActionsTable {
  id: Generated<string>;
  assessment_id: string;
  org_id: string;
  item_code: string;
  answer: 'non_compliant' | 'unsure';
  position: number;
  status: Generated<RectificationStatus>;
  owner: string | null;
  due_date: ColumnType<string | null, string | null, string | null>;
  corrected_on: ColumnType<string | null, string | null, string | null>;
  note: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  updated_by: string | null;
}

export type RectificationStatus = 'open' | 'in_progress' | 'done' | 'not_needed';

export interface Database {
  rectification_actions: RectificationActionsTable;
  checklist_versions: ChecklistVersionsTable;
  checklist_sources: ChecklistSourcesTable;
  orgs: OrgsTable;
  users: UsersTable;
  sessions: SessionsTable;
  guest_sessions: GuestSessionsTable;
  rate_limits: RateLimitsTable;
  login_failures: LoginFailuresTable;
  invitations: InvitationsTable;
  assessments: AssessmentsTable;
  answers: AnswersTable;
  audit_events: AuditEventsTable;
  audit_checkpoints: AuditCheckpointsTable;
  decks: DecksTable;
  deck_items: DeckItemsTable;
  checkin_answers: CheckinAnswersTable;
  api_tokens: ApiTokensTable;
  stat_submissions: StatSubmissionsTable;
  stat_item_cells: StatItemCellsTable;
  stat_domain_cells: StatDomainCellsTable;
  stat_item_months: StatItemMonthsTable;
  stat_generation: StatGenerationTable;
  stat_mixed_orgs: StatMixedOrgsTable;
  search_misses: SearchMissesTable;
}

export type ChecklistVersionRow = Selectable<ChecklistVersionsTable>;
export type UserRow = Selectable<UsersTable>;
export type OrgRow = Selectable<OrgsTable>;
