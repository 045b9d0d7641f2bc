// Live check-in: anonymous answers from phones, counted on the lecturer's screen.
import request from 'supertest';
import type { Kysely } from 'kysely';
import * as checkinCompliance from '../../db/migrations/0016-checkin-compliance';
import { startTestApp, type TestApp } from '../support/app';
import { randomIp } from '../support/company';
import { freshDb } from '../support/db';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('/present/checkin/domains/:code', () => {
  it('asks the domain\u2019s first self-check questions with 符合 / 不符合 / 不确定, never a bare 是 / 否', async () => {
    const domain = t.catalogue.domain('XF');
    if (!domain) throw new Error('XF missing');
    const html = (await request(t.app).get('/present/checkin/domains/XF').expect(200)).text;
    expect(html).toContain(domain.items[0].question);
    expect(html.match(/<fieldset/g)?.length).toBe(Math.min(10, domain.items.length));
    expect(html).toContain('不收集姓名');
    const labels = [...html.matchAll(/<label[^>]*for="XF-001-[^"]+"[^>]*>\s*([^<]+?)\s*</g)].map((m) => m[1]);
    expect(labels).toEqual(['符合', '不符合', '不确定']);
  });

  it('counts a 不符合 as not compliant whichever way the question is phrased (XF-004: 是 would mean a violation)', async () => {
    const xf004 = t.catalogue.item('XF-004')?.item;
    expect(xf004?.question).toMatch(/^本单位是否有人/);
    await request(t.app)
      .post('/present/checkin/domains/XF')
      .set('X-Forwarded-For', randomIp())
      .type('form')
      .send({ 'XF-004': 'non_compliant' })
      .expect(303);
    const results = (await request(t.app).get('/present/checkin/domains/XF/results').expect(200)).text;
    expect(results).not.toMatch(/是\s*=\s*合规/);
    expect(results).toMatch(/<th scope="col">合规<\/th><th scope="col">不合规<\/th><th scope="col">不确定<\/th>/);
    // XF-004's row: 0 合规, 1 不合规, 0 不确定.
    expect(results).toMatch(
      /XF-004<\/th>[\s\S]*?<span class="count">0<\/span>[\s\S]*?<span class="count">1<\/span>[\s\S]*?<span class="count">0<\/span>/,
    );
  });

  it('takes one answer per device: a second send from the same browser is refused, another device answers', async () => {
    const ip = randomIp();
    const first = await request(t.app)
      .post('/present/checkin/domains/SP')
      .set('X-Forwarded-For', ip)
      .type('form')
      .send({ 'SP-001': 'compliant' })
      .expect(303);
    const cookie = (first.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('hegui_checkin_answered='),
    );
    expect(cookie).toMatch(/Path=\/present\/checkin\/domains\/SP;/);
    expect(cookie).toMatch(/HttpOnly/);
    const pair = (cookie ?? '').split(';')[0];
    const again = await request(t.app)
      .post('/present/checkin/domains/SP')
      .set('X-Forwarded-For', ip)
      .set('Cookie', pair)
      .type('form')
      .send({ 'SP-001': 'non_compliant' })
      .expect(409);
    expect(again.text).toContain('这台设备已经提交过本次现场调查');
    const page = (await request(t.app).get('/present/checkin/domains/SP').set('Cookie', pair).expect(200)).text;
    expect(page).toContain('已提交，谢谢！');
    expect(page).not.toContain('<fieldset');
    await request(t.app)
      .post('/present/checkin/domains/SP')
      .set('X-Forwarded-For', randomIp())
      .type('form')
      .send({ 'SP-001': 'non_compliant' })
      .expect(303);
    const rows = await t.db.db
      .selectFrom('checkin_answers')
      .select('answer')
      .where('deck_key', '=', 'domain-SP')
      .execute();
    expect(rows.map((r) => r.answer).sort()).toEqual(['compliant', 'non_compliant']);
  });

  it('stores answers without personal data and shows the counts', async () => {
    const post = (answers: Record<string, string>): request.Test =>
      request(t.app).post('/present/checkin/domains/LD').set('X-Forwarded-For', randomIp()).type('form').send(answers);
    await post({ 'LD-001': 'compliant', 'LD-002': 'non_compliant' })
      .expect(303)
      .expect('Location', '/present/checkin/domains/LD?thanks=1');
    await post({ 'LD-001': 'non_compliant' }).expect(303);
    await post({ 'LD-001': 'unsure', 'LD-002': 'non_compliant', 'XF-001': 'compliant', 'LD-003': 'yes' }).expect(303);
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

describe('migration 0016: check-in answers 是 / 否 become 符合 / 不符合', () => {
  it('keeps what the old results page showed (是 = 合规) and refuses the old words afterwards', async () => {
    const own = await freshDb();
    try {
      const db = own.db as unknown as Kysely<unknown>;
      await checkinCompliance.down(db);
      // The table as it was before the migration: any text in answer.
      const raw = own.db as unknown as Kysely<{
        checkin_answers: { deck_key: string; item_code: string; answer: string };
      }>;
      await raw
        .insertInto('checkin_answers')
        .values(['yes', 'no', 'unsure'].map((answer) => ({ deck_key: 'domain-XF', item_code: 'XF-001', answer })))
        .execute();
      await checkinCompliance.up(db);
      const rows = await own.db.selectFrom('checkin_answers').select('answer').orderBy('id').execute();
      expect(rows.map((r) => r.answer)).toEqual(['compliant', 'non_compliant', 'unsure']);
      await expect(
        raw
          .insertInto('checkin_answers')
          .values({ deck_key: 'domain-XF', item_code: 'XF-001', answer: 'yes' })
          .execute(),
      ).rejects.toThrow(/checkin_answers_answer_check/);
    } finally {
      await own.drop();
    }
  });
});
