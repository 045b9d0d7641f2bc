// Live check-in: anonymous answers from phones, counted on the lecturer's screen.
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { randomIp } from '../support/company';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('/present/checkin/domains/:code', () => {
  it('asks the domain\u2019s first self-check questions with 是 / 否 / 不确定', async () => {
    const domain = t.catalogue.domain('XF');
    if (!domain) throw new Error('XF missing');
    const html = (await request(t.app).get('/present/checkin/domains/XF').expect(200)).text;
    expect(html).toContain(domain.items[0].question);
    expect(html.match(/<fieldset/g)?.length).toBe(Math.min(10, domain.items.length));
    expect(html).toContain('不收集姓名');
  });

  it('stores answers without personal data and shows the counts', async () => {
    const post = (answers: Record<string, string>): request.Test =>
      request(t.app).post('/present/checkin/domains/LD').set('X-Forwarded-For', randomIp()).type('form').send(answers);
    await post({ 'LD-001': 'yes', 'LD-002': 'no' })
      .expect(303)
      .expect('Location', '/present/checkin/domains/LD?thanks=1');
    await post({ 'LD-001': 'no' }).expect(303);
    await post({ 'LD-001': 'unsure', 'LD-002': 'no', 'XF-001': 'yes', 'LD-003': 'maybe' }).expect(303);
    const rows = await t.db.db.selectFrom('checkin_answers').selectAll().where('deck_key', '=', 'domain-LD').execute();
    expect(rows).toHaveLength(5);
    expect(Object.keys(rows[0]).sort()).toEqual(['answer', 'created_at', 'deck_key', 'id', 'item_code']);
    const results = (await request(t.app).get('/present/checkin/domains/LD/results').expect(200)).text;
    expect(results).toContain('已有 3 人作答');
    expect(results).toMatch(
      /LD-001<\/th>[\s\S]*?<span class="count">1<\/span>[\s\S]*?<span class="count">1<\/span>[\s\S]*?<span class="count">1<\/span>/,
    );
    expect(results).toMatch(/LD-002<\/th>[\s\S]*?<span class="count">0<\/span>[\s\S]*?<span class="count">2<\/span>/);
  });

  it('asks again when nothing was answered, and answers 404 for an unknown deck', async () => {
    const res = await request(t.app)
      .post('/present/checkin/domains/XF')
      .set('X-Forwarded-For', randomIp())
      .type('form')
      .send({})
      .expect(400);
    expect(res.text).toContain('请至少回答一题');
    await request(t.app).get('/present/checkin/domains/QQ').expect(404);
    await request(t.app).get('/present/checkin/shared/no-such-token-no-such-token').expect(404);
  });

  it('puts a third QR code for the check-in on the title slide', async () => {
    const html = (await request(t.app).get('/present/domains/XF').expect(200)).text;
    expect(html).toContain('/present/checkin/domains/XF');
    expect(html.match(/<svg class="qr"/g)).toHaveLength(5);
  });
});
