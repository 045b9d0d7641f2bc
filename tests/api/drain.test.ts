// Graceful shutdown: once a drain starts /readyz answers 503 while the instance
// still serves, then the listener closes (new connections are refused, so a
// balancer passes them on), the request in flight finishes and is stored, and a
// request that never finishes is cut when the timeout runs out.
import { createServer, request as httpRequest, type ClientRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app';
import { CatalogueStore } from '../../server/catalogue/catalogue-store';
import { importCatalogue } from '../../server/catalogue/version-import';
import { DrainState, drainAware, drainServer } from '../../server/http/drain';
import { createLogger } from '../../server/logger';
import { registerCompany } from '../support/company';
import { freshDb, type TestDb } from '../support/db';
import { fixtureContent } from '../support/fixtures';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => {
  await db.drop();
});

interface Running {
  readonly server: Server;
  readonly drain: DrainState;
  readonly port: number;
  readonly draft: { cookie: string; csrf: string; assessment: string };
}

async function start(): Promise<Running> {
  const { catalogue } = await importCatalogue(db.db, fixtureContent());
  const drain = new DrainState();
  const app = createApp({
    database: db,
    catalogues: new CatalogueStore(db.db, catalogue),
    logger: createLogger('silent'),
    production: false,
    drain,
  });
  const company = await registerCompany(app);
  const created = await company.agent
    .post('/api/v1/assessments')
    .send({ profile: { tags: [] } })
    .expect(201);
  const server = createServer(drainAware(app, drain));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    drain,
    port: (server.address() as AddressInfo).port,
    draft: { cookie: company.agent.cookie, csrf: company.agent.csrf, assessment: created.body.id as string },
  };
}

interface Answer {
  readonly status: number;
  readonly connection: string | undefined;
}

/** Sends the first half of an answer save's body now; the returned finish() sends the rest. */
function halfSentSave(r: Running, body: string): { req: ClientRequest; finish: () => void; response: Promise<Answer> } {
  const req = httpRequest({
    host: '127.0.0.1',
    port: r.port,
    method: 'PUT',
    path: `/api/v1/assessments/${r.draft.assessment}/answers/XF-001`,
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      cookie: r.draft.cookie,
      'x-csrf-token': r.draft.csrf,
    },
  });
  const response = new Promise<Answer>((resolve, reject) => {
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
      });
    });
    req.on('error', reject);
  });
  const cut = Math.floor(body.length / 2);
  req.write(body.slice(0, cut));
  return { req, finish: () => req.end(body.slice(cut)), response };
}

async function readyz(port: number): Promise<{ status: number; body: string } | 'refused'> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/readyz`);
    return { status: res.status, body: await res.text() };
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code;
    // A connection that reached the backlog just as the listener closed is reset
    // instead of refused: for a client (nginx) both mean "try the next one".
    if (code === 'ECONNREFUSED' || code === 'ECONNRESET') return 'refused';
    throw err;
  }
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

it('answers /readyz 503 first, then refuses new connections, and lets the save in flight finish and be stored', async () => {
  const r = await start();
  expect(await readyz(r.port)).toMatchObject({ status: 200 });
  const save = halfSentSave(r, JSON.stringify({ status: 'non_compliant', note: '排空期间保存的答案' }));
  await until(() => r.drain.inFlight === 1, 5000);

  const drained = drainServer(r.server, r.drain, { delayMs: 400, timeoutMs: 10_000 });
  // Still listening during the delay, but no longer ready; the database address is never shown.
  const during = await readyz(r.port);
  expect(during).toMatchObject({ status: 503 });
  expect(during !== 'refused' && during.body).toMatch(/shutting down/);
  // Once the listener has closed, a new connection is refused (nginx passes the request on).
  const refusedBy = Date.now() + 3000;
  let after = await readyz(r.port);
  while (after !== 'refused' && Date.now() < refusedBy) {
    await new Promise((res) => setTimeout(res, 25));
    after = await readyz(r.port);
  }
  expect(after).toBe('refused');
  expect(r.drain.inFlight).toBe(1);

  save.finish();
  const answered = await save.response;
  expect(answered.status).toBe(200);
  expect(answered.connection).toBe('close');
  await expect(drained).resolves.toBe('drained');
  const row = await db.db
    .selectFrom('answers')
    .select(['status', 'note'])
    .where('assessment_id', '=', r.draft.assessment)
    .where('item_code', '=', 'XF-001')
    .executeTakeFirst();
  expect(row).toEqual({ status: 'non_compliant', note: '排空期间保存的答案' });
});

it('cuts a request still unfinished when the shutdown timeout runs out', async () => {
  const r = await start();
  const save = halfSentSave(r, JSON.stringify({ status: 'compliant' }));
  // Settled at once: the cut may come before the assertion below is reached.
  const outcome = save.response.then(
    () => 'answered',
    (err: unknown) => (err instanceof Error ? err.message : String(err)),
  );
  await until(() => r.drain.inFlight === 1, 5000);
  const t0 = Date.now();
  await expect(drainServer(r.server, r.drain, { delayMs: 0, timeoutMs: 300 })).resolves.toBe('timed-out');
  expect(Date.now() - t0).toBeLessThan(2000);
  expect(await outcome).toMatch(/socket hang up|ECONNRESET/);
});
