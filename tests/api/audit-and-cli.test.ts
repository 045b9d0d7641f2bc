import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { openDb } from '../../db';
import { verifyPassword } from '../../server/accounts/passwords';
import { appendAudit, verifyAuditChain } from '../../server/audit/audit-log';
import { backend } from '../support/backend';
import { freshDb, type TestDb } from '../support/db';

const run = promisify(execFile);
const root = resolve(__dirname, '..', '..');
jest.setTimeout(90000);

let db: TestDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(async () => {
  await db.drop();
});

async function appendThree(): Promise<void> {
  for (const action of ['a', 'b', 'c']) {
    await db.db
      .transaction()
      .execute((tx) => appendAudit(tx, { actor: 'tester', action, subject: 'thing:1', payload: { action } }));
  }
}

describe('the audit chain', () => {
  it('verifies an untouched chain', async () => {
    await appendThree();
    expect(await verifyAuditChain(db.db)).toEqual({ ok: true, events: 3 });
  });

  it('detects an edited event', async () => {
    await appendThree();
    await sql`update audit_events set payload = '{"action":"x"}' where action = 'b'`.execute(db.db);
    expect(await verifyAuditChain(db.db)).toMatchObject({
      ok: false,
      events: 1,
      reason: expect.stringContaining('hash'),
    });
  });

  it('detects a deleted event', async () => {
    await appendThree();
    await sql`delete from audit_events where action = 'b'`.execute(db.db);
    expect(await verifyAuditChain(db.db)).toMatchObject({
      ok: false,
      events: 1,
      reason: expect.stringContaining('prev_hash'),
    });
  });

  it('stays a single chain under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.db.transaction().execute((tx) => appendAudit(tx, { actor: 't', action: `n${i}`, subject: 's' })),
      ),
    );
    expect(await verifyAuditChain(db.db)).toEqual({ ok: true, events: 10 });
  });
});

describe('command-line tools', () => {
  it('creates a regulator with user:create and checks the chain with audit:verify', async () => {
    // PGlite allows one process per folder, so the CLI gets its own; PostgreSQL uses this test's database.
    const env =
      backend === 'postgres'
        ? { ...process.env, DATABASE_URL: db.url ?? '' }
        : { ...process.env, DATABASE_URL: '', DATA_DIR: mkdtempSync(join(tmpdir(), 'hegui-cli-')) };
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    const created = await run(
      tsx,
      [
        'server/tools/user-create.ts',
        '--role',
        'regulator',
        '--email',
        'Reg@Example.cn',
        '--password',
        'regulator-pass-1',
        '--department',
        '应急管理局',
      ],
      { cwd: root, env },
    );
    expect(created.stdout).toMatch(/^created regulator reg@example\.cn \(.+\), department 应急管理局/);
    await expect(
      run(
        tsx,
        [
          'server/tools/user-create.ts',
          '--role',
          'regulator',
          '--email',
          'reg@example.cn',
          '--password',
          'regulator-pass-1',
        ],
        { cwd: root, env },
      ),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('already registered') });
    await expect(
      run(tsx, ['server/tools/user-create.ts', '--role', 'boss', '--email', 'x@example.cn', '--password', 'x'], {
        cwd: root,
        env,
      }),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage:') });
    const verified = await run(tsx, ['server/tools/audit-verify.ts'], { cwd: root, env });
    expect(verified.stdout).toMatch(/audit chain intact: \d+ event/);
  });

  it('seeds demo data only into an empty database and gives the demo regulator a new password each run', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hegui-demo-'));
    const env =
      backend === 'postgres'
        ? { ...process.env, DATABASE_URL: db.url ?? '' }
        : { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir };
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    const args = ['server/tools/seed-demo.ts', '--orgs', '6', '--seed', '7', '--if-empty', '--demo-login'];
    const first = await run(tsx, args, { cwd: root, env });
    expect(first.stdout).toMatch(/seeded 6 organisations, \d+ submitted assessments/);
    const again = await run(tsx, args, { cwd: root, env });
    expect(again.stdout).toMatch(/already holds \d+ submitted assessments; nothing seeded/);
    const password = (out: string): string =>
      /demo regulator login: regulator@demo\.hegui\.invalid \/ (\S+)/.exec(out)?.[1] ?? '';
    expect(password(again.stdout)).not.toBe(password(first.stdout));
    const check = backend === 'postgres' ? db : await openDb({ dataDir });
    try {
      const users = await check.db
        .selectFrom('users')
        .select(['password_hash', 'role'])
        .where('email', '=', 'regulator@demo.hegui.invalid')
        .execute();
      expect(users).toHaveLength(1);
      expect(users[0].role).toBe('regulator');
      expect(await verifyPassword(users[0].password_hash, password(again.stdout))).toBe(true);
      expect(await verifyPassword(users[0].password_hash, password(first.stdout))).toBe(false);
    } finally {
      if (check !== db) await check.close();
    }
  });
});
