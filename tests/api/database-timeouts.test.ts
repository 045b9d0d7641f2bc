// A database that is busy or silent must not hang a request: the statement timeout
// (server side), the read timeout (client side, for a network black hole) and the
// 3 s connect timeout each end it, and the answer is a 503 with Retry-After —
// problem+json for the API, a page for HTML — never a hang or a 500.
//
// PGlite runs in this process and enforces no statement_timeout (nothing can hang
// between us and it), so on PGlite only the mapping of the database's errors is
// tested; the timeouts themselves run on PostgreSQL.
import { join } from 'node:path';
import express from 'express';
import { sql } from 'kysely';
import { Client } from 'pg';
import request from 'supertest';
import { openDb, type DbHandle } from '../../db';
import { DatabaseReadTimeoutError } from '../../db/read-timeout';
import { createApp } from '../../server/app';
import { CatalogueStore } from '../../server/catalogue/catalogue-store';
import { importCatalogue } from '../../server/catalogue/version-import';
import { projectRoot } from '../../server/config';
import { errorHandler } from '../../server/http/errors';
import { loadViews } from '../../server/http/views';
import { createLogger } from '../../server/logger';
import { backend } from '../support/backend';
import { registerCompany, type Company } from '../support/company';
import { freshDb, type TestDb } from '../support/db';
import { fixtureContent, fixtureItem } from '../support/fixtures';
import { CuttableProxy } from '../support/proxy';

const BUSY = /繁忙|busy/;

/** A newly registered company and the id of a draft it has just started. */
async function companyWithDraft(app: express.Express): Promise<{ company: Company; draft: string }> {
  const company = await registerCompany(app);
  const created = await company.agent
    .post('/api/v1/assessments')
    .send({ profile: { tags: [] } })
    .expect(201);
  return { company, draft: String(created.body.id) };
}

describe('a database that is busy answers 503 databaseBusy with Retry-After: 5', () => {
  let own: TestDb;
  let app: express.Express;
  beforeAll(async () => {
    own = await freshDb();
    // Real errors raised by the database with the SQLSTATE each condition has.
    app = express();
    app.get(['/api/raise/:code', '/page/raise/:code'], async (req) => {
      const code = String(req.params.code);
      if (!/^[0-9A-Z]{5}$/.test(code)) throw new Error('bad code');
      await sql.raw(`do $$ begin raise exception 'test' using errcode = '${code}'; end $$`).execute(own.db);
    });
    app.get('/api/read-timeout', () => {
      throw new DatabaseReadTimeoutError(2500);
    });
    app.use(errorHandler(loadViews(join(projectRoot, 'views')), createLogger('silent')));
  });
  afterAll(async () => {
    await own.drop();
  });

  it.each(['57014', '55P03', '53300'])('SQLSTATE %s: problem+json for the API, a page for HTML', async (code) => {
    const api = await request(app).get(`/api/raise/${code}`).set('Accept-Language', 'en');
    expect({ status: api.status, type: api.headers['content-type'], retry: api.headers['retry-after'] }).toEqual({
      status: 503,
      type: expect.stringMatching(/application\/problem\+json/),
      retry: '5',
    });
    expect(api.body.detail).toMatch(BUSY);
    const page = await request(app).get(`/page/raise/${code}`);
    expect({ status: page.status, type: page.headers['content-type'], retry: page.headers['retry-after'] }).toEqual({
      status: 503,
      type: expect.stringMatching(/text\/html/),
      retry: '5',
    });
    expect(page.text).toMatch(/数据库繁忙/);
  });

  it('the client read timeout too', async () => {
    const res = await request(app).get('/api/read-timeout').expect(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body.detail).toMatch(BUSY);
  });
});

if (backend === 'postgres') {
  describe('timeouts on PostgreSQL', () => {
    const STATEMENT_TIMEOUT_MS = 400;
    let own: TestDb;
    let proxy: CuttableProxy;
    let database: DbHandle;
    let app: express.Express;
    beforeAll(async () => {
      own = await freshDb();
      const url = new URL(own.url ?? '');
      proxy = new CuttableProxy({ host: url.hostname, port: Number(url.port || 5432) });
      database = await openDb({
        databaseUrl: CuttableProxy.urlThrough(url.toString(), await proxy.listen()),
        poolSize: 2,
        statementTimeoutMs: STATEMENT_TIMEOUT_MS,
        onPoolError: () => undefined,
      });
      const { catalogue } = await importCatalogue(database.db, fixtureContent([fixtureItem('XF-001')]));
      app = createApp({
        database,
        catalogues: new CatalogueStore(database.db, catalogue),
        logger: createLogger('silent'),
        production: false,
        trustProxy: 'loopback',
      });
    });
    afterAll(async () => {
      await proxy.cut();
      await database.close().catch(() => undefined);
      await own.drop();
    });

    it('every session has the statement timeout: a pg_sleep beyond it is cancelled (57014)', async () => {
      const started = Date.now();
      await expect(sql`select pg_sleep(5)`.execute(database.db)).rejects.toMatchObject({ code: '57014' });
      expect(Date.now() - started).toBeLessThan(2500);
    });

    it('an export COPY streams past it, and the connection gets its timeout back', async () => {
      const copyCsv = database.copyCsv;
      if (!copyCsv) throw new Error('PostgreSQL handles have copyCsv');
      const chunks: Buffer[] = [];
      for await (const chunk of await copyCsv(
        `select 'slow' as x from pg_sleep(${String((STATEMENT_TIMEOUT_MS * 2) / 1000)})`,
      ))
        chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).toString()).toBe('slow\n');
      const shown = await Promise.all(
        [1, 2].map(() => sql<{ statement_timeout: string }>`show statement_timeout`.execute(database.db)),
      );
      for (const s of shown) expect(s.rows[0].statement_timeout).toBe(`${String(STATEMENT_TIMEOUT_MS)}ms`);
    });

    it('a save waiting on a lock answers 503 databaseBusy, API and form, then works once the lock is gone', async () => {
      const { company, draft } = await companyWithDraft(app);
      const locker = new Client({ connectionString: own.url });
      await locker.connect();
      try {
        await locker.query('begin');
        await locker.query('lock table answers in access exclusive mode');
        const started = Date.now();
        const api = await company.agent
          .put(`/api/v1/assessments/${draft}/answers/XF-001`)
          .send({ status: 'compliant' });
        expect({ status: api.status, type: api.headers['content-type'], retry: api.headers['retry-after'] }).toEqual({
          status: 503,
          type: expect.stringMatching(/application\/problem\+json/),
          retry: '5',
        });
        expect(api.body.detail).toMatch(BUSY);
        const form = await company.agent.form(`/assess/${draft}/items/XF-001`, { status: 'compliant' });
        expect({ status: form.status, type: form.headers['content-type'], retry: form.headers['retry-after'] }).toEqual(
          {
            status: 503,
            type: expect.stringMatching(/text\/html/),
            retry: '5',
          },
        );
        expect(Date.now() - started).toBeLessThan(5000);
      } finally {
        await locker.query('rollback');
        await locker.end();
      }
      await company.agent.put(`/api/v1/assessments/${draft}/answers/XF-001`).send({ status: 'compliant' }).expect(200);
    });

    it('in a network black hole a save answers 503 with Retry-After within a bound, and saves work once it is over', async () => {
      const { company, draft } = await companyWithDraft(app);
      proxy.blackHole();
      try {
        for (let attempt = 0; attempt < 2; attempt += 1) {
          // At most: the read timeout on a pooled connection (400 + 2000 ms), or the 3 s connect timeout.
          const started = Date.now();
          const res = await company.agent
            .put(`/api/v1/assessments/${draft}/answers/XF-001`)
            .send({ status: 'compliant' })
            .timeout(15_000);
          const took = Date.now() - started;
          expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
            status: 503,
            type: expect.stringMatching(/application\/problem\+json/),
          });
          expect(['2', '5']).toContain(res.headers['retry-after']);
          expect(took).toBeLessThan(STATEMENT_TIMEOUT_MS + 2000 + 3000 + 1500);
        }
      } finally {
        await proxy.cut();
        await proxy.listen();
      }
      await company.agent.put(`/api/v1/assessments/${draft}/answers/XF-001`).send({ status: 'compliant' }).expect(200);
    });
  });
}
