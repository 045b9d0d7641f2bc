// Upgrades never break data: a backup made by an earlier schema (committed in
// tests/fixtures/, never regenerated) restores into an empty database through
// the CLI, is migrated to the current schema, and its reports still verify.
// Every later migration must keep this green.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import request from 'supertest';
import { openDb, type DbHandle } from '../../db';
import { checkBackup } from '../../db/backup';
import { migrations } from '../../db/migrate';
import { createApp } from '../../server/app';
import { fingerprintOf } from '../../server/assessment/fingerprint';
import { verifyAuditChain } from '../../server/audit/audit-log';
import { Catalogue } from '../../server/catalogue/catalogue';
import { CatalogueStore } from '../../server/catalogue/catalogue-store';
import { createLogger } from '../../server/logger';
import { backend } from '../support/backend';
import { databaseUrlFor } from '../support/db';

jest.setTimeout(120_000);

const run = promisify(execFile);
const root = resolve(__dirname, '..', '..');
const fixtures = readdirSync(join(root, 'tests', 'fixtures'))
  .filter((f) => /^backup-.*\.hbk\.gz$/.test(f))
  .map((f) => join(root, 'tests', 'fixtures', f));

async function admin(statement: string): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** An empty database with no schema at all: a new DATA_DIR, or a new PostgreSQL database. */
async function emptyTarget(): Promise<{
  env: NodeJS.ProcessEnv;
  open: () => Promise<DbHandle>;
  drop: () => Promise<void>;
}> {
  if (backend === 'postgres') {
    const name = `hegui_test_upgrade_${process.pid}_${Date.now().toString(36)}`;
    await admin(`create database ${name}`);
    const url = databaseUrlFor(name);
    return {
      env: { DATABASE_URL: url },
      open: () => openDb({ databaseUrl: url, poolSize: 2 }),
      drop: () => admin(`drop database if exists ${name} with (force)`),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'hegui-upgrade-'));
  return {
    env: { DATABASE_URL: '', DATA_DIR: dir },
    open: () => openDb({ dataDir: dir }),
    drop: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

it('keeps at least one backup of an earlier schema as a fixture', () => {
  expect(fixtures.length).toBeGreaterThan(0);
});

describe.each(fixtures.map((f) => [f.slice(f.lastIndexOf('/') + 1), f]))('%s', (_name, fixture) => {
  it('restores with npm run restore, migrates to the current schema, and every report and the audit chain verify', async () => {
    const summary = await checkBackup(fixture);
    const target = await emptyTarget();
    try {
      const env = { ...process.env, ...target.env, NODE_OPTIONS: '' };
      const tsx = join(root, 'node_modules', '.bin', 'tsx');
      const restored = await run(tsx, ['server/tools/restore.ts', fixture], { cwd: root, env });
      const newer = Object.keys(migrations).filter((m) => !summary.migrations.includes(m));
      expect(restored.stdout).toContain(`restored ${summary.rows} rows of ${summary.tables} tables`);
      expect(restored.stdout).toContain(
        newer.length > 0 ? `upgraded with ${newer.join(', ')}` : 'schema already current',
      );
      const audited = await run(tsx, ['server/tools/audit-verify.ts'], { cwd: root, env });
      expect(audited.stdout).toMatch(/audit chain intact: [1-9]\d* event\(s\)/);

      const database = await target.open();
      try {
        expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
        const applied = await database.db
          .selectFrom('kysely_migration' as never)
          .select('name' as never)
          .execute();
        expect(applied.length).toBe(Object.keys(migrations).length);
        const submitted = await database.db
          .selectFrom('assessments')
          .select(['id', 'fingerprint', 'report'])
          .where('status', '=', 'submitted')
          .execute();
        expect(submitted.length).toBeGreaterThan(0);
        for (const a of submitted) expect(fingerprintOf(a.report)).toBe(a.fingerprint);
        // The running app, on the upgraded data, says the same to anyone verifying.
        const version = await database.db
          .selectFrom('checklist_versions')
          .selectAll()
          .where('is_current', '=', true)
          .executeTakeFirstOrThrow();
        const catalogue = new Catalogue(
          { id: version.id, hash: version.content_hash, createdAt: version.created_at },
          version.content,
        );
        const app = createApp({
          database,
          catalogues: new CatalogueStore(database.db, catalogue),
          logger: createLogger('silent'),
          production: false,
        });
        for (const a of submitted) {
          const byPrint = await request(app)
            .get(`/api/v1/verify/${a.fingerprint ?? ''}`)
            .expect(200);
          expect(byPrint.body).toMatchObject({ match: true });
          // A report stored before coverage existed: every item it lists was answered.
          const report = a.report;
          if (!report) throw new Error('a submitted assessment without its report');
          expect(byPrint.body).toMatchObject({
            mode: report.mode ?? 'full',
            coverage: { answered: report.overall.total, total: report.overall.total },
            org: { name: report.org?.name },
          });
          const upload = await request(app)
            .post('/api/v1/verify')
            .send(a.report ?? {})
            .expect(200);
          expect(upload.body).toMatchObject({ match: true });
        }
      } finally {
        await database.close();
      }
    } finally {
      await target.drop();
    }
  });
});
