// Signed checkpoints catch what the hash chain alone cannot: the newest events
// deleted, or an event edited and every later hash recomputed.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { appendAudit, eventHash, GENESIS, verifyAuditChain } from '../../server/audit/audit-log';
import { verifyCheckpoints, writeCheckpoint } from '../../server/audit/checkpoints';
import { loadSigningKey, parseSigningKey, SIGNING_KEY_FILE, type SigningKey } from '../../server/audit/signing-key';
import { backend } from '../support/backend';
import { freshDb, type TestDb } from '../support/db';

const run = promisify(execFile);
const root = resolve(__dirname, '..', '..');
jest.setTimeout(90000);

const newKey = (): SigningKey =>
  parseSigningKey(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());

let db: TestDb;
let key: SigningKey;
beforeEach(async () => {
  db = await freshDb();
  key = newKey();
});
afterEach(async () => {
  await db.drop();
});

async function append(...actions: string[]): Promise<void> {
  for (const action of actions) {
    await db.db
      .transaction()
      .execute((tx) => appendAudit(tx, { actor: 'tester', action, subject: 'thing:1', payload: { action } }));
  }
}

/** What an attacker with write access does after editing a row: recompute every hash from there on. */
async function rehashChain(): Promise<void> {
  const rows = await db.db.selectFrom('audit_events').selectAll().orderBy('id').execute();
  let prev = GENESIS;
  for (const row of rows) {
    const hash = eventHash(prev, {
      at: row.at.toISOString(),
      actor: row.actor,
      action: row.action,
      subject: row.subject,
      payload: row.payload,
    });
    await db.db.updateTable('audit_events').set({ prev_hash: prev, hash }).where('id', '=', row.id).execute();
    prev = hash;
  }
}

describe('signed audit checkpoints', () => {
  it('match an untouched log', async () => {
    await append('a', 'b');
    await writeCheckpoint(db.db, key);
    await append('c');
    await writeCheckpoint(db.db, key);
    expect(await verifyCheckpoints(db.db, key)).toEqual({ ok: true, checkpoints: 2, problems: [] });
  });

  it('catch the newest events deleted, which the chain alone accepts', async () => {
    await append('a', 'b', 'c');
    await writeCheckpoint(db.db, key);
    await sql`delete from audit_events where action in ('b', 'c')`.execute(db.db);
    expect(await verifyAuditChain(db.db)).toEqual({ ok: true, events: 1 });
    const check = await verifyCheckpoints(db.db, key);
    expect(check.ok).toBe(false);
    expect(check.problems[0]?.reason).toMatch(/missing \(events deleted\)/);
  });

  it('catch an edited event whose later hashes were recomputed', async () => {
    await append('a', 'b', 'c');
    await writeCheckpoint(db.db, key);
    await sql`update audit_events set payload = '{"action":"x"}' where action = 'a'`.execute(db.db);
    await rehashChain();
    expect(await verifyAuditChain(db.db)).toEqual({ ok: true, events: 3 });
    const check = await verifyCheckpoints(db.db, key);
    expect(check.ok).toBe(false);
    expect(check.problems[0]?.reason).toMatch(/another hash than when it was signed/);
  });

  it('reject a checkpoint row forged in the database or signed with another key', async () => {
    await append('a');
    await writeCheckpoint(db.db, key);
    await writeCheckpoint(db.db, newKey());
    await sql`update audit_checkpoints set events = 7 where id = (select min(id) from audit_checkpoints)`.execute(
      db.db,
    );
    const check = await verifyCheckpoints(db.db, key);
    expect(check.problems.map((p) => p.reason)).toEqual([
      'signature does not verify',
      expect.stringMatching(/^signed by key [0-9a-f]{16}, not by this deployment's key/),
    ]);
  });

  it('check a head kept elsewhere even when the checkpoint rows are deleted too', async () => {
    await append('a', 'b');
    const kept = await writeCheckpoint(db.db, key);
    await sql`delete from audit_events where action = 'b'`.execute(db.db);
    await sql`delete from audit_checkpoints`.execute(db.db);
    expect((await verifyCheckpoints(db.db, key)).ok).toBe(true);
    const check = await verifyCheckpoints(db.db, key, kept);
    expect(check.problems).toEqual([{ checkpoint: 'kept copy', reason: expect.stringMatching(/missing/) }]);
  });
});

describe('the signing key', () => {
  it('is generated once into the data folder, readable by its owner only, and reused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hegui-key-'));
    const first = loadSigningKey({ dataDir: dir });
    expect(statSync(join(dir, SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadSigningKey({ dataDir: dir }).keyId).toBe(first.keyId);
    const spki = Buffer.from(first.publicKeyBase64, 'base64');
    expect(first.keyId).toBe(createHash('sha256').update(spki).digest('hex').slice(0, 16));
  });

  it('is the same key for processes that start at once on a new data folder (none reads a half-written file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hegui-key-race-'));
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    // Each process loads its code, then waits for the same instant, so that all
    // of them look for the file together.
    const script =
      "const { loadSigningKey } = require('./server/audit/signing-key');" +
      'const at = Number(process.argv[2]); while (Date.now() < at);' +
      'process.stdout.write(loadSigningKey({ dataDir: process.argv[1] }).keyId);';
    const at = String(Date.now() + 6000);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, () => run(tsx, ['-e', script, dir, at], { cwd: root })),
    );
    const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []));
    expect(failures).toEqual([]);
    const keyIds = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.stdout] : []));
    expect(new Set(keyIds).size).toBe(1);
    expect(keyIds[0]).toBe(loadSigningKey({ dataDir: dir }).keyId);
  });

  it('names the file when the key file in the data folder is damaged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hegui-key-bad-'));
    writeFileSync(join(dir, SIGNING_KEY_FILE), '');
    expect(() => loadSigningKey({ dataDir: dir })).toThrow(
      `${join(dir, SIGNING_KEY_FILE)} is not an Ed25519 private key`,
    );
  });

  it('comes from AUDIT_SIGNING_KEY as PEM or one-line base64, and a wrong one is refused with the reason', () => {
    const pair = generateKeyPairSync('ed25519');
    const pem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const der = pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    expect(parseSigningKey(der).keyId).toBe(parseSigningKey(pem).keyId);
    expect(() => parseSigningKey('not a key')).toThrow(/not an Ed25519 private key/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(() => parseSigningKey(rsa.toString())).toThrow(/must be Ed25519/);
  });
});

describe('npm run audit:checkpoint and audit:verify --head', () => {
  it('print a signed head, and fail once events covered by it are gone', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hegui-audit-'));
    const env = {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: backend === 'postgres' ? (db.url ?? '') : '',
      AUDIT_SIGNING_KEY: '',
    };
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    if (backend === 'postgres') await append('a', 'b');
    const printed = await run(tsx, ['server/tools/audit-checkpoint.ts'], { cwd: root, env });
    const head = JSON.parse(printed.stdout) as { keyId: string; signature: string; headId: string };
    expect(head.keyId).toMatch(/^[0-9a-f]{16}$/);
    const headFile = join(dataDir, 'head.json');
    writeFileSync(headFile, printed.stdout);
    const ok = await run(tsx, ['server/tools/audit-verify.ts', '--head', headFile], { cwd: root, env });
    expect(ok.stdout).toMatch(/signed checkpoints match: 1 and the kept head/);
    if (backend === 'postgres') {
      // Wipe the newest event and every checkpoint: only the kept head can tell.
      await sql`delete from audit_events where action = 'b'`.execute(db.db);
      await sql`delete from audit_checkpoints`.execute(db.db);
      await expect(
        run(tsx, ['server/tools/audit-verify.ts', '--head', headFile], { cwd: root, env }),
      ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('checkpoint kept copy FAILS') });
    } else {
      // PGlite: one process per folder, so the tampering is a forged head instead.
      writeFileSync(headFile, JSON.stringify({ ...JSON.parse(printed.stdout), headId: '999' }));
      await expect(
        run(tsx, ['server/tools/audit-verify.ts', '--head', headFile], { cwd: root, env }),
      ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('signature does not verify') });
    }
  });
});
