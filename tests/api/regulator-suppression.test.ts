// A suppressed view (fewer than 5 organisations match the filters) says nothing
// about the filtered set: no number, no month, no region, industry or size that
// occurs in it, in the API, the dashboard page or the summary exports.
import { seedDemo } from '../../server/tools/demo-data';
import { startTestApp, type TestApp } from '../support/app';
import { fixtureContent, fixtureItem } from '../support/fixtures';
import { signInAs, type SignedInUser } from '../support/sign-in';

const content = fixtureContent([fixtureItem('XF-001'), fixtureItem('XF-002')]);

let t: TestApp;
let regulator: SignedInUser;

beforeAll(async () => {
  t = await startTestApp(content);
  const until = new Date('2026-06-15T04:00:00Z');
  // 6 firms in 杨舍镇 (an unsuppressed control), 4 in 常阴沙 (suppressed when filtered on).
  await seedDemo(t.db.db, t.catalogue, {
    orgs: 6,
    region: '杨舍镇',
    industry: 'C',
    size: 'small',
    repeatShare: 0,
    sharedShare: 0,
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
    sharedShare: 0,
    fullReports: true,
    seed: 2,
    run: 2,
    until,
    months: 3,
  });
  regulator = await signInAs(t, 'regulator');
});
afterAll(async () => {
  await t.close();
});

/** Every leaf of a JSON value with its path, e.g. ["months.0.month", "2026-04"]. */
function leaves(v: unknown, path = ''): Array<[string, unknown]> {
  if (v !== null && typeof v === 'object')
    return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => leaves(x, path ? `${path}.${k}` : k));
  return [[path, v]];
}

/** Leaves that describe the request, the checklist or the rule, not the filtered firms. */
const ABOUT_THE_QUERY =
  /^(filters\.|checklistVersion\.|threshold$|suppressed$|overall\.suppressed$|(domains|items)\.\d+\.(code|domain|name|nameEn|department|title|high|leniency|suppressed)$)/;

describe('a suppressed view', () => {
  it('When unfiltered (10 firms), then months, regions and numbers are shown (the control)', async () => {
    const res = await regulator.agent.get('/api/v1/stats/summary').expect(200);
    expect(res.body.suppressed).toBe(false);
    expect(res.body.months.length).toBeGreaterThan(0);
    expect(res.body.heatmap.regions).toEqual(['常阴沙', '杨舍镇']);
    const numbers = leaves(res.body).filter(([p, v]) => typeof v === 'number' && !ABOUT_THE_QUERY.test(p));
    expect(numbers.length).toBeGreaterThan(10);
  });

  it('When filtered to 4 firms, then every figure of the summary is withheld, months, keys and heat map included', async () => {
    const res = await regulator.agent.get('/api/v1/stats/summary?region=常阴沙').expect(200);
    expect(res.body.suppressed).toBe(true);
    const told = leaves(res.body).filter(([p, v]) => v !== null && !ABOUT_THE_QUERY.test(p));
    // Nothing but empty lists' absence and the withheld flags: no number, month or key.
    expect(told).toEqual([]);
    expect(res.body.months).toEqual([]);
    expect(res.body.breakdowns).toEqual({ region: [], industry: [], size: [] });
    expect(res.body.heatmap).toEqual({ regions: [], cells: [] });
    expect(res.body.topGaps).toEqual([]);
  });

  it('When filtered to 4 firms, then the dashboard page shows no month, count or industry of the set', async () => {
    const control = await regulator.agent.get('/regulator').expect(200);
    expect(control.text).toMatch(/data-table="months"[\s\S]*2026-0[4-6]/);
    const res = await regulator.agent.get('/regulator?region=常阴沙').expect(200);
    const main = res.text.slice(res.text.indexOf('role="status"'));
    expect(main).not.toMatch(/2026-0\d/);
    expect(main).not.toMatch(/data-table="heatmap"/);
    // The industry the 4 firms share (F 批发和零售业) may appear only as a filter option, not as a breakdown row.
    const rows = main.slice(main.indexOf('breakdowns-title'));
    expect(rows).not.toMatch(/<th scope="row">F /);
    expect(rows).not.toMatch(/<th scope="row">[^<]*微型/);
  });

  it('When filtered to 4 firms, then summary.csv has codes and names but no number', async () => {
    const res = await regulator.agent.get('/api/v1/exports/summary.csv?region=常阴沙&lang=en').expect(200);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      // level, code, name, domain, then 10 figures (empty), then the suppressed flag.
      expect(cells.slice(4, 14)).toEqual(Array(10).fill(''));
    }
  });
});
