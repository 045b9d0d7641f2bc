// Custom decks API: ownership, validation, sharing, version pinning.
import request from 'supertest';
import { createApp } from '../../server/app';
import { CatalogueStore } from '../../server/catalogue/catalogue-store';
import { importCatalogue } from '../../server/catalogue/version-import';
import { createLogger } from '../../server/logger';
import { startTestApp, type TestApp } from '../support/app';
import { registerCompany } from '../support/company';
import { fixtureContent, fixtureItem, employmentDomain } from '../support/fixtures';
import { signInAs, type SignedInUser } from '../support/sign-in';

const LD = employmentDomain([fixtureItem('LD-001')]);
const content = fixtureContent([fixtureItem('XF-001'), fixtureItem('XF-002'), fixtureItem('XF-003')], [LD]);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(content);
});
afterAll(async () => {
  await t.close();
});

const signIn = (): Promise<SignedInUser> => signInAs(t, 'lecturer');

const deckBody = {
  title: '消防安全专题（杨舍镇餐饮企业）',
  audienceNote: '约 60 人',
  items: [{ code: 'XF-002', note: '先讲灭火器月检' }, { code: 'LD-001' }],
};

async function createDeck(l: SignedInUser, body: object = deckBody): Promise<Record<string, unknown>> {
  const res = await l.agent.post('/api/v1/decks').send(body).expect(201);
  return res.body as Record<string, unknown>;
}

describe('POST /api/v1/decks', () => {
  it('creates a deck pinned to the current version, with notes and a share link', async () => {
    const l = await signIn();
    const deck = await createDeck(l);
    expect(deck).toMatchObject({
      id: expect.any(String),
      title: deckBody.title,
      audienceNote: '约 60 人',
      items: [
        { code: 'XF-002', note: '先讲灭火器月检' },
        { code: 'LD-001', note: '' },
      ],
      version: { id: t.catalogue.version.id, current: true },
      changes: [],
      shareToken: expect.any(String),
    });
  });

  it('rejects an unknown item code, naming the field', async () => {
    const l = await signIn();
    const res = await l.agent
      .post('/api/v1/decks')
      .send({ title: 'x', items: [{ code: 'XF-001' }, { code: 'XF-999' }] })
      .expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toEqual([{ field: 'items/1/code', message: expect.stringContaining('XF-999') }]);
  });

  it('rejects the same item twice, whatever the case of its code', async () => {
    const l = await signIn();
    await l.agent
      .post('/api/v1/decks')
      .send({ title: 'x', items: [{ code: 'XF-001' }, { code: 'xf-001' }] })
      .expect(400);
  });

  it('rejects a blank title, naming the field', async () => {
    const l = await signIn();
    const blank = await l.agent.post('/api/v1/decks').send({ title: '   ', items: [] }).expect(400);
    expect(blank.body.errors[0].field).toBe('title');
  });

  it('rejects an unknown field, naming it', async () => {
    const l = await signIn();
    const extra = await l.agent
      .post('/api/v1/decks')
      .send({ ...deckBody, owner: 'someone' })
      .expect(400);
    expect(extra.body.errors[0].message).toContain('owner');
  });

  it('needs the CSRF token', async () => {
    const l = await signIn();
    await l.agent.withoutCsrf.post('/api/v1/decks').send(deckBody).expect(403);
  });

  it('answers 401 without a session', async () => {
    await request(t.app).post('/api/v1/decks').send(deckBody).expect(401);
  });

  it('answers 403 to a company account', async () => {
    const c = await registerCompany(t.app);
    await c.agent.post('/api/v1/decks').send(deckBody).expect(403);
    await c.agent.get('/api/v1/decks').expect(403);
  });
});

describe('GET /api/v1/decks', () => {
  it('lists only the lecturer\u2019s own decks', async () => {
    const a = await signIn();
    const b = await signIn();
    const mine = await createDeck(a);
    await createDeck(b);
    const res = await a.agent.get('/api/v1/decks').expect(200);
    expect(res.body.decks).toEqual([
      {
        id: mine.id,
        title: deckBody.title,
        versionId: t.catalogue.version.id,
        itemCount: 2,
        updatedAt: expect.any(String),
        current: true,
      },
    ]);
  });
});

describe('GET/PUT/DELETE /api/v1/decks/:id', () => {
  it('another lecturer gets 404 for every verb', async () => {
    const owner = await signIn();
    const other = await signIn();
    const deck = await createDeck(owner);
    await other.agent.get(`/api/v1/decks/${String(deck.id)}`).expect(404);
    await other.agent
      .put(`/api/v1/decks/${String(deck.id)}`)
      .send(deckBody)
      .expect(404);
    await other.agent.delete(`/api/v1/decks/${String(deck.id)}`).expect(404);
    await owner.agent.get(`/api/v1/decks/${String(deck.id)}`).expect(200);
  });

  it('anyone reads a deck with its share token, without the token echoed', async () => {
    const owner = await signIn();
    const deck = await createDeck(owner);
    const res = await request(t.app)
      .get(`/api/v1/decks/${String(deck.id)}?share=${String(deck.shareToken)}`)
      .expect(200);
    expect(res.body).toMatchObject({ title: deckBody.title, items: deckBody.items.map((i) => ({ code: i.code })) });
    expect(res.body.shareToken).toBeUndefined();
  });

  it('a wrong share token finds nothing (404), and no token needs a session (401)', async () => {
    const owner = await signIn();
    const deck = await createDeck(owner);
    await request(t.app)
      .get(`/api/v1/decks/${String(deck.id)}?share=wrong-token-wrong-token-wrong`)
      .expect(404);
    await request(t.app)
      .get(`/api/v1/decks/${String(deck.id)}`)
      .expect(401);
  });

  it('the share token only reads: a change with it needs a session (401)', async () => {
    const owner = await signIn();
    const deck = await createDeck(owner);
    await request(t.app)
      .put(`/api/v1/decks/${String(deck.id)}?share=${String(deck.shareToken)}`)
      .send(deckBody)
      .expect(401);
  });

  it('replaces title and items in the new order', async () => {
    const l = await signIn();
    const deck = await createDeck(l);
    const res = await l.agent
      .put(`/api/v1/decks/${String(deck.id)}`)
      .send({ title: '新标题', items: [{ code: 'LD-001', note: '放在最前' }, { code: 'XF-002' }, { code: 'XF-001' }] })
      .expect(200);
    expect(res.body).toMatchObject({
      title: '新标题',
      audienceNote: '',
      items: [
        { code: 'LD-001', note: '放在最前' },
        { code: 'XF-002', note: '' },
        { code: 'XF-001', note: '' },
      ],
    });
  });

  it('deletes a deck', async () => {
    const l = await signIn();
    const deck = await createDeck(l);
    await l.agent.delete(`/api/v1/decks/${String(deck.id)}`).expect(204);
    await l.agent.get(`/api/v1/decks/${String(deck.id)}`).expect(404);
  });

  it('answers 404 for a malformed id', async () => {
    const l = await signIn();
    await l.agent.get('/api/v1/decks/not-a-uuid').expect(404);
  });
});

describe('version pinning', () => {
  it('keeps the deck on its version and lists the items a newer version changed or removed', async () => {
    const l = await signIn();
    const deck = await createDeck(l, {
      title: '版本',
      items: [{ code: 'XF-001' }, { code: 'XF-002' }, { code: 'XF-003' }],
    });
    // A newer checklist: XF-001 reworded, XF-003 gone, XF-002 as it was.
    const v2 = fixtureContent(
      [fixtureItem('XF-001', { illegal: '灭火器压力不足仍继续使用。' }), fixtureItem('XF-002')],
      [LD],
    );
    const { catalogue } = await importCatalogue(t.db.db, v2);
    const app2 = createApp({
      database: t.db,
      catalogues: new CatalogueStore(t.db.db, catalogue),
      logger: createLogger('silent'),
      production: false,
    });
    const sameSession = l.agent.on(app2);
    const res = await sameSession.get(`/api/v1/decks/${String(deck.id)}`).expect(200);
    expect(res.body.version).toEqual({ id: t.catalogue.version.id, current: false, currentId: catalogue.version.id });
    expect(res.body.changes).toEqual([
      { code: 'XF-001', change: 'changed' },
      { code: 'XF-003', change: 'removed' },
    ]);

    // The old deck still presents the old text; moving it to the current version needs the removed item gone.
    const slides = await sameSession.get(`/present/decks/${String(deck.id)}`).expect(200);
    expect(slides.text).toContain('XF-003');
    const refused = await sameSession
      .put(`/api/v1/decks/${String(deck.id)}`)
      .send({ title: '版本', items: [{ code: 'XF-001' }, { code: 'XF-003' }], pinToCurrent: true })
      .expect(400);
    expect(refused.body.errors[0].field).toBe('items/1/code');
    const moved = await sameSession
      .put(`/api/v1/decks/${String(deck.id)}`)
      .send({ title: '版本', items: [{ code: 'XF-001' }, { code: 'XF-002' }], pinToCurrent: true })
      .expect(200);
    expect(moved.body.version).toEqual({ id: catalogue.version.id, current: true, currentId: catalogue.version.id });
    expect(moved.body.changes).toEqual([]);
  });
});
