// /readyz must say 503 while the database is unreachable and 200 again once it
// is back, without restarting the server. Why it is unreachable (the error names
// the database's host and port) goes to the log, never to the anonymous caller.
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../server/app';
import { importCatalogue } from '../../server/catalogue/version-import';
import { CatalogueStore } from '../../server/catalogue/catalogue-store';
import { openDb } from '../../db';
import { backend } from '../support/backend';
import { freshDb } from '../support/db';
import { fixtureContent } from '../support/fixtures';
import { CuttableProxy } from '../support/proxy';

/** A warn-level logger whose lines the test can read. */
function capturingLogger(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level: 'warn' }, sink), lines };
}

if (backend === 'postgres') {
  describe('GET /readyz on PostgreSQL', () => {
    it('answers 503 while the database is unreachable and 200 once it is back', async () => {
      const own = await freshDb();
      const url = new URL(own.url ?? '');
      const proxy = new CuttableProxy({ host: url.hostname, port: Number(url.port || 5432) });
      const port = await proxy.listen();
      const database = await openDb({
        databaseUrl: CuttableProxy.urlThrough(url.toString(), port),
        poolSize: 2,
        onPoolError: () => undefined,
      });
      try {
        const { catalogue } = await importCatalogue(database.db, fixtureContent());
        const log = capturingLogger();
        const app = createApp({
          database,
          catalogues: new CatalogueStore(database.db, catalogue),
          logger: log.logger,
          production: false,
        });
        await request(app).get('/readyz').expect(200);

        await proxy.cut();
        const down = await request(app).get('/readyz').expect(503);
        expect(down.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(down.body).toMatchObject({ status: 503, title: 'Service Unavailable' });
        expect(down.headers['retry-after']).toBe('2');
        // The cause (connect ECONNREFUSED 127.0.0.1:<port>) is logged, not sent.
        expect(down.text).not.toMatch(new RegExp(`127\\.0\\.0\\.1|:${String(port)}|ECONN`));
        expect(log.lines.join('')).toMatch(new RegExp(`ECONNREFUSED 127\\.0\\.0\\.1:${String(port)}`));
        // Catalogue pages keep working from memory while the database is away.
        await request(app).get('/api/v1/items/XF-001').expect(200);

        await proxy.listen();
        await request(app).get('/readyz').expect(200);
      } finally {
        await proxy.cut();
        await database.close().catch(() => undefined);
        await own.drop();
      }
    });
  });
} else {
  describe('GET /readyz on PGlite', () => {
    it('answers 503 once the embedded database has been closed', async () => {
      const database = await freshDb();
      const { catalogue } = await importCatalogue(database.db, fixtureContent());
      const log = capturingLogger();
      const app = createApp({
        database,
        catalogues: new CatalogueStore(database.db, catalogue),
        logger: log.logger,
        production: false,
      });
      await request(app).get('/readyz').expect(200);
      await database.drop();
      const res = await request(app).get('/readyz').set('Accept-Language', 'en').expect(503);
      expect(res.body.detail).toMatch(/briefly unavailable/);
      // The cause is for the log only.
      expect(res.text).not.toMatch(/destroyed/);
      expect(log.lines.join('')).toMatch(/driver has already been destroyed/);
    });
  });
}
