// Quick checks (issue 13): trade scenes, quick and full drafts, extending a
// quick draft, partial submission (未自查 and coverage in the report), and the
// regulators' statistics counting only answered items, quick told from full.
import { fingerprintOf } from '../../server/assessment/fingerprint';
import { applicableItems } from '../../server/assessment/service';
import { startTestApp, type TestApp } from '../support/app';
import { registerCompany, type Company } from '../support/company';
import { createUser } from '../../server/accounts/service';
import request from 'supertest';
import JSZip from 'jszip';

/** Codes in checklist order (the report lists 未自查 items domain by domain). */
let order = new Map<string, number>();
const byCatalogue = (a: string, b: string): number => (order.get(a) ?? 0) - (order.get(b) ?? 0);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  order = new Map(t.catalogue.domains.flatMap((d) => d.items.map((i) => i.code)).map((code, i) => [code, i]));
});
afterAll(async () => {
  await t.close();
});

const RESTAURANT_TAGS = ['employees', 'food', 'retail', 'public_venue', 'outdoor_signs', 'tobacco_alcohol'];

function create(c: Company, body: Record<string, unknown>): request.Test {
  return c.agent.post('/api/v1/assessments').send(body);
}
function answer(c: Company, id: string, code: string, status: string): request.Test {
  return c.agent.put(`/api/v1/assessments/${id}/answers/${code}`).send({ status });
}
function submit(c: Company, id: string): request.Test {
  return c.agent.post(`/api/v1/assessments/${id}/submit`);
}
function extend(c: Company, id: string, body: Record<string, unknown> = {}): request.Test {
  return c.agent.post(`/api/v1/assessments/${id}/extend`).send(body);
}

describe('GET /api/v1/scenes', () => {
  it('lists every scene with its counts', async () => {
    const res = await request(t.app).get('/api/v1/scenes').expect(200);
    expect(res.body.scenes).toHaveLength(t.catalogue.scenes.length);
    expect(res.body.scenes.length).toBeGreaterThanOrEqual(16);
    const restaurant = res.body.scenes.find((s: { id: string }) => s.id === 'restaurant');
    const scene = t.catalogue.scene('restaurant');
    expect(restaurant).toEqual({
      id: 'restaurant',
      name: '餐饮店',
      nameEn: scene?.nameEn,
      description: scene?.description,
      industries: [{ section: 'H', divisions: ['62'] }],
      tags: RESTAURANT_TAGS,
      quickCount: scene?.quick.length,
      fullCount: (scene?.quick.length ?? 0) + (scene?.full.length ?? 0),
    });
    for (const s of res.body.scenes) {
      expect(s.quickCount).toBeGreaterThanOrEqual(15);
      expect(s.quickCount).toBeLessThanOrEqual(40);
      expect(s.fullCount).toBeGreaterThan(s.quickCount);
    }
  });

  it('gives one scene with its quick and full codes', async () => {
    const res = await request(t.app).get('/api/v1/scenes/restaurant').expect(200);
    const scene = t.catalogue.scene('restaurant');
    expect(res.body.quick).toEqual(scene?.quick);
    expect(res.body.full).toEqual([...(scene?.quick ?? []), ...(scene?.full ?? [])]);
    expect(res.body.full).toHaveLength(res.body.fullCount);
  });

  it('answers an unknown scene with a 404 problem in the asked language', async () => {
    const zh = await request(t.app).get('/api/v1/scenes/nope').expect(404);
    expect(zh.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(zh.body.detail).toContain('没有行业场景');
    const en = await request(t.app).get('/api/v1/scenes/nope').set('Accept-Language', 'en').expect(404);
    expect(en.body.detail).toContain('no trade scene');
  });

  it('is in the OpenAPI document', async () => {
    const res = await request(t.app).get('/api/v1/openapi.json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/scenes', '/api/v1/scenes/{id}', '/api/v1/assessments/{id}/extend']),
    );
  });
});

describe('quick and full drafts', () => {
  it('a scene gives a quick draft: the quick list less what the profile rules out, in the scene order', async () => {
    const c = await registerCompany(t.app);
    // Without public_venue, the scene's 公众聚集场所 item (appliesTo public_venue) is left out.
    const tags = ['employees', 'food', 'retail'];
    const res = await create(c, { profile: { tags }, scene: 'restaurant' }).expect(201);
    const scene = t.catalogue.scene('restaurant');
    const applicable = new Set(applicableItems(t.catalogue, tags));
    const expected = (scene?.quick ?? []).filter((code) => applicable.has(code));
    expect(expected.length).toBeLessThan(scene?.quick.length ?? 0);
    expect(res.body).toMatchObject({ mode: 'quick', scene: 'restaurant', items: expected });
    expect(res.body.progress).toEqual({ answered: 0, total: expected.length });
    const got = await c.agent.get(`/api/v1/assessments/${res.body.id}`).expect(200);
    expect(got.body).toMatchObject({
      mode: 'quick',
      scene: 'restaurant',
      progress: { answered: 0, total: expected.length },
    });
  });

  it('defaults to full without a scene, and a scene may ask for full', async () => {
    const c = await registerCompany(t.app);
    const plain = await create(c, { profile: { tags: RESTAURANT_TAGS } }).expect(201);
    expect(plain.body).toMatchObject({ mode: 'full', scene: null });
    expect(plain.body.items).toEqual(applicableItems(t.catalogue, RESTAURANT_TAGS));
    const full = await create(c, { profile: { tags: RESTAURANT_TAGS }, scene: 'restaurant', mode: 'full' }).expect(201);
    expect(full.body).toMatchObject({ mode: 'full', scene: 'restaurant' });
    expect(full.body.items).toEqual(plain.body.items);
  });

  it('refuses an unknown scene, a quick check without one and a bad mode with 400 problems', async () => {
    const c = await registerCompany(t.app);
    const unknown = await create(c, { profile: { tags: [] }, scene: 'spaceport' }).expect(400);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'scene' })]);
    const noScene = await create(c, { profile: { tags: [] }, mode: 'quick' }).expect(400);
    expect(noScene.body.errors).toEqual([expect.objectContaining({ field: 'scene' })]);
    await create(c, { profile: { tags: [] }, scene: 'restaurant', mode: 'half' }).expect(400);
    const list = await c.agent.get('/api/v1/assessments').expect(200);
    expect(list.body.assessments).toHaveLength(0);
  });
});

describe('extending a quick draft', () => {
  it('adds one domain, then all, keeping the answers; all makes it full', async () => {
    const c = await registerCompany(t.app);
    const created = await create(c, { profile: { tags: RESTAURANT_TAGS }, scene: 'restaurant' }).expect(201);
    const id = created.body.id as string;
    const first = created.body.items[0] as string;
    await answer(c, id, first, 'compliant').expect(200);

    const applicable = applicableItems(t.catalogue, RESTAURANT_TAGS);
    const sp = new Set(t.catalogue.domain('SP')?.items.map((i) => i.code));
    const spApplicable = applicable.filter((code) => sp.has(code));
    const spBefore = (created.body.items as string[]).filter((code) => sp.has(code));
    const one = await extend(c, id, { domain: 'SP' }).expect(200);
    expect(one.body.added).toEqual(spApplicable.filter((code) => !spBefore.includes(code)));
    expect(one.body.added.length).toBeGreaterThan(0);
    expect(one.body.mode).toBe('quick');
    expect(one.body.items.slice(0, created.body.items.length)).toEqual(created.body.items);
    expect(one.body.progress).toEqual({ answered: 1, total: created.body.items.length + one.body.added.length });

    const all = await extend(c, id).expect(200);
    expect(all.body.mode).toBe('full');
    expect([...all.body.items].sort()).toEqual([...applicable].sort());
    const got = await c.agent.get(`/api/v1/assessments/${id}`).expect(200);
    expect(got.body.answers[first]).toMatchObject({ status: 'compliant' });
    expect(got.body.progress).toEqual({ answered: 1, total: applicable.length });
  });

  it('refuses a domain with nothing for the profile, an unknown draft and a submitted one', async () => {
    const c = await registerCompany(t.app);
    const created = await create(c, { profile: { tags: [] }, scene: 'office-services' }).expect(201);
    const id = created.body.id as string;
    const bad = await extend(c, id, { domain: 'ZZ' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'domain' })]);
    await extend(c, id, { domain: 3 }).expect(400);
    await extend(c, '00000000-0000-4000-8000-000000000000').expect(404);
    const other = await registerCompany(t.app);
    await extend(other, id).expect(404);
    await answer(c, id, created.body.items[0] as string, 'compliant').expect(200);
    await submit(c, id).expect(200);
    await extend(c, id).expect(409);
  });
});

describe('submitting when ready', () => {
  it('refuses a draft without a single answer with 409', async () => {
    const c = await registerCompany(t.app);
    const created = await create(c, { profile: { tags: RESTAURANT_TAGS }, scene: 'restaurant' }).expect(201);
    const res = await submit(c, created.body.id as string).expect(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.detail).toContain('至少回答一项');
  });

  it('reports the unanswered items as unchecked with the coverage, and the report verifies', async () => {
    const c = await registerCompany(t.app);
    const created = await create(c, { profile: { tags: RESTAURANT_TAGS }, scene: 'restaurant' }).expect(201);
    const id = created.body.id as string;
    const items = created.body.items as string[];
    const [a, b, x] = items;
    await answer(c, id, a, 'compliant').expect(200);
    await answer(c, id, b, 'non_compliant').expect(200);
    await answer(c, id, x, 'not_applicable').expect(200);
    const res = await submit(c, id).expect(200);
    expect(res.body).toEqual({
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      submittedAt: expect.any(String),
      coverage: { answered: 3, total: items.length },
    });
    const report = await c.agent.get(`/api/v1/assessments/${id}/report`).expect(200);
    expect(report.body).toMatchObject({
      format: 'hegui-report/2',
      mode: 'quick',
      scene: { id: 'restaurant', name: '餐饮店' },
      coverage: { answered: 3, total: items.length },
    });
    const rest = items.filter((code) => ![a, b, x].includes(code));
    expect([...report.body.unchecked].sort()).toEqual([...rest].sort());
    expect(report.body.overall.total).toBe(3);
    expect(report.body.answers.map((r: { code: string }) => r.code).sort()).toEqual([a, b, x].sort());
    expect(report.body.gaps.map((g: { code: string }) => g.code)).toEqual([b]);
    const uncheckedInDomains = report.body.domains.reduce((n: number, d: { unchecked: number }) => n + d.unchecked, 0);
    expect(uncheckedInDomains).toBe(rest.length);
    expect(fingerprintOf(report.body)).toBe(res.body.fingerprint);
    const verified = await request(t.app).post('/api/v1/verify').send(report.body).expect(200);
    expect(verified.body.match).toBe(true);
  });

  it('keeps a format-1 report (stored before quick checks) verifying, as a full check with every item answered', async () => {
    const c = await registerCompany(t.app);
    const created = await create(c, { profile: { tags: [] }, scene: 'office-services' }).expect(201);
    const id = created.body.id as string;
    for (const code of created.body.items as string[]) await answer(c, id, code, 'compliant').expect(200);
    await submit(c, id).expect(200);
    const current = (await c.agent.get(`/api/v1/assessments/${id}/report`).expect(200)).body;
    const { mode: _m, scene: _s, coverage: _c, unchecked: _u, ...rest } = current;
    const old = {
      ...rest,
      format: 'hegui-report/1',
      domains: rest.domains.map(({ unchecked: _n, ...d }: { unchecked: number }) => d),
    };
    const fingerprint = fingerprintOf(old);
    await t.db.db
      .updateTable('assessments')
      .set({ report: JSON.stringify(old), fingerprint })
      .where('id', '=', id)
      .execute();
    const byUpload = await request(t.app).post('/api/v1/verify').send(old).expect(200);
    const n = (created.body.items as string[]).length;
    expect(byUpload.body).toMatchObject({
      match: true,
      fingerprint,
      mode: 'full',
      coverage: { answered: n, total: n },
    });
    const page = await request(t.app).get(`/verify/${fingerprint}`).expect(200);
    expect(page.text).toContain(`自查覆盖：已答 ${n} / 适用 ${n} 项`);
    const html = await c.agent.get(`/assess/${id}/report`).expect(200);
    expect(html.text).toContain('全面自查');
    expect(html.text).not.toContain('未自查的事项');
  });

  it('prints the mode, the trade, the coverage and the 未自查 codes on the HTML, DOCX and PDF report and on /verify', async () => {
    const c = await registerCompany(t.app);
    const created = await create(c, { profile: { tags: RESTAURANT_TAGS }, scene: 'restaurant' }).expect(201);
    const id = created.body.id as string;
    const items = created.body.items as string[];
    await answer(c, id, items[0], 'compliant').expect(200);
    const { fingerprint } = (await submit(c, id).expect(200)).body as { fingerprint: string };
    const coverage = `自查覆盖：已答 1 / 适用 ${items.length} 项`;
    const html = (await c.agent.get(`/assess/${id}/report`).expect(200)).text;
    expect(html).toContain('快速自查 · 行业场景：餐饮店');
    expect(html).toContain(coverage);
    expect(html).toContain(`未自查的事项（${items.length - 1} 项）：`);
    expect(html).toContain(`<span class="item-code">${items[1]}</span>`);

    const docx = await c.agent
      .get(`/api/v1/assessments/${id}/report.docx`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => {
          done(null, Buffer.concat(chunks));
        });
      })
      .expect(200);
    const zip = await JSZip.loadAsync(docx.body as Buffer);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('快速自查 · 行业场景：餐饮店');
    expect(text).toContain(coverage);
    expect(text).toContain(`未自查的事项（${items.length - 1} 项）：${items.slice(1).sort(byCatalogue).join('、')}`);

    const pdf = await c.agent.get(`/api/v1/assessments/${id}/report.pdf`).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');

    const verify = await request(t.app).get(`/verify/${fingerprint}`).expect(200);
    expect(verify.text).toContain('快速自查');
    expect(verify.text).toContain(coverage);
    const en = await request(t.app).get(`/verify/${fingerprint}?lang=en`).expect(200);
    expect(en.text).toContain(`Coverage: 1 of ${items.length} applicable items answered`);
  });

  it('counts only answered items in the statistics and records the mode; regulators filter by it', async () => {
    const c = await registerCompany(t.app);
    const quick = await create(c, { profile: { tags: RESTAURANT_TAGS }, scene: 'restaurant' }).expect(201);
    const qid = quick.body.id as string;
    const [a, b] = quick.body.items as string[];
    // The cells are shared with the other tests of this file: compare before and after.
    const unanswered = (quick.body.items as string[])[2];
    const cellsNow = async () => {
      const cells = await t.db.db
        .selectFrom('stat_item_months')
        .select(['item_code', 'compliant', 'non_compliant', 'not_applicable', 'unsure'])
        .where('item_code', 'in', [a, b, unanswered])
        .execute();
      const zero = { compliant: 0, non_compliant: 0, not_applicable: 0, unsure: 0 };
      return (code: string) => {
        const { item_code: _code, ...counts } = cells.find((r) => r.item_code === code) ?? { item_code: code, ...zero };
        return counts;
      };
    };
    const before = await cellsNow();
    await answer(c, qid, a, 'compliant').expect(200);
    await answer(c, qid, b, 'unsure').expect(200);
    await submit(c, qid).expect(200);
    const full = await create(c, { profile: { tags: RESTAURANT_TAGS } }).expect(201);
    const fid = full.body.id as string;
    await answer(c, fid, a, 'non_compliant').expect(200);
    await submit(c, fid).expect(200);

    const rows = await t.db.db
      .selectFrom('stat_submissions')
      .select(['assessment_id', 'mode', 'compliant', 'non_compliant', 'not_applicable', 'unsure'])
      .where('org_id', '=', c.orgId)
      .execute();
    const byId = new Map(rows.map((r) => [r.assessment_id, r]));
    expect(byId.get(qid)).toMatchObject({
      mode: 'quick',
      compliant: 1,
      non_compliant: 0,
      not_applicable: 0,
      unsure: 1,
    });
    expect(byId.get(fid)).toMatchObject({ mode: 'full', compliant: 0, non_compliant: 1, not_applicable: 0, unsure: 0 });
    // The cells hold the answered items only: nothing for an item left 未自查.
    const after = await cellsNow();
    const delta = (code: string) => {
      const x = after(code);
      const y = before(code);
      return {
        compliant: x.compliant - y.compliant,
        non_compliant: x.non_compliant - y.non_compliant,
        not_applicable: x.not_applicable - y.not_applicable,
        unsure: x.unsure - y.unsure,
      };
    };
    expect(delta(a)).toEqual({ compliant: 1, non_compliant: 1, not_applicable: 0, unsure: 0 });
    expect(delta(b)).toEqual({ compliant: 0, non_compliant: 0, not_applicable: 0, unsure: 1 });
    expect(delta(unanswered)).toEqual({ compliant: 0, non_compliant: 0, not_applicable: 0, unsure: 0 });

    for (const id of [qid, fid])
      await c.agent.put(`/api/v1/assessments/${id}/sharing`).send({ shared: true }).expect(200);
    const email = `regulator-${Math.random().toString(36).slice(2)}@example.gov.cn`;
    await createUser(t.db.db, { email, password: 'regulator password 1', role: 'regulator' });
    const regulator = request.agent(t.app);
    await regulator.post('/api/v1/auth/login').send({ email, password: 'regulator password 1' }).expect(200);
    const ids = async (query: string): Promise<string[]> =>
      (await regulator.get(`/api/v1/stats/shared-reports${query}`).expect(200)).body.reports.map(
        (r: { id: string }) => r.id,
      );
    expect(await ids('?mode=quick')).toEqual([qid]);
    expect(await ids('?mode=full')).toEqual([fid]);
    expect((await ids('')).sort()).toEqual([qid, fid].sort());
    const bad = await regulator.get('/api/v1/stats/shared-reports?mode=half').expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'mode' })]);
  });
});

function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF field in the page');
  return m[1];
}

describe('pages: the scene picker, the quick draft, extending and the partial submission', () => {
  it('asks 您的单位是做什么的？ with every scene as a radio in a GET form, on the home page and on /assess', async () => {
    for (const path of ['/', '/assess']) {
      const html = (await request(t.app).get(path).expect(200)).text;
      expect(html).toContain('<form method="get" action="/assess/new" class="scene-picker">');
      expect(html).toContain('您的单位是做什么的？');
      for (const s of t.catalogue.scenes)
        expect(html).toContain(`<input type="radio" id="scene-${s.id}" name="scene" value="${s.id}"`);
    }
    const en = (await request(t.app).get('/?lang=en').expect(200)).text;
    expect(en).toContain('What does your business do?');
    expect(en).toContain('Restaurant or eatery');
  });

  it('prefills the profile from the scene, starts a quick draft, extends a domain and submits a partial check', async () => {
    const c = await registerCompany(t.app);
    const profile = await c.agent.get('/assess/new?scene=restaurant').expect(200);
    expect(profile.text).toContain('<input type="hidden" name="scene" value="restaurant">');
    expect(profile.text).toMatch(/id="q-food-yes" name="q-food" value="yes" checked/);
    expect(profile.text).toMatch(/id="q-vehicles-no" name="q-vehicles" value="no" checked/);
    await c.agent.get('/assess/new?scene=spaceport').expect(400);

    // Sent as prefilled: one tap from the profile to the draft.
    const form: Record<string, string> = { _csrf: csrfOf(profile.text), scene: 'restaurant' };
    for (const q of t.catalogue.profile) form[`q-${q.tag}`] = RESTAURANT_TAGS.includes(q.tag) ? 'yes' : 'no';
    const started = await c.agent.post('/assess/new').type('form').send(form).expect(303);
    const id = /^\/assess\/([0-9a-f-]{36})$/.exec(started.headers.location)?.[1] ?? '';
    const draft = (await c.agent.get(`/api/v1/assessments/${id}`).expect(200)).body;
    expect(draft).toMatchObject({ mode: 'quick', scene: 'restaurant' });
    expect(draft.items).toHaveLength(t.catalogue.scene('restaurant')?.quick.length ?? -1);

    const sp = new Set(t.catalogue.domain('SP')?.items.map((i) => i.code));
    const remaining = applicableItems(t.catalogue, RESTAURANT_TAGS).filter(
      (code) => sp.has(code) && !(draft.items as string[]).includes(code),
    ).length;
    const domainPage = await c.agent.get(`/assess/${id}/domains/SP`).expect(200);
    expect(domainPage.text).toContain(`继续检查本领域其余 ${remaining} 项`);
    const extended = await c.agent
      .post(`/assess/${id}/extend`)
      .type('form')
      .send({ _csrf: csrfOf(domainPage.text), domain: 'SP' })
      .expect(303);
    expect(extended.headers.location).toBe(`/assess/${id}/domains/SP`);
    const after = (await c.agent.get(`/api/v1/assessments/${id}`).expect(200)).body;
    expect(after.items).toHaveLength(draft.items.length + remaining);
    expect((await c.agent.get(`/assess/${id}/domains/SP`).expect(200)).text).not.toContain('继续检查本领域');

    const [first, second] = draft.items as string[];
    await answer(c, id, first, 'compliant').expect(200);
    await c.agent
      .put(`/api/v1/assessments/${id}/answers/${second}`)
      .send({ status: 'unsure', owner: '店长' })
      .expect(200);
    const check = (await c.agent.get(`/assess/${id}/check`).expect(200)).text;
    const attention = check.indexOf('需要整改和不确定的事项');
    expect(attention).toBeGreaterThan(0);
    expect(check.indexOf(second, attention)).toBeLessThan(check.indexOf('class="check-domain"', attention + 1));
    expect(check).toContain('未自查');
    expect(check).toContain(`已答 2 项，共 ${after.items.length} 项`);
    const submitted = await c.agent
      .post(`/assess/${id}/submit`)
      .type('form')
      .send({ _csrf: csrfOf(check) })
      .expect(303);
    expect(submitted.headers.location).toBe(`/assess/${id}/report`);
    const report = (await c.agent.get(`/assess/${id}/report`).expect(200)).text;
    expect(report).toContain(`自查覆盖：已答 2 / 适用 ${after.items.length} 项`);
  });
});

describe('pages: one item per screen', () => {
  it('answers with one of four buttons, asks owner and due date only after 不符合/不确定, and goes on to the next item', async () => {
    const c = await registerCompany(t.app);
    const created = await create(c, { profile: { tags: RESTAURANT_TAGS }, scene: 'restaurant' }).expect(201);
    const id = created.body.id as string;
    const items = created.body.items as string[];
    const list = (await c.agent.get(`/assess/${id}`).expect(200)).text;
    expect(list).toContain(`href="/assess/${id}/items/${items[0]}"`);

    const first = (await c.agent.get(`/assess/${id}/items/${items[0]}`).expect(200)).text;
    expect(first).toContain(`1 / ${items.length}`);
    for (const s of ['符合', '不符合', '不适用', '不确定']) expect(first).toContain(`>${s}</button>`);
    expect(first).toContain('<details class="one-item-details">');
    expect(first).not.toContain('name="owner"');
    const ok = await c.agent
      .post(`/assess/${id}/items/${items[0]}`)
      .type('form')
      .send({ _csrf: csrfOf(first), status: 'compliant' })
      .expect(303);
    expect(ok.headers.location).toBe(`/assess/${id}/items/${items[1]}`);

    const second = (await c.agent.get(`/assess/${id}/items/${items[1]}`).expect(200)).text;
    expect(second).toContain(`2 / ${items.length}`);
    expect(second).toContain(`href="/assess/${id}/items/${items[0]}"`);
    const gap = await c.agent
      .post(`/assess/${id}/items/${items[1]}`)
      .type('form')
      .send({ _csrf: csrfOf(second), status: 'non_compliant' })
      .expect(303);
    expect(gap.headers.location).toBe(`/assess/${id}/items/${items[1]}?then=action`);
    const actionPage = (await c.agent.get(gap.headers.location).expect(200)).text;
    expect(actionPage).toContain('name="owner"');
    const bad = await c.agent
      .post(`/assess/${id}/items/${items[1]}`)
      .type('form')
      .send({ _csrf: csrfOf(actionPage), step: 'action', owner: '店长', dueDate: '31/12/2026' })
      .expect(400);
    expect(bad.text).toContain('dueDate');
    const done = await c.agent
      .post(`/assess/${id}/items/${items[1]}`)
      .type('form')
      .send({ _csrf: csrfOf(actionPage), step: 'action', owner: '店长', dueDate: '2026-12-31' })
      .expect(303);
    expect(done.headers.location).toBe(`/assess/${id}/items/${items[2]}`);
    const saved = (await c.agent.get(`/api/v1/assessments/${id}`).expect(200)).body;
    expect(saved.answers[items[0]]).toMatchObject({ status: 'compliant', owner: null });
    expect(saved.answers[items[1]]).toMatchObject({ status: 'non_compliant', owner: '店长', dueDate: '2026-12-31' });

    // No answer chosen, an item not in the check: helpful pages, never a 500.
    await c.agent
      .post(`/assess/${id}/items/${items[2]}`)
      .type('form')
      .send({ _csrf: csrfOf(first) })
      .expect(400);
    await c.agent.get(`/assess/${id}/items/ZZ-999`).expect(404);
    // The last item goes on to the check page.
    const last = items[items.length - 1];
    const lastPage = (await c.agent.get(`/assess/${id}/items/${last}`).expect(200)).text;
    const end = await c.agent
      .post(`/assess/${id}/items/${last}`)
      .type('form')
      .send({ _csrf: csrfOf(lastPage), status: 'not_applicable' })
      .expect(303);
    expect(end.headers.location).toBe(`/assess/${id}/check`);
  });
});
