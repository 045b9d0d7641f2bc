// The HTML side of accounts and self-assessment, driven like a browser without
// JavaScript: forms with the CSRF token read from the page, redirects followed.
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../server/app';
import { CatalogueStore } from '../../server/catalogue/catalogue-store';
import { importCatalogue } from '../../server/catalogue/version-import';
import type { ChecklistContent } from '../../server/domain/checklist';
import { createLogger } from '../../server/logger';
import { startTestApp, type TestApp } from '../support/app';
import { randomIp, uniqueCreditCode } from '../support/company';
import { fixtureContent, fixtureItem } from '../support/fixtures';
import { csrfFieldOf, sessionCookieOf, setCookiesOf } from '../support/signed-in-agent';

const content: ChecklistContent = fixtureContent(
  [
    fixtureItem('XF-001', { title: '消防设施、器材未保持完好有效', frequency: 'high', appliesTo: ['employees'] }),
    fixtureItem('XF-002', { title: '占用、堵塞、封闭疏散通道', question: '疏散通道、安全出口是否保持畅通？' }),
  ],
  [
    {
      code: 'LD',
      position: 11,
      name: '劳动用工',
      nameEn: 'Employment',
      department: '人力资源和社会保障局',
      summary: '劳动合同和用工管理的测试领域。',
      items: [
        fixtureItem('LD-001', {
          title: '未依法订立书面劳动合同',
          question: '是否在用工之日起一个月内与劳动者订立书面劳动合同？',
        }),
      ],
    },
  ],
);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(content);
});
afterAll(async () => {
  await t.close();
});

const PASSWORD = 'correct horse battery';

/** Undoes Handlebars' attribute escaping (it also escapes = and `). */
const decode = (html: string): string =>
  html
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');

/** The links of the error summary, as [href, text]. */
function summaryLinks(html: string): Array<[string, string]> {
  const box = /<ul class="error-summary-list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return [...box.matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)].map((m) => [decode(m[1]), decode(m[2])]);
}

interface Browser {
  readonly agent: request.Agent;
  readonly ip: string;
  readonly email: string;
  readonly creditCode: string;
  /** The session cookie, to talk to another app instance as the same user. */
  readonly cookie: string;
  /** Reads the CSRF token from a page, as a browser form would carry it. */
  csrf(path?: string): Promise<string>;
}

function registrationForm(overrides: Record<string, string> = {}): Record<string, string> {
  const creditCode = uniqueCreditCode();
  return {
    orgName: '张家港市示例机械有限公司',
    creditCode,
    region: '杨舍镇',
    industry: 'C',
    size: 'small',
    email: `owner-${creditCode.toLowerCase()}@example.cn`,
    password: PASSWORD,
    ...overrides,
  };
}

async function registerByForm(app: Express = t.app, overrides: Record<string, string> = {}): Promise<Browser> {
  const agent = request.agent(app);
  const ip = randomIp();
  const form = registrationForm(overrides);
  const res = await agent
    .post('/register')
    .set('X-Forwarded-For', ip)
    .type('form')
    .send(form)
    .expect(303)
    .expect('Location', '/assess/new');
  return {
    agent,
    ip,
    email: form.email,
    creditCode: form.creditCode,
    cookie: sessionCookieOf(res),
    csrf: async (path = '/assess') => csrfFieldOf((await agent.get(path).expect(200)).text),
  };
}

/** Profile → summary → start; returns the new assessment's id. */
async function startAssessment(b: Browser, employees: 'yes' | 'no' = 'yes'): Promise<string> {
  const csrf = await b.csrf('/assess/new');
  const summary = await b.agent
    .post('/assess/new')
    .type('form')
    .send({ _csrf: csrf, 'q-employees': employees })
    .expect(303);
  const page = await b.agent.get(summary.headers.location).expect(200);
  const tags = /name="tags" value="([^"]*)"/.exec(page.text)?.[1] ?? '';
  const started = await b.agent
    .post('/assess/start')
    .type('form')
    .send({ _csrf: csrfFieldOf(page.text), tags })
    .expect(303);
  const id = /^\/assess\/([0-9a-f-]{36})$/.exec(started.headers.location)?.[1];
  if (!id) throw new Error(`unexpected redirect ${started.headers.location}`);
  return id;
}

async function answerDomain(
  b: Browser,
  id: string,
  domain: string,
  fields: Record<string, string>,
): Promise<request.Response> {
  const csrf = await b.csrf(`/assess/${id}/domains/${domain}`);
  return b.agent
    .post(`/assess/${id}/domains/${domain}`)
    .type('form')
    .send({ _csrf: csrf, ...fields });
}

async function answerEverything(b: Browser, id: string, note = '灭火器每月检查'): Promise<void> {
  await answerDomain(b, id, 'XF', {
    'status.XF-001': 'compliant',
    'note.XF-001': note,
    'status.XF-002': 'compliant',
  }).then((r) => {
    expect(r.status).toBe(303);
  });
  await answerDomain(b, id, 'LD', { 'status.LD-001': 'compliant' }).then((r) => {
    expect(r.status).toBe(303);
  });
}

async function submit(b: Browser, id: string): Promise<request.Response> {
  const csrf = await b.csrf(`/assess/${id}/check`);
  return b.agent.post(`/assess/${id}/submit`).type('form').send({ _csrf: csrf });
}

describe('registration form', () => {
  it('when the credit code has a letter that is never used, names its position in the summary and at the field', async () => {
    const form = registrationForm({ creditCode: '91320582MA1IY2K3L0', orgName: '', password: 'short' });
    const res = await request(t.app)
      .post('/register')
      .set('X-Forwarded-For', randomIp())
      .type('form')
      .send(form)
      .expect(400);
    expect(res.text).toMatch(/<title>错误：注册企业账号/);
    const links = summaryLinks(res.text);
    expect(links.map(([href]) => href)).toEqual(['#org-name', '#credit-code', '#password']);
    expect(links[1][1]).toContain('第12位字符“I”不是有效字符');
    expect(res.text).toMatch(/<p class="field-error" id="credit-code-error">[\s\S]*?第12位字符/);
    expect(res.text).toMatch(
      /id="credit-code"[^>]*aria-describedby="credit-code-hint credit-code-error"[^>]*aria-invalid="true"/,
    );
    // The input is kept, except the password, which is never sent back.
    expect(res.text).toContain('value="91320582MA1IY2K3L0"');
    expect(res.text).toContain(`value="${form.email}"`);
    expect(res.text).not.toContain('value="short"');
  });

  it('when only the check character is wrong, says which one it should be', async () => {
    const good = uniqueCreditCode();
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await request(t.app)
      .post('/register')
      .set('X-Forwarded-For', randomIp())
      .type('form')
      .send(registrationForm({ creditCode: wrong }))
      .expect(400);
    expect(summaryLinks(res.text)).toEqual([
      ['#credit-code', `第18位校验码应为“${good[17]}”而不是“${wrong[17]}”，请对照营业执照核对每一位。`],
    ]);
  });

  it('when the old 15-digit number is entered, says to use the 18-character code', async () => {
    const res = await request(t.app)
      .post('/register')
      .set('X-Forwarded-For', randomIp())
      .type('form')
      .send(registrationForm({ creditCode: '320582000123456' }))
      .expect(400);
    expect(summaryLinks(res.text)[0][1]).toContain('旧的15位工商注册号');
  });

  it('when industry and size are missing, links to the select and the first radio', async () => {
    const res = await request(t.app)
      .post('/register')
      .set('X-Forwarded-For', randomIp())
      .type('form')
      .send(registrationForm({ industry: '', size: '' }))
      .expect(400);
    expect(summaryLinks(res.text)).toEqual([
      ['#industry', '请选择所属行业'],
      ['#size-large', '请选择企业规模'],
    ]);
    expect(res.text).toContain('id="size-large"');
  });

  it('when the credit code is already registered, says so at the credit code field', async () => {
    const first = await registerByForm();
    const res = await request(t.app)
      .post('/register')
      .set('X-Forwarded-For', randomIp())
      .type('form')
      .send(registrationForm({ creditCode: first.creditCode }))
      .expect(409);
    expect(summaryLinks(res.text)).toEqual([
      ['#credit-code', '该统一社会信用代码已经注册，请联系本单位管理员邀请您加入。'],
    ]);
  });

  it('when the email is already registered, says so at the email field', async () => {
    const first = await registerByForm();
    const res = await request(t.app)
      .post('/register')
      .set('X-Forwarded-For', randomIp())
      .type('form')
      .send(registrationForm({ email: first.email.toUpperCase() }))
      .expect(409);
    expect(summaryLinks(res.text)).toEqual([['#email', '该邮箱已注册，请直接登录。']]);
  });

  it('registers, sets an HttpOnly SameSite=Lax session cookie and goes on to the profile', async () => {
    const agent = request.agent(t.app);
    const res = await agent
      .post('/register')
      .set('X-Forwarded-For', randomIp())
      .type('form')
      .send(registrationForm())
      .expect(303);
    expect(res.headers.location).toBe('/assess/new');
    expect(setCookiesOf(res).join(',')).toMatch(/hegui_sid=[^;]+;.*HttpOnly.*SameSite=Lax/i);
    const profile = await agent.get('/assess/new').expect(200);
    expect(profile.text).toContain('先了解一下您的单位');
  });
});

describe('login and logout', () => {
  it('logs in and returns to the page that was asked for', async () => {
    const b = await registerByForm();
    const fresh = request.agent(t.app);
    const asked = await fresh.get('/assess/new').expect(303);
    expect(asked.headers.location).toBe('/login?next=%2Fassess%2Fnew');
    const page = await fresh.get(asked.headers.location).expect(200);
    expect(page.text).toContain('name="next" value="/assess/new"');
    await fresh
      .post('/login')
      .set('X-Forwarded-For', b.ip)
      .type('form')
      .send({ email: b.email, password: PASSWORD, next: '/assess/new' })
      .expect(303)
      .expect('Location', '/assess/new');
    await fresh.get('/assess/new').expect(200);
  });

  it('never follows next to another site', async () => {
    const b = await registerByForm();
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const res = await request(t.app)
        .post('/login')
        .set('X-Forwarded-For', b.ip)
        .type('form')
        .send({ email: b.email, password: PASSWORD, next })
        .expect(303);
      expect(res.headers.location).toBe('/assess');
    }
  });

  it('says the email or password is wrong without saying which, and keeps the email', async () => {
    const b = await registerByForm();
    const res = await request(t.app)
      .post('/login')
      .set('X-Forwarded-For', b.ip)
      .type('form')
      .send({ email: b.email, password: 'wrong password!' })
      .expect(401);
    expect(summaryLinks(res.text)).toEqual([['#email', '邮箱或密码不正确']]);
    expect(res.text).toContain(`value="${b.email}"`);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('renders too many attempts as a page that says when to try again, not an error dump', async () => {
    const b = await registerByForm();
    const ip = randomIp();
    let last: request.Response | undefined;
    for (let i = 0; i < 11; i += 1)
      last = await request(t.app)
        .post('/login')
        .set('X-Forwarded-For', ip)
        .type('form')
        .send({ email: b.email, password: 'wrong password!' });
    expect(last?.status).toBe(429);
    expect(last?.text).toContain('class="error-summary"');
    expect(last?.text).toMatch(/尝试次数过多，请 \d+ (秒|分钟)后再试。/);
    expect(last?.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('logs out with a form post; the old session no longer opens the assessment pages', async () => {
    const b = await registerByForm();
    const csrf = await b.csrf();
    await b.agent.post('/logout').type('form').send({ _csrf: csrf }).expect(303).expect('Location', '/login?out=1');
    const page = await b.agent.get('/login?out=1').expect(200);
    expect(page.text).toContain('您已安全退出');
    await b.agent.get('/assess/new').expect(303).expect('Location', '/login?next=%2Fassess%2Fnew');
  });

  it('changes the password: the old one stops working, the new one works', async () => {
    const b = await registerByForm();
    const csrf = await b.csrf('/account/password');
    const bad = await b.agent
      .post('/account/password')
      .type('form')
      .send({ _csrf: csrf, currentPassword: 'not it at all', newPassword: 'new password 2026' })
      .expect(400);
    expect(summaryLinks(bad.text)).toEqual([['#current-password', '当前密码不正确。']]);
    await b.agent
      .post('/account/password')
      .type('form')
      .send({ _csrf: csrf, currentPassword: PASSWORD, newPassword: 'new password 2026' })
      .expect(303)
      .expect('Location', '/account/password?changed=1');
    await request(t.app)
      .post('/login')
      .set('X-Forwarded-For', b.ip)
      .type('form')
      .send({ email: b.email, password: PASSWORD })
      .expect(401);
    await request(t.app)
      .post('/login')
      .set('X-Forwarded-For', b.ip)
      .type('form')
      .send({ email: b.email, password: 'new password 2026' })
      .expect(303);
  });
});

describe('invitations', () => {
  it('an organisation admin creates a one-time link; a colleague joins with it; it cannot be used twice', async () => {
    const admin = await registerByForm();
    const start = await admin.agent.get('/assess').expect(200);
    expect(start.text).toContain('action="/account/invitations"');
    const created = await admin.agent
      .post('/account/invitations')
      .type('form')
      .send({ _csrf: csrfFieldOf(start.text) })
      .expect(200);
    const url = /id="invite-url" type="text" value="([^"]+)"/.exec(created.text)?.[1] ?? '';
    const path = new URL(url).pathname;
    expect(path).toMatch(/^\/invite\/[\w-]{20,}$/);

    const colleague = request.agent(t.app);
    const page = await colleague.get(path).expect(200);
    expect(page.text).toContain('“张家港市示例机械有限公司”邀请您');
    const weak = await colleague
      .post(path)
      .type('form')
      .send({ email: 'colleague@example.cn', password: 'short' })
      .expect(400);
    expect(summaryLinks(weak.text)).toEqual([['#password', '密码至少 10 个字符']]);
    await colleague
      .post(path)
      .type('form')
      .send({ email: `colleague-${admin.creditCode}@example.cn`, password: PASSWORD })
      .expect(303)
      .expect('Location', '/assess');
    const theirs = await colleague.get('/assess').expect(200);
    expect(theirs.text).toContain(`colleague-${admin.creditCode.toLowerCase()}@example.cn`);
    // A colleague is no admin: no invitation button.
    expect(theirs.text).not.toContain('action="/account/invitations"');

    const again = await request(t.app).get(path).expect(404);
    expect(again.text).toContain('邀请链接无效、已使用或已过期');
  });
});

describe('CSRF', () => {
  it('refuses a form post without the token with a 403 page and changes nothing', async () => {
    const b = await registerByForm();
    const res = await b.agent.post('/assess/start').type('form').send({ tags: 'employees' }).expect(403);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('CSRF 校验失败：请刷新页面后重试。');
    expect(res.text).not.toMatch(/Error: |\.ts:\d+/);
    const start = await b.agent.get('/assess').expect(200);
    expect(start.text).toContain('还没有自评');
  });

  it("refuses a form post with another session's token", async () => {
    const a = await registerByForm();
    const b = await registerByForm();
    await b.agent
      .post('/assess/start')
      .type('form')
      .send({ _csrf: await a.csrf(), tags: '' })
      .expect(403);
  });
});

describe('start page', () => {
  it('explains the service to a visitor and offers register and login', async () => {
    const res = await request(t.app).get('/assess').expect(200);
    expect(res.text).toContain('营业执照');
    expect(res.text).toContain('统一社会信用代码');
    expect(res.text).toContain('href="/register"');
    expect(res.text).toContain('href="/login?next=/assess"');
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('does not put per-user links on the cached catalogue pages', async () => {
    const b = await registerByForm();
    const home = await b.agent.get('/').expect(200);
    expect(home.text).toContain('href="/assess"');
    expect(home.text).not.toContain('action="/logout"');
    expect(home.text).not.toContain(b.email);
  });
});

describe('profile', () => {
  it('asks every profile question as yes/no radios in a fieldset and lists the unanswered ones', async () => {
    const b = await registerByForm();
    const page = await b.agent.get('/assess/new').expect(200);
    expect(page.text).toMatch(
      /<fieldset class="fieldset question"[^>]*>\s*<legend class="question-legend">[\s\S]*?是否招用员工/,
    );
    const res = await b.agent
      .post('/assess/new')
      .type('form')
      .send({ _csrf: csrfFieldOf(page.text) })
      .expect(400);
    expect(summaryLinks(res.text)).toEqual([['#q-employees-yes', '请回答：是否招用员工？']]);
  });

  it('shows how many items apply per domain before starting, with a printable question list', async () => {
    const b = await registerByForm();
    const csrf = await b.csrf('/assess/new');
    const posted = await b.agent
      .post('/assess/new')
      .type('form')
      .send({ _csrf: csrf, 'q-employees': 'yes' })
      .expect(303);
    expect(posted.headers.location).toBe('/assess/new/summary?tags=employees');
    const summary = await b.agent.get(posted.headers.location).expect(200);
    expect(summary.text).toContain('共有 3 项合规事项适用，分布在 2 个领域');
    expect(summary.text).toMatch(/XF<\/span> 消防安全[\s\S]*?<td class="num">2<\/td>/);
    expect(summary.text).toMatch(/LD<\/span> 劳动用工[\s\S]*?<td class="num">1<\/td>/);
    expect(summary.text).toContain('href="/assess/questions?tags=employees"');

    const none = await b.agent.get('/assess/new/summary?tags=').expect(200);
    expect(none.text).toContain('共有 2 项合规事项适用');

    const sheet = await request(t.app).get('/assess/questions?tags=employees').expect(200);
    for (const code of ['XF-001', 'XF-002', 'LD-001']) expect(sheet.text).toContain(code);
    expect(sheet.text).toContain('☐ 不符合');
    const noEmployees = await request(t.app).get('/assess/questions').expect(200);
    expect(noEmployees.text).not.toContain('XF-001');
    await request(t.app).get('/assess/questions?tags=nonsense').expect(400);
  });

  it('keeps the answers when going back to change them', async () => {
    const b = await registerByForm();
    const page = await b.agent.get('/assess/new?tags=employees').expect(200);
    expect(page.text).toMatch(/id="q-employees-yes" name="q-employees" value="yes" checked/);
  });
});

describe('task list and domain pages', () => {
  it('lists the organisation, each applicable domain with its status and hint, and the overall progress', async () => {
    const b = await registerByForm();
    const id = await startAssessment(b);
    const res = await b.agent.get(`/assess/${id}`).expect(200);
    expect(res.text).toContain('企业信息');
    expect(res.text).toMatch(/href="\/assess\/[^"]+\/domains\/XF" aria-describedby="hint-XF status-XF"/);
    expect(res.text).toMatch(/id="hint-XF">2 项中已答 0 项</);
    expect(res.text).toMatch(/id="status-XF"><strong class="task-tag task-tag-notStarted">未开始</);
    expect(res.text).toMatch(/<progress id="overall-progress"[^>]*max="3" value="0"/);
    expect(res.text).toContain('已答 0 / 3 项（0%）');
    expect(res.text).toContain('检查并提交');

    await answerDomain(b, id, 'XF', { 'status.XF-001': 'compliant' });
    const after = await b.agent.get(`/assess/${id}`).expect(200);
    expect(after.text).toMatch(/id="status-XF"><strong class="task-tag task-tag-inProgress">进行中</);
    expect(after.text).toContain('已答 1 / 3 项（33%）');
  });

  it('shows one fieldset per item with the four answers, the explanation on demand and the action fields', async () => {
    const b = await registerByForm();
    const id = await startAssessment(b);
    const res = await b.agent.get(`/assess/${id}/domains/XF`).expect(200);
    expect(res.text.match(/<fieldset class="fieldset" aria-describedby="XF-00\d-hint/g)).toHaveLength(2);
    expect(res.text).toMatch(/<legend class="item-legend">[\s\S]*?是否按规定配置灭火器并每月检查？<\/legend>/);
    for (const label of ['符合', '不符合', '不适用', '不确定']) expect(res.text).toContain(`>${label}</label>`);
    expect(res.text).toContain('<summary><span>查看：什么是违法 / 违了什么法 / 怎么不违法</span></summary>');
    expect(res.text).toContain('按照国家标准、行业标准配置消防设施、器材');
    expect(res.text).toMatch(
      /<textarea class="textarea" id="XF-001-note" name="note.XF-001" rows="2" maxlength="2000"/,
    );
    expect(res.text).toMatch(/id="XF-001-due" name="due.XF-001" type="date"/);
    expect(res.text).toContain(`data-autosave="/api/v1/assessments/${id}/answers/"`);
  });

  it('saves every answered item of the form and redirects to the next domain, then to the task list', async () => {
    const b = await registerByForm();
    const id = await startAssessment(b);
    const first = await answerDomain(b, id, 'XF', {
      'status.XF-001': 'non_compliant',
      'note.XF-001': '二号车间\r\n灭火器压力不足',
      'owner.XF-001': '李娜',
      'due.XF-001': '2026-12-05',
      'status.XF-002': 'compliant',
      'owner.XF-002': '不该保存',
    }).then((r) => (r.status === 303 ? r : Promise.reject(new Error(r.text))));
    expect(first.headers.location).toBe(`/assess/${id}/domains/LD`);
    const last = await answerDomain(b, id, 'LD', { 'status.LD-001': 'unsure' });
    expect(last.headers.location).toBe(`/assess/${id}`);
    const saved = await b.agent.get(`/api/v1/assessments/${id}`).expect(200);
    expect(saved.body.answers['XF-001']).toEqual({
      itemCode: 'XF-001',
      status: 'non_compliant',
      note: '二号车间\n灭火器压力不足',
      owner: '李娜',
      dueDate: '2026-12-05',
      correctedOn: null,
    });
    // An action belongs to 不符合 / 不确定 only.
    expect(saved.body.answers['XF-002']).toMatchObject({ status: 'compliant', owner: null });
    expect(saved.body.progress).toEqual({ answered: 3, total: 3 });
    const page = await b.agent.get(`/assess/${id}/domains/XF`).expect(200);
    expect(page.text).toMatch(/id="XF-001-status-non_compliant" name="status.XF-001" value="non_compliant" checked/);
    expect(page.text).toContain('value="2026-12-05"');
  });

  it('"save and return to the list" goes back to the task list', async () => {
    const b = await registerByForm();
    const id = await startAssessment(b);
    const res = await answerDomain(b, id, 'XF', { 'status.XF-001': 'compliant', then: 'list' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/assess/${id}`);
  });

  it('shows a bad date at its field, keeps what was typed and saves the other items', async () => {
    const b = await registerByForm();
    const id = await startAssessment(b);
    const res = await answerDomain(b, id, 'XF', {
      'status.XF-001': 'unsure',
      'due.XF-001': '2026-02-30',
      'owner.XF-001': '王强',
      'status.XF-002': 'compliant',
      'note.LD-001': 'ignored: other domain',
    });
    expect(res.status).toBe(400);
    expect(summaryLinks(res.text)).toEqual([['#XF-001-due', 'XF-001 的完成期限请按 2026-12-31 的格式填写']]);
    expect(res.text).toContain('value="2026-02-30"');
    expect(res.text).toContain('value="王强"');
    expect(res.text).toContain('其他事项的回答已保存');
    const saved = await b.agent.get(`/api/v1/assessments/${id}`).expect(200);
    expect(Object.keys(saved.body.answers)).toEqual(['XF-002']);
  });

  it('asks for an answer when a note was written without one', async () => {
    const b = await registerByForm();
    const id = await startAssessment(b);
    const res = await answerDomain(b, id, 'XF', { 'note.XF-002': '通道堆放了纸箱' });
    expect(res.status).toBe(400);
    expect(summaryLinks(res.text)).toEqual([['#XF-002-status-compliant', '请为 XF-002 选择自评结果']]);
  });

  it('answers 404 for a domain the assessment does not include', async () => {
    const b = await registerByForm();
    const id = await startAssessment(b);
    await b.agent.get(`/assess/${id}/domains/AQ`).expect(404);
  });
});

describe('check answers, submit and report', () => {
  it('highlights unanswered items with links, and refuses a submission without one answer (409)', async () => {
    const b = await registerByForm();
    const id = await startAssessment(b);
    const empty = await submit(b, id);
    expect(empty.status).toBe(409);
    expect(summaryLinks(empty.text)).toEqual([[`/assess/${id}/domains/XF`, '至少回答一项后才能提交。']]);

    await answerDomain(b, id, 'XF', { 'status.XF-001': 'compliant', 'note.XF-001': '每月检查' });
    const check = await b.agent.get(`/assess/${id}/check`).expect(200);
    expect(check.text).toContain('还有 2 项未作答');
    expect(check.text).toMatch(/summary-row-missing" id="row-XF-002"/);
    expect(decode(check.text)).toContain(
      `href="/assess/${id}/domains/XF?return=check#item-XF-001">修改<span class="visually-hidden"> XF-001 的回答</span>`,
    );
    // A change from the check page comes back to it.
    const back = await b.agent
      .post(`/assess/${id}/domains/XF`)
      .type('form')
      .send({ _csrf: csrfFieldOf(check.text), return: 'check', 'status.XF-002': 'compliant' })
      .expect(303);
    expect(back.headers.location).toBe(`/assess/${id}/check`);
  });

  it('submits with some items unanswered: the report lists them as 未自查 with the coverage', async () => {
    const b = await registerByForm();
    const id = await startAssessment(b);
    await answerDomain(b, id, 'XF', { 'status.XF-001': 'non_compliant' });
    const res = await submit(b, id);
    expect(res.status).toBe(303);
    const report = await b.agent.get(`/assess/${id}/report`).expect(200);
    const text = decode(report.text);
    expect(text).toContain('自查覆盖：已答 1 / 适用 3 项');
    expect(text).toContain('未自查');
    expect(text).toMatch(/XF-002[\s\S]*LD-001/);
  });

  it('runs profile → start → domains → check → submit → report without JavaScript', async () => {
    const b = await registerByForm();
    const id = await startAssessment(b);
    await answerDomain(b, id, 'XF', {
      'status.XF-001': 'non_compliant',
      'owner.XF-001': '李娜',
      'due.XF-001': '2026-12-05',
      'status.XF-002': 'compliant',
    });
    await answerDomain(b, id, 'LD', { 'status.LD-001': 'not_applicable' });
    const task = await b.agent.get(`/assess/${id}`).expect(200);
    expect(task.text).toContain('全部事项已作答');

    const done = await submit(b, id);
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe(`/assess/${id}/report`);
    const report = await b.agent.get(`/assess/${id}/report`).expect(200);
    expect(report.text).toContain('张家港市示例机械有限公司');
    expect(report.text).toMatch(/<code>[0-9a-f]{64}<\/code>/);
    expect(report.text).toContain(`href="/api/v1/assessments/${id}/report.pdf"`);
    expect(report.text).toContain(`href="/api/v1/assessments/${id}/report.docx"`);
    expect(report.text).toContain('XF-001');
    expect(report.text).toContain('李娜');

    // The draft pages now lead to the report; a second submit does too.
    await b.agent.get(`/assess/${id}`).expect(303).expect('Location', `/assess/${id}/report`);
    await b.agent.get(`/assess/${id}/domains/XF`).expect(303).expect('Location', `/assess/${id}/report`);
    const again = await b.agent
      .post(`/assess/${id}/submit`)
      .type('form')
      .send({ _csrf: await b.csrf() })
      .expect(303);
    expect(again.headers.location).toBe(`/assess/${id}/report`);
    // The start page lists it as submitted with its report.
    const start = await b.agent.get('/assess').expect(200);
    expect(start.text).toContain(`href="/assess/${id}/report"`);
    expect(start.text).toContain('复制上次自评重新检查');
  });

  it('escapes a <script> in a note on the check page and the report', async () => {
    const b = await registerByForm();
    const id = await startAssessment(b);
    const hostile = '压力不足 <script>alert("x")</script> & <img src=x onerror=alert(1)>';
    await answerEverything(b, id, hostile);
    const check = await b.agent.get(`/assess/${id}/check`).expect(200);
    expect(check.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(check.text).not.toContain('<script>alert');
    expect(check.text).not.toContain('<img src=x');
    expect((await submit(b, id)).status).toBe(303);
    const report = await b.agent.get(`/assess/${id}/report`).expect(200);
    expect(report.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(report.text).not.toContain('<script>alert');
    expect(report.text).not.toContain('<img src=x');
  });

  it('shares the report with regulators and withdraws it, by form', async () => {
    const b = await registerByForm();
    const id = await startAssessment(b);
    await answerEverything(b, id);
    await submit(b, id);
    const report = await b.agent.get(`/assess/${id}/report`).expect(200);
    expect(report.text).toContain('未共享：只有本单位可以查看本报告。');
    await b.agent
      .post(`/assess/${id}/sharing`)
      .type('form')
      .send({ _csrf: csrfFieldOf(report.text), shared: '1' })
      .expect(303)
      .expect('Location', `/assess/${id}/report?sharing=on#sharing`);
    const shared = await b.agent.get(`/assess/${id}/report?sharing=on`).expect(200);
    expect(shared.text).toContain('已共享：监管部门可以查看本报告。');
    expect(shared.text).toContain('已共享给监管部门。');
    expect(shared.text).toContain('name="shared" value="0"');
    await b.agent
      .post(`/assess/${id}/sharing`)
      .type('form')
      .send({ _csrf: csrfFieldOf(report.text), shared: '0' })
      .expect(303);
    expect((await b.agent.get(`/api/v1/assessments/${id}`).expect(200)).body.shared).toBe(false);
  });

  it('copies the last submitted assessment into a new draft with its answers', async () => {
    const b = await registerByForm();
    const id = await startAssessment(b);
    await answerEverything(b, id);
    await submit(b, id);
    const res = await b.agent
      .post(`/assess/${id}/copy`)
      .type('form')
      .send({ _csrf: await b.csrf() })
      .expect(303);
    const copy = /^\/assess\/([0-9a-f-]{36})$/.exec(res.headers.location)?.[1];
    expect(copy).toBeDefined();
    expect(copy).not.toBe(id);
    const draft = await b.agent.get(`/api/v1/assessments/${copy}`).expect(200);
    expect(draft.body).toMatchObject({ status: 'draft', progress: { answered: 3, total: 3 } });
    expect(draft.body.answers['XF-001'].note).toBe('灭火器每月检查');
  });

  it('a draft has no report yet: the report address leads to the check page', async () => {
    const b = await registerByForm();
    const id = await startAssessment(b);
    await b.agent.get(`/assess/${id}/report`).expect(303).expect('Location', `/assess/${id}/check`);
  });
});

describe('another organisation', () => {
  it('gets 404 for every page and form of an assessment that is not theirs', async () => {
    const owner = await registerByForm();
    const id = await startAssessment(owner);
    await answerEverything(owner, id);
    const other = await registerByForm();
    const csrf = await other.csrf();
    for (const path of [
      `/assess/${id}`,
      `/assess/${id}/profile`,
      `/assess/${id}/domains/XF`,
      `/assess/${id}/check`,
      `/assess/${id}/report`,
    ]) {
      const res = await other.agent.get(path);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.text).toContain('没有找到');
    }
    for (const path of [
      `/assess/${id}/domains/XF`,
      `/assess/${id}/submit`,
      `/assess/${id}/copy`,
      `/assess/${id}/sharing`,
      `/assess/${id}/move`,
    ]) {
      const res = await other.agent
        .post(path)
        .type('form')
        .send({ _csrf: csrf, shared: '1', 'status.XF-001': 'non_compliant' });
      expect([path, res.status]).toEqual([path, 404]);
    }
    // Nothing changed for the owner.
    const mine = await owner.agent.get(`/api/v1/assessments/${id}`).expect(200);
    expect(mine.body).toMatchObject({ status: 'draft' });
    expect(mine.body.answers['XF-001'].status).toBe('compliant');
  });
});

describe('verify', () => {
  it('says when a fingerprint matches a submitted report, and 没有匹配 (404) when none does', async () => {
    const b = await registerByForm();
    const id = await startAssessment(b);
    await answerEverything(b, id);
    await submit(b, id);
    const { fingerprint } = (await b.agent.get(`/api/v1/assessments/${id}`).expect(200)).body as {
      fingerprint: string;
    };
    const found = await request(t.app).get(`/verify/${fingerprint.toUpperCase()}`).expect(200);
    expect(found.text).toContain('相符：这是一份已提交的自评报告');
    expect(found.text).toContain(fingerprint);
    expect(found.text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    const missing = await request(t.app)
      .get(`/verify/${'0'.repeat(64)}`)
      .expect(404);
    expect(missing.text).toContain('没有匹配');
  });

  it('recomputes the fingerprint of a pasted JSON report, and notices a changed one', async () => {
    const b = await registerByForm();
    const id = await startAssessment(b);
    await answerEverything(b, id);
    await submit(b, id);
    const json = (await b.agent.get(`/api/v1/assessments/${id}/report`).expect(200)).text;
    const match = await request(t.app).post('/verify').type('form').send({ report: json }).expect(200);
    expect(match.text).toContain('相符');
    const edited = JSON.stringify({ ...JSON.parse(json), org: { ...JSON.parse(json).org, name: '另一家公司' } });
    const noMatch = await request(t.app).post('/verify').type('form').send({ report: edited }).expect(200);
    expect(noMatch.text).toContain('没有匹配');
  });

  it('sends a typed fingerprint to its result page and explains a malformed one at the field', async () => {
    await request(t.app)
      .post('/verify')
      .type('form')
      .send({ fingerprint: ` ${'AB'.repeat(32)} ` })
      .expect(303)
      .expect('Location', `/verify/${'ab'.repeat(32)}`);
    const bad = await request(t.app).post('/verify').type('form').send({ fingerprint: 'xyz' }).expect(400);
    expect(summaryLinks(bad.text)).toEqual([['#fingerprint', '校验码应为 64 位，只含数字 0–9 和字母 a–f']]);
    const empty = await request(t.app).post('/verify').type('form').send({ fingerprint: '', report: '' }).expect(400);
    expect(summaryLinks(empty.text)).toEqual([['#fingerprint', '请填写校验码，或粘贴报告 JSON']]);
    const notJson = await request(t.app).post('/verify').type('form').send({ report: '{not json' }).expect(400);
    expect(summaryLinks(notJson.text)).toEqual([['#report', '粘贴的内容不是有效的 JSON 报告']]);
  });
});

describe('a newer checklist version', () => {
  it('offers to move a draft and then shows what was added and removed', async () => {
    const b = await registerByForm();
    const id = await startAssessment(b);
    await answerDomain(b, id, 'XF', { 'status.XF-001': 'compliant', 'status.XF-002': 'unsure' });
    // A second instance started after the checklist changed: XF-002 is gone, XF-003 is new.
    const next = fixtureContent(
      [content.domains[0].items[0], fixtureItem('XF-003', { title: '新增的消防事项' })],
      [content.domains[1]],
    );
    const { catalogue } = await importCatalogue(t.db.db, next);
    const app2 = createApp({
      database: t.db,
      catalogues: new CatalogueStore(t.db.db, catalogue),
      logger: createLogger('silent'),
      production: false,
    });
    const session = b.cookie;
    const task = await request(app2).get(`/assess/${id}`).set('Cookie', session).expect(200);
    expect(task.text).toContain('清单已更新：本自评基于');
    const moved = await request(app2)
      .post(`/assess/${id}/move`)
      .set('Cookie', session)
      .type('form')
      .send({ _csrf: csrfFieldOf(task.text) })
      .expect(200);
    expect(moved.text).toMatch(/新增事项（1 项，需要回答）[\s\S]*XF-003<\/span> 新增的消防事项/);
    expect(moved.text).toMatch(/移除事项（1 项）[\s\S]*XF-002<\/span> 占用、堵塞、封闭疏散通道/);
    const after = await request(app2).get(`/assess/${id}`).set('Cookie', session).expect(200);
    expect(after.text).not.toContain('清单已更新');
    expect(after.text).toContain('已答 1 / 3 项');
  });
});
