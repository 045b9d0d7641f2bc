// Demo data for the regulator dashboard: organisations across Zhangjiagang's
// towns, industries and sizes with submitted assessments whose answers follow
// plausible patterns (high-frequency items fail far more often; micro firms
// more than large ones), a share of them shared with regulators.
//
// Rows are written in bulk (multi-row inserts, unnest arrays) one chunk of
// organisations per transaction, and the statistics tables are filled by the
// same aggregate statements the submit path uses. With fullReports every
// assessment gets its real report and fingerprint; without (the default above
// 5,000 assessments) the report column stays null and the fingerprint is
// "demo-<sha256 of the answers>", which /verify never accepts: lighter rows,
// same statistics.
import { createHash, randomUUID } from 'node:crypto';
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { AssessmentsTable, Database } from '../../db/schema';
import { checkCharacter } from '../accounts/credit-code';
import { fingerprintOf } from '../assessment/fingerprint';
import { buildReport } from '../assessment/report-builder';
import { statusCarriesAction, type AnswerStatus } from '../domain/answer-status';
import type { OrgSize } from '../domain/organisation';
import { applicableItems } from '../assessment/service';
import type { Catalogue } from '../catalogue/catalogue';
import {
  addToCells,
  bumpGeneration,
  insertSubmissions,
  itemDomainMap,
  type SubmissionFacts,
} from '../regulator/record';
import { tagMask } from '../regulator/applicability';

const DEMO_REGIONS: ReadonlyArray<readonly [string, number]> = [
  ['杨舍镇', 26],
  ['塘桥镇', 12],
  ['金港街道', 12],
  ['锦丰镇', 10],
  ['乐余镇', 7],
  ['凤凰镇', 8],
  ['南丰镇', 6],
  ['大新镇', 6],
  ['常阴沙', 4],
  ['保税区', 9],
];
const INDUSTRIES: ReadonlyArray<readonly [string, number]> = [
  ['C', 34],
  ['F', 20],
  ['H', 10],
  ['E', 8],
  ['G', 7],
  ['L', 6],
  ['I', 4],
  ['O', 4],
  ['M', 3],
  ['K', 2],
  ['Q', 1],
  ['A', 1],
];
const SIZES: ReadonlyArray<readonly [OrgSize, number]> = [
  ['micro', 40],
  ['small', 38],
  ['medium', 17],
  ['large', 5],
];
const NAME_PARTS = [
  '恒信',
  '华昌',
  '永联',
  '沙钢',
  '东渡',
  '澳洋',
  '港城',
  '长江',
  '暨阳',
  '鹿苑',
  '晨阳',
  '金盛',
  '新宇',
  '瑞丰',
  '海达',
  '德顺',
  '富康',
  '佳禾',
  '润泽',
  '天成',
];
const NAME_KIND: Readonly<Record<string, string>> = {
  C: '机械制造',
  F: '商贸',
  H: '餐饮管理',
  E: '建设工程',
  G: '物流',
  L: '企业管理咨询',
  I: '信息科技',
  O: '家政服务',
  M: '检测技术',
  K: '物业管理',
  Q: '诊所',
  A: '农业发展',
};
const OWNERS = ['王主管', '李经理', '张工', '陈会计', '刘安全员', '周厂长', '吴主任', '徐专员'];
const NOTES = [
  '台账不全，正在补记',
  '已安排培训',
  '需与供应商确认',
  '整改方案待审批',
  '部分车间未落实',
  null,
  null,
  null,
];
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Small deterministic PRNG (mulberry32), so a seed number gives the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, weighted: ReadonlyArray<readonly [T, number]>): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [v, w] of weighted) {
    r -= w;
    if (r < 0) return v;
  }
  return weighted[weighted.length - 1][0];
}

/** A valid 统一社会信用代码 unique per (run, index): the index is written in base 31 into the 主体标识码. */
export function demoCreditCode(run: number, index: number): string {
  let body = '';
  let n = index;
  for (let i = 0; i < 6; i += 1) {
    body = CHARSET[n % 31] + body;
    n = Math.floor(n / 31);
  }
  let r = run;
  let prefix = '';
  for (let i = 0; i < 3; i += 1) {
    prefix = CHARSET[r % 31] + prefix;
    r = Math.floor(r / 31);
  }
  const first17 = `91320582${prefix}${body}`;
  return first17 + checkCharacter(first17);
}

const hashUnit = (s: string): number => createHash('sha256').update(s).digest().readUInt32BE(0) / 4294967296;

/** Per item: how often it fails. High-frequency items 15–45 %, others 2–12 %, with a long tail. */
export function failureRate(code: string, high: boolean): number {
  const u = hashUnit(code);
  return high ? 0.15 + 0.3 * u : 0.02 + 0.1 * u * u;
}

const TAG_ODDS: Readonly<Partial<Record<string, (industry: string) => number>>> = {
  employees: () => 0.95,
  manufacturing: (i) => (i === 'C' ? 0.95 : 0.05),
  retail: (i) => (i === 'F' ? 0.8 : i === 'H' ? 0.3 : 0.05),
  online_sales: (i) => (i === 'F' ? 0.4 : 0.08),
  advertising: () => 0.25,
  food: (i) => (i === 'H' ? 0.95 : i === 'F' ? 0.3 : 0.02),
  canteen: (i) => (i === 'C' ? 0.4 : 0.1),
  construction: (i) => (i === 'E' ? 0.95 : 0.03),
  special_equipment: (i) => (i === 'C' ? 0.6 : i === 'G' ? 0.5 : 0.1),
  hazardous_chemicals: (i) => (i === 'C' ? 0.3 : 0.03),
  emissions: (i) => (i === 'C' ? 0.6 : i === 'H' ? 0.3 : 0.05),
  hazardous_waste: (i) => (i === 'C' ? 0.45 : 0.05),
  occupational_hazards: (i) => (i === 'C' ? 0.5 : i === 'E' ? 0.4 : 0.05),
  vehicles: (i) => (i === 'G' ? 0.95 : 0.2),
  public_venue: (i) => (i === 'H' ? 0.7 : i === 'O' ? 0.4 : 0.05),
  measuring_instruments: (i) => (i === 'F' ? 0.5 : i === 'C' ? 0.4 : 0.05),
  outdoor_signs: (i) => (i === 'F' || i === 'H' ? 0.5 : 0.15),
};

const SIZE_FACTOR: Readonly<Record<OrgSize, number>> = { micro: 1.5, small: 1.15, medium: 0.8, large: 0.55 };

export interface SeedOptions {
  readonly orgs: number;
  /** Distinguishes the credit codes of separate runs into one database. */
  readonly run?: number;
  readonly seed?: number;
  /** Chance that an organisation submitted a second (re-check) assessment. */
  readonly repeatShare?: number;
  readonly sharedShare?: number;
  readonly fullReports?: boolean;
  /** Fixed profile for every organisation (tests). */
  readonly region?: string;
  readonly industry?: string;
  readonly size?: OrgSize;
  /** Submission dates fall in the months before this one (default: now). */
  readonly until?: Date;
  readonly months?: number;
  readonly chunk?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SeedResult {
  readonly orgs: number;
  readonly assessments: number;
  readonly answers: number;
  readonly shared: number;
  readonly orgIds: readonly string[];
}

async function seedUser(db: Kysely<Database>): Promise<string> {
  const email = 'demo-seed@hegui.invalid';
  const found = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (found) return found.id;
  // The hash is not an argon2 string: nobody can log in as this account.
  const row = await db
    .insertInto('users')
    .values({ email, password_hash: '!demo-seed-no-login', role: 'admin' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function seedDemo(db: Kysely<Database>, catalogue: Catalogue, opts: SeedOptions): Promise<SeedResult> {
  const rand = prng(opts.seed ?? 20261127);
  const run = opts.run ?? Math.floor(rand() * 29000);
  const userId = await seedUser(db);
  const until = (opts.until ?? new Date()).getTime();
  const spanMs = (opts.months ?? 18) * 30.4 * 86400_000;
  const domains = itemDomainMap(catalogue);
  const itemInfo = new Map(
    catalogue.domains.flatMap((d) =>
      d.items.map((i) => [i.code, failureRate(i.code, i.frequency === 'high')] as const),
    ),
  );
  const chunk = opts.chunk ?? 1000;
  let assessments = 0;
  let answersTotal = 0;
  let shared = 0;
  const orgIds: string[] = [];

  for (let start = 0; start < opts.orgs; start += chunk) {
    const end = Math.min(opts.orgs, start + chunk);
    const orgRows: Array<{
      id: string;
      name: string;
      credit_code: string;
      region: string;
      industry: string;
      size: OrgSize;
    }> = [];
    const assessmentRows: Array<Insertable<AssessmentsTable>> = [];
    const answerCols = {
      assessment: [] as string[],
      item: [] as string[],
      status: [] as string[],
      note: [] as (string | null)[],
      owner: [] as (string | null)[],
      due: [] as (string | null)[],
    };
    const facts: SubmissionFacts[] = [];
    for (let i = start; i < end; i += 1) {
      const region = opts.region ?? pick(rand, DEMO_REGIONS);
      const industry = opts.industry ?? pick(rand, INDUSTRIES);
      const size = opts.size ?? pick(rand, SIZES);
      const org = {
        id: randomUUID(),
        name: `张家港市${NAME_PARTS[Math.floor(rand() * NAME_PARTS.length)]}${NAME_PARTS[Math.floor(rand() * NAME_PARTS.length)]}${NAME_KIND[industry] ?? '实业'}有限公司`,
        credit_code: demoCreditCode(run, i),
        region,
        industry,
        size,
      };
      orgRows.push(org);
      orgIds.push(org.id);
      const tags = catalogue.profile
        .map((q) => q.tag)
        .filter((tag) => rand() < (TAG_ODDS[tag]?.(industry) ?? 0.1))
        .sort();
      const items = applicableItems(catalogue, tags);
      const diligence = 0.6 + rand() * 0.8; // some firms are simply more careful
      const count = rand() < (opts.repeatShare ?? 0.25) ? 2 : 1;
      // Recent months see more submissions: skew towards "until".
      const firstAt = until - Math.pow(rand(), 0.7) * spanMs;
      for (let k = 0; k < count; k += 1) {
        const submittedAt = new Date(
          Math.floor(Math.min(until - 1000, firstAt + k * (until - firstAt) * rand()) / 1000) * 1000,
        );
        const startedAt = new Date(submittedAt.getTime() - Math.floor(rand() * 5 * 86400) * 1000);
        const id = randomUUID();
        const isShared = rand() < (opts.sharedShare ?? 0.3);
        const improvement = k === 1 ? 0.6 : 1; // the re-check fixed some gaps
        const records = items.map((code) => {
          const p = Math.min(0.9, (itemInfo.get(code) ?? 0.05) * SIZE_FACTOR[size] * diligence * improvement);
          const r = rand();
          const status: AnswerStatus =
            r < p ? 'non_compliant' : r < p + 0.04 ? 'unsure' : r < p + 0.04 + 0.06 ? 'not_applicable' : 'compliant';
          const gap = statusCarriesAction(status);
          const due =
            gap && rand() < 0.8
              ? new Date(submittedAt.getTime() + (14 + Math.floor(rand() * 90)) * 86400_000).toISOString().slice(0, 10)
              : null;
          return {
            itemCode: code,
            status,
            note: gap ? NOTES[Math.floor(rand() * NOTES.length)] : null,
            owner: gap && rand() < 0.85 ? OWNERS[Math.floor(rand() * OWNERS.length)] : null,
            dueDate: due,
            correctedOn: null,
          };
        });
        let fingerprint: string;
        let report: string | null = null;
        if (opts.fullReports) {
          const built = buildReport({
            assessmentId: id,
            org: { name: org.name, creditCode: org.credit_code, region, industry, size },
            catalogue,
            profileTags: tags,
            itemCodes: items,
            answers: records,
            startedAt,
            submittedAt,
            mode: 'full',
            scene: null,
          });
          fingerprint = fingerprintOf(built);
          report = JSON.stringify(built);
        } else {
          fingerprint = `demo-${createHash('sha256')
            .update(JSON.stringify([id, records]))
            .digest('hex')}`;
        }
        assessmentRows.push({
          id,
          org_id: org.id,
          version_id: catalogue.version.id,
          status: 'submitted',
          profile_tags: JSON.stringify(tags),
          item_codes: JSON.stringify(items),
          created_by: userId,
          submitted_at: submittedAt,
          fingerprint,
          report,
          shared: isShared,
        });
        for (const r of records) {
          answerCols.assessment.push(id);
          answerCols.item.push(r.itemCode);
          answerCols.status.push(r.status);
          answerCols.note.push(r.note);
          answerCols.owner.push(r.owner);
          answerCols.due.push(r.dueDate);
        }
        facts.push({
          assessmentId: id,
          orgId: org.id,
          versionId: catalogue.version.id,
          submittedAt,
          region,
          industry,
          size,
          tagMask: tagMask(catalogue, tags),
          shared: isShared,
          mode: 'full',
          answers: records.map((r) => ({ code: r.itemCode, domain: domains.get(r.itemCode) ?? '', status: r.status })),
        });
        assessments += 1;
        answersTotal += records.length;
        if (isShared) shared += 1;
      }
    }
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('orgs').values(orgRows).execute();
      for (let i = 0; i < assessmentRows.length; i += 500) {
        await tx
          .insertInto('assessments')
          .values(assessmentRows.slice(i, i + 500))
          .execute();
      }
      await insertAnswers(tx, answerCols, userId);
      for (let i = 0; i < facts.length; i += 1000) await insertSubmissions(tx, facts.slice(i, i + 1000));
      await addToCells(tx, facts);
      await bumpGeneration(tx);
    });
    opts.onProgress?.(end, opts.orgs);
  }
  // Fresh planner statistics: the dashboard's plans depend on them.
  await sql`analyze stat_submissions, stat_item_cells, stat_domain_cells, stat_item_months`.execute(db);
  return { orgs: opts.orgs, assessments, answers: answersTotal, shared, orgIds };
}

async function insertAnswers(
  tx: Transaction<Database>,
  c: {
    assessment: string[];
    item: string[];
    status: string[];
    note: (string | null)[];
    owner: (string | null)[];
    due: (string | null)[];
  },
  userId: string,
): Promise<void> {
  const step = 20000;
  for (let i = 0; i < c.assessment.length; i += step) {
    const s = (a: readonly unknown[]): unknown[] => a.slice(i, i + step);
    await sql`
      insert into answers (assessment_id, item_code, status, note, owner, due_date, updated_by)
      select a, i, s, n, o, d::date, ${userId}::uuid
      from unnest(${s(c.assessment)}::uuid[], ${s(c.item)}::text[], ${s(c.status)}::text[], ${s(c.note)}::text[], ${s(c.owner)}::text[], ${s(c.due)}::text[]) as t(a, i, s, n, o, d)`.execute(
      tx,
    );
  }
}
