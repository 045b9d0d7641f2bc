import request from 'supertest';
import { createApp } from '../../server/app';
import { CatalogueStore } from '../../server/catalogue/catalogue-store';
import { importCatalogue } from '../../server/catalogue/version-import';
import { listVersions } from '../../server/catalogue/version-list';
import { createLogger } from '../../server/logger';
import { freshDb, type TestDb } from '../support/db';
import { fixtureContent, fixtureItem } from '../support/fixtures';

let db: TestDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(async () => {
  await db.drop();
});

const v1 = fixtureContent([fixtureItem('XF-001')]);
const v2 = fixtureContent([fixtureItem('XF-001', { title: '消防设施未保持完好有效（修订）' }), fixtureItem('XF-002')]);

describe('importing the checklist', () => {
  it('stores the first import as the current version', async () => {
    const { catalogue, created } = await importCatalogue(db.db, v1);
    expect(created).toBe(true);
    expect(await listVersions(db.db)).toEqual([
      {
        id: catalogue.version.id,
        hash: catalogue.version.hash,
        createdAt: expect.any(Date),
        current: true,
        itemCount: 1,
      },
    ]);
  });

  it('adds no version when the same content is imported again', async () => {
    const first = await importCatalogue(db.db, v1);
    const again = await importCatalogue(db.db, JSON.parse(JSON.stringify(v1)));
    expect(again.created).toBe(false);
    expect(again.catalogue.version.id).toBe(first.catalogue.version.id);
    expect(await listVersions(db.db)).toHaveLength(1);
  });

  it('adds a new current version when the content changes and keeps the old one', async () => {
    const first = await importCatalogue(db.db, v1);
    const second = await importCatalogue(db.db, v2);
    expect(second.created).toBe(true);
    const versions = await listVersions(db.db);
    expect(versions.map((v) => [v.id, v.current, v.itemCount])).toEqual([
      [second.catalogue.version.id, true, 2],
      [first.catalogue.version.id, false, 1],
    ]);
  });

  it('makes an older version current again when its files come back', async () => {
    const first = await importCatalogue(db.db, v1);
    await importCatalogue(db.db, v2);
    const back = await importCatalogue(db.db, v1);
    expect(back).toMatchObject({ created: false, catalogue: { version: { id: first.catalogue.version.id } } });
    expect((await listVersions(db.db)).filter((v) => v.current).map((v) => v.id)).toEqual([first.catalogue.version.id]);
  });

  it('serializes concurrent imports of the same content into one version', async () => {
    const results = await Promise.all([
      importCatalogue(db.db, v2),
      importCatalogue(db.db, v2),
      importCatalogue(db.db, v2),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await listVersions(db.db)).toHaveLength(1);
  });
});

describe('reading older versions through the API', () => {
  it('serves an item as it was in an older version', async () => {
    const first = await importCatalogue(db.db, v1);
    const second = await importCatalogue(db.db, v2);
    const app = createApp({
      database: db,
      catalogues: new CatalogueStore(db.db, second.catalogue),
      logger: createLogger('silent'),
      production: false,
    });

    const now = await request(app).get('/api/v1/items/XF-001').expect(200);
    expect(now.body.title).toBe('消防设施未保持完好有效（修订）');
    const old = await request(app).get(`/api/v1/items/XF-001?version=${first.catalogue.version.id}`).expect(200);
    expect(old.body).toMatchObject({ title: '测试违法行为 XF-001', version: { id: first.catalogue.version.id } });
    await request(app).get(`/api/v1/items/XF-002?version=${first.catalogue.version.id}`).expect(404);
  });
});
