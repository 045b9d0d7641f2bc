import request from 'supertest';
import { delayAfter } from '../../server/accounts/login-throttle';
import { createApp } from '../../server/app';
import { verifyAuditChain } from '../../server/audit/audit-log';
import { createLogger } from '../../server/logger';
import { startTestApp, type TestApp } from '../support/app';
import { randomIp, registerCompany, uniqueCreditCode } from '../support/company';
import { fixtureContent } from '../support/fixtures';
import { setCookiesOf, SignedInAgent } from '../support/signed-in-agent';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(fixtureContent());
});
afterAll(async () => {
  await t.close();
});

const validBody = (): Record<string, string> => ({
  email: `new-${Date.now()}-${Math.random().toString(36).slice(2)}@example.cn`,
  password: 'correct horse battery',
  orgName: '示例贸易有限公司',
  creditCode: uniqueCreditCode(),
  region: '金港街道',
  industry: 'F',
  size: 'micro',
});

describe('POST /api/v1/auth/register', () => {
  it('creates the organisation and its admin user and starts a session', async () => {
    const agent = request.agent(t.app);
    const body = validBody();
    const res = await agent.post('/api/v1/auth/register').set('X-Forwarded-For', randomIp()).send(body).expect(201);
    expect(res.body).toMatchObject({
      user: { email: body.email, role: 'company', orgAdmin: true },
      org: { name: '示例贸易有限公司', creditCode: body.creditCode, industry: 'F', size: 'micro' },
      csrfToken: expect.any(String),
    });
    const cookie = setCookiesOf(res)[0] ?? '';
    expect(cookie).toMatch(/^hegui_sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await agent.get('/api/v1/me').expect(200);
    expect(me.body.org.creditCode).toBe(body.creditCode);
  });

  it('names the wrong check character of the credit code', async () => {
    const body = validBody();
    const last = body.creditCode[17];
    body.creditCode = body.creditCode.slice(0, 17) + (last === '0' ? '1' : '0');
    const res = await request(t.app)
      .post('/api/v1/auth/register')
      .set('X-Forwarded-For', randomIp())
      .send(body)
      .expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors).toEqual([
      { field: 'creditCode', message: expect.stringContaining(`第18位校验码应为“${last}”`) },
    ]);
  });

  it.each([
    ['a short password', { password: 'short' }, 'password'],
    ['an unknown industry letter', { industry: 'Z' }, 'industry'],
    ['an unknown size', { size: 'huge' }, 'size'],
    ['a malformed email', { email: 'not-an-email' }, 'email'],
  ])('rejects %s with 400 naming the field', async (_name, change, field) => {
    const res = await request(t.app)
      .post('/api/v1/auth/register')
      .set('X-Forwarded-For', randomIp())
      .send({ ...validBody(), ...change })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('rejects unknown fields', async () => {
    const res = await request(t.app)
      .post('/api/v1/auth/register')
      .set('X-Forwarded-For', randomIp())
      .set('Accept-Language', 'en')
      .send({ ...validBody(), admin: true })
      .expect(400);
    expect(res.body.errors[0].message).toMatch(/must NOT have additional properties|unknown parameter/);
  });

  it('refuses a credit code that is already registered with 409', async () => {
    const first = await registerCompany(t.app);
    const res = await request(t.app)
      .post('/api/v1/auth/register')
      .set('X-Forwarded-For', randomIp())
      .send({ ...validBody(), creditCode: first.creditCode })
      .expect(409);
    expect(res.body.errors[0].field).toBe('creditCode');
  });

  it('refuses an email that is already registered, whatever its case', async () => {
    const first = await registerCompany(t.app);
    const res = await request(t.app)
      .post('/api/v1/auth/register')
      .set('X-Forwarded-For', randomIp())
      .send({ ...validBody(), email: first.email.toUpperCase() })
      .expect(409);
    expect(res.body.errors[0].field).toBe('email');
  });

  it('answers 413 to a body over 100 kB', async () => {
    const res = await request(t.app)
      .post('/api/v1/auth/register')
      .set('X-Forwarded-For', randomIp())
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ ...validBody(), orgName: 'x'.repeat(110_000) }));
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('answers 400 to malformed JSON', async () => {
    const res = await request(t.app)
      .post('/api/v1/auth/register')
      .set('X-Forwarded-For', randomIp())
      .set('Content-Type', 'application/json')
      .set('Accept-Language', 'en')
      .send('{"email": ');
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/not valid JSON/);
  });
});

describe('login, logout and passwords', () => {
  it('starts a session with the right password', async () => {
    const company = await registerCompany(t.app);
    const agent = request.agent(t.app);
    await agent.post('/api/v1/auth/login').send({ email: company.email, password: company.password }).expect(200);
    await agent.get('/api/v1/me').expect(200);
  });

  it('ends the session at logout', async () => {
    const company = await registerCompany(t.app);
    const agent = request.agent(t.app);
    const login = await agent
      .post('/api/v1/auth/login')
      .send({ email: company.email, password: company.password })
      .expect(200);
    const session = await SignedInAgent.after(agent, login, String(login.body.csrfToken));
    await session.post('/api/v1/auth/logout').expect(204);
    await session.get('/api/v1/me').expect(401);
  });

  it('refuses a wrong password with 401 and the same message as an unknown email', async () => {
    const company = await registerCompany(t.app);
    const wrong = await request(t.app)
      .post('/api/v1/auth/login')
      .send({ email: company.email, password: 'wrong password!!' })
      .expect(401);
    const unknown = await request(t.app)
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@example.cn', password: 'wrong password!!' })
      .expect(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('slows guessing from one address with a growing delay and Retry-After, without locking the owner out', async () => {
    const company = await registerCompany(t.app);
    const attacker = randomIp();
    const guess = (i: number): request.Test =>
      request(t.app)
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', attacker)
        .send({ email: company.email, password: `wrong-${i}-password` });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await guess(i)).status);
    expect(statuses).toEqual(Array(5).fill(401));
    const throttled = await guess(5).expect(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // The owner, from the office's address, is not locked out by the attacker's guesses.
    await request(t.app)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', randomIp())
      .send({ email: company.email, password: company.password })
      .expect(200);
    // The count lives in the database, not in this process.
    const row = await t.db.db
      .selectFrom('login_failures')
      .select('failures')
      .where('account', '=', company.email)
      .where('ip', '=', attacker)
      .executeTakeFirstOrThrow();
    expect(row.failures).toBe(5);
  });

  it('doubles the wait with each further failure, up to 15 minutes', () => {
    expect([0, 4, 5, 6, 7, 14, 30].map(delayAfter)).toEqual([0, 0, 1, 2, 4, 512, 900]);
  });

  it('believes X-Forwarded-For only when TRUST_PROXY says so: rotating it does not escape the per-address limit', async () => {
    const direct = createApp({
      database: t.db,
      catalogues: t.store,
      logger: createLogger('silent'),
      production: false,
    });
    // Other tests here log in from loopback too: start this address's window afresh, and leave it so.
    const resetLoopback = (): Promise<unknown> =>
      t.db.db.deleteFrom('rate_limits').where('key', 'like', 'login:ip:%127.0.0.1').execute();
    await resetLoopback();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i += 1) {
      statuses.push(
        (
          await request(direct)
            .post('/api/v1/auth/login')
            .set('X-Forwarded-For', randomIp())
            .send({ email: `nobody-${i}@example.cn`, password: `wrong-${i}-password` })
        ).status,
      );
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual([429, 429]);
    await resetLoopback();
  });

  it('changes the password and ends other sessions', async () => {
    const company = await registerCompany(t.app);
    const other = request.agent(t.app);
    await other.post('/api/v1/auth/login').send({ email: company.email, password: company.password }).expect(200);
    await company.agent
      .post('/api/v1/auth/password')
      .send({ currentPassword: company.password, newPassword: 'a brand new passphrase' })
      .expect(204);
    await other.get('/api/v1/me').expect(401);
    await company.agent.get('/api/v1/me').expect(200);
    await request(t.app)
      .post('/api/v1/auth/login')
      .send({ email: company.email, password: 'a brand new passphrase' })
      .expect(200);
  });
});

describe('CSRF', () => {
  it('gives the session token at GET /api/v1/auth/csrf', async () => {
    const company = await registerCompany(t.app);
    expect((await company.agent.get('/api/v1/auth/csrf').expect(200)).body).toEqual({ token: company.agent.csrf });
  });

  it('refuses a cookie-authenticated change without the token with 403 problem', async () => {
    const company = await registerCompany(t.app);
    const res = await company.agent.withoutCsrf
      .post('/api/v1/assessments')
      .send({ profile: { tags: [] } })
      .expect(403);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('refuses a cookie-authenticated change with a wrong token with 403', async () => {
    const company = await registerCompany(t.app);
    await company.agent.withoutCsrf
      .post('/api/v1/assessments')
      .set('X-CSRF-Token', 'x'.repeat(43))
      .send({ profile: { tags: [] } })
      .expect(403);
  });
});

describe('invitations', () => {
  it('lets the organisation admin invite a colleague by a one-time link', async () => {
    const company = await registerCompany(t.app);
    const invite = await company.agent.post('/api/v1/orgs/invitations').expect(201);
    const token = String(invite.body.url).split('/invite/')[1];
    const colleague = request.agent(t.app);
    const joined = await colleague
      .post('/api/v1/auth/accept-invitation')
      .send({ token, email: `colleague-${company.creditCode}@example.cn`, password: 'another good passphrase' })
      .expect(201);
    expect(joined.body.user).toMatchObject({ orgId: company.orgId, orgAdmin: false });
    await request(t.app)
      .post('/api/v1/auth/accept-invitation')
      .send({ token, email: `third-${company.creditCode}@example.cn`, password: 'another good passphrase' })
      .expect(404);
  });

  it('does not let a colleague who is not admin invite', async () => {
    const company = await registerCompany(t.app);
    const invite = await company.agent.post('/api/v1/orgs/invitations').expect(201);
    const colleague = request.agent(t.app);
    const joined = await colleague
      .post('/api/v1/auth/accept-invitation')
      .send({
        token: String(invite.body.url).split('/invite/')[1],
        email: `c2-${company.creditCode}@example.cn`,
        password: 'another good passphrase',
      })
      .expect(201);
    const signedIn = await SignedInAgent.after(colleague, joined, String(joined.body.csrfToken));
    await signedIn.post('/api/v1/orgs/invitations').expect(403);
  });
});

describe('registration rate limit', () => {
  it('allows 10 registrations per address and hour, then answers 429', async () => {
    const ip = randomIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1)
      statuses.push(
        (
          await request(t.app)
            .post('/api/v1/auth/register')
            .set('X-Forwarded-For', ip)
            .send({ ...validBody(), password: 'short' })
        ).status,
      );
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(statuses[10]).toBe(429);
  });
});

describe('audit log', () => {
  it('records registrations in an intact hash chain', async () => {
    await registerCompany(t.app);
    const check = await verifyAuditChain(t.db.db);
    expect(check.ok).toBe(true);
    expect(check.events).toBeGreaterThan(0);
  });
});

describe('login CSRF', () => {
  it('refuses a log-in or registration posted from another site, and accepts one from this site', async () => {
    const company = await registerCompany(t.app);
    const body = { email: company.email, password: company.password };
    await request(t.app).post('/api/v1/auth/login').set('Origin', 'https://evil.example').send(body).expect(403);
    await request(t.app).post('/login').set('Sec-Fetch-Site', 'cross-site').type('form').send(body).expect(403);
    const page = await request(t.app).post('/register').set('Origin', 'null').type('form').send({}).expect(403);
    expect(page.text).toContain('此表单只能从本网站提交');
    const res = await request(t.app)
      .post('/api/v1/auth/login')
      .set('Host', 'hegui.test')
      .set('Origin', 'http://hegui.test')
      .set('Sec-Fetch-Site', 'same-origin')
      .send(body)
      .expect(200);
    expect(res.body.csrfToken).toEqual(expect.any(String));
  });
});

describe('absolute links', () => {
  it('never take a scheme other than http or https from X-Forwarded-Proto, nor a host with markup', async () => {
    const company = await registerCompany(t.app);
    const res = await company.agent
      .post('/api/v1/orgs/invitations')
      .set('X-Forwarded-Proto', 'javascript')
      .set('Host', 'evil"><script>')
      .send({})
      .expect(201);
    expect(res.body.url).toMatch(/^http:\/\/localhost\/invite\//);
  });
});
