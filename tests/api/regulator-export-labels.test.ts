// Exports in the reader's language with the codes beside: 符合 next to compliant,
// 小型 next to small, the industry's and item's names, and times in China time
// with the offset. On PostgreSQL answers.csv comes from COPY, on PGlite from batches.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type request from 'supertest';
import { seedDemo } from '../../server/tools/demo-data';
import { startTestApp, type TestApp } from '../support/app';
import { fixtureContent, fixtureItem } from '../support/fixtures';
import { signInAs, type SignedInUser } from '../support/sign-in';

const content = fixtureContent([fixtureItem('XF-001'), fixtureItem('XF-002')]);

let t: TestApp;
let regulator: SignedInUser;

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => {
    cb(null, Buffer.concat(chunks));
  });
};

beforeAll(async () => {
  t = await startTestApp(content);
  await seedDemo(t.db.db, t.catalogue, {
    orgs: 5,
    region: '杨舍镇',
    industry: 'C',
    size: 'small',
    repeatShare: 0,
    sharedShare: 1,
    fullReports: true,
    seed: 3,
    run: 1,
    until: new Date('2026-06-15T04:00:00Z'),
    months: 2,
  });
  regulator = await signInAs(t, 'regulator');
});
afterAll(async () => {
  await t.close();
});

/** Our CSV has no quoted commas in these columns: a plain split is enough. */
const table = (text: string): Array<Record<string, string>> => {
  const [head, ...lines] = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n');
  const names = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])));
};

/** submitted_at of each shared assessment, as "YYYY-MM-DDTHH:MM:SS+08:00" computed here from the instant. */
async function chinaTimes(): Promise<Set<string>> {
  const rows = await sql<{ at: Date }>`select submitted_at as at from stat_submissions where shared`.execute(t.db.db);
  return new Set(
    rows.rows.map((r) => `${new Date(new Date(r.at).getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`),
  );
}

const TITLES = new Map(content.domains.flatMap((d) => d.items.map((i) => [i.code, i.title] as const)));

const ZH = { compliant: '符合', non_compliant: '不符合', not_applicable: '不适用', unsure: '不确定' } as const;
const EN = {
  compliant: 'Compliant',
  non_compliant: 'Non-compliant',
  not_applicable: 'Not applicable',
  unsure: 'Unsure',
};

describe('answers export values', () => {
  it('When answers.csv is asked for in Chinese, then each code has its Chinese name beside it and times are China time', async () => {
    const res = await regulator.agent
      .get('/api/v1/exports/answers.csv?lang=zh-CN')
      .buffer(true)
      .parse(binary)
      .expect(200);
    const rows = table((res.body as Buffer).toString('utf8'));
    expect(rows.length).toBeGreaterThan(5);
    const times = await chinaTimes();
    const statuses = new Set<string>();
    for (const r of rows) {
      expect(r['行业名称']).toBe('制造业');
      expect(r['规模']).toBe('small');
      expect(r['规模名称']).toBe('小型');
      expect(r['事项名称']).toBe(TITLES.get(r['事项编号']));
      expect(r['自评结果名称']).toBe(ZH[r['自评结果'] as keyof typeof ZH]);
      expect(r['提交时间']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
      expect(times.has(r['提交时间'])).toBe(true);
      statuses.add(r['自评结果']);
    }
    expect(statuses.size).toBeGreaterThan(1);
    // The bilingual default header puts the name column right after its code.
    const both = await regulator.agent.get('/api/v1/exports/answers.csv').buffer(true).parse(binary).expect(200);
    const header = (both.body as Buffer)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\n')[0]
      .split(',');
    expect(header[header.indexOf('自评结果 status') + 1]).toBe('自评结果名称 status name');
    expect(header[header.indexOf('规模 size') + 1]).toBe('规模名称 size name');
  });

  it('When answers.csv is asked for in English, then the names are English', async () => {
    const res = await regulator.agent.get('/api/v1/exports/answers.csv?lang=en').buffer(true).parse(binary).expect(200);
    const rows = table((res.body as Buffer).toString('utf8'));
    for (const r of rows) {
      expect(r['size name']).toBe('Small');
      expect(r['status name']).toBe(EN[r.status as keyof typeof EN]);
    }
  });

  it('When answers.xlsx is read back, then it carries the same names and China times', async () => {
    const res = await regulator.agent
      .get('/api/v1/exports/answers.xlsx?lang=zh-CN')
      .buffer(true)
      .parse(binary)
      .expect(200);
    const wb = new ExcelJS.Workbook();
    const b = res.body as Buffer;
    await wb.xlsx.load(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const col = (name: string): number => header.indexOf(name);
    const times = await chinaTimes();
    let n = 0;
    ws.eachRow((row, i) => {
      if (i === 1) return;
      n += 1;
      const status = row.getCell(col('自评结果')).text as keyof typeof ZH;
      expect(row.getCell(col('自评结果名称')).value).toBe(ZH[status]);
      expect(row.getCell(col('规模名称')).value).toBe('小型');
      expect(times.has(row.getCell(col('提交时间')).text)).toBe(true);
    });
    expect(n).toBeGreaterThan(5);
  });

  it('When summary.csv is asked for, then each row names its level in the reader’s language beside the code', async () => {
    const zh = table((await regulator.agent.get('/api/v1/exports/summary.csv?lang=zh-CN').expect(200)).text);
    expect(new Set(zh.map((r) => `${r['层级']}=${r['层级名称']}`))).toEqual(new Set(['domain=领域', 'item=事项']));
    const en = table((await regulator.agent.get('/api/v1/exports/summary.csv?lang=en').expect(200)).text);
    expect(new Set(en.map((r) => r['level name']))).toEqual(new Set(['Domain', 'Item']));
  });
});
