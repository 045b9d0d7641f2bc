// The live check-in on an attendee's phone (390×844) and the lecturer's laptop
// (1366×900): each question sits inside its own box (a legend on a bordered
// fieldset is drawn across the border unless the style says otherwise), nothing
// is wider than the screen, and axe finds no serious or critical violation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { closeBrowserSuite, openBrowserSuite, SHOTS, watchedPage, type BrowserSuite } from '../support/browser';

let s: BrowserSuite;
beforeAll(async () => {
  s = await openBrowserSuite();
});
afterAll(() => closeBrowserSuite(s));

interface AxeViolation {
  id: string;
  impact: string | null;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') stays on.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

/** Questions whose legend is not inside its fieldset's border box, and elements wider than the page. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const fieldset of Array.from(document.querySelectorAll('fieldset.checkin-question'))) {
      const box = fieldset.getBoundingClientRect();
      const legend = (fieldset.querySelector('legend') as HTMLElement).getBoundingClientRect();
      const inside =
        legend.top >= box.top + 1 &&
        legend.bottom <= box.bottom &&
        legend.left >= box.left &&
        legend.right <= box.right;
      if (!inside) problems.push(`legend outside its box: ${fieldset.textContent.trim().slice(0, 10)}`);
    }
    if (document.documentElement.scrollWidth > window.innerWidth) problems.push('page wider than the screen');
    return problems;
  });
}

describe('the live check-in page', () => {
  for (const [width, height] of [
    [390, 844],
    [1366, 900],
  ] as const) {
    it(`keeps every question inside its box at ${width}×${height}, and axe finds nothing serious`, async () => {
      const { context, page, problems } = await watchedPage(s.browser, { viewport: { width, height } });
      await page.goto(`${s.url}/present/checkin/domains/XF`);
      expect(await page.locator('fieldset.checkin-question').count()).toBeGreaterThan(3);
      expect(await layoutProblems(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `checkin-${width}.png`) });
      expect(await seriousAxeViolations(page)).toEqual([]);

      // Answer with the keyboard only, send, and see the thanks.
      await page.locator('#XF-001-compliant').focus();
      await page.keyboard.press('Space');
      await page.locator('#XF-004-non_compliant').check();
      await page.getByRole('button', { name: '提交' }).click();
      await page.waitForURL(/thanks=1$/);
      expect(await page.locator('[role=status]').textContent()).toContain('已提交，谢谢！');
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    }, 60_000);
  }

  it('shows the lecturer 合规 / 不合规 / 不确定 per question at 1366×900', async () => {
    const { context, page, problems } = await watchedPage(s.browser, { viewport: { width: 1366, height: 900 } });
    await page.goto(`${s.url}/present/checkin/domains/XF/results`);
    const headers = await page.locator('.checkin-table thead th').allTextContents();
    expect(headers.slice(2)).toEqual(['合规', '不合规', '不确定']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
