import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { fixtureContent, fixtureItem } from '../support/fixtures';
import { setCookiesOf } from '../support/signed-in-agent';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(
    fixtureContent([
      fixtureItem('XF-001', {
        title: '消防设施、器材未保持完好有效',
        frequency: 'high',
        appliesTo: ['employees'],
        cases: [
          {
            title: '商场灭火器过期（示例）',
            facts: '商场灭火器过期。',
            outcome: '责令改正并罚款。',
            lesson: '每月检查。',
            illustrative: true,
          },
        ],
        leniency: [
          {
            kind: 'first-violation',
            conditions: ['初次违法', '当场改正'],
            correctionDays: 3,
            basis: '中华人民共和国行政处罚法 第三十三条第一款',
            note: '第一次被发现且当场改正的，可以不予处罚。',
          },
        ],
        reviewNeeded: true,
        reviewNote: '第六十条的款项待核对。',
      }),
      fixtureItem('XF-002', { title: '占用、堵塞、封闭疏散通道' }),
    ]),
  );
});
afterAll(async () => {
  await t.close();
});

describe('home page', () => {
  it('lists the domains with department and counts', async () => {
    const res = await request(t.app).get('/').expect(200).expect('Content-Type', /html/);
    expect(res.text).toContain('<html lang="zh-CN">');
    expect(res.text).toContain('href="/domains/XF"');
    expect(res.text).toContain('消防救援机构');
    expect(res.text).toMatch(/2 事项 · <\/?span>?1 高频|2 事项<\/span> · <span>1 高频/);
  });

  it('sends a strict content security policy without inline script', async () => {
    const res = await request(t.app).get('/').expect(200);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(res.text).not.toMatch(/<script>(?!<\/script>)/);
    expect(res.text).not.toMatch(/ style="/);
  });

  it('switches the interface to English and remembers it in a cookie', async () => {
    const res = await request(t.app).get('/?lang=en').expect(200);
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain('Regulatory domains');
    expect(setCookiesOf(res)[0]).toMatch(/^lang=en;.*HttpOnly.*SameSite=Lax/i);
    const again = await request(t.app).get('/').set('Cookie', 'lang=en').expect(200);
    expect(again.text).toContain('Regulatory domains');
  });
});

describe('domain page', () => {
  it('lists the items of the domain with their questions', async () => {
    const res = await request(t.app).get('/domains/XF').expect(200);
    expect(res.text).toContain('href="/items/XF-001"');
    expect(res.text).toContain('占用、堵塞、封闭疏散通道');
    expect(res.text).toContain('是否按规定配置灭火器并每月检查？');
  });

  it('redirects a lower-case code to the canonical address', async () => {
    await request(t.app).get('/domains/xf').expect(301).expect('Location', '/domains/XF');
  });

  it('shows a helpful 404 page for an unknown domain', async () => {
    const res = await request(t.app).get('/domains/ZZ').expect(404).expect('Content-Type', /html/);
    expect(res.text).toContain('没有找到这个页面');
    expect(res.text).toContain('ZZ');
    expect(res.text).toContain('action="/search"');
  });
});

describe('item page', () => {
  it('answers the three questions with the quoted law', async () => {
    const res = await request(t.app).get('/items/XF-001').expect(200);
    for (const heading of ['什么是违法', '违了什么法', '怎么不违法', '免罚轻罚', '处罚依据'])
      expect(res.text).toContain(heading);
    expect(res.text).toContain('《中华人民共和国消防法》第十六条');
    expect(res.text).toContain('处五千元以上五万元以下罚款');
  });

  it('explains the leniency in plain words with its conditions and deadline', async () => {
    const res = await request(t.app).get('/items/XF-001').expect(200);
    expect(res.text).toContain('首违可不罚');
    expect(res.text).toContain('第一次被发现且当场改正的，可以不予处罚。');
    expect(res.text).toContain('<li>当场改正</li>');
    expect(res.text).toContain('改正期限：3 日内');
  });

  it('shows cases, profile tags and the review notice', async () => {
    const res = await request(t.app).get('/items/XF-001').expect(200);
    expect(res.text).toContain('商场灭火器过期（示例）');
    expect(res.text).toContain('是否招用员工？');
    expect(res.text).toContain('第六十条的款项待核对。');
  });

  it('links to the next item in the domain', async () => {
    const res = await request(t.app).get('/items/XF-001').expect(200);
    expect(res.text).toContain('href="/items/XF-002"');
  });

  it('escapes content instead of rendering it as HTML', async () => {
    const res = await request(t.app).get('/search?q=%3Cscript%3E').expect(200);
    expect(res.text).not.toContain('<script>alert');
    expect(res.text).toContain('&lt;script&gt;');
  });
});

describe('search page', () => {
  it('highlights the Chinese match in the results', async () => {
    const res = await request(t.app)
      .get(`/search?q=${encodeURIComponent('疏散通道')}`)
      .expect(200);
    expect(res.text).toContain('<mark>疏散通道</mark>');
    expect(res.text).toContain('href="/items/XF-002"');
  });

  it('shows a helpful empty state when nothing matches', async () => {
    const res = await request(t.app)
      .get(`/search?q=${encodeURIComponent('宇宙飞船')}`)
      .expect(200);
    expect(res.text).toContain('没有找到与“宇宙飞船”相关的事项');
  });

  it('shows the search form with examples when there is no query', async () => {
    const res = await request(t.app).get('/search').expect(200);
    expect(res.text).toContain('href="/search?q=灭火器"');
  });

  it('answers 400 with an error summary for an over-long query', async () => {
    const res = await request(t.app)
      .get(`/search?q=${'消'.repeat(201)}`)
      .expect(400);
    expect(res.text).toContain('class="error-summary"');
    expect(res.text).toContain('href="#search-q"');
    expect(res.text).toContain('aria-invalid="true"');
  });
});
