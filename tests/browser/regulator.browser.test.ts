// A regulator on a desktop: logs in, filters the dashboard by region (the URL
// keeps the filter), checks that the charts and their tables say the same,
// downloads the XLSX and reads it back; the same page works without JavaScript.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { createUser } from '../../server/accounts/service';
import { seedDemo } from '../../server/tools/demo-data';
import {
  closeBrowserSuite,
  DOWNLOADS,
  openBrowserSuite,
  SHOTS,
  watchedPage,
  type BrowserSuite,
} from '../support/browser';
import { randomIp } from '../support/company';

const EMAIL = 'inspector@scjg.zjg.gov.cn';
const PASSWORD = 'regulator password 1';
jest.setTimeout(180_000);
let s: BrowserSuite;

beforeAll(async () => {
  s = await openBrowserSuite();
  await seedDemo(s.t.db.db, s.t.catalogue, {
    orgs: 80,
    seed: 7,
    run: 7,
    fullReports: false,
    months: 12,
    until: new Date('2026-11-20T00:00:00Z'),
  });
  await createUser(s.t.db.db, { email: EMAIL, password: PASSWORD, role: 'regulator', department: '市场监督管理局' });
});
afterAll(() => closeBrowserSuite(s));

async function desktop(javaScriptEnabled = true): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  return watchedPage(s.browser, {
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled,
    acceptDownloads: true,
    extraHTTPHeaders: { 'X-Forwarded-For': randomIp() },
  });
}

async function logIn(page: Page): Promise<void> {
  await page.goto(`${s.url}/regulator`);
  await page.waitForURL(/\/login/);
  await page.fill('#email', EMAIL);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(/\/regulator/), page.click('main button[type="submit"]')]);
}

/** Bar label → value text, read from the SVG chart of a figure. */
async function chartValues(page: Page, selector: string): Promise<Map<string, string>> {
  const pairs = await page.$$eval(`${selector} svg g`, (groups) =>
    groups.map((g) => {
      const texts = Array.from(g.querySelectorAll('text'));
      // A bar's label may be cut to fit; its title holds the whole label.
      return [
        g.querySelector('title')?.textContent ?? texts.at(0)?.textContent ?? '',
        texts.at(-1)?.textContent ?? '',
      ] as [string, string];
    }),
  );
  return new Map(pairs);
}

describe('regulator dashboard', () => {
  it('filters by region, charts agree with tables, XLSX downloads', async () => {
    const { context, page, problems } = await desktop();
    await logIn(page);
    await page.screenshot({ path: join(SHOTS, 'regulator-dashboard.png'), fullPage: false });
    await page.selectOption('#f-region', '杨舍镇');
    await Promise.all([page.waitForURL(/region=/), page.click('.reg-filter-actions button')]);
    expect(decodeURIComponent(page.url())).toContain('region=杨舍镇');
    expect(await page.locator('#f-region').count()).toBe(1);
    expect(await page.inputValue('#f-region')).toBe('杨舍镇');

    // The domain chart and the domain table carry the same rates.
    const chart = await chartValues(page, '[data-chart="domains"]');
    const rows = await page.$$eval('[data-table="domains"] tbody tr', (trs) =>
      trs.map(
        (tr) =>
          [
            tr.querySelector('th')?.textContent.trim() ?? '',
            tr.querySelector('[data-rate]')?.textContent.trim() ?? '',
          ] as [string, string],
      ),
    );
    expect(rows.length).toBe(21);
    for (const [label, rate] of rows) expect(chart.get(label)).toBe(rate);
    // The KPI equals the region's row in the region breakdown.
    const kpi = await page.textContent('[data-kpi="organisations"]');
    const regionRow = await page.$$eval('[data-table="breakdown-0"] tbody tr', (trs) =>
      trs.map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent]),
    );
    expect(regionRow).toEqual([['杨舍镇', kpi]]);
    await page.screenshot({ path: join(SHOTS, 'regulator-dashboard-filtered.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="summary.xlsx"]')]);
    const file = join(DOWNLOADS, 'regulator-summary.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    const bytes = readFileSync(file);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const sheet = wb.getWorksheet('领域 Domains');
    expect(sheet?.getRow(1).getCell(1).text).toContain('地区 杨舍镇');
    // Same organisations count in the sheet as on the page, for the first domain row that is shown.
    const firstShown = rows.find(([, rate]) => rate !== '<5');
    if (firstShown) {
      const code = firstShown[0].split(' ')[0];
      const sheetRow = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]
        .map((r) => sheet?.getRow(r))
        .find((r) => r?.getCell(2).value === code);
      const pageRate = Number(firstShown[1].replace('%', '')) / 100;
      expect(Number(sheetRow?.getCell(11).value)).toBeCloseTo(pageRate, 3);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('works without JavaScript', async () => {
    const { context, page, problems } = await desktop(false);
    await logIn(page);
    await page.selectOption('#f-size', 'micro');
    await Promise.all([page.waitForURL(/size=micro/), page.click('.reg-filter-actions button')]);
    expect(await page.locator('[data-table="domains"] tbody tr').count()).toBe(21);
    expect(await page.locator('svg.chart').count()).toBeGreaterThan(3);
    expect(problems).toEqual([]);
    await context.close();
  });
});
