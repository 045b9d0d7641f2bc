// A reader on a phone opens the checklist, follows a domain and an item.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, listen, watchedPage } from '../support/browser';

const shots = join(__dirname, '..', '..', 'tmp', 'screenshots');
let t: TestApp;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  t = await startTestApp();
  server = await listen(t.app);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

async function phone(javaScriptEnabled = true): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  return watchedPage(browser, { viewport: { width: 360, height: 640 }, javaScriptEnabled });
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('browsing the checklist on a phone', () => {
  it('goes from the home page to a domain and an item without console errors', async () => {
    const { context, page, problems } = await phone();
    await page.goto(server.url);
    await page.screenshot({ path: join(shots, 'home.png'), fullPage: false });
    expect(await page.locator('h1').first().textContent()).toContain('企业行政合规指导清单');
    expect(await page.locator('.domain-card').count()).toBe(t.catalogue.domains.length);

    await page.getByRole('link', { name: /安全生产/ }).first().click();
    await page.waitForURL('**/domains/AQ');
    expect(await page.locator('h1').textContent()).toContain('安全生产');
    await page.screenshot({ path: join(shots, 'domain.png') });

    await page.locator('a.item-link').first().click();
    await page.waitForURL('**/items/AQ-001');
    for (const heading of ['什么是违法', '违了什么法', '怎么不违法', '免罚轻罚']) {
      await expect(page.getByRole('heading', { name: new RegExp(heading) }).first().isVisible()).resolves.toBe(true);
    }
    await page.screenshot({ path: join(shots, 'item.png'), fullPage: true });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('searches in Chinese from the header and shows highlighted results', async () => {
    const { context, page, problems } = await phone();
    await page.goto(server.url);
    await page.keyboard.press('/');
    await page.keyboard.type('培训');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    expect(await page.locator('mark').first().textContent()).toBe('培训');
    await page.screenshot({ path: join(shots, 'search.png') });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reads an item without JavaScript', async () => {
    const { context, page, problems } = await phone(false);
    await page.goto(`${server.url}/items/AQ-001`);
    expect(await page.locator('blockquote').first().textContent()).toMatch(/\S/);
    // The print button needs script, so it stays hidden without it.
    expect(await page.locator('[data-action="print"]').first().isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });
});
