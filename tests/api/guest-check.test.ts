// Guests (issue 13): a visitor runs a quick check without an account — its own
// cookie and CSRF token, rate-limited per address, kept 30 days — and keeps it by
// registering or logging in. Nothing a guest does reaches the regulators' figures.
import request from 'supertest';
import { sql } from 'kysely';
import { deleteExpiredGuests } from '../../server/accounts/guest-sessions';
import { GUEST_DRAFTS_PER_IP } from '../../server/assessment/guest-start';
import { startTestApp, type TestApp } from '../support/app';
import { randomIp, registerCompany, uniqueCreditCode } from '../support/company';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

/** A visitor's browser: one cookie jar, one address. */
function visitor(): { agent: ReturnType<typeof request.agent>; ip: string } {
  return { agent: request.agent(t.app), ip: randomIp() };
}
type Visitor = ReturnType<typeof visitor>;

const csrfIn = (html: string): string => {
  const found = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!found) throw new Error('no _csrf field on the page');
  return found[1];
};

/** The profile form from the scene picker, sent as the scene's usual answers. */
async function startQuickCheck(v: Visitor, scene = 'restaurant'): Promise<{ id: string; csrf: string }> {
  const form = t.catalogue.scene(scene);
  if (!form) throw new Error(`no scene ${scene}`);
  const yes = new Set(form.tags);
  const body: Record<string, string> = { scene };
  for (const q of t.catalogue.profile) body[`q-${q.tag}`] = yes.has(q.tag) ? 'yes' : 'no';
  const res = await v.agent.post('/assess/new').set('X-Forwarded-For', v.ip).type('form').send(body).expect(303);
  const id = /^\/assess\/([0-9a-f-]{36})$/.exec(res.headers.location)?.[1];
  if (!id) throw new Error(`unexpected redirect ${res.headers.location}`);
  await v.agent.get(`/assess/${id}`).expect(200);
  // An API client reads the guest's CSRF token where a member reads theirs.
  const csrf = await v.agent.get('/api/v1/auth/csrf').expect(200);
  return { id, csrf: String(csrf.body.token) };
}

/** Every statistics table, whole: what the regulators' figures are made from. */
async function statistics(): Promise<string> {
  const tables = [
    'stat_submissions',
    'stat_item_cells',
    'stat_domain_cells',
    'stat_item_months',
    'stat_generation',
    'stat_mixed_orgs',
  ];
  const parts: unknown[] = [];
  for (const table of tables)
    parts.push(
      (await sql`select row_to_json(x)::text as r from ${sql.table(table)} x order by 1`.execute(t.db.db)).rows,
    );
  return JSON.stringify(parts);
}

describe('a guest quick check', () => {
  it('starts without an account in a guest session of its own (HttpOnly, SameSite=Lax cookie)', async () => {
    const v = visitor();
    const form = await v.agent.get('/assess/new?scene=restaurant').expect(200);
    expect(form.text).toContain('name="scene" value="restaurant"');
    const scene = t.catalogue.scene('restaurant');
    const body: Record<string, string> = { scene: 'restaurant' };
    for (const q of t.catalogue.profile) body[`q-${q.tag}`] = scene?.tags.includes(q.tag) ? 'yes' : 'no';
    const res = await v.agent.post('/assess/new').set('X-Forwarded-For', v.ip).type('form').send(body).expect(303);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('hegui_guest='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=2592000/); // 30 days
    const id = res.headers.location.split('/').at(-1) ?? '';
    const row = await t.db.db
      .selectFrom('assessments')
      .select(['org_id', 'guest_id', 'created_by', 'mode', 'scene'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ org_id: null, created_by: null, mode: 'quick', scene: 'restaurant' });
    expect(row.guest_id).toMatch(/^[0-9a-f-]{36}$/);
    // The cookie holds a random token; the database only its hash.
    const token = decodeURIComponent(cookie?.split(';')[0].split('=')[1] ?? '');
    const stored = await t.db.db.selectFrom('guest_sessions').select('token_hash').executeTakeFirstOrThrow();
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect(
      (await t.db.db.selectFrom('guest_sessions').select('id').where('token_hash', '=', token).execute()).length,
    ).toBe(0);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers, checks and submits, with the guest CSRF token on every change', async () => {
    const v = visitor();
    const { id, csrf } = await startQuickCheck(v);
    const draft = await v.agent.get(`/api/v1/assessments/${id}`).expect(200);
    const [first, second] = draft.body.items as string[];
    // Without the token: refused, nothing saved.
    await v.agent.post(`/assess/${id}/items/${first}`).type('form').send({ status: 'compliant' }).expect(403);
    await v.agent.put(`/api/v1/assessments/${id}/answers/${first}`).send({ status: 'compliant' }).expect(403);
    await v.agent
      .post(`/assess/${id}/items/${first}`)
      .type('form')
      .send({ status: 'compliant', _csrf: csrf })
      .expect(303);
    await v.agent
      .put(`/api/v1/assessments/${id}/answers/${second}`)
      .set('X-CSRF-Token', csrf)
      .send({ status: 'non_compliant', owner: null, dueDate: null, correctedOn: null })
      .expect(200);
    const check = await v.agent.get(`/assess/${id}/check`).expect(200);
    expect(check.text).toContain(second);
    await v.agent.post(`/assess/${id}/submit`).type('form').send({ _csrf: csrf }).expect(303);
    const report = await v.agent.get(`/assess/${id}/report`).expect(200);
    expect(report.text).toContain('注册 / 登录以保存');
    expect(report.text).toContain(`/register?next&#x3D;${encodeURIComponent(`/assess/${id}/report`)}`);
    expect(report.text).toContain('访客自查（未登记单位）');
    // No sharing with regulators, no rectification ledger for a guest.
    expect(report.text).not.toContain(`/assess/${id}/sharing`);
    const json = await v.agent.get(`/api/v1/assessments/${id}/report`).expect(200);
    expect(json.body.org).toBeNull();
    expect(json.body.coverage).toEqual({ answered: 2, total: draft.body.items.length });
    // The fingerprint verifies, and says no organisation is named.
    const fingerprint = json.headers['x-report-fingerprint'];
    const verified = await request(t.app).get(`/api/v1/verify/${fingerprint}`).expect(200);
    expect(verified.body).toMatchObject({ match: true, org: null, mode: 'quick' });
    const page = await request(t.app).get(`/verify/${fingerprint}`).expect(200);
    expect(page.text).toContain('访客自查，未登记单位');
  });

  it('cannot be read or changed by another visitor or a company', async () => {
    const owner = visitor();
    const { id } = await startQuickCheck(owner);
    const stranger = visitor();
    const { csrf } = await startQuickCheck(stranger);
    await stranger.agent.get(`/api/v1/assessments/${id}`).expect(404);
    await stranger.agent.get(`/assess/${id}`).expect(404);
    await stranger.agent.post(`/assess/${id}/submit`).type('form').send({ _csrf: csrf }).expect(404);
    const c = await registerCompany(t.app);
    await c.agent.get(`/api/v1/assessments/${id}`).expect(404);
    // Without any session the pages ask to log in, the API answers 401.
    await request(t.app).get(`/assess/${id}`).expect(303);
    await request(t.app).get(`/api/v1/assessments/${id}`).expect(401);
  });

  it('cannot be started from another site (no session yet to carry a CSRF token)', async () => {
    const sessions = async (): Promise<number> =>
      (await t.db.db.selectFrom('guest_sessions').select('id').execute()).length;
    const before = await sessions();
    const v = visitor();
    await v.agent
      .post('/assess/new')
      .set('Sec-Fetch-Site', 'cross-site')
      .type('form')
      .send({ scene: 'restaurant' })
      .expect(403);
    await v.agent
      .post('/api/v1/assessments')
      .set('Sec-Fetch-Site', 'cross-site')
      .send({ profile: { tags: [] }, scene: 'restaurant' })
      .expect(403);
    expect(await sessions()).toBe(before);
  });

  it('is rate-limited per client address: 429 with Retry-After, in the visitor’s language', async () => {
    const v = visitor();
    // Cookie-less clients from one address (a script): each would start a new guest session.
    for (let i = 0; i < GUEST_DRAFTS_PER_IP.limit; i += 1)
      await request(t.app)
        .post('/api/v1/assessments')
        .set('X-Forwarded-For', v.ip)
        .send({ profile: { tags: [] }, scene: 'online-shop' })
        .expect(201);
    const refused = await request(t.app)
      .post('/api/v1/assessments')
      .set('X-Forwarded-For', v.ip)
      .send({ profile: { tags: [] }, scene: 'online-shop' })
      .expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.detail).toContain('访客自查太多');
    const page = await v.agent
      .post('/assess/new?lang=en')
      .set('X-Forwarded-For', v.ip)
      .set('Accept-Language', 'en')
      .type('form')
      .send({ scene: 'online-shop', ...Object.fromEntries(t.catalogue.profile.map((q) => [`q-${q.tag}`, 'no'])) })
      .expect(429);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['retry-after']).toBeDefined();
    // Another address is not affected, nor is a company member on this one.
    await visitor()
      .agent.post('/api/v1/assessments')
      .set('X-Forwarded-For', randomIp())
      .send({ profile: { tags: [] }, scene: 'online-shop' })
      .expect(201);
  });

  it('is deleted with its answers when the guest session has expired (30 days)', async () => {
    const v = visitor();
    const { id, csrf } = await startQuickCheck(v);
    const draft = await v.agent.get(`/api/v1/assessments/${id}`).expect(200);
    await v.agent
      .put(`/api/v1/assessments/${id}/answers/${String(draft.body.items[0])}`)
      .set('X-CSRF-Token', csrf)
      .send({ status: 'compliant' })
      .expect(200);
    const { guest_id: guestId } = await t.db.db
      .selectFrom('assessments')
      .select('guest_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const session = await t.db.db
      .selectFrom('guest_sessions')
      .select(['created_at', 'expires_at'])
      .where('id', '=', guestId)
      .executeTakeFirstOrThrow();
    expect(session.expires_at.getTime() - session.created_at.getTime()).toBeGreaterThanOrEqual(
      30 * 24 * 3600 * 1000 - 5000,
    );
    // Not yet: a cleanup now keeps it.
    await deleteExpiredGuests(t.db.db);
    await v.agent.get(`/api/v1/assessments/${id}`).expect(200);
    await t.db.db
      .updateTable('guest_sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', guestId)
      .execute();
    // An expired guest cookie is no session at all.
    await v.agent.get(`/api/v1/assessments/${id}`).expect(401);
    expect(await deleteExpiredGuests(t.db.db)).toBeGreaterThanOrEqual(1);
    expect(await t.db.db.selectFrom('assessments').select('id').where('id', '=', id).execute()).toHaveLength(0);
    expect(
      await t.db.db.selectFrom('answers').select('item_code').where('assessment_id', '=', id).execute(),
    ).toHaveLength(0);
  });
});

describe('keeping a guest check', () => {
  it('registering moves the submitted report and its answers to the new organisation; the figures never see it', async () => {
    const before = await statistics();
    const v = visitor();
    const { id, csrf } = await startQuickCheck(v, 'machining');
    const draft = await v.agent.get(`/api/v1/assessments/${id}`).expect(200);
    const items = draft.body.items as string[];
    for (const [i, code] of items.entries())
      await v.agent
        .put(`/api/v1/assessments/${id}/answers/${code}`)
        .set('X-CSRF-Token', csrf)
        .send({ status: i % 3 === 0 ? 'non_compliant' : 'compliant' })
        .expect(200);
    const submitted = await v.agent.post(`/api/v1/assessments/${id}/submit`).set('X-CSRF-Token', csrf).expect(200);
    expect(await statistics()).toBe(before);

    const reg = await v.agent.get(`/register?next=${encodeURIComponent(`/assess/${id}/report`)}`).expect(200);
    const creditCode = uniqueCreditCode();
    const done = await v.agent
      .post('/register')
      .set('X-Forwarded-For', v.ip)
      .type('form')
      .send({
        _csrf: csrfIn(reg.text),
        next: `/assess/${id}/report`,
        email: `guest-${creditCode.toLowerCase()}@example.cn`,
        password: 'correct horse battery',
        orgName: '张家港市示例机械加工厂',
        creditCode,
        region: '杨舍镇',
        industry: 'C',
        size: 'micro',
      })
      .expect(303);
    expect(done.headers.location).toBe(`/assess/${id}/report`);
    const cleared = (done.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('hegui_guest='));
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);

    const org = await t.db.db
      .selectFrom('orgs')
      .select('id')
      .where('credit_code', '=', creditCode)
      .executeTakeFirstOrThrow();
    const user = await t.db.db.selectFrom('users').select('id').where('org_id', '=', org.id).executeTakeFirstOrThrow();
    const row = await t.db.db
      .selectFrom('assessments')
      .select(['org_id', 'guest_id', 'created_by', 'status', 'fingerprint'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      org_id: org.id,
      guest_id: null,
      created_by: user.id,
      status: 'submitted',
      fingerprint: submitted.body.fingerprint,
    });
    const writers = await t.db.db.selectFrom('answers').select('updated_by').where('assessment_id', '=', id).execute();
    expect(writers).toHaveLength(items.length);
    expect(new Set(writers.map((w) => w.updated_by))).toEqual(new Set([user.id]));
    // The account lists it, and the report opens for its new owner.
    const start = await v.agent.get('/assess').expect(200);
    expect(start.text).toContain(`/assess/${id}/report`);
    const report = await v.agent.get(`/assess/${id}/report`).expect(200);
    expect(report.text).not.toContain('注册 / 登录以保存');
    // Still not in the regulators' figures: it was submitted as a guest.
    expect(await statistics()).toBe(before);
  });

  it('logging in moves a draft with its answers to the organisation, to be finished there', async () => {
    const c = await registerCompany(t.app);
    const v = visitor();
    const { id, csrf } = await startQuickCheck(v, 'online-shop');
    const draft = await v.agent.get(`/api/v1/assessments/${id}`).expect(200);
    const code = String(draft.body.items[0]);
    await v.agent
      .put(`/api/v1/assessments/${id}/answers/${code}`)
      .set('X-CSRF-Token', csrf)
      .send({ status: 'unsure', owner: '王店长', dueDate: '2027-01-31', correctedOn: null })
      .expect(200);
    // The guest's session is a session: logging in from it carries its CSRF token too.
    await v.agent
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', v.ip)
      .send({ email: c.email, password: c.password })
      .expect(403);
    const login = await v.agent
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', v.ip)
      .set('X-CSRF-Token', csrf)
      .send({ email: c.email, password: c.password })
      .expect(200);
    const moved = await v.agent.get(`/api/v1/assessments/${id}`).expect(200);
    expect(moved.body.answers[code]).toMatchObject({ status: 'unsure', owner: '王店长', dueDate: '2027-01-31' });
    const list = await c.agent.get('/api/v1/assessments').expect(200);
    expect(list.body.assessments.map((a: { id: string }) => a.id)).toContain(id);
    // Finished as a member: now it is the organisation's submission, counted like any other.
    await v.agent
      .post(`/api/v1/assessments/${id}/submit`)
      .set('X-CSRF-Token', String(login.body.csrfToken))
      .expect(200);
    const counted = await t.db.db
      .selectFrom('stat_submissions')
      .select(['org_id', 'mode'])
      .where('assessment_id', '=', id)
      .executeTakeFirst();
    expect(counted).toEqual({ org_id: c.orgId, mode: 'quick' });
  });
});
