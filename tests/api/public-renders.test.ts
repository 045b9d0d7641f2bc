// Login-free files (domain handouts, the offline deck, the checklist as XLSX) are
// rendered once per checklist version and served from memory; every heavy render
// takes a slot, and beyond the queue the answer is 503 with Retry-After.
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createApp } from '../../server/app';
import { CatalogueStore } from '../../server/catalogue/catalogue-store';
import { importCatalogue } from '../../server/catalogue/version-import';
import { PublicFileCache } from '../../server/http/public-files';
import { WorkLimiter } from '../../server/http/work-limiter';
import { createLogger } from '../../server/logger';
import { startTestApp, type TestApp } from '../support/app';
import { freshDb, type TestDb } from '../support/db';
import { fixtureContent, fixtureItem } from '../support/fixtures';

const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => {
    done(null, Buffer.concat(chunks));
  });
};

describe('login-free files, cached per checklist version', () => {
  let db: TestDb;
  const files = new PublicFileCache(new WorkLimiter({ concurrency: 2, queue: 8, retryAfterSeconds: 5 }));
  const appOn = (store: CatalogueStore) =>
    createApp({
      database: db,
      catalogues: store,
      logger: createLogger('silent'),
      production: false,
      publicFiles: files,
      // Links in the files are built on it; without it each supertest server's port would be a new origin.
      publicUrl: 'https://hegui.example',
    });
  let v1: CatalogueStore;
  let v2: CatalogueStore;
  beforeAll(async () => {
    db = await freshDb();
    v1 = new CatalogueStore(db.db, (await importCatalogue(db.db, fixtureContent([fixtureItem('XF-001')]))).catalogue);
    const changed = fixtureContent([fixtureItem('XF-001', { title: '消防设施未保持完好有效（修订）' })]);
    v2 = new CatalogueStore(db.db, (await importCatalogue(db.db, changed)).catalogue);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('renders a domain handout PDF once, then serves the same bytes with an ETag (and 304 for it)', async () => {
    const app = appOn(v1);
    const before = files.renderCount;
    const first = await request(app).get('/present/domains/XF/handout.pdf').buffer(true).parse(binary).expect(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect((first.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first.headers['cache-control']).toContain('public');
    const second = await request(app).get('/present/domains/XF/handout.pdf').buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(second.body as Buffer, first.body as Buffer)).toBe(0);
    expect(second.headers.etag).toBe(etag);
    await request(app).get('/present/domains/XF/handout.pdf').set('If-None-Match', etag).expect(304);
    expect(files.renderCount).toBe(before + 1);
  });

  it('renders once for requests that arrive together', async () => {
    const app = appOn(v1);
    const before = files.renderCount;
    const all = await Promise.all(
      [1, 2, 3, 4].map(() => request(app).get('/present/domains/XF/handout.docx').buffer(true).parse(binary)),
    );
    expect(all.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(all.map((r) => r.headers.etag)).size).toBe(1);
    expect(files.renderCount).toBe(before + 1);
  });

  it('renders afresh for a new checklist version', async () => {
    await request(appOn(v1)).get('/api/v1/catalogue.xlsx').expect(200);
    const before = files.renderCount;
    await request(appOn(v1)).get('/api/v1/catalogue.xlsx').expect(200);
    expect(files.renderCount).toBe(before);
    const old = await request(appOn(v1)).get('/present/domains/XF/handout.pdf').expect(200);
    const fresh = await request(appOn(v2)).get('/present/domains/XF/handout.pdf').expect(200);
    await request(appOn(v2)).get('/api/v1/catalogue.xlsx').expect(200);
    expect(files.renderCount).toBe(before + 2);
    expect(fresh.headers.etag).not.toBe(old.headers.etag);
  });
});

describe('heavy renders, bounded', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(undefined, { renderLimits: { concurrency: 1, queue: 1 } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs one, queues one and answers the rest 503 with Retry-After, never 500, while /healthz answers', async () => {
    const server = t.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const done: string[] = [];
      // The six smallest domains: each render still takes long enough to overlap the others.
      const codes = [...t.catalogue.domains]
        .sort((a, b) => a.items.length - b.items.length)
        .slice(0, 6)
        .map((d) => d.code);
      const renders = codes.map(async (code) => {
        const res = await fetch(`${base}/present/domains/${code}/handout.pdf`);
        const body = Buffer.from(await res.arrayBuffer());
        done.push(`${res.status}`);
        return {
          status: res.status,
          retryAfter: res.headers.get('retry-after'),
          type: res.headers.get('content-type'),
          body,
        };
      });
      // The queue is full now: an API render (not cached yet) is refused as problem+json.
      await new Promise((r) => setTimeout(r, 200));
      const xlsx = await fetch(`${base}/api/v1/catalogue.xlsx`);
      const health = await fetch(`${base}/healthz`);
      done.push('healthz');
      const results = await Promise.all(renders);

      expect(health.status).toBe(200);
      expect(done.indexOf('healthz')).toBeLessThan(done.lastIndexOf('200'));
      expect(results.filter((r) => r.status === 200)).toHaveLength(2);
      const refused = results.filter((r) => r.status === 503);
      expect(refused).toHaveLength(4);
      for (const r of refused) {
        expect(r.retryAfter).toBe('5');
        expect(r.type).toContain('text/html');
        expect(r.body.toString()).toContain('服务器繁忙');
      }
      expect(xlsx.status).toBe(503);
      expect(xlsx.headers.get('retry-after')).toBe('5');
      expect(xlsx.headers.get('content-type')).toContain('application/problem+json');
      expect(((await xlsx.json()) as { status: number }).status).toBe(503);
      // Once the burst is over, the refused files render.
      expect((await fetch(`${base}/present/domains/${codes[5]}/handout.pdf`)).status).toBe(200);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }, 120_000);
});
