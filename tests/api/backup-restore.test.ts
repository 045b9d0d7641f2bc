// npm run backup / restore (db/backup.ts): a database with assessments, reports,
// decks, tokens and audit rows comes back table for table; a damaged or foreign
// file fails naming what is wrong and restores nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { createApp } from '../../server/app';
import { Catalogue } from '../../server/catalogue/catalogue';
import { CatalogueStore } from '../../server/catalogue/catalogue-store';
import { createLogger } from '../../server/logger';
import { backupDatabase, BackupFileError, restoreDatabase, RestoreTargetError, tableDigests } from '../../db/backup';
import { fingerprintOf } from '../../server/assessment/fingerprint';
import { verifyAuditChain } from '../../server/audit/audit-log';
import { backend } from '../support/backend';
import { seedForBackup } from '../support/backup-seed';
import { freshDb, type TestDb } from '../support/db';

jest.setTimeout(60_000);

let dir: string;
let source: TestDb;
let file: string;
let fingerprints: readonly string[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hegui-backup-test-'));
  source = await freshDb();
  ({ fingerprints } = await seedForBackup(source));
  file = join(dir, 'backup.hbk.gz');
  await backupDatabase(source.db, file, backend);
});
afterAll(async () => {
  await source.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function withTarget(fn: (target: TestDb) => Promise<void>): Promise<void> {
  const target = await freshDb();
  try {
    await fn(target);
  } finally {
    await target.drop();
  }
}

it('restores every table into an empty database, row for row, with the audit chain and the fingerprints intact', async () => {
  const before = await tableDigests(source.db);
  for (const table of ['orgs', 'users', 'sessions', 'assessments', 'answers', 'decks', 'api_tokens', 'audit_events'])
    expect(before[table].rows).toBeGreaterThan(0);
  await withTarget(async (target) => {
    const result = await restoreDatabase(target.db, file);
    expect(result.rows).toBe(Object.values(before).reduce((n, d) => n + d.rows, 0));
    expect(await tableDigests(target.db)).toEqual(before);
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
    const reports = await target.db
      .selectFrom('assessments')
      .select(['fingerprint', 'report'])
      .where('status', '=', 'submitted')
      .execute();
    expect(reports.map((r) => r.fingerprint).sort()).toEqual([...fingerprints].sort());
    for (const r of reports) expect(fingerprintOf(r.report)).toBe(r.fingerprint);
    // New rows after a restore get new ids (the sequences came back too).
    const ids = await target.db.selectFrom('audit_events').select('id').orderBy('id', 'desc').limit(1).execute();
    const seq = await target.db
      .insertInto('checklist_versions')
      .values({ content_hash: 'f'.repeat(64), content: '{}', item_count: 0, is_current: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(seq.id).toBeGreaterThan(1);
    expect(ids.length).toBe(1);
  });
});

it('refuses a target that already holds data, and changes nothing in it', async () => {
  await expect(restoreDatabase(source.db, file)).rejects.toThrow(RestoreTargetError);
  await expect(restoreDatabase(source.db, file)).rejects.toThrow(/not empty \(table \w+ has rows\)/);
});

describe('a damaged or foreign file fails loudly and restores nothing', () => {
  const lines = (): string[] => gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  const write = (name: string, bytes: Buffer): string => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const cases: Array<[string, () => string, RegExp]> = [
    [
      'compressed stream cut in half',
      () => {
        const bytes = readFileSync(file);
        return write('cut.gz', bytes.subarray(0, Math.floor(bytes.length / 2)));
      },
      /truncated: the compressed data ends early/,
    ],
    [
      'lines cut inside a table',
      () => {
        const all = lines();
        const start = all.findIndex((l) => l === '["table","answers"]');
        return write('short.gz', gzipSync(all.slice(0, start + 3).join('\n') + '\n'));
      },
      /truncated: it ends inside table answers after 2 rows/,
    ],
    [
      'a row changed after the backup was made',
      () => write('edited.gz', gzipSync(lines().join('\n').replace('灭火器未按月检查', '灭火器已按月检查'))),
      /checksum does not match/,
    ],
    ['a file that does not exist', () => join(dir, 'no-such-backup.hbk.gz'), /no-such-backup\.hbk\.gz: no such file/],
    [
      'not gzip at all',
      () => write('plain.txt', Buffer.from('hello, this is not a backup\n')),
      /not a gzip-compressed/,
    ],
    [
      'gzip of something else',
      () => write('other.gz', gzipSync('{"format":"pg_dump","tables":[]}\n')),
      /not a Hegui backup/,
    ],
    [
      'made by a newer Hegui',
      () => {
        const all = lines();
        const header = JSON.parse(all[0]);
        header.migrations.push('9999-from-the-future');
        return write('newer.gz', gzipSync([JSON.stringify(header), ...all.slice(1)].join('\n')));
      },
      /newer Hegui \(unknown migration 9999-from-the-future\)/,
    ],
  ];
  // One target for every case: after each failed attempt it must be exactly as it was.
  let target: TestDb;
  let untouched: Awaited<ReturnType<typeof tableDigests>>;
  beforeAll(async () => {
    target = await freshDb();
    untouched = await tableDigests(target.db);
  });
  afterAll(async () => {
    await target.drop();
  });
  it.each(cases)('%s', async (_label, make, message) => {
    const path = make();
    const attempt = restoreDatabase(target.db, path);
    await expect(attempt).rejects.toThrow(BackupFileError);
    await expect(restoreDatabase(target.db, path)).rejects.toThrow(message);
    await expect(restoreDatabase(target.db, path)).rejects.toThrow(/Nothing was restored/);
    expect(await tableDigests(target.db)).toEqual(untouched);
  });
});

it('serves the restored reports: an uploaded report still verifies', async () => {
  await withTarget(async (target) => {
    await restoreDatabase(target.db, file);
    const version = await target.db
      .selectFrom('checklist_versions')
      .selectAll()
      .where('is_current', '=', true)
      .executeTakeFirstOrThrow();
    const catalogue = new Catalogue(
      { id: version.id, hash: version.content_hash, createdAt: version.created_at },
      version.content,
    );
    const app = createApp({
      database: target,
      catalogues: new CatalogueStore(target.db, catalogue),
      logger: createLogger('silent'),
      production: false,
    });
    const row = await target.db
      .selectFrom('assessments')
      .select('report')
      .where('status', '=', 'submitted')
      .executeTakeFirstOrThrow();
    expect(row.report).not.toBeNull();
    const verified = await request(app)
      .post('/api/v1/verify')
      .send(row.report ?? {})
      .expect(200);
    expect(verified.body).toMatchObject({ match: true });
  });
});
