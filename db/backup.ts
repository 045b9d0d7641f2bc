// Backup and restore in one logical format for both backends.
//
// Why not pg_dump or PGlite's dumpDataDir: a data-folder dump only opens in the
// same PGlite build, and pg_dump only reads a PostgreSQL server (PGlite has no
// pg_dump here, and COPY TO STDOUT does not pass through its pg adapter). One
// format read and written with plain SQL works on both, and a backup taken on
// PGlite restores into PostgreSQL (the way from one machine to a cluster) and back.
//
// The file is gzip-compressed JSON lines:
//   1. header: {"format":"hegui-backup","version":1,"createdAt",...,"migrations":[…],"tables":[{name,columns}]}
//   2. per table, in foreign-key order: ["table",name], one row_to_json object per row, ["end",name,rowCount]
//   3. ["sequences",{name:last_value|null}]
//   4. ["end-of-backup",{"tables":n,"rows":n,"sha256":hex of every line before this one}]
// Rows are read in one repeatable-read snapshot, so the tables agree with each other.
// A restore checks the whole file first (structure, counts, checksum, known
// migrations) and touches nothing when anything is wrong; then it creates the
// schema the backup was made with, loads every table in one transaction and
// migrates to the current schema (old backups are upgraded on the way in).
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { Migrator, sql, type Kysely, type Transaction } from 'kysely';
import { migrations } from './migrate';

const BACKUP_FORMAT = 'hegui-backup';
const BACKUP_VERSION = 1;
/** Kysely's own bookkeeping: recreated by the migrator, listed in the header instead. */
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);
const FETCH_ROWS = 2000;
const INSERT_ROWS = 500;
const INSERT_BYTES = 4 * 1024 * 1024;

export interface BackupTable {
  readonly name: string;
  readonly columns: readonly string[];
}

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  readonly createdAt: string;
  readonly source: string;
  readonly migrations: readonly string[];
  readonly tables: readonly BackupTable[];
}

export interface BackupSummary {
  readonly tables: number;
  readonly rows: number;
  readonly rowsByTable: Readonly<Record<string, number>>;
  readonly migrations: readonly string[];
}

/** A backup file that cannot be restored; the message says what is wrong and where. */
export class BackupFileError extends Error {
  override name = 'BackupFileError';
}

/** The target is not an empty database. */
export class RestoreTargetError extends Error {
  override name = 'RestoreTargetError';
}

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** User tables of the public schema, parents before children (by foreign keys). */
async function tablesInOrder(db: Kysely<unknown>): Promise<BackupTable[]> {
  const tables = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`.execute(db);
  const fks = await sql<{ child: string; parent: string }>`
    select c.relname as child, p.relname as parent from pg_constraint k
    join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = 'public' and k.conrelid <> k.confrelid`.execute(db);
  const columns = await sql<{ table: string; column: string }>`
    select c.relname as table, a.attname as column from pg_attribute a
    join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      and a.attgenerated = ''
    order by c.relname, a.attnum`.execute(db);
  const names = tables.rows.map((t) => t.name).filter((n) => !MIGRATION_TABLES.has(n));
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const fk of fks.rows) parents.get(fk.child)?.add(fk.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const next = names.find((n) => !placed.has(n) && [...(parents.get(n) ?? [])].every((p) => placed.has(p)));
    if (next === undefined) throw new Error('the foreign keys between tables form a cycle: no restore order exists');
    ordered.push(next);
    placed.add(next);
  }
  return ordered.map((name) => ({
    name,
    columns: columns.rows.filter((c) => c.table === name).map((c) => c.column),
  }));
}

async function appliedMigrations(db: Kysely<unknown>): Promise<string[] | undefined> {
  const exists = await sql<{ present: boolean }>`
    select to_regclass('public.kysely_migration') is not null as present`.execute(db);
  if (!exists.rows[0]?.present) return undefined;
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** Writes a backup of the whole database to file (via a temp file, renamed when complete). */
export async function backupDatabase<T>(database: Kysely<T>, file: string, source: string): Promise<BackupSummary> {
  const db = database as unknown as Kysely<unknown>;
  const partial = `${file}.partial`;
  const summary = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const applied = await appliedMigrations(tx);
      if (!applied || applied.length === 0)
        throw new Error('the database has no Hegui schema (no migrations applied): nothing to back up');
      const tables = await tablesInOrder(tx);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        source,
        migrations: applied,
        tables,
      };
      const rowsByTable: Record<string, number> = {};
      const hash = createHash('sha256');
      async function* lines(): AsyncGenerator<string> {
        const emit = (line: string): string => {
          hash.update(line).update('\n');
          return `${line}\n`;
        };
        yield emit(JSON.stringify(header));
        let total = 0;
        for (const table of tables) {
          yield emit(JSON.stringify(['table', table.name]));
          const cols = table.columns.map(ident).join(', ');
          await sql
            .raw(
              `declare backup_rows no scroll cursor for select row_to_json(r)::text as j from (select ${cols} from ${ident(table.name)}) r`,
            )
            .execute(tx);
          let count = 0;
          for (;;) {
            const batch = await sql.raw<{ j: string }>(`fetch ${FETCH_ROWS} from backup_rows`).execute(tx);
            for (const row of batch.rows) yield emit(row.j);
            count += batch.rows.length;
            if (batch.rows.length < FETCH_ROWS) break;
          }
          await sql.raw('close backup_rows').execute(tx);
          rowsByTable[table.name] = count;
          total += count;
          yield emit(JSON.stringify(['end', table.name, count]));
        }
        const seqs = await sql<{ name: string; last_value: string | null }>`
          select sequencename as name, last_value::text as last_value from pg_sequences where schemaname = 'public'
          order by sequencename`.execute(tx);
        yield emit(JSON.stringify(['sequences', Object.fromEntries(seqs.rows.map((s) => [s.name, s.last_value]))]));
        yield `${JSON.stringify(['end-of-backup', { tables: tables.length, rows: total, sha256: hash.digest('hex') }])}\n`;
      }
      await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial));
      return {
        tables: tables.length,
        rows: Object.values(rowsByTable).reduce((a, b) => a + b, 0),
        rowsByTable,
        migrations: applied,
      };
    })
    .catch((err: unknown) => {
      rmSync(partial, { force: true });
      throw err;
    });
  renameSync(partial, file);
  return summary;
}

/**
 * Reads a backup file line by line, checking everything that can be checked
 * without a database; calls onRow for each row when given. Throws BackupFileError.
 */
async function readBackup(
  file: string,
  onRow?: (table: BackupTable, text: string) => Promise<void>,
): Promise<{ header: BackupHeader; sequences: Record<string, string | null>; summary: BackupSummary }> {
  const fail = (where: string, what: string): BackupFileError =>
    new BackupFileError(`${file}: ${where}: ${what}. Nothing was restored.`);
  const input = createReadStream(file);
  const gunzip = createGunzip();
  let streamError: Error | undefined;
  input.on('error', (err) => {
    streamError = err;
    // pipe() does not pass a source's error on: without this a missing file leaves the reader waiting forever.
    gunzip.destroy(err);
  });
  gunzip.on('error', (err) => (streamError = err));
  const reader = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  const hash = createHash('sha256');
  let header: BackupHeader | undefined;
  let table: BackupTable | undefined;
  let tableIndex = 0;
  let rowsInTable = 0;
  let total = 0;
  const rowsByTable: Record<string, number> = {};
  let sequences: Record<string, string | null> | undefined;
  let finished = false;
  let lineNo = 0;
  try {
    for await (const line of reader) {
      lineNo += 1;
      const at = `line ${lineNo}`;
      if (finished) throw fail(at, 'there is data after the end-of-backup line');
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw fail(
          at,
          table ? `a row of table ${table.name} is not valid JSON (the file is damaged)` : 'not valid JSON',
        );
      }
      if (!header) {
        const h = parsed as Partial<BackupHeader> | null;
        if (h?.format !== BACKUP_FORMAT)
          throw fail(at, 'this is not a Hegui backup (the header names no "hegui-backup" format)');
        if (h.version !== BACKUP_VERSION)
          throw fail(
            at,
            `backup format version ${String(h.version)} is not supported (this Hegui reads version ${BACKUP_VERSION})`,
          );
        if (!Array.isArray(h.migrations) || !Array.isArray(h.tables))
          throw fail(at, 'the header lists no migrations or tables');
        const known = Object.keys(migrations);
        const unknown = (h.migrations as string[]).filter((m) => !known.includes(m));
        if (unknown.length > 0)
          throw fail(
            at,
            `the backup was made by a newer Hegui (unknown migration ${unknown.join(', ')}): upgrade Hegui, then restore`,
          );
        header = h as BackupHeader;
        hash.update(line).update('\n');
        continue;
      }
      // Rows are objects; the lines around them are arrays.
      if (!Array.isArray(parsed)) {
        if (!table) throw fail(at, 'a row outside any table');
        else if (typeof parsed !== 'object' || parsed === null)
          throw fail(at, `a row of table ${table.name} is not an object`);
        else {
          rowsInTable += 1;
          if (onRow) await onRow(table, line);
        }
        hash.update(line).update('\n');
        continue;
      }
      const [tag, a, b] = parsed as [unknown, unknown, unknown];
      if (tag === 'table') {
        const expected = header.tables[tableIndex] as BackupTable | undefined;
        if (table) throw fail(at, `table ${String(a)} starts before table ${table.name} ended`);
        if (!expected) throw fail(at, `table ${String(a)} is not listed in the header`);
        else if (expected.name !== a) throw fail(at, `expected table ${expected.name}, found ${String(a)}`);
        else table = expected;
        rowsInTable = 0;
      } else if (tag === 'end') {
        if (!table || table.name !== a) throw fail(at, `an end of table ${String(a)} that was not started`);
        else {
          if (b !== rowsInTable)
            throw fail(at, `table ${table.name} should have ${String(b)} rows, the file holds ${rowsInTable}`);
          rowsByTable[table.name] = rowsInTable;
          total += rowsInTable;
          tableIndex += 1;
          table = undefined;
        }
      } else if (tag === 'sequences') {
        if (table) throw fail(at, `the sequences come before table ${table.name} ended`);
        sequences = a as Record<string, string | null>;
      } else if (tag === 'end-of-backup') {
        const trailer = a as { tables?: unknown; rows?: unknown; sha256?: unknown };
        if (tableIndex !== header.tables.length)
          throw fail(at, `the backup ends after ${tableIndex} of ${header.tables.length} tables`);
        if (trailer.rows !== total)
          throw fail(at, `the trailer counts ${String(trailer.rows)} rows, the file holds ${total}`);
        if (trailer.sha256 !== hash.digest('hex'))
          throw fail(at, 'the checksum does not match: the file was changed or damaged');
        finished = true;
        continue;
      } else throw fail(at, `unknown line ${JSON.stringify(tag)}`);
      hash.update(line).update('\n');
    }
  } catch (err) {
    if (err instanceof BackupFileError) throw err;
    streamError ??= err as Error;
  }
  if (streamError) {
    const code = (streamError as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BackupFileError(`${file}: no such file. Nothing was restored.`);
    if (code === 'Z_BUF_ERROR' || /unexpected end of file/.test(streamError.message))
      throw fail(`after line ${lineNo}`, 'the file is truncated: the compressed data ends early');
    if (code === 'Z_DATA_ERROR' || /incorrect header check/.test(streamError.message))
      throw fail(
        lineNo === 0 ? 'start' : `after line ${lineNo}`,
        'this is not a gzip-compressed Hegui backup, or it is damaged',
      );
    throw fail(`after line ${lineNo}`, `cannot be read (${streamError.message})`);
  }
  if (!header) throw fail('start', 'the file is empty');
  if (!finished) {
    const where = table
      ? `inside table ${table.name} after ${rowsInTable} rows`
      : `after ${tableIndex} of ${header.tables.length} tables`;
    throw fail(`line ${lineNo}`, `the file is truncated: it ends ${where}, without the end-of-backup line`);
  }
  return {
    header,
    sequences: sequences ?? {},
    summary: { tables: tableIndex, rows: total, rowsByTable, migrations: header.migrations },
  };
}

/** Checks a backup file without a database: throws BackupFileError naming what is wrong. */
export async function checkBackup(file: string): Promise<BackupSummary> {
  return (await readBackup(file)).summary;
}

/** Every other row hangs off one of these: a database without rows in them holds no one's data. */
const DATA_ROOTS = ['checklist_versions', 'orgs', 'users', 'audit_events'];

async function assertEmptyTarget(db: Kysely<unknown>, backupMigrations: readonly string[]): Promise<void> {
  const applied = await appliedMigrations(db);
  if (!applied) return;
  const ahead = applied.filter((m) => !backupMigrations.includes(m));
  if (ahead.length > 0)
    throw new RestoreTargetError(
      `the target database has migrations the backup has not (${ahead.join(', ')}): restore into a new, empty database`,
    );
  const present = new Set((await tablesInOrder(db)).map((t) => t.name));
  for (const table of DATA_ROOTS.filter((t) => present.has(t))) {
    const rows = await sql<{
      has_rows: boolean;
    }>`select exists (select 1 from ${sql.table(table)}) as has_rows`.execute(db);
    if (rows.rows[0]?.has_rows)
      throw new RestoreTargetError(
        `the target database is not empty (table ${table} has rows): restore into a new database (createdb …) or a new DATA_DIR`,
      );
  }
}

async function insertBatch(tx: Transaction<unknown>, table: BackupTable, rows: string[]): Promise<void> {
  const cols = table.columns.map(ident).join(', ');
  await sql`${sql.raw(`insert into ${ident(table.name)} (${cols}) overriding system value select ${cols} from json_populate_recordset(null::${ident(table.name)}, `)}${`[${rows.join(',')}]`}::json)`.execute(
    tx,
  );
}

export interface RestoreResult extends BackupSummary {
  /** Migrations run after loading the data: the upgrade from the backup's schema. */
  readonly upgradedWith: readonly string[];
}

/**
 * Restores a backup into an empty database (no schema, or a schema no newer
 * than the backup's with no rows), then migrates it to the current schema.
 */
export async function restoreDatabase<T>(database: Kysely<T>, file: string): Promise<RestoreResult> {
  const db = database as unknown as Kysely<unknown>;
  const checked = await readBackup(file);
  const { header } = checked;
  await assertEmptyTarget(db, header.migrations);
  const last = header.migrations[header.migrations.length - 1];
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
  const to = await migrator.migrateTo(last);
  if (to.error) throw to.error instanceof Error ? to.error : new Error('migration failed');
  const schemaTables = new Map((await tablesInOrder(db)).map((t) => [t.name, t]));
  for (const t of header.tables) {
    const here = schemaTables.get(t.name);
    const missing = t.columns.filter((c) => !here?.columns.includes(c));
    if (!here || missing.length > 0)
      throw new BackupFileError(
        `${file}: table ${t.name} ${here ? `has columns this schema lacks (${missing.join(', ')})` : 'does not exist at the backup\u2019s migration'}. Nothing was restored.`,
      );
  }
  await db.transaction().execute(async (tx) => {
    // What the migrations seeded (counters, defaults) gives way to the backup's rows.
    for (const t of [...header.tables].reverse()) await sql`delete from ${sql.table(t.name)}`.execute(tx);
    let pending: string[] = [];
    let pendingBytes = 0;
    let pendingTable: BackupTable | undefined;
    const flush = async (): Promise<void> => {
      if (pendingTable && pending.length > 0) await insertBatch(tx, pendingTable, pending);
      pending = [];
      pendingBytes = 0;
    };
    await readBackup(file, async (table, text) => {
      if (pendingTable !== table) {
        await flush();
        pendingTable = table;
      }
      pending.push(text);
      pendingBytes += text.length;
      if (pending.length >= INSERT_ROWS || pendingBytes >= INSERT_BYTES) await flush();
    });
    await flush();
    for (const [name, value] of Object.entries(checked.sequences)) {
      if (value === null) await sql`select setval(${name}::regclass, 1, false)`.execute(tx);
      else await sql`select setval(${name}::regclass, ${value}::bigint, true)`.execute(tx);
    }
  });
  const latest = await migrator.migrateToLatest();
  if (latest.error) throw latest.error instanceof Error ? latest.error : new Error('migration failed');
  return {
    ...checked.summary,
    upgradedWith: (latest.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  };
}

/** A digest of every row of every table (order-independent), to compare two databases. */
export async function tableDigests<T>(database: Kysely<T>): Promise<Record<string, { rows: number; md5: string }>> {
  const db = database as unknown as Kysely<unknown>;
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const table of await tablesInOrder(db)) {
    const r = await sql<{ rows: string; md5: string | null }>`
      select count(*)::text as rows, md5(string_agg(t::text, E'\\n' order by t::text)) as md5
      from ${sql.table(table.name)} t`.execute(db);
    out[table.name] = { rows: Number(r.rows[0]?.rows ?? 0), md5: r.rows[0]?.md5 ?? '' };
  }
  return out;
}
