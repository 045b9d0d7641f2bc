// Organisation counts when firms submit more than once, and under more than one
// profile: each organisation counts once overall and once in every breakdown
// value it submitted under; an item counts it when any of its submissions had it.
import { computeSummary } from '../../server/regulator/stats';
import { startTestApp, type TestApp } from '../support/app';
import { registerCompany, type Company } from '../support/company';
import { fixtureContent, fixtureItem, employmentDomain } from '../support/fixtures';

const content = fixtureContent([fixtureItem('XF-001'), fixtureItem('XF-002')], [employmentDomain()]);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(content);
});
afterAll(async () => {
  await t.close();
});

async function submit(c: Company, tags: string[]): Promise<void> {
  const created = await c.agent.post('/api/v1/assessments').send({ profile: { tags } }).expect(201);
  for (const code of created.body.items as string[]) {
    await c.agent
      .put(`/api/v1/assessments/${created.body.id}/answers/${code}`)
      .send({ status: code === 'XF-002' ? 'non_compliant' : 'compliant' })
      .expect(200);
  }
  await c.agent.post(`/api/v1/assessments/${created.body.id}/submit`).expect(200);
}

it('counts an organisation that moved once overall and once in each region, and ORs its profiles per item', async () => {
  const companies: Company[] = [];
  for (let i = 0; i < 10; i += 1) companies.push(await registerCompany(t.app, { region: '杨舍镇' }));
  for (const c of companies) await submit(c, []);
  // Five of them move to 塘桥镇 and take on employees: a second submission under a new profile.
  for (const c of companies.slice(0, 5)) {
    await t.db.db.updateTable('orgs').set({ region: '塘桥镇' }).where('id', '=', c.orgId).execute();
    await submit(c, ['employees']);
  }
  const mixed = await t.db.db.selectFrom('stat_mixed_orgs').select('org_id').execute();
  expect(new Set(mixed.map((m) => m.org_id))).toEqual(new Set(companies.slice(0, 5).map((c) => c.orgId)));

  const s = await computeSummary(t.db.db, t.catalogue, { version: t.catalogue.version.id });
  expect(s.totals).toMatchObject({ organisations: 10, assessments: 15 });
  expect(s.breakdowns.region.map((r) => [r.key, r.organisations, r.assessments])).toEqual([
    ['塘桥镇', 5, 5],
    ['杨舍镇', 10, 10],
  ]);
  const item = (code: string) => s.items.find((i) => i.code === code);
  expect(item('XF-001')).toMatchObject({ organisations: 10, assessments: 15 });
  expect(item('LD-001')).toMatchObject({ organisations: 5, assessments: 5 });
  expect(s.months.reduce((n, m) => n + (m.assessments ?? 0), 0)).toBe(15);

  const moved = await computeSummary(t.db.db, t.catalogue, { version: t.catalogue.version.id, region: '塘桥镇' });
  expect(moved.totals).toMatchObject({ organisations: 5, assessments: 5 });
  expect(moved.items.find((i) => i.code === 'LD-001')).toMatchObject({ organisations: 5 });
  const stayed = await computeSummary(t.db.db, t.catalogue, { version: t.catalogue.version.id, region: '杨舍镇' });
  expect(stayed.totals).toMatchObject({ organisations: 10, assessments: 10 });
});
