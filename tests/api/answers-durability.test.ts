// 50 clients each save 100 answers at once; on PostgreSQL the database goes away
// (every connection dropped) and comes back in the middle. Clients retry as the
// browser script does; afterwards every acknowledged answer must be stored.
import { createApp } from '../../server/app';
import { CatalogueStore } from '../../server/catalogue/catalogue-store';
import { importCatalogue } from '../../server/catalogue/version-import';
import { createLogger } from '../../server/logger';
import { openDb, type DbHandle } from '../../db';
import { backend } from '../support/backend';
import { listen } from '../support/browser';
import { uniqueCreditCode, randomIp } from '../support/company';
import { freshDb, type TestDb } from '../support/db';
import { fixtureContent, fixtureItem } from '../support/fixtures';
import { CuttableProxy } from '../support/proxy';

jest.setTimeout(120000);

const CLIENTS = 50;
const ITEMS = 100;
const STATUSES = ['compliant', 'non_compliant', 'not_applicable', 'unsure'] as const;
const codes = Array.from({ length: ITEMS }, (_, i) => `XF-${String(i + 1).padStart(3, '0')}`);

interface Client {
  cookie: string;
  csrf: string;
  assessment: string;
  acknowledged: Map<string, { status: string; note: string }>;
}

/** fetch with retries on 503 and network errors, like views/assets/assess.js. */
async function send(url: string, init: RequestInit, attempts = 80): Promise<Response> {
  for (let i = 0; ; i += 1) {
    try {
      const res = await fetch(url, init);
      if (res.status !== 503 || i >= attempts) return res;
    } catch (err) {
      if (i >= attempts) throw err;
    }
    await new Promise((r) => setTimeout(r, Math.min(1000, 50 * (i + 1))));
  }
}

async function startClient(base: string, n: number): Promise<Client> {
  const creditCode = uniqueCreditCode();
  const reg = await send(`${base}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': randomIp() },
    body: JSON.stringify({
      email: `c${n}-${creditCode}@example.cn`,
      password: 'durability-pass-1',
      orgName: `企业${n}`,
      creditCode,
      region: '杨舍镇',
      industry: 'C',
      size: 'small',
    }),
  });
  if (reg.status !== 201) throw new Error(`register ${reg.status}: ${await reg.text()}`);
  const cookie = (reg.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await reg.json()) as { csrfToken: string };
  const created = await send(`${base}/api/v1/assessments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ profile: { tags: [] } }),
  });
  if (created.status !== 201) throw new Error(`create ${created.status}: ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  return { cookie, csrf: csrfToken, assessment: id, acknowledged: new Map() };
}

async function saveAll(base: string, client: Client, n: number): Promise<void> {
  for (let j = 0; j < ITEMS; j += 1) {
    const value = { status: STATUSES[(n + j) % 4], note: `客户${n}-事项${j}` };
    const res = await send(`${base}/api/v1/assessments/${client.assessment}/answers/${codes[j]}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: client.cookie, 'x-csrf-token': client.csrf },
      body: JSON.stringify(value),
    });
    if (res.status === 200) client.acknowledged.set(codes[j], value);
  }
}

let own: TestDb;
let database: DbHandle;
let proxy: CuttableProxy | undefined;

beforeAll(async () => {
  own = await freshDb();
  if (backend === 'postgres') {
    proxy = new CuttableProxy({
      host: new URL(own.url ?? '').hostname,
      port: Number(new URL(own.url ?? '').port || 5432),
    });
    database = await openDb({
      databaseUrl: CuttableProxy.urlThrough(own.url ?? '', await proxy.listen()),
      poolSize: 10,
      onPoolError: () => undefined,
    });
  } else {
    database = own;
  }
});
afterAll(async () => {
  await proxy?.cut();
  if (database !== own) await database.close().catch(() => undefined);
  await own.drop();
});

it(`stores every acknowledged answer of ${CLIENTS} clients × ${ITEMS} saves${backend === 'postgres' ? ' across a database outage' : ''}`, async () => {
  const content = fixtureContent(codes.map((c) => fixtureItem(c)));
  const { catalogue } = await importCatalogue(database.db, content);
  const app = createApp({
    database,
    catalogues: new CatalogueStore(database.db, catalogue),
    logger: createLogger('silent'),
    production: false,
    // Each client registers from its own address through X-Forwarded-For, as behind a proxy on loopback.
    trustProxy: 'loopback',
  });
  const server = await listen(app);
  try {
    const clients = await Promise.all(Array.from({ length: CLIENTS }, (_, n) => startClient(server.url, n)));
    const saving = Promise.all(clients.map((c, n) => saveAll(server.url, c, n)));
    let outage = 0;
    if (proxy) {
      await new Promise((r) => setTimeout(r, 400));
      const started = Date.now();
      await proxy.cut();
      await new Promise((r) => setTimeout(r, 1500));
      await proxy.listen();
      outage = Date.now() - started;
    }
    await saving;
    if (proxy) expect(outage).toBeGreaterThanOrEqual(1500);

    const stored = await own.db
      .selectFrom('answers')
      .select(['assessment_id', 'item_code', 'status', 'note'])
      .execute();
    const byAssessment = new Map<string, Map<string, { status: string; note: string | null }>>();
    for (const row of stored) {
      const m = byAssessment.get(row.assessment_id) ?? new Map();
      m.set(row.item_code, { status: row.status, note: row.note });
      byAssessment.set(row.assessment_id, m);
    }
    let acknowledged = 0;
    for (const client of clients) {
      const rows = byAssessment.get(client.assessment) ?? new Map();
      acknowledged += client.acknowledged.size;
      expect(client.acknowledged.size).toBe(ITEMS); // retries got every save through
      for (const [code, value] of client.acknowledged) expect(rows.get(code)).toEqual(value);
      expect(rows.size).toBe(client.acknowledged.size);
    }
    expect(acknowledged).toBe(CLIENTS * ITEMS);
  } finally {
    await server.close();
  }
});
