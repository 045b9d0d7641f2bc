// A reader on a phone opens the checklist, follows a domain and an item.
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { closeBrowserSuite, openBrowserSuite, SHOTS, watchedPage, type BrowserSuite } from '../support/browser';

let s: BrowserSuite;
beforeAll(async () => {
  s = await openBrowserSuite();
});
afterAll(() => closeBrowserSuite(s));

async function phone(javaScriptEnabled = true): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  return watchedPage(s.browser, { viewport: { width: 360, height: 640 }, javaScriptEnabled });
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('browsing the checklist on a phone', () => {
  it('goes from the home page to a domain and an item without console errors', async () => {
    const { context, page, problems } = await phone();
    await page.goto(s.url);
    await page.screenshot({ path: join(SHOTS, 'home.png'), fullPage: false });
    expect(await page.locator('h1').first().textContent()).toContain('企业行政合规指导清单');
    expect(await page.locator('.domain-card').count()).toBe(s.t.catalogue.domains.length);

    await page
      .getByRole('link', { name: /安全生产/ })
      .first()
      .click();
    await page.waitForURL('**/domains/AQ');
    expect(await page.locator('h1').textContent()).toContain('安全生产');
    await page.screenshot({ path: join(SHOTS, 'domain.png') });

    await page.locator('a.item-link').first().click();
    await page.waitForURL('**/items/AQ-001');
    for (const heading of ['什么是违法', '违了什么法', '怎么不违法', '免罚轻罚']) {
      await expect(
        page
          .getByRole('heading', { name: new RegExp(heading) })
          .first()
          .isVisible(),
      ).resolves.toBe(true);
    }
    await page.screenshot({ path: join(SHOTS, 'item.png'), fullPage: true });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('searches in Chinese from the header and shows highlighted results', async () => {
    const { context, page, problems } = await phone();
    await page.goto(s.url);
    await page.keyboard.press('/');
    await page.keyboard.type('培训');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    expect(await page.locator('mark').first().textContent()).toBe('培训');
    await page.screenshot({ path: join(SHOTS, 'search.png') });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reads an item without JavaScript', async () => {
    const { context, page, problems } = await phone(false);
    await page.goto(`${s.url}/items/AQ-001`);
    expect(await page.locator('blockquote').first().textContent()).toMatch(/\S/);
    // The print button needs script, so it stays hidden without it.
    expect(await page.locator('[data-action="print"]').first().isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });
});
