// answers.csv / .xlsx: one row per answer of the reports firms have chosen to
// share, streamed in batches of submissions (keyset on the partial index
// stat_submissions_shared), so memory stays flat whatever the row count.
import type { MessageKey } from '../i18n';
import { exportLabel, type ExportLang } from './export-labels';
import type { Response } from 'express';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CopyCsv } from '../../db';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Catalogue } from '../catalogue/catalogue';
import { BOM } from './summary-export';
import { CHINA_TIME_SQL, nameColumnsSql } from './answer-labels';
import type { StatsFilters } from './filters';

export interface AnswerExportRow {
  readonly organisation: string;
  readonly credit_code: string;
  readonly region: string;
  readonly industry: string;
  readonly industry_name: string;
  readonly size: string;
  readonly size_name: string;
  readonly item_code: string;
  readonly item_title: string;
  readonly status: string;
  readonly status_name: string;
  readonly note: string | null;
  readonly owner: string | null;
  readonly due_date: string | null;
  readonly submitted_at: string;
  readonly fingerprint: string;
}

const ANSWER_COLUMNS: ReadonlyArray<{ key: keyof AnswerExportRow; header: MessageKey; width: number }> = [
  { key: 'organisation', header: 'reg.col.organisation', width: 30 },
  { key: 'credit_code', header: 'reg.col.creditCode', width: 22 },
  { key: 'region', header: 'reg.col.region', width: 12 },
  { key: 'industry', header: 'reg.col.industry', width: 8 },
  { key: 'industry_name', header: 'regx.col.industryName', width: 20 },
  { key: 'size', header: 'reg.col.size', width: 8 },
  { key: 'size_name', header: 'regx.col.sizeName', width: 8 },
  { key: 'item_code', header: 'reg.col.item', width: 10 },
  { key: 'item_title', header: 'regx.col.itemTitle', width: 36 },
  { key: 'status', header: 'reg.col.status', width: 14 },
  { key: 'status_name', header: 'regx.col.statusName', width: 10 },
  { key: 'note', header: 'reg.col.note', width: 30 },
  { key: 'owner', header: 'reg.col.owner', width: 14 },
  { key: 'due_date', header: 'reg.col.dueDate', width: 12 },
  { key: 'submitted_at', header: 'reg.col.submittedAt', width: 22 },
  { key: 'fingerprint', header: 'reg.col.fingerprint', width: 66 },
];

const BATCH = 50;

function itemCodes(catalogue: Catalogue, f: StatsFilters): string[] {
  const domains = f.domain ? catalogue.domains.filter((d) => d.code === f.domain) : catalogue.domains;
  return domains.flatMap((d) => d.items.map((i) => i.code));
}

/** The filters as SQL conditions on stat_submissions s (shared reports only). */
function conditions(f: StatsFilters): ReturnType<typeof sql> {
  const parts = [sql`s.shared`, sql`s.version_id = ${f.version}`];
  if (f.from) parts.push(sql`s.month >= ${`${f.from}-01`}::date`);
  if (f.to) parts.push(sql`s.month <= ${`${f.to}-01`}::date`);
  if (f.region) parts.push(sql`s.region = ${f.region}`);
  if (f.industry) parts.push(sql`s.industry = ${f.industry}`);
  if (f.size) parts.push(sql`s.size = ${f.size}`);
  return sql.join(parts, sql` and `);
}

/** The select list of the batch path: every value a literal or a column, as in answersSqlText. */
function rowSelect(catalogue: Catalogue, lang: ExportLang): ReturnType<typeof sql> {
  const n = nameColumnsSql(catalogue, lang);
  return sql.raw(`o.name as organisation, o.credit_code, s.region, s.industry, ${n.industry_name}, s.size, ${n.size_name},
  a.item_code, ${n.item_title}, a.status, ${n.status_name}, a.note, a.owner,
  a.due_date::text as due_date, ${CHINA_TIME_SQL} as submitted_at, x.fingerprint`);
}

interface Batch {
  readonly rows: AnswerExportRow[];
  readonly next: { at: Date; id: string } | undefined;
}

async function fetchBatch(
  db: Kysely<Database>,
  f: StatsFilters,
  select: ReturnType<typeof sql>,
  codes: readonly string[],
  after: { at: Date; id: string } | undefined,
): Promise<Batch> {
  const keyset = after ? sql`and (s.submitted_at, s.assessment_id) > (${after.at}, ${after.id}::uuid)` : sql``;
  const batch = await sql<{ assessment_id: string; submitted_at: Date }>`
    select s.assessment_id, s.submitted_at from stat_submissions s
    where ${conditions(f)} ${keyset}
    order by s.submitted_at, s.assessment_id limit ${BATCH}`.execute(db);
  if (batch.rows.length === 0) return { rows: [], next: undefined };
  const ids = batch.rows.map((r) => r.assessment_id);
  const rows = await sql<AnswerExportRow>`
    select ${select}
    from stat_submissions s
    join assessments x on x.id = s.assessment_id
    join orgs o on o.id = s.org_id
    join answers a on a.assessment_id = s.assessment_id and x.item_codes ? a.item_code
    where s.assessment_id = any(${ids}::uuid[]) and a.item_code = any(${codes}::text[])
    order by s.submitted_at, s.assessment_id, a.item_code`.execute(db);
  const last = batch.rows[batch.rows.length - 1];
  return {
    rows: rows.rows,
    next: batch.rows.length < BATCH ? undefined : { at: last.submitted_at, id: last.assessment_id },
  };
}

/**
 * Batches in (submitted_at, assessment_id, item_code) order. The next batch is
 * fetched while the current one is written, so the database and the socket
 * work at the same time; at most two batches are held in memory.
 */
async function* answerBatches(
  db: Kysely<Database>,
  catalogue: Catalogue,
  f: StatsFilters,
  lang: ExportLang = 'both',
): AsyncGenerator<AnswerExportRow[]> {
  const codes = itemCodes(catalogue, f);
  const select = rowSelect(catalogue, lang);
  let pending: Promise<Batch> | undefined = fetchBatch(db, f, select, codes, undefined);
  while (pending) {
    const batch: Batch = await pending;
    pending = batch.next ? fetchBatch(db, f, select, codes, batch.next) : undefined;
    if (batch.rows.length > 0) yield batch.rows;
  }
}

/**
 * The same rows as one statement with the filters written in as literals: for
 * COPY, which takes no parameters (and for `psql \copy` in the benchmark).
 * Every value is either validated by parseFilters or quoted here.
 */
export function answersSqlText(f: StatsFilters, catalogue?: Catalogue, lang: ExportLang = 'both'): string {
  const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;
  const where = ['s.shared', `s.version_id = ${f.version}`];
  if (f.from) where.push(`s.month >= ${lit(`${f.from}-01`)}::date`);
  if (f.to) where.push(`s.month <= ${lit(`${f.to}-01`)}::date`);
  if (f.region) where.push(`s.region = ${lit(f.region)}`);
  if (f.industry) where.push(`s.industry = ${lit(f.industry)}`);
  if (f.size) where.push(`s.size = ${lit(f.size)}`);
  if (f.domain && catalogue) where.push(`a.item_code in (${itemCodes(catalogue, f).map(lit).join(', ') || 'null'})`);
  const text = (column: string, as: string): string =>
    `case when left(${column}, 1) in ('=', '+', '-', '@', chr(9), chr(13)) then '''' || ${column} else ${column} end as ${as}`;
  const n = nameColumnsSql(catalogue, lang);
  return `select ${text('o.name', 'organisation')}, o.credit_code, ${text('s.region', 'region')}, s.industry, ${n.industry_name}, s.size, ${n.size_name},
  a.item_code, ${n.item_title}, a.status, ${n.status_name},
  ${text('a.note', 'note')}, ${text('a.owner', 'owner')},
  a.due_date::text as due_date, ${CHINA_TIME_SQL} as submitted_at, x.fingerprint
  from stat_submissions s join assessments x on x.id = s.assessment_id join orgs o on o.id = s.org_id
  join answers a on a.assessment_id = s.assessment_id and x.item_codes ? a.item_code
  where ${where.join(' and ')} order by s.submitted_at, s.assessment_id, a.item_code`;
}

/** CSV as PostgreSQL's COPY writes it (LF line ends; NULL empty, an empty string ""), so both paths give the same bytes. */
const csvCell = (v: string | null): string =>
  v === null ? '' : v === '' || /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;

/**
 * Text a firm typed (name, region, note, owner) that a spreadsheet would run
 * as a formula gets a leading ' (OWASP CSV injection); answersSqlText does the
 * same in SQL for COPY. XLSX keeps the text as typed: its cells are text cells.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const FREE_TEXT: ReadonlySet<keyof AnswerExportRow> = new Set(['organisation', 'region', 'note', 'owner']);
const csvValue = (key: keyof AnswerExportRow, v: string | null): string =>
  csvCell(v !== null && FREE_TEXT.has(key) && FORMULA_START.test(v) ? `'${v}` : v);

/** Resolves when the socket wants more, or when the client has gone (then writing stops). */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Resolves once the stream has its first data (or has ended); rejects if it fails first. */
function firstData(stream: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    const ready = (): void => {
      stream.off('error', failed);
      resolve();
    };
    const failed = (err: Error): void => {
      stream.off('readable', ready);
      reject(err);
    };
    stream.once('readable', ready);
    stream.once('error', failed);
  });
}

/**
 * Exports never answer 200 with a cut file. The first rows are fetched before
 * the status line goes out, so a failure before them (database down, busy) is a
 * proper problem response. A failure after the first byte can only be told to
 * the client by cutting the connection: the error handler destroys it (the
 * chunked body never gets its last chunk, so the download fails, not ends short).
 *
 * On PostgreSQL the rows come from COPY and are piped to the socket: the
 * database does the formatting and the process holds only stream buffers,
 * whatever the number of rows. On PGlite (no COPY TO STDOUT) they are written
 * in batches, as lines formatted exactly as COPY would (one write per batch:
 * csv-stringify's per-row streams cost half the throughput).
 */
export async function sendAnswersCsv(
  res: Response,
  db: Kysely<Database>,
  catalogue: Catalogue,
  f: StatsFilters,
  filename: string,
  lang: ExportLang,
  copyCsv?: CopyCsv,
): Promise<void> {
  const header = `${BOM}${ANSWER_COLUMNS.map((c) => csvCell(exportLabel(lang, c.header))).join(',')}\n`;
  if (copyCsv) {
    const rows = await copyCsv(answersSqlText(f, catalogue, lang));
    try {
      await firstData(rows);
    } catch (err) {
      rows.destroy();
      throw err;
    }
    res.type('text/csv; charset=utf-8').attachment(filename);
    res.write(header);
    try {
      await pipeline(rows, res);
    } catch (err) {
      if (!res.destroyed) throw err; // a download the client gave up is not an error
    }
    return;
  }
  const batches = answerBatches(db, catalogue, f, lang);
  let next = await batches.next();
  res.type('text/csv; charset=utf-8').attachment(filename);
  res.write(header);
  for (; !next.done; next = await batches.next()) {
    if (res.destroyed) return;
    let text = '';
    for (const r of next.value) text += `${ANSWER_COLUMNS.map((c) => csvValue(c.key, r[c.key])).join(',')}\n`;
    if (!res.write(text)) await drained(res);
  }
  res.end();
}

export async function sendAnswersXlsx(
  res: Response,
  db: Kysely<Database>,
  catalogue: Catalogue,
  f: StatsFilters,
  filename: string,
  lang: ExportLang,
): Promise<void> {
  const { default: ExcelJS } = await import('exceljs'); // loaded on first use: large
  const batches = answerBatches(db, catalogue, f, lang);
  let next = await batches.next(); // before the status line: see sendAnswersCsv
  res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(filename);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  wb.creator = exportLabel('both', 'app.name');
  const ws = wb.addWorksheet(exportLabel(lang, 'reg.sheet.answers'), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = ANSWER_COLUMNS.map((c) => ({ key: c.key, header: exportLabel(lang, c.header), width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (; !next.done; next = await batches.next()) {
    if (res.destroyed) return;
    for (const r of next.value) ws.addRow(ANSWER_COLUMNS.map((c) => r[c.key])).commit();
    // exceljs does not wait for the socket: pause while the client is behind. And a batch is
    // thousands of rows of synchronous zipping: let other requests in between batches.
    if (res.writableNeedDrain) await drained(res);
    else await new Promise((resolve) => setImmediate(resolve));
  }
  ws.commit();
  await wb.commit();
}
