// Hostile input that used to reach PostgreSQL (or the number parser) and come
// back as a 500: a NUL byte in any text, a year 0000 date, numbers too large
// for an integer, JSON nested thousands deep. Each must be a 400 problem (API)
// or a 400 page (HTML form), never a 5xx.
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { randomIp, registerCompany, uniqueCreditCode, type Company } from '../support/company';
import { fixtureContent, fixtureItem } from '../support/fixtures';
import { signInAs } from '../support/sign-in';

let t: TestApp;
let c: Company;
let draft: string;
beforeAll(async () => {
  t = await startTestApp(fixtureContent([fixtureItem('XF-001'), fixtureItem('XF-002')]));
  c = await registerCompany(t.app);
  draft = (
    await c.agent
      .post('/api/v1/assessments')
      .send({ profile: { tags: [] } })
      .expect(201)
  ).body.id as string;
});
afterAll(async () => {
  await t.close();
});

const NUL = '\u0000';

function expectProblem(res: request.Response, status = 400): void {
  expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
    status,
    type: expect.stringMatching(/application\/problem\+json/),
  });
}

describe('a NUL byte in any text is a 400, not a database error', () => {
  it('in an answer note or owner (JSON body)', async () => {
    for (const body of [
      { status: 'non_compliant', note: `灭火器${NUL}过期` },
      { status: 'non_compliant', owner: `王${NUL}` },
    ]) {
      const res = await c.agent.put(`/api/v1/assessments/${draft}/answers/XF-001`).send(body);
      expectProblem(res);
      expect(res.body.detail).toMatch(/NUL|空字符/);
    }
  });

  it('in a key of a JSON body', async () => {
    const res = await c.agent
      .put(`/api/v1/assessments/${draft}/answers/XF-001`)
      .type('application/json')
      .send(`{"status":"compliant","no\\u0000te":"x"}`);
    expectProblem(res);
  });

  it('in a path parameter (:itemCode) and a query string', async () => {
    expectProblem(await c.agent.put(`/api/v1/assessments/${draft}/answers/XF-%00`).send({ status: 'compliant' }));
    expectProblem(await request(t.app).get('/api/v1/items/XF%00001'));
    expectProblem(await request(t.app).get('/api/v1/search?q=%E6%B6%88%00'));
  });

  it('in registration fields, without logging in', async () => {
    for (const field of ['orgName', 'region']) {
      const creditCode = uniqueCreditCode();
      const res = await request(t.app)
        .post('/api/v1/auth/register')
        .set('X-Forwarded-For', randomIp())
        .send({
          email: `nul-${creditCode.toLowerCase()}@example.cn`,
          password: 'correct horse battery',
          orgName: '张家港市示例机械有限公司',
          creditCode,
          region: '杨舍镇',
          industry: 'C',
          size: 'small',
          [field]: `杨舍${NUL}镇`,
        });
      expectProblem(res);
    }
  });

  it('in a deck title or note', async () => {
    const l = await signInAs(t, 'lecturer');
    expectProblem(await l.agent.post('/api/v1/decks').send({ title: `消防${NUL}`, items: [{ code: 'XF-001' }] }));
    expectProblem(
      await l.agent.post('/api/v1/decks').send({ title: '消防', items: [{ code: 'XF-001', note: `a${NUL}b` }] }),
    );
  });

  it('in an export filter: a problem, never a 200 with a cut file', async () => {
    const r = await signInAs(t, 'regulator');
    for (const path of ['/api/v1/exports/answers.csv', '/api/v1/exports/answers.xlsx'])
      expectProblem(await r.agent.get(`${path}?region=%00`));
  });

  it('in an HTML form: a 400 page that says what is wrong', async () => {
    const res = await c.agent
      .post(`/assess/${draft}/items/XF-001`)
      .type('form')
      .send(`status=non_compliant&note=a%00b`);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toMatch(/空字符/);
  });
});

describe('dates and numbers out of range', () => {
  it('a year 0000 dueDate or correctedOn is a 400', async () => {
    for (const body of [
      { status: 'non_compliant', dueDate: '0000-01-01' },
      { status: 'corrected', correctedOn: '0000-01-01' },
    ])
      expectProblem(await c.agent.put(`/api/v1/assessments/${draft}/answers/XF-001`).send(body));
  });

  it('?version= beyond any integer, 1e309 or Infinity is a 400', async () => {
    for (const v of ['99999999999999999999', '1e309', 'Infinity', '-Infinity', 'NaN'])
      expectProblem(await request(t.app).get(`/api/v1/domains?version=${v}`));
  });

  it('JSON nested 15,000 deep to /api/v1/verify is a 400', async () => {
    const deep = '['.repeat(15_000) + ']'.repeat(15_000);
    expectProblem(await request(t.app).post('/api/v1/verify').type('application/json').send(deep));
    const deepObject = '{"a":'.repeat(15_000) + '1' + '}'.repeat(15_000);
    expectProblem(
      await c.agent.put(`/api/v1/assessments/${draft}/answers/XF-001`).type('application/json').send(deepObject),
    );
  });
});

describe('a lone UTF-16 surrogate is a 400, not a database error', () => {
  it('in a JSON answer note, and percent-encoded in a path or query', async () => {
    const note = await c.agent
      .put(`/api/v1/assessments/${draft}/answers/XF-001`)
      .type('application/json')
      .send('{"status":"non_compliant","note":"\\ud800"}');
    expectProblem(note);
    expectProblem(await request(t.app).get('/api/v1/items/XF-%ED%A0%80'));
    expectProblem(await request(t.app).get('/api/v1/search?q=%ED%A0%80'));
  });
});
