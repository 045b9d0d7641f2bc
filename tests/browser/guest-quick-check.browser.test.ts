// A visitor on a 390×844 phone, without an account: from the home page picks the
// trade, checks the profile, answers every quick item one per screen, submits and
// reads the report — counting every tap — then registers and finds the report in
// the account. Once with JavaScript, once without. axe-core and the page height
// are checked on every page of the flow (in a second, JavaScript-enabled page with
// the same cookies, so the no-JavaScript flow is audited too).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { closeBrowserSuite, openBrowserSuite, watchedPage, type BrowserSuite } from '../support/browser';
import { randomIp, uniqueCreditCode } from '../support/company';

jest.setTimeout(300_000);
const PHONE = { width: 390, height: 844 };
/** Issue 13: no page of a quick check is taller than this many screens. */
const MAX_SCREENS = 12;
/** Issue 13: a quick check takes at most (quick items + this many) taps. */
const TAP_ALLOWANCE = 12;
/** Screenshots of one scene's flow (not in the repository). */
const SHOTS = '/tmp/guest-shots';
const SHOT_SCENE = 'restaurant';

let s: BrowserSuite;
let auditor: { context: BrowserContext; page: Page };
beforeAll(async () => {
  s = await openBrowserSuite();
  mkdirSync(SHOTS, { recursive: true });
  const context = await s.browser.newContext({ viewport: PHONE, locale: 'zh-CN', bypassCSP: true });
  auditor = { context, page: await context.newPage() };
});
afterAll(async () => {
  const figures = Object.fromEntries(measured);
  writeFileSync(join(SHOTS, 'figures.json'), JSON.stringify(figures, null, 2));
  await auditor.context.close();
  await closeBrowserSuite(s);
});

interface PageFigure {
  readonly page: string;
  readonly screens: number;
  readonly serious: string[];
}
const measured = new Map<string, { quick: number; full: number; taps: number; pages: PageFigure[] }>();

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }>;
}

/**
 * The phone's current page, loaded again with its cookies in the auditor: its
 * height and (with axe) its serious and critical accessibility violations.
 */
async function audit(phone: BrowserContext, url: string, label: string, withAxe: boolean): Promise<PageFigure> {
  await auditor.context.clearCookies();
  await auditor.context.addCookies(await phone.cookies());
  const page = auditor.page;
  await page.goto(url);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const screens = Math.round((height / PHONE.height) * 100) / 100;
  if (!withAxe) return { page: label, screens, serious: [] };
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<AxeResult> } }).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact ?? ''}) ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
  return { page: label, screens, serious: violations };
}

async function runAsGuest(sceneId: string, javaScriptEnabled: boolean): Promise<void> {
  const scene = s.t.catalogue.scene(sceneId);
  if (!scene) throw new Error(`no scene ${sceneId}`);
  const { context, page, problems } = await watchedPage(s.browser, {
    viewport: PHONE,
    javaScriptEnabled,
    extraHTTPHeaders: { 'X-Forwarded-For': randomIp() },
  });
  const shots = sceneId === SHOT_SCENE && javaScriptEnabled;
  const pages: PageFigure[] = [];
  let taps = 0;
  let step = 0;
  const tap = async (target: Locator, how: 'click' | 'check' = 'click'): Promise<void> => {
    if (how === 'check') await target.check();
    else await target.click();
    taps += 1;
  };
  /** A tap that leaves the page (a form post and its redirect, or a link). */
  const tapAway = async (target: Locator): Promise<void> => {
    const before = page.url();
    await tap(target);
    await page.waitForURL((u) => u.href !== before);
    await page.waitForLoadState('load');
  };
  // The server sends the same HTML with or without JavaScript: axe runs on every page of the
  // JavaScript flow, and on every kind of page (the first item and first action step) without it.
  const seen = new Set<string>();
  const look = async (label: string): Promise<void> => {
    await page.waitForLoadState('load');
    step += 1;
    if (shots && !seen.has(label))
      await page.screenshot({ path: join(SHOTS, `${String(step).padStart(2, '0')}-${label}.png`), fullPage: true });
    pages.push(await audit(context, page.url(), label, javaScriptEnabled || !seen.has(label)));
    seen.add(label);
  };

  try {
    await page.goto(s.url);
    await look('home');
    await tap(page.locator(`input[name="scene"][value="${sceneId}"]`), 'check');
    await tapAway(page.locator('form.scene-picker button[type="submit"]'));
    expect(page.url()).toBe(`${s.url}/assess/new?scene=${sceneId}`);
    await look('profile');
    // The scene's usual answers are chosen already: the visitor only checks them.
    await tapAway(page.locator('main form[method="post"] button[type="submit"]').first());
    expect(page.url()).toMatch(/\/assess\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop() ?? '';
    await look('task-list');
    await tapAway(page.locator('main a.button-start[href*="/items/"]'));

    // One item per screen until the check-your-answers page.
    let answered = 0;
    while (/\/items\//.test(page.url())) {
      if (!page.url().includes('then=action')) await look(answered === 0 ? 'item-first' : 'item');
      if (page.url().includes('then=action')) {
        await look('item-action');
        await tapAway(page.locator('main form button[type="submit"]'));
        continue;
      }
      // Mostly 符合, every tenth 不符合 and one 不确定 (each asks for an owner and a date next).
      const status = answered % 10 === 3 ? 'non_compliant' : answered === 5 ? 'unsure' : 'compliant';
      await tapAway(page.locator(`#status-${status}`));
      answered += 1;
    }
    expect(page.url()).toBe(`${s.url}/assess/${id}/check`);
    const quickCount = answered;
    await look('check');
    await tapAway(page.locator(`main form[action="/assess/${id}/submit"] button[type="submit"]`));
    expect(page.url()).toBe(`${s.url}/assess/${id}/report`);
    await look('report');
    expect(await page.locator('#guest-save-title').textContent()).toContain('注册 / 登录以保存');

    // Every quick item answered, in at most quick + 12 taps.
    const draft = await s.t.db.db
      .selectFrom('assessments')
      .select(['item_codes', 'status', 'mode'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(draft).toMatchObject({ status: 'submitted', mode: 'quick' });
    expect(quickCount).toBe(draft.item_codes.length);
    expect(taps).toBeLessThanOrEqual(quickCount + TAP_ALLOWANCE);

    // Register from the report: the report is then the new organisation's.
    await page.locator('main a[href^="/register?next="]').click();
    await page.waitForURL('**/register?next=*');
    await look('register');
    const creditCode = uniqueCreditCode();
    await page.getByLabel('单位名称').fill('张家港市访客试用有限公司');
    await page.getByLabel('统一社会信用代码').fill(creditCode);
    await page.getByLabel('所在地区').fill('张家港市杨舍镇');
    await page.getByLabel('所属行业').selectOption(scene.industries[0]?.section ?? 'H');
    await page.getByLabel('微型', { exact: true }).check();
    await page.getByLabel('电子邮箱').fill(`guest-${creditCode.toLowerCase()}@example.cn`);
    await page.getByLabel('密码', { exact: false }).fill('correct horse battery');
    await page.locator('main form[method="post"] button[type="submit"]').first().click();
    await page.waitForURL(`**/assess/${id}/report`);
    expect(await page.locator('#guest-save-title').count()).toBe(0);
    await page.goto(`${s.url}/assess`);
    await look('account');
    expect(await page.locator(`main a[href="/assess/${id}/report"]`).count()).toBeGreaterThan(0);

    measured.set(`${sceneId}${javaScriptEnabled ? '' : ' (no JavaScript)'}`, {
      quick: quickCount,
      full: scene.quick.length + scene.full.length,
      taps,
      pages,
    });
    expect(pages.filter((p) => p.serious.length > 0)).toEqual([]);
    expect(pages.filter((p) => p.screens > MAX_SCREENS)).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}

describe.each(['restaurant', 'machining', 'online-shop'])('a guest quick check on a phone: %s', (sceneId) => {
  it('with JavaScript', async () => {
    await runAsGuest(sceneId, true);
  });
});

// Without JavaScript every page is the same server-rendered form whatever the scene, so one scene proves the
// flow (each flow takes ~40 s of the suite's time budget).
describe('a guest quick check on a phone without JavaScript', () => {
  it('restaurant', async () => {
    await runAsGuest('restaurant', false);
  });
});
