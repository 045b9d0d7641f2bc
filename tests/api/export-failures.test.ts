// An export never answers 200 with a cut file. A failure before the first row is
// a problem response (the rows are fetched before the status line); a failure
// after the first byte cuts the connection, so the download fails instead of
// ending short. Both for answers.csv (COPY on PostgreSQL, batches on PGlite) and
// answers.xlsx (batches on both).
import { get, type IncomingMessage } from 'node:http';
import { sql } from 'kysely';
import { seedDemo } from '../../server/tools/demo-data';
import { startTestApp, type TestApp } from '../support/app';
import { backend } from '../support/backend';
import { listen } from '../support/browser';
import { signInAs, type SignedInUser } from '../support/sign-in';

let t: TestApp;
let regulator: SignedInUser;
let server: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  t = await startTestApp();
  // Enough rows (~40,000, several MB) that a paused client holds the export up mid-way.
  await seedDemo(t.db.db, t.catalogue, {
    orgs: 200,
    region: '杨舍镇',
    industry: 'C',
    size: 'small',
    repeatShare: 0,
    sharedShare: 1,
    fullReports: false,
    seed: 7,
  });
  regulator = await signInAs(t, 'regulator');
  server = await listen(t.app);
}, 120_000);
afterAll(async () => {
  await server.close();
  await t.close();
});

const EXPORTS = ['/api/v1/exports/answers.csv', '/api/v1/exports/answers.xlsx'];

async function withAnswersHidden(work: () => Promise<void>): Promise<void> {
  await sql`alter table answers rename to answers_hidden`.execute(t.db.db);
  try {
    await work();
  } finally {
    await sql`alter table answers_hidden rename to answers`.execute(t.db.db);
  }
}

it.each(EXPORTS)('%s: a failure before the first row is a problem response, not a 200', async (path) => {
  await withAnswersHidden(async () => {
    const res = await regulator.agent.get(path);
    expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
      status: 500,
      type: expect.stringMatching(/application\/problem\+json/),
    });
  });
});

/** What the export's database work fails on mid-way: its connections killed (PostgreSQL) or its table gone (PGlite). */
async function breakTheDatabase(): Promise<() => Promise<void>> {
  if (backend === 'postgres') {
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()`.execute(t.db.db);
    return () => Promise.resolve();
  }
  await sql`alter table answers rename to answers_hidden`.execute(t.db.db);
  return async () => {
    await sql`alter table answers_hidden rename to answers`.execute(t.db.db);
  };
}

it.each(EXPORTS)('%s: a failure after the first byte cuts the connection', async (path) => {
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    get(`${server.url}${path}`, { headers: regulator.agent.headers }, resolve).on('error', reject);
  });
  expect(res.statusCode).toBe(200);
  let received = 0;
  const outcome = new Promise<{ complete: boolean; failed: boolean }>((resolve) => {
    let failed = false;
    res.on('error', () => {
      failed = true;
    });
    res.on('close', () => {
      resolve({ complete: res.complete, failed });
    });
  });
  // Read the first bytes, then stop reading while the database breaks: the CSV writer fills the
  // socket and waits; the XLSX writer (compressed, a few batches) is still fetching its next batch.
  await new Promise<void>((resolve) => {
    res.once('data', (chunk: Buffer) => {
      received += chunk.length;
      res.pause();
      resolve();
    });
  });
  const repair = await breakTheDatabase();
  try {
    res.on('data', (chunk: Buffer) => {
      received += chunk.length;
    });
    res.resume();
    const { complete, failed } = await outcome;
    expect({ complete, failed }).toEqual({ complete: false, failed: true });
    expect(received).toBeGreaterThan(0);
  } finally {
    await repair();
  }
  // The pool recovers (a connection killed while idle may still answer one 503 first, as it should).
  let after = await regulator.agent.get(path);
  for (let retry = 0; retry < 3 && after.status === 503; retry += 1) after = await regulator.agent.get(path);
  expect(after.status).toBe(200);
});
