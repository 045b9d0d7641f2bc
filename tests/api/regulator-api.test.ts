// Regulator statistics and exports: access (session, Bearer tokens, roles),
// filters, small-cell suppression, shared-only answers, and the files read back.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import request from 'supertest';
import { createUser } from '../../server/accounts/service';
import { createApp } from '../../server/app';
import { createLogger } from '../../server/logger';
import { seedDemo } from '../../server/tools/demo-data';
import { startTestApp, type TestApp } from '../support/app';
import { randomIp, registerCompany } from '../support/company';
import { fixtureContent, fixtureItem, employmentDomain } from '../support/fixtures';
import { signInAs, type SignedInUser } from '../support/sign-in';
import { csrfFieldOf } from '../support/signed-in-agent';

const content = fixtureContent(
  [
    fixtureItem('XF-001', {
      frequency: 'high',
      leniency: [
        {
          kind: 'first-violation',
          conditions: ['初次违法'],
          correctionDays: 3,
          basis: '中华人民共和国行政处罚法 第三十三条第一款',
        },
      ],
    }),
    fixtureItem('XF-002'),
  ],
  [employmentDomain()],
);

let t: TestApp;
let regulator: SignedInUser;

/** A tiny RFC 4180 reader (quotes, doubled quotes, CRLF/LF), enough to read our CSV back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => {
    cb(null, Buffer.concat(chunks));
  });
};

const arrayBuffer = (b: Buffer): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

beforeAll(async () => {
  t = await startTestApp(content);
  const until = new Date('2026-06-15T04:00:00Z');
  // 6 organisations in 杨舍镇 (manufacturing), 4 in 常阴沙 (retail): one assessment each.
  await seedDemo(t.db.db, t.catalogue, {
    orgs: 6,
    region: '杨舍镇',
    industry: 'C',
    size: 'small',
    repeatShare: 0,
    sharedShare: 0.5,
    fullReports: true,
    seed: 1,
    run: 1,
    until,
    months: 3,
  });
  await seedDemo(t.db.db, t.catalogue, {
    orgs: 4,
    region: '常阴沙',
    industry: 'F',
    size: 'micro',
    repeatShare: 0,
    sharedShare: 1,
    fullReports: true,
    seed: 2,
    run: 2,
    until,
    months: 3,
  });
  regulator = await signInAs(t, 'regulator', { department: '消防救援机构' });
});
afterAll(async () => {
  await t.close();
});

/** Ground truth straight from the answers of submitted assessments. */
async function truth(
  region?: string,
): Promise<Map<string, { compliant: number; non_compliant: number; not_applicable: number; unsure: number }>> {
  const rows = await sql<{ item_code: string; status: string; n: number }>`
    select a.item_code, a.status, count(*)::int as n from answers a
    join assessments s on s.id = a.assessment_id and s.status = 'submitted' join orgs o on o.id = s.org_id
    where (${region ?? null}::text is null or o.region = ${region ?? null}) group by 1, 2`.execute(t.db.db);
  const map = new Map<string, { compliant: number; non_compliant: number; not_applicable: number; unsure: number }>();
  for (const r of rows.rows) {
    const c = map.get(r.item_code) ?? { compliant: 0, non_compliant: 0, not_applicable: 0, unsure: 0 };
    map.set(r.item_code, { ...c, [r.status]: r.n });
  }
  return map;
}

describe('access to statistics and exports', () => {
  const routes = [
    '/api/v1/stats/summary',
    '/api/v1/exports/summary.csv',
    '/api/v1/exports/answers.csv',
    '/api/v1/stats/shared-reports',
  ];

  it.each(routes)('When anonymous, then %s answers 401', async (route) => {
    const res = await request(t.app).get(route).expect(401);
    expect(res.type).toBe('application/problem+json');
  });

  it.each(routes)('When a company user asks, then %s answers 403', async (route) => {
    const company = await registerCompany(t.app);
    await company.agent.get(route).expect(403);
  });

  it('When a lecturer asks, then the summary answers 403', async () => {
    const lecturer = await signInAs(t, 'lecturer');
    await lecturer.agent.get('/api/v1/stats/summary').expect(403);
  });

  it.each([
    ['regulator', '/regulator'],
    ['lecturer', '/present'],
  ] as const)('signs a %s in to %s, and the header links there first', async (role, home) => {
    const email = `${role}-home-${Math.random().toString(36).slice(2)}@example.gov.cn`;
    await createUser(t.db.db, { email, password: 'regulator password 1', role });
    const agent = request.agent(t.app);
    await agent
      .post('/login')
      .set('X-Forwarded-For', randomIp())
      .type('form')
      .send({ email, password: 'regulator password 1' })
      .expect(303)
      .expect('Location', home);
    // The header's first link is the account's own area on its pages.
    expect((await agent.get('/account/password').expect(200)).text).toContain(
      `class="lang-switch nav-assess" href="${home}"`,
    );
  });

  it.each(['regulator', 'lecturer'] as const)('signs a %s in to the page the form names in next', async (role) => {
    const email = `${role}-next-${Math.random().toString(36).slice(2)}@example.gov.cn`;
    await createUser(t.db.db, { email, password: 'regulator password 1', role });
    await request(t.app)
      .post('/login')
      .set('X-Forwarded-For', randomIp())
      .type('form')
      .send({ email, password: 'regulator password 1', next: '/domains/XF' })
      .expect(303)
      .expect('Location', '/domains/XF');
  });

  it('When the dashboard page is opened by a company user, then it is 403; anonymous goes to login', async () => {
    const company = await registerCompany(t.app);
    await company.agent.get('/regulator').expect(403);
    const res = await request(t.app).get('/regulator').expect(303);
    expect(res.headers.location).toBe('/login?next=%2Fregulator');
  });
});

describe('API tokens', () => {
  async function createToken(name: string): Promise<{ id: string; token: string }> {
    const created = await regulator.agent.post('/api/v1/regulator/tokens').send({ name }).expect(201);
    return { id: String(created.body.id), token: String(created.body.token) };
  }
  const bearer = (token: string, route = '/api/v1/stats/summary') =>
    request(t.app).get(route).set('Authorization', `Bearer ${token}`);

  it('When a token is created, then it is shown once and only its hash is stored', async () => {
    const { id, token } = await createToken('月度报表');
    expect(token).toMatch(/^hgr_/);
    const stored = await t.db.db
      .selectFrom('api_tokens')
      .select(['token_hash', 'last_used_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token.slice(4));
    expect(stored.last_used_at).toBeNull();
    const list = await regulator.agent.get('/api/v1/regulator/tokens').expect(200);
    expect(JSON.stringify(list.body)).not.toContain(token);
  });

  it('When Bearer is used for stats and exports, then it works and its last use is listed', async () => {
    const { id, token } = await createToken('月度报表');
    await bearer(token).expect(200);
    await bearer(token, '/api/v1/exports/summary.json').expect(200);
    const list = await regulator.agent.get('/api/v1/regulator/tokens').expect(200);
    const listed = list.body.tokens.find((x: { id: string }) => x.id === id);
    expect(listed).toMatchObject({ name: '月度报表', lastUsedAt: expect.any(String), revokedAt: null });
  });

  it('When Bearer is used to manage tokens, then 401: those routes need the session', async () => {
    const { token } = await createToken('脚本');
    await bearer(token, '/api/v1/regulator/tokens').expect(401);
  });

  it('When a token is revoked, then Bearer answers 401 saying so', async () => {
    const { id, token } = await createToken('脚本');
    await regulator.agent.delete(`/api/v1/regulator/tokens/${id}`).expect(204);
    const res = await bearer(token).set('Accept-Language', 'en').expect(401);
    expect(res.body.detail).toContain('revoked');
    await bearer(token, '/api/v1/exports/answers.csv').expect(401);
  });

  it('When the token is unknown or malformed, then 401', async () => {
    await request(t.app).get('/api/v1/stats/summary').set('Authorization', 'Bearer hgr_nope').expect(401);
    await request(t.app).get('/api/v1/stats/summary').set('Authorization', 'Basic abc').expect(401);
  });

  it('When a company user holds a token, then it still cannot read statistics', async () => {
    const company = await registerCompany(t.app);
    await company.agent.post('/api/v1/regulator/tokens').send({ name: 'x' }).expect(403);
  });

  it('When another regulator revokes my token id, then it is 404 and mine still works', async () => {
    const { id, token } = await createToken('脚本');
    const other = await signInAs(t, 'regulator');
    await other.agent.delete(`/api/v1/regulator/tokens/${id}`).expect(404);
    await bearer(token).expect(200);
  });
});

describe('GET /api/v1/stats/summary', () => {
  it('When unfiltered, then the figures equal the submitted answers', async () => {
    const res = await regulator.agent.get('/api/v1/stats/summary').expect(200);
    expect(res.body.suppressed).toBe(false);
    expect(res.body.totals).toEqual({ organisations: 10, assessments: 10, shared: expect.any(Number) });
    const expected = await truth();
    for (const item of res.body.items as Array<{ code: string; counts: unknown; organisations: number }>) {
      expect(item.counts).toEqual(
        expected.get(item.code) ?? { compliant: 0, non_compliant: 0, not_applicable: 0, unsure: 0 },
      );
    }
    expect(res.body.breakdowns.region).toEqual([
      expect.objectContaining({ key: '常阴沙', suppressed: true, organisations: null, counts: null }),
      // Only one region is below 5: the other is withheld too, or 10 − 6 would reveal it.
      expect.objectContaining({ key: '杨舍镇', suppressed: true }),
    ]);
    expect(res.body.topGaps.length).toBeLessThanOrEqual(20);
  });

  it('When filtered by a region with 6 organisations, then figures describe those only', async () => {
    const res = await regulator.agent.get('/api/v1/stats/summary?region=杨舍镇').expect(200);
    expect(res.body.totals.organisations).toBe(6);
    const expected = await truth('杨舍镇');
    const xf1 = res.body.items.find((i: { code: string }) => i.code === 'XF-001');
    expect(xf1.counts).toEqual(expected.get('XF-001'));
    expect(xf1.organisations).toBe(6);
    const c = expected.get('XF-001') ?? { compliant: 0, non_compliant: 0, unsure: 0 };
    expect(xf1.complianceRate).toBeCloseTo(c.compliant / (c.compliant + c.non_compliant + c.unsure), 4);
  });

  it('When a filter matches 4 organisations, then nothing identifying is shown', async () => {
    const res = await regulator.agent.get('/api/v1/stats/summary?region=常阴沙').expect(200);
    expect(res.body.suppressed).toBe(true);
    expect(res.body.totals).toEqual({ organisations: null, assessments: null, shared: null });
    for (const list of [
      res.body.domains,
      res.body.items,
      res.body.breakdowns.region,
      res.body.breakdowns.industry,
      res.body.breakdowns.size,
    ]) {
      for (const row of list)
        expect(row).toMatchObject({ suppressed: true, organisations: null, counts: null, complianceRate: null });
    }
    expect(res.body.topGaps).toEqual([]);
    for (const m of res.body.months) expect(m.assessments).toBeNull();
    expect(res.body.leniency.share).toBeNull();
  });

  it('When filtered by industry, size, month range, domain or version, then the filter applies', async () => {
    expect(
      (await regulator.agent.get('/api/v1/stats/summary?industry=C&size=small').expect(200)).body.totals.organisations,
    ).toBe(6);
    expect((await regulator.agent.get('/api/v1/stats/summary?from=2027-01').expect(200)).body.suppressed).toBe(true);
    expect(
      (await regulator.agent.get('/api/v1/stats/summary?from=2026-01&to=2026-06').expect(200)).body.totals
        .organisations,
    ).toBe(10);
    const byDomain = await regulator.agent.get('/api/v1/stats/summary?domain=LD').expect(200);
    expect(byDomain.body.domains.map((d: { code: string }) => d.code)).toEqual(['LD']);
    expect(byDomain.body.items.map((d: { code: string }) => d.code)).toEqual(['LD-001']);
    expect(
      (await regulator.agent.get(`/api/v1/stats/summary?version=${t.catalogue.version.id}`).expect(200)).body
        .checklistVersion.id,
    ).toBe(t.catalogue.version.id);
  });

  it('When a filter is malformed, then 400 names the field', async () => {
    const res = await regulator.agent
      .get('/api/v1/stats/summary?from=2026-13&industry=Z&size=huge&version=999')
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'from',
      'industry',
      'size',
      'version',
    ]);
  });

  it('When a company submits through the API, then the statistics count it; drafts never count', async () => {
    const before = (await regulator.agent.get('/api/v1/stats/summary?region=锦丰镇').expect(200)).body;
    expect(before.suppressed).toBe(true);
    for (let i = 0; i < 5; i += 1) {
      const c = await registerCompany(t.app, { region: '锦丰镇' });
      const created = await c.agent
        .post('/api/v1/assessments')
        .send({ profile: { tags: [] } })
        .expect(201);
      const id = String(created.body.id);
      await c.agent.put(`/api/v1/assessments/${id}/answers/XF-001`).send({ status: 'non_compliant' }).expect(200);
      if (i === 4) break; // the fifth stays a draft
      await c.agent.put(`/api/v1/assessments/${id}/answers/XF-002`).send({ status: 'compliant' }).expect(200);
      await c.agent.post(`/api/v1/assessments/${id}/submit`).expect(200);
    }
    const four = (await regulator.agent.get('/api/v1/stats/summary?region=锦丰镇').expect(200)).body;
    expect(four.suppressed).toBe(true); // 4 submitted + 1 draft: still fewer than 5
    const c = await registerCompany(t.app, { region: '锦丰镇' });
    const created = await c.agent
      .post('/api/v1/assessments')
      .send({ profile: { tags: [] } })
      .expect(201);
    await c.agent
      .put(`/api/v1/assessments/${created.body.id}/answers/XF-001`)
      .send({ status: 'non_compliant' })
      .expect(200);
    await c.agent.put(`/api/v1/assessments/${created.body.id}/answers/XF-002`).send({ status: 'unsure' }).expect(200);
    await c.agent.post(`/api/v1/assessments/${created.body.id}/submit`).expect(200);
    const five = (await regulator.agent.get('/api/v1/stats/summary?region=锦丰镇').expect(200)).body;
    expect(five.totals).toMatchObject({ organisations: 5, assessments: 5, shared: 0 });
    const xf1 = five.items.find((i: { code: string }) => i.code === 'XF-001');
    expect(xf1.counts).toEqual({ compliant: 0, non_compliant: 5, not_applicable: 0, unsure: 0 });
    expect(five.items.find((i: { code: string }) => i.code === 'LD-001')).toMatchObject({ suppressed: true }); // applies to nobody here
    expect(five.leniency).toEqual({ gaps: 6, gapsWithLeniency: 5, share: 0.8333 });
    expect(five.topGaps[0]).toMatchObject({ code: 'XF-001', gaps: 5 });
  });
});

describe('exports', () => {
  it('summary.csv has a BOM, Chinese headers and the same figures as the JSON', async () => {
    const res = await regulator.agent
      .get('/api/v1/exports/summary.csv?region=杨舍镇')
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="?hegui-summary-\d{4}-\d{2}-\d{2}\.csv/);
    const text = (res.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1));
    expect(rows[0].slice(0, 5)).toEqual([
      '层级 level',
      '编号 code',
      '名称 name',
      '领域 domain',
      '企业数 organisations',
    ]);
    const json = (await regulator.agent.get('/api/v1/exports/summary.json?region=杨舍镇').expect(200)).body;
    const xf1Csv = rows.find((r) => r[1] === 'XF-001');
    const xf1Json = json.items.find((i: { code: string }) => i.code === 'XF-001');
    expect(xf1Csv?.slice(4, 10).map(Number)).toEqual([
      xf1Json.organisations,
      xf1Json.assessments,
      xf1Json.compliant,
      xf1Json.non_compliant,
      xf1Json.not_applicable,
      xf1Json.unsure,
    ]);
    expect(Number(xf1Csv?.[10])).toBeCloseTo(xf1Json.compliance_rate, 4);
    expect(xf1Csv?.[14]).toBe('0');
  });

  it('summary.csv of 4 organisations: numbers empty and flagged', async () => {
    const res = await regulator.agent
      .get('/api/v1/exports/summary.csv?region=常阴沙')
      .buffer(true)
      .parse(binary)
      .expect(200);
    const rows = parseCsv((res.body as Buffer).toString('utf8').slice(1))
      .slice(1)
      .filter((r) => r.length > 1);
    expect(rows.length).toBe(5); // 2 domains + 3 items
    for (const r of rows) {
      expect(r.slice(4, 14)).toEqual(Array(10).fill(''));
      expect(r[14]).toBe('1');
    }
  });

  it('summary.xlsx reads back with frozen headers, number formats and one sheet per level', async () => {
    const res = await regulator.agent
      .get('/api/v1/exports/summary.xlsx?region=杨舍镇')
      .buffer(true)
      .parse(binary)
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(arrayBuffer(res.body as Buffer));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['领域 Domains', '事项 Items']);
    const items = wb.getWorksheet('事项 Items');
    expect(items?.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(items?.getRow(2).getCell(5).value).toBe('企业数 organisations');
    const json = (await regulator.agent.get('/api/v1/exports/summary.json?region=杨舍镇').expect(200)).body;
    const row = items?.getRow(3);
    expect(row?.getCell(2).value).toBe('XF-001');
    const xf1 = json.items[0];
    expect([5, 6, 7, 8, 9, 10].map((c) => row?.getCell(c).value)).toEqual([
      xf1.organisations,
      xf1.assessments,
      xf1.compliant,
      xf1.non_compliant,
      xf1.not_applicable,
      xf1.unsure,
    ]);
    expect(row?.getCell(11).value).toBeCloseTo(xf1.compliance_rate, 4);
    expect(row?.getCell(11).numFmt).toBe('0.0%');
  });

  it('answers.csv holds every answer of shared reports and nothing else', async () => {
    const res = await regulator.agent.get('/api/v1/exports/answers.csv').buffer(true).parse(binary).expect(200);
    const text = (res.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1)).filter((r) => r.length > 1);
    const header = rows[0];
    expect(header).toContain('统一社会信用代码 credit code');
    const expected = await sql<{
      n: number;
    }>`select count(*)::int as n from answers a join assessments s on s.id = a.assessment_id where s.shared and s.status = 'submitted'`.execute(
      t.db.db,
    );
    expect(rows.length - 1).toBe(expected.rows[0].n);
    const shared = await t.db.db.selectFrom('assessments').select('fingerprint').where('shared', '=', true).execute();
    const fingerprints = new Set(shared.map((s) => s.fingerprint));
    const fpCol = header.indexOf('校验码 fingerprint');
    for (const r of rows.slice(1)) expect(fingerprints.has(r[fpCol])).toBe(true);
    const unshared = await t.db.db
      .selectFrom('assessments')
      .innerJoin('orgs', 'orgs.id', 'assessments.org_id')
      .select('orgs.credit_code')
      .where('shared', '=', false)
      .where('status', '=', 'submitted')
      .execute();
    for (const u of unshared) expect(text).not.toContain(u.credit_code);
  });

  // On PostgreSQL answers.csv comes from COPY; without it (PGlite) from batches
  // formatted in JavaScript. Both must give the same bytes for awkward text.
  it('answers.csv has the same bytes with and without COPY, quotes and line breaks included', async () => {
    const awkward = ['他说"整改完毕", 已验收', '第一行\n第二行', '', '=SUM(A1)'];
    const target = await sql<{ assessment_id: string; item_code: string }>`
      select a.assessment_id, a.item_code from answers a join assessments s on s.id = a.assessment_id
      where s.shared and s.status = 'submitted' and s.org_id in (select id from orgs where region = '常阴沙') order by 1, 2 limit ${awkward.length}`.execute(
      t.db.db,
    );
    expect(target.rows).toHaveLength(awkward.length);
    for (const [i, r] of target.rows.entries()) {
      await t.db.db
        .updateTable('answers')
        .set({ note: awkward[i] })
        .where('assessment_id', '=', r.assessment_id)
        .where('item_code', '=', r.item_code)
        .execute();
    }
    const withoutCopy = createApp({
      database: { ...t.db, copyCsv: undefined },
      catalogues: t.store,
      logger: createLogger('silent'),
      production: false,
    });
    const url = '/api/v1/exports/answers.csv?region=%E5%B8%B8%E9%98%B4%E6%B2%99';
    const a = await regulator.agent.get(url).buffer(true).parse(binary).expect(200);
    const token = (await regulator.agent.post('/api/v1/regulator/tokens').send({ name: 'csv paths' }).expect(201)).body
      .token as string;
    const b = await request(withoutCopy)
      .get(url)
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((a.body as Buffer).equals(b.body as Buffer)).toBe(true);
    const rows = parseCsv((a.body as Buffer).toString('utf8').slice(1)).filter((r) => r.length > 1);
    const notes = rows.map((r) => r[rows[0].indexOf('备注 note')]);
    for (const note of awkward) expect(notes).toContain(note.startsWith('=') ? `'${note}` : note);
  });

  // OWASP CSV injection: text a firm typed must never reach a spreadsheet as a formula.
  it('answers.csv prefixes firm-typed text that starts like a formula with a quote, on both paths; XLSX keeps it as text', async () => {
    const hostile = ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'];
    const target = await sql<{ assessment_id: string; item_code: string }>`
      select a.assessment_id, a.item_code from answers a join assessments s on s.id = a.assessment_id
      where s.shared and s.status = 'submitted' and s.org_id in (select id from orgs where region = '常阴沙') order by 1, 2 limit ${hostile.length}`.execute(
      t.db.db,
    );
    for (const [i, r] of target.rows.entries()) {
      await t.db.db
        .updateTable('answers')
        .set({ note: hostile[i], owner: hostile[(i + 1) % hostile.length] })
        .where('assessment_id', '=', r.assessment_id)
        .where('item_code', '=', r.item_code)
        .execute();
    }
    const orgs = await sql<{
      id: string;
      name: string;
    }>`select id, name from orgs where region = '常阴沙' order by id limit 1`.execute(t.db.db);
    await t.db.db.updateTable('orgs').set({ name: '=cmd|calc' }).where('id', '=', orgs.rows[0].id).execute();
    try {
      const url = '/api/v1/exports/answers.csv?region=%E5%B8%B8%E9%98%B4%E6%B2%99';
      const withoutCopy = createApp({
        database: { ...t.db, copyCsv: undefined },
        catalogues: t.store,
        logger: createLogger('silent'),
        production: false,
      });
      const token = (await regulator.agent.post('/api/v1/regulator/tokens').send({ name: 'csv injection' }).expect(201))
        .body.token as string;
      for (const res of [
        await regulator.agent.get(url).buffer(true).parse(binary).expect(200),
        await request(withoutCopy)
          .get(url)
          .set('Authorization', `Bearer ${token}`)
          .buffer(true)
          .parse(binary)
          .expect(200),
      ]) {
        const rows = parseCsv((res.body as Buffer).toString('utf8').slice(1)).filter((r) => r.length > 1);
        const cells = rows.slice(1).flat();
        for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        for (const h of hostile) expect(cells).toContain(`'${h}`);
        expect(cells).toContain("'=cmd|calc");
      }
      const xlsx = await regulator.agent
        .get('/api/v1/exports/answers.xlsx?region=常阴沙')
        .buffer(true)
        .parse(binary)
        .expect(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(arrayBuffer(xlsx.body as Buffer));
      const values: unknown[] = [];
      wb.worksheets[0].eachRow((row) => {
        row.eachCell((cell) => values.push(cell.value));
      });
      expect(values).toContain('=HYPERLINK("http://x")');
      expect(values).toContain('=cmd|calc');
    } finally {
      await t.db.db.updateTable('orgs').set({ name: orgs.rows[0].name }).where('id', '=', orgs.rows[0].id).execute();
    }
  });

  it('answers.xlsx reads back with the same rows as the CSV, filtered by region', async () => {
    const csv = await regulator.agent
      .get('/api/v1/exports/answers.csv?region=常阴沙')
      .buffer(true)
      .parse(binary)
      .expect(200);
    const csvRows = parseCsv((csv.body as Buffer).toString('utf8').slice(1)).filter((r) => r.length > 1);
    const res = await regulator.agent
      .get('/api/v1/exports/answers.xlsx?region=常阴沙')
      .buffer(true)
      .parse(binary)
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(arrayBuffer(res.body as Buffer));
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(csvRows.length);
    expect(ws.getRow(2).getCell(2).value).toBe(csvRows[1][1]);
    for (const r of csvRows.slice(1)) expect(r[2]).toBe('常阴沙');
  });

  it('shared reports are listed, unshared ones are not found', async () => {
    const list = await regulator.agent.get('/api/v1/stats/shared-reports').expect(200);
    const sharedIds = (await t.db.db.selectFrom('assessments').select('id').where('shared', '=', true).execute())
      .map((r) => r.id)
      .sort();
    expect(list.body.reports.map((r: { id: string }) => r.id).sort()).toEqual(sharedIds);
    await regulator.agent.get(`/regulator/reports/${sharedIds[0]}`).expect(200);
    const unshared = await t.db.db
      .selectFrom('assessments')
      .select('id')
      .where('shared', '=', false)
      .where('status', '=', 'submitted')
      .executeTakeFirstOrThrow();
    await regulator.agent.get(`/regulator/reports/${unshared.id}`).expect(404);
  });

  it('report.docx and report.pdf are written summaries', async () => {
    const docx = await regulator.agent.get('/api/v1/exports/report.docx').buffer(true).parse(binary).expect(200);
    expect((docx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const pdf = await regulator.agent.get('/api/v1/exports/report.pdf').buffer(true).parse(binary);
    expect([200, 503]).toContain(pdf.status);
    if (pdf.status === 200) expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('pages', () => {
  it('the dashboard renders figures, charts and export links that keep the filters', async () => {
    const res = await regulator.agent.get('/regulator?region=杨舍镇').expect(200);
    expect(res.text).toContain('<svg class="chart"');
    const html = res.text.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
    expect(html).toContain('/api/v1/exports/summary.xlsx?region=%E6%9D%A8%E8%88%8D%E9%95%87&version=');
    expect(res.text).toMatch(/data-kpi="organisations">6</);
    expect(res.text).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('the dashboard of 4 organisations shows <5 and the notice', async () => {
    const res = await regulator.agent.get('/regulator?region=常阴沙').expect(200);
    expect(res.text).toMatch(/data-kpi="organisations">&lt;5</);
  });

  it('tokens: created in the UI, shown once, revoked in the UI', async () => {
    const page = await regulator.agent.get('/regulator/tokens').expect(200);
    expect(csrfFieldOf(page.text)).toBe(regulator.agent.csrf);
    await regulator.agent.form('/regulator/tokens', { name: 'WPS 表格' }).expect(303);
    const created = await regulator.agent.get('/regulator/tokens').expect(200);
    const token = /value="(hgr_[^"]+)"/.exec(created.text)?.[1] ?? '';
    expect(token).not.toBe('');
    const again = await regulator.agent.get('/regulator/tokens').expect(200);
    expect(again.text).not.toContain(token);
    await request(t.app).get('/api/v1/stats/summary').set('Authorization', `Bearer ${token}`).expect(200);
    const row = await t.db.db
      .selectFrom('api_tokens')
      .select('id')
      .where('name', '=', 'WPS 表格')
      .executeTakeFirstOrThrow();
    await regulator.agent.form(`/regulator/tokens/${row.id}/revoke`).expect(303);
    await request(t.app).get('/api/v1/stats/summary').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('tokens: an empty name re-renders with an error summary', async () => {
    const res = await regulator.agent.form('/regulator/tokens', { name: '  ' }).expect(400);
    expect(res.text).toContain('error-summary');
  });
});

describe('export headers follow ?lang=', () => {
  const headerOf = async (path: string): Promise<string[]> => {
    const res = await regulator.agent.get(path).buffer(true).parse(binary).expect(200);
    return parseCsv((res.body as Buffer).toString('utf8').slice(1))[0];
  };

  it('summary.csv and answers.csv name their columns in Chinese only with ?lang=zh-CN', async () => {
    for (const path of ['/api/v1/exports/summary.csv?lang=zh-CN', '/api/v1/exports/answers.csv?lang=zh-CN']) {
      const header = await headerOf(path);
      expect(header.length).toBeGreaterThan(5);
      for (const cell of header) expect(cell).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it('summary.csv and answers.csv name their columns in English only with ?lang=en', async () => {
    expect((await headerOf('/api/v1/exports/summary.csv?lang=en')).slice(0, 3)).toEqual(['level', 'code', 'name']);
    for (const path of ['/api/v1/exports/summary.csv?lang=en', '/api/v1/exports/answers.csv?lang=en']) {
      for (const cell of await headerOf(path)) expect(cell).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('summary.xlsx and answers.xlsx name sheets and columns in the language asked for', async () => {
    for (const [lang, other] of [
      ['en', /[\u4e00-\u9fff]/],
      ['zh-CN', /[A-Za-z]{2,}/],
    ] as const) {
      for (const [name, headerRow] of [
        ['summary.xlsx', 2],
        ['answers.xlsx', 1],
      ] as const) {
        const res = await regulator.agent
          .get(`/api/v1/exports/${name}?lang=${lang}`)
          .buffer(true)
          .parse(binary)
          .expect(200);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(arrayBuffer(res.body as Buffer));
        for (const ws of wb.worksheets) {
          expect(ws.name).not.toMatch(other);
          const cells: string[] = [];
          ws.getRow(headerRow).eachCell((c) => cells.push(c.text));
          expect(cells.length).toBeGreaterThan(5);
          for (const cell of cells) expect(cell).not.toMatch(other);
        }
      }
    }
  });
});
