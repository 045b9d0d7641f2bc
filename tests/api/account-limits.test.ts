// What one account may keep at once (issue 12): open drafts per organisation and
// decks per lecturer. Beyond the limit: 409 problem+json from the API, and a page
// that says what to do from the forms, in the user's language.
import { randomBytes } from 'node:crypto';
import { DEFAULT_ACCOUNT_LIMITS, readConfig } from '../../server/config';
import { startTestApp, type TestApp } from '../support/app';
import { registerCompany, type Company } from '../support/company';
import { fixtureContent, fixtureItem } from '../support/fixtures';
import { signInAs } from '../support/sign-in';

const content = fixtureContent([fixtureItem('XF-001'), fixtureItem('XF-002')]);
const MAX_DRAFTS = DEFAULT_ACCOUNT_LIMITS.openDraftsPerOrg;
const MAX_DECKS = DEFAULT_ACCOUNT_LIMITS.decksPerLecturer;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(content);
});
afterAll(async () => {
  await t.close();
});

const newDraft = (c: Company) => c.agent.post('/api/v1/assessments').send({ profile: { tags: [] } });

async function fillDrafts(c: Company, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) ids.push(String((await newDraft(c).expect(201)).body.id));
  return ids;
}

describe('open drafts per organisation', () => {
  it(`allows ${MAX_DRAFTS} open drafts, refuses the next with a 409 problem saying what to do, and counts submitted ones out`, async () => {
    const c = await registerCompany(t.app);
    const ids = await fillDrafts(c, MAX_DRAFTS);
    const refused = await newDraft(c).expect(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 409, title: 'Conflict', instance: '/api/v1/assessments' });
    expect(refused.body.detail).toContain(`已有 ${MAX_DRAFTS} 份未提交的自评草稿`);
    expect(refused.body.detail).toContain('提交');
    const english = await newDraft(c).set('Accept-Language', 'en').expect(409);
    expect(english.body.detail).toContain(`already has ${MAX_DRAFTS} unsubmitted drafts`);
    expect(await draftCount(c)).toBe(MAX_DRAFTS);

    // Submitting one frees a place.
    const first = ids[0] ?? '';
    await c.agent.put(`/api/v1/assessments/${first}/answers/XF-001`).send({ status: 'compliant' }).expect(200);
    await c.agent.post(`/api/v1/assessments/${first}/submit`).expect(200);
    await newDraft(c).expect(201);
    await newDraft(c).expect(409);
  });

  it('holds when drafts are started at the same moment', async () => {
    const c = await registerCompany(t.app);
    await fillDrafts(c, MAX_DRAFTS - 2);
    const answers = await Promise.all(Array.from({ length: 6 }, () => newDraft(c)));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 201, 409, 409, 409, 409]);
    expect(await draftCount(c)).toBe(MAX_DRAFTS);
  });

  it('another organisation is not affected', async () => {
    const full = await registerCompany(t.app);
    await fillDrafts(full, MAX_DRAFTS);
    const other = await registerCompany(t.app);
    await newDraft(other).expect(201);
  });

  it('the start form answers with a page that says what to do', async () => {
    const c = await registerCompany(t.app);
    await fillDrafts(c, MAX_DRAFTS);
    const page = await c.agent.form('/assess/start', { tags: '' }).expect(409);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain(`您的单位已有 ${MAX_DRAFTS} 份未提交的自评草稿`);
    expect(page.text).toContain('继续作答并提交');
    expect(await draftCount(c)).toBe(MAX_DRAFTS);
  });

  const draftCount = async (c: Company): Promise<number> => {
    const row = await t.db.db
      .selectFrom('assessments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', c.orgId)
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
});

describe('decks per lecturer', () => {
  /** Decks made directly in the database, to reach the limit quickly. */
  async function giveDecks(ownerId: string, n: number): Promise<void> {
    await t.db.db
      .insertInto('decks')
      .values(
        Array.from({ length: n }, (_, i) => ({
          owner_id: ownerId,
          version_id: t.catalogue.version.id,
          title: `课件 ${i}`,
          audience_note: '',
          share_token: randomBytes(24).toString('base64url'),
        })),
      )
      .execute();
  }
  const deckCount = async (ownerId: string): Promise<number> =>
    Number(
      (
        await t.db.db
          .selectFrom('decks')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('owner_id', '=', ownerId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const deck = { title: '消防专题', items: [{ code: 'XF-001' }] };

  it(`allows ${MAX_DECKS} decks and refuses the next with a 409 problem; deleting one frees a place`, async () => {
    const l = await signInAs(t, 'lecturer');
    await giveDecks(l.userId, MAX_DECKS - 1);
    const last = await l.agent.post('/api/v1/decks').send(deck).expect(201);
    const refused = await l.agent.post('/api/v1/decks').send(deck).expect(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.detail).toContain(`您已有 ${MAX_DECKS} 个专题课件`);
    expect(refused.body.detail).toContain('删除');
    const english = await l.agent.post('/api/v1/decks?lang=en').send(deck).expect(409);
    expect(english.body.detail).toContain(`You already keep ${MAX_DECKS} decks`);
    expect(await deckCount(l.userId)).toBe(MAX_DECKS);
    await l.agent.delete(`/api/v1/decks/${String(last.body.id)}`).expect(204);
    await l.agent.post('/api/v1/decks').send(deck).expect(201);
  });

  it('the compose form keeps the input and says what to do', async () => {
    const l = await signInAs(t, 'lecturer');
    await giveDecks(l.userId, MAX_DECKS);
    const page = await l.agent
      .form('/present/decks/new', { title: '我的新专题', action: 'save', code: ['XF-001'], note: [''] })
      .expect(409);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain(`您已有 ${MAX_DECKS} 个专题课件`);
    expect(page.text).toContain('value="我的新专题"');
    expect(await deckCount(l.userId)).toBe(MAX_DECKS);
  });
});

describe('configuration', () => {
  it('reads the limits from MAX_OPEN_DRAFTS_PER_ORG and MAX_DECKS_PER_LECTURER, defaults otherwise', () => {
    expect(readConfig({}).limits).toEqual(DEFAULT_ACCOUNT_LIMITS);
    expect(readConfig({ MAX_OPEN_DRAFTS_PER_ORG: '2000', MAX_DECKS_PER_LECTURER: '5' }).limits).toEqual({
      openDraftsPerOrg: 2000,
      decksPerLecturer: 5,
    });
    expect(() => readConfig({ MAX_OPEN_DRAFTS_PER_ORG: '0' })).toThrow(/MAX_OPEN_DRAFTS_PER_ORG/);
    expect(() => readConfig({ MAX_DECKS_PER_LECTURER: 'many' })).toThrow(/MAX_DECKS_PER_LECTURER/);
  });
});
