// Lists that grow with use come a page at a time (issue 12): with more rows than a
// page, the first page has the page size, its next link gives the rest, and
// nothing is shown twice or missed, also when rows are added between page loads.
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { encodePosition } from '../../server/lib/keyset';
import { PAGE_SIZE } from '../../server/http/pagination';
import { startTestApp, type TestApp } from '../support/app';
import { registerCompany, type Company } from '../support/company';
import { fixtureContent, fixtureItem } from '../support/fixtures';
import { signInAs } from '../support/sign-in';

const content = fixtureContent([fixtureItem('XF-001'), fixtureItem('XF-002')]);
const ROWS = PAGE_SIZE.default + 5;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(content, { limits: { openDraftsPerOrg: 100, decksPerLecturer: 100 } });
});
afterAll(async () => {
  await t.close();
});

async function companyWith(n: number): Promise<{ c: Company; ids: string[] }> {
  const c = await registerCompany(t.app);
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1)
    ids.push(
      String(
        (
          await c.agent
            .post('/api/v1/assessments')
            .send({ profile: { tags: [] } })
            .expect(201)
        ).body.id,
      ),
    );
  return { c, ids: ids.reverse() }; // newest first, as listed
}

/** An href as the browser reads it (Handlebars writes = as &#x3D; and & as &amp;). */
const hrefOf = (escaped: string | undefined): string => (escaped ?? '').replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');

const idsOf = (body: { assessments?: { id: string }[]; decks?: { id: string }[] }): string[] =>
  (body.assessments ?? body.decks ?? []).map((a) => a.id);

describe('GET /api/v1/assessments', () => {
  let c: Company;
  let ids: string[];
  beforeAll(async () => {
    ({ c, ids } = await companyWith(ROWS));
  });

  it('gives the first page of the page size and a next link to the rest, nothing twice, nothing missed', async () => {
    const first = await c.agent.get('/api/v1/assessments').expect(200);
    expect(first.body.assessments).toHaveLength(PAGE_SIZE.default);
    expect(first.body.prev).toBeNull();
    expect(first.body.next).toMatch(/^\/api\/v1\/assessments\?after=[A-Za-z0-9_-]+$/);
    const second = await c.agent.get(String(first.body.next)).expect(200);
    expect(second.body.assessments).toHaveLength(ROWS - PAGE_SIZE.default);
    expect(second.body.next).toBeNull();
    expect([...idsOf(first.body), ...idsOf(second.body)]).toEqual(ids);
    // A step back gives the first page again.
    const back = await c.agent.get(String(second.body.prev)).expect(200);
    expect(idsOf(back.body)).toEqual(idsOf(first.body));
    expect(back.body.prev).toBeNull();
  });

  it('keeps its place when a draft is started between two pages', async () => {
    const first = await c.agent.get('/api/v1/assessments?limit=10').expect(200);
    expect(first.body.next).toContain('limit=10');
    const added = await c.agent
      .post('/api/v1/assessments')
      .send({ profile: { tags: [] } })
      .expect(201);
    const seen = idsOf(first.body);
    for (let next: unknown = first.body.next; typeof next === 'string';) {
      const page = await c.agent.get(next).expect(200);
      seen.push(...idsOf(page.body));
      next = page.body.next;
    }
    expect(seen).toEqual(ids);
    const fresh = await c.agent.get('/api/v1/assessments?limit=1').expect(200);
    expect(idsOf(fresh.body)).toEqual([added.body.id]);
    ids = [String(added.body.id), ...ids];
  });

  it('shows only the organisation’s own rows, even through another one’s cursor', async () => {
    const other = await registerCompany(t.app);
    const theirs = await c.agent.get('/api/v1/assessments?limit=1').expect(200);
    const cursor = new URL(String(theirs.body.next), 'http://x').searchParams.get('after') ?? '';
    const page = await other.agent.get(`/api/v1/assessments?after=${cursor}`).expect(200);
    expect(page.body).toEqual({ assessments: [], next: null, prev: null });
  });

  it('answers a bad page size or cursor with a 400 problem naming the parameter', async () => {
    for (const limit of ['0', '51', '-1', 'ten', '1e1', '20.5']) {
      const res = await c.agent.get(`/api/v1/assessments?limit=${limit}`).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors).toEqual([{ field: 'limit', message: expect.stringContaining('1 至 50') }]);
    }
    await c.agent.get(`/api/v1/assessments?limit=${PAGE_SIZE.max}`).expect(200);
    const forged = [
      'nonsense',
      Buffer.from('2026-13-01T00:00:00.000000Z_00000000-0000-0000-0000-000000000000').toString('base64url'),
      Buffer.from('0000-01-01T00:00:00.000000Z_00000000-0000-0000-0000-000000000000').toString('base64url'),
      Buffer.from("x'; drop table assessments; --_00000000-0000-0000-0000-000000000000").toString('base64url'),
      encodePosition({ at: '2026-12-04T10:00:00.000000Z', id: 'not-a-uuid' }),
    ];
    for (const cursor of forged) {
      const res = await c.agent.get(`/api/v1/assessments?after=${cursor}`).expect(400);
      expect(res.body.errors).toEqual([{ field: 'after', message: expect.stringContaining('翻页位置') }]);
    }
    const valid = encodePosition({ at: '2026-12-04T10:00:00.123456Z', id: '00000000-0000-0000-0000-000000000000' });
    await c.agent.get(`/api/v1/assessments?after=${valid}&before=${valid}`).expect(400);
  });
});

describe('/assess', () => {
  it('lists a page of assessments with 上一页/下一页 in a named nav, and resumes the newest draft from any page', async () => {
    const { c, ids } = await companyWith(ROWS);
    const first = await c.agent.get('/assess').expect(200);
    expect(first.text.match(/class="assessment-card"/g)).toHaveLength(PAGE_SIZE.default);
    expect(first.text).toContain(`href="/assess/${ids[0] ?? ''}"`);
    const nav = /<nav class="pagination" aria-label="本单位的自评">[\s\S]*?<\/nav>/.exec(first.text)?.[0] ?? '';
    expect(nav).not.toContain('上一页');
    const next = hrefOf(/href="([^"]+)" rel="next">下一页/.exec(nav)?.[1]);
    expect(next).toMatch(/^\/assess\?after=/);
    const second = await c.agent.get(next).expect(200);
    expect(second.text.match(/class="assessment-card"/g)).toHaveLength(ROWS - PAGE_SIZE.default);
    expect(second.text).toMatch(/rel="prev">.*?上一页<\/a>/);
    expect(second.text).not.toContain('rel="next"');
    // The resume button still opens the newest draft.
    expect(second.text).toMatch(new RegExp(`class="button button-start" href="/assess/${ids[0] ?? ''}"`));
    const listed = [...`${first.text}${second.text}`.matchAll(/class="card-link" href="\/assess\/([0-9a-f-]{36})"/g)];
    expect(listed.map((m) => m[1])).toEqual(ids);
  });

  it('shows a bad cursor as a page, not an error 500', async () => {
    const { c } = await companyWith(1);
    const res = await c.agent.get('/assess?after=broken').expect(400);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('翻页位置');
  });
});

describe('decks', () => {
  /** Decks written in one statement share their updated_at: the id decides their order. */
  async function lecturerWith(n: number) {
    const l = await signInAs(t, 'lecturer');
    await t.db.db
      .insertInto('decks')
      .values(
        Array.from({ length: n }, (_, i) => ({
          owner_id: l.userId,
          version_id: t.catalogue.version.id,
          title: `课件 ${i}`,
          audience_note: '',
          share_token: randomBytes(24).toString('base64url'),
        })),
      )
      .execute();
    const rows = await t.db.db
      .selectFrom('decks')
      .select('id')
      .where('owner_id', '=', l.userId)
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return { l, ids: rows.map((r) => r.id) };
  }

  it('GET /api/v1/decks pages through decks that share one timestamp, nothing twice, nothing missed', async () => {
    const { l, ids } = await lecturerWith(ROWS);
    const first = await l.agent.get('/api/v1/decks').expect(200);
    expect(first.body.decks).toHaveLength(PAGE_SIZE.default);
    expect(first.body.decks[0]).toMatchObject({ itemCount: 0, current: true });
    const second = await l.agent.get(String(first.body.next)).expect(200);
    expect(second.body.decks).toHaveLength(ROWS - PAGE_SIZE.default);
    expect(second.body.next).toBeNull();
    expect([...idsOf(first.body), ...idsOf(second.body)]).toEqual(ids);
  });

  it('/present lists a page of decks with 下一页', async () => {
    const { l, ids } = await lecturerWith(ROWS);
    const first = await l.agent.get('/present').expect(200);
    const links = (html: string) =>
      [...html.matchAll(/<li><a href="\/present\/decks\/([0-9a-f-]{36})">/g)].map((m) => m[1]);
    expect(links(first.text)).toHaveLength(PAGE_SIZE.default);
    const next = /<nav class="pagination" aria-label="我的专题课件">[\s\S]*?href="([^"]+)" rel="next"/.exec(
      first.text,
    )?.[1];
    const second = await l.agent.get(hrefOf(next)).expect(200);
    expect([...links(first.text), ...links(second.text)]).toEqual(ids);
    expect(second.text).toMatch(/rel="prev">.*?上一页<\/a>/);
  });

  it('a visitor sees /present without a deck list', async () => {
    const res = await request(t.app).get('/present').expect(200);
    expect(res.text).not.toContain('class="pagination"');
  });
});

describe('regulator API tokens', () => {
  /** Tokens created and revoked over time: revoked ones stay listed, so the list grows with use. */
  async function regulatorWith(n: number) {
    const r = await signInAs(t, 'regulator', { department: '市场监督管理局' });
    await t.db.db
      .insertInto('api_tokens')
      .values(
        Array.from({ length: n }, (_, i) => ({
          user_id: r.userId,
          name: `脚本 ${i}`,
          token_hash: randomBytes(32).toString('hex'),
          revoked_at: new Date(),
        })),
      )
      .execute();
    const rows = await t.db.db
      .selectFrom('api_tokens')
      .select('id')
      .where('user_id', '=', r.userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return { r, ids: rows.map((row) => row.id) };
  }

  it('GET /api/v1/regulator/tokens and /regulator/tokens come a page at a time', async () => {
    const { r, ids } = await regulatorWith(ROWS);
    const first = await r.agent.get('/api/v1/regulator/tokens').expect(200);
    expect(first.body.tokens).toHaveLength(PAGE_SIZE.default);
    const second = await r.agent.get(String(first.body.next)).expect(200);
    expect(second.body.next).toBeNull();
    const listed = [...first.body.tokens, ...second.body.tokens].map((tk: { id: string }) => tk.id);
    expect(listed).toEqual(ids);

    const page = await r.agent.get('/regulator/tokens').expect(200);
    expect(page.text.match(/<tr><th scope="row">/g)).toHaveLength(PAGE_SIZE.default);
    const next = /<nav class="pagination" aria-label="[^"]+">[\s\S]*?href="([^"]+)" rel="next"/.exec(page.text)?.[1];
    const rest = await r.agent.get(hrefOf(next)).expect(200);
    expect(rest.text.match(/<tr><th scope="row">/g)).toHaveLength(ROWS - PAGE_SIZE.default);
  });
});
