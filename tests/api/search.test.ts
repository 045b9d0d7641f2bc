// Search over the real checklist, through the API and the pages, on the test's
// backend (PGlite, or PostgreSQL with DATABASE_URL): the everyday query set,
// misses logged for admins, the zero-result page, search within a domain.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { createUser } from '../../server/accounts/service';
import { normaliseText } from '../../server/catalogue/search/normalise';
import { SEARCH_TOPICS } from '../../server/catalogue/search/search-pages';
import { realChecklists, startTestApp, type TestApp } from '../support/app';
import { randomIp, registerCompany } from '../support/company';

interface QueryCase {
  readonly q: string;
  readonly items: readonly string[];
}

const cases = (
  parse(readFileSync(join(__dirname, '..', 'fixtures', 'search-queries.yaml'), 'utf8')) as { queries: QueryCase[] }
).queries;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function loginAdmin(): Promise<request.Agent> {
  const email = `admin-${Math.random().toString(36).slice(2)}@example.gov.cn`;
  const password = 'admin password 123';
  await createUser(t.db.db, { email, password, role: 'admin' });
  const agent = request.agent(t.app);
  await agent.post('/api/v1/auth/login').set('X-Forwarded-For', randomIp()).send({ email, password }).expect(200);
  return agent;
}

describe('the everyday query set (tests/fixtures/search-queries.yaml)', () => {
  it('has at least 80 queries, each naming items that exist', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    for (const c of cases) for (const code of c.items) expect(t.catalogue.item(code)?.item.code).toBe(code);
    expect(new Set(cases.map((c) => c.q)).size).toBe(cases.length);
  });

  it('puts a right item in the top 3 for at least 90 % of the queries, through the API', async () => {
    const misses: string[] = [];
    for (const c of cases) {
      const res = await request(t.app)
        .get(`/api/v1/search?q=${encodeURIComponent(c.q)}&limit=3`)
        .expect(200);
      const top = (res.body.results as Array<{ code: string }>).map((r) => r.code);
      if (!top.some((code) => c.items.includes(code))) misses.push(`${c.q} → ${top.join(', ') || '∅'}`);
    }
    const rate = (cases.length - misses.length) / cases.length;
    if (rate < 0.9) throw new Error(`top-3 hit rate ${(rate * 100).toFixed(1)} %; misses:\n${misses.join('\n')}`);
  });
});

describe('synonyms.yaml', () => {
  it('maps every everyday word to legal terms that occur in the checklist', () => {
    const content = realChecklists();
    const text = normaliseText(content.domains.flatMap((d) => d.items.map((i) => JSON.stringify(i))).join('\n'));
    const absent = (content.synonyms ?? []).flatMap((s) => s.means.filter((m) => !text.includes(normaliseText(m))));
    expect(content.synonyms?.length).toBeGreaterThan(50);
    expect(absent).toEqual([]);
  });
});

describe('searches without a hit', () => {
  it('are counted per normalised query, without personal data, and shown to admins only', async () => {
    await request(t.app)
      .get(`/api/v1/search?q=${encodeURIComponent('宇宙飞船')}`)
      .expect(200);
    await request(t.app)
      .get(`/search?q=${encodeURIComponent('  宇宙飞船 ')}`)
      .expect(200);
    await request(t.app)
      .get(`/api/v1/search?q=${encodeURIComponent('ＵＦＯ 13800138000')}`)
      .expect(200);
    // A search with results is not logged.
    await request(t.app)
      .get(`/api/v1/search?q=${encodeURIComponent('灭火器')}`)
      .expect(200);

    const anonymous = await request(t.app).get('/admin/search-misses').expect(303);
    expect(anonymous.headers.location).toBe('/login?next=%2Fadmin%2Fsearch-misses');
    const company = await registerCompany(t.app);
    await company.agent.get('/admin/search-misses').expect(403);

    const admin = await loginAdmin();
    const page = await admin.get('/admin/search-misses').expect(200);
    expect(page.text).toContain('没有结果的搜索');
    expect(page.text).toMatch(/宇宙飞船<\/a><\/th><td>2<\/td>/);
    expect(page.text).toContain('ufo [number]');
    expect(page.text).not.toContain('13800138000');
    expect(page.text).not.toContain('>灭火器<');

    // Other tests of this file may log misses of their own: look at this test's queries only.
    const rows = await t.db.db
      .selectFrom('search_misses')
      .selectAll()
      .where('query', 'in', ['ufo [number]', '宇宙飞船', '灭火器', 'ufo 13800138000'])
      .orderBy('query')
      .execute();
    expect(rows.map((r) => [r.query, r.count])).toEqual([
      ['ufo [number]', 1],
      ['宇宙飞船', 2],
    ]);
    // Nothing that could identify who searched: the table has no such column.
    expect(Object.keys(rows[0]).sort()).toEqual(['count', 'first_seen', 'last_seen', 'query']);
  });
});

describe('search pages', () => {
  it('shows hits with the domain, a 什么是违法 line, highlights and domain facets', async () => {
    const res = await request(t.app)
      .get(`/search?q=${encodeURIComponent('员工加班不给钱')}`)
      .expect(200);
    expect(res.text).toContain('href="/items/GZ-004"');
    expect(res.text).toContain('工资支付');
    expect(res.text).toContain('什么是违法');
    expect(res.text).toMatch(/<mark>加班费?<\/mark>/);
    // A facet link per domain with hits (Handlebars escapes & and =).
    expect(res.text).toMatch(
      /href="\/search\?q&#x3D;[^"]+&amp;domain&#x3D;GZ"><span lang="zh-CN">工资支付[^<]*<\/span> \(\d+\)<\/a>/,
    );
    expect(res.text).toContain('src="/assets/search-suggest.js"');
  });

  it('filters by a domain from the facets, and rejects an unknown one', async () => {
    const res = await request(t.app)
      .get(`/search?q=${encodeURIComponent('培训')}&domain=XF`)
      .expect(200);
    const codes = [...res.text.matchAll(/href="\/items\/([A-Z]{2})-\d{3}"/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(['XF']));
    await request(t.app).get(`/search?q=x&domain=ZZ`).expect(400);
    await request(t.app).get(`/search?q=x&page=0`).expect(400);
  });

  it('turns a query without results into a page that offers topics, domains and close phrasings', async () => {
    const res = await request(t.app)
      .get(`/search?q=${encodeURIComponent('宇宙飞船')}`)
      .expect(200);
    expect(res.text).toContain('没有找到与“宇宙飞船”相关的事项');
    expect(res.text).toContain('大家常查的问题');
    expect(res.text).toContain('href="/domains/AQ"');
    const typo = await request(t.app)
      .get(`/search?q=${encodeURIComponent('公积今')}`)
      .expect(200);
    expect(typo.text).toContain('您是不是要找');
    expect(typo.text).toContain('>公积金</a>');
  });

  it('offers only common topics that find items', () => {
    for (const topic of SEARCH_TOPICS) expect([topic, t.catalogue.search(topic, 3).length]).toEqual([topic, 3]);
  });

  it('searches within a domain on the domain page, and the plain domain page stays as it was', async () => {
    const res = await request(t.app)
      .get(`/domains/XF?q=${encodeURIComponent('电瓶车')}`)
      .expect(200);
    expect(res.text).toContain('本领域“电瓶车”共');
    expect(res.text).toContain('href="/items/XF-010"');
    expect(res.text).toContain('href="/search?q&#x3D;%E7%94%B5%E7%93%B6%E8%BD%A6"');
    const other = await request(t.app)
      .get(`/domains/GZ?q=${encodeURIComponent('电瓶车')}`)
      .expect(200);
    expect(other.text).toContain('本领域没有找到与“电瓶车”相关的事项');
    const plain = await request(t.app).get('/domains/XF').expect(200);
    expect(plain.text).not.toContain('本领域“');
    expect(plain.text).toContain('action="/domains/XF"');
  });
});
