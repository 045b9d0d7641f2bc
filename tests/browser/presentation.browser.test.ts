// A lecturer presents a domain at 1920×1080: keys, jump, overview, speaker window,
// slides checked for overflow; and the offline file opened from disk with no network.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createUser } from '../../server/accounts/service';
import type { BrowserContext, Page } from 'playwright-core';
import { closeBrowserSuite, openBrowserSuite, SHOTS, watchedPage, type BrowserSuite } from '../support/browser';

let s: BrowserSuite;
let largest: string;

beforeAll(async () => {
  s = await openBrowserSuite();
  largest = [...s.t.catalogue.domains].sort((a, b) => b.items.length - a.items.length)[0].code;
});
afterAll(() => closeBrowserSuite(s));

async function projector(
  javaScriptEnabled = true,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  return watchedPage(
    s.browser,
    { viewport: { width: 1920, height: 1080 }, javaScriptEnabled },
    { failedResponses: false },
  );
}

const hashOf = (page: Page): Promise<string> => page.evaluate(() => location.hash);
const currentId = (page: Page): Promise<string | null> =>
  page.locator('#slides > .slide.is-current').getAttribute('data-slide-id');

/** Every element of the shown slide inside the slide and above its footer; returns the offenders. */
async function overflowOfCurrent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const slide = document.querySelector('#slides > .slide.is-current') as HTMLElement;
    const box = slide.getBoundingClientRect();
    const foot = (slide.querySelector('.slide-foot') as HTMLElement).getBoundingClientRect();
    return Array.from(slide.querySelectorAll('.slide-body *')).flatMap((e) => {
      const r = e.getBoundingClientRect();
      if (r.width === 0) return [];
      const bad =
        r.left < box.left - 0.5 ||
        r.right > box.right + 0.5 ||
        r.bottom > foot.top + 0.5 ||
        (e as HTMLElement).scrollWidth > (e as HTMLElement).clientWidth + 1;
      return bad ? [`${slide.getAttribute('data-slide-id')} ${e.tagName}.${e.className}`] : [];
    });
  });
}

describe('presenting a domain deck', () => {
  it('moves with the clicker keys, jumps to a number, tracks the slide in the URL and keeps it on reload', async () => {
    const { context, page, problems } = await projector();
    await page.goto(`${s.url}/present/domains/XF`);
    expect(await currentId(page)).toBe('title');
    expect(await hashOf(page)).toBe('#1');
    await page.keyboard.press('ArrowRight');
    expect(await currentId(page)).toBe('XF-001');
    await page.keyboard.press('Space');
    await page.keyboard.press('PageDown');
    expect(await hashOf(page)).toBe('#4');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowLeft');
    expect(await hashOf(page)).toBe('#2');
    await page.keyboard.press('End');
    expect(await currentId(page)).toBe('end');
    await page.keyboard.press('Home');
    expect(await currentId(page)).toBe('title');
    await page.keyboard.type('12');
    expect(await page.locator('#deck-jump').textContent()).toBe('12');
    await page.keyboard.press('Enter');
    expect(await hashOf(page)).toBe('#12');
    await page.reload();
    expect(await hashOf(page)).toBe('#12');
    expect(await page.locator('#slides > .slide.is-current').getAttribute('id')).toBe('12');
    expect(await page.locator('#slides > .slide:visible').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens the overview grid with Esc and goes to the slide picked there', async () => {
    const { context, page, problems } = await projector();
    await page.goto(`${s.url}/present/domains/XF#3`);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.body.classList.contains('overview'))).toBe(true);
    expect(await page.locator('#slides > .slide:visible').count()).toBe(await page.locator('#slides > .slide').count());
    await page.screenshot({ path: join(SHOTS, 'present-overview.png') });
    await page.locator('#slides > .slide').nth(5).click();
    expect(await page.evaluate(() => document.body.classList.contains('overview'))).toBe(false);
    expect(await hashOf(page)).toBe('#6');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens a speaker window with S that follows the audience window, and drives it back', async () => {
    const { context, page, problems } = await projector();
    await page.goto(`${s.url}/present/domains/XF#2`);
    const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    await speaker.waitForLoadState();
    await speaker.setViewportSize({ width: 1920, height: 1080 });
    await expectSoon(() => speaker.locator('#speaker-number').textContent(), '2');
    expect(await speaker.locator('#speaker-current .slide').getAttribute('data-slide-id')).toBe('XF-001');
    expect(await speaker.locator('#speaker-notes').textContent()).toContain('应留存的记录');
    await page.keyboard.press('ArrowRight');
    await expectSoon(() => speaker.locator('#speaker-number').textContent(), '3');
    const nextId = await speaker.locator('#speaker-next .slide').getAttribute('data-slide-id');
    expect(nextId).toBe(await page.locator('#slides > .slide').nth(3).getAttribute('data-slide-id'));
    await expectSoon(() => speaker.locator('#speaker-clock').textContent(), /^00:0\d$/);
    await speaker.locator('#speaker-nextbtn').click();
    await expectSoon(() => hashOf(page), '#4');
    await speaker.screenshot({ path: join(SHOTS, 'present-speaker.png') });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the title slide and every slide of the largest domain without overflow (screenshots kept)', async () => {
    const { context, page, problems } = await projector();
    await page.goto(`${s.url}/present/domains/${largest}#1`);
    await page.screenshot({ path: join(SHOTS, 'present-title.png') });
    expect(await page.locator('.slide.is-current svg.qr').count()).toBe(3);
    const count = await page.locator('#slides > .slide').count();
    const offenders: string[] = [];
    for (let i = 1; i <= count; i += 1) {
      offenders.push(...(await overflowOfCurrent(page)));
      if (i === 2) await page.screenshot({ path: join(SHOTS, 'present-item.png') });
      await page.keyboard.press('ArrowRight');
    }
    expect(offenders).toEqual([]);
    // Body text stays large: 32 px at 1920 wide.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    const size = await page
      .locator('.slide.is-current .sec p')
      .first()
      .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(31);
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);

  it('is a scrolling page without JavaScript', async () => {
    const { context, page } = await projector(false);
    await page.goto(`${s.url}/present/domains/XF`);
    const count = await page.locator('#slides > .slide').count();
    expect(await page.locator('#slides > .slide:visible').count()).toBe(count);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(1080 * 5);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    await context.close();
  });
});

describe('the offline file', () => {
  it('opens from file:// with networking off and navigates', async () => {
    const res = await request(s.t.app).get(`/present/domains/${largest}/offline.html`).expect(200);
    const path = join(SHOTS, '..', `offline-${largest}.html`);
    writeFileSync(path, res.text);
    const { context, page, problems } = await projector();
    await context.setOffline(true);
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
    });
    await page.goto(`file://${path}`);
    expect(await currentId(page)).toBe('title');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await hashOf(page)).toBe('#3');
    await page.keyboard.press('End');
    expect(await currentId(page)).toBe('end');
    expect(await overflowOfCurrent(page)).toEqual([]);
    // The same file is its own speaker view (?speaker), in step with the audience window.
    const speaker = await context.newPage();
    await speaker.goto(`file://${path}?speaker#3`);
    const last = String(await page.locator('#slides > .slide').count());
    await expectSoon(() => speaker.locator('#speaker-number').textContent(), last);
    expect(await speaker.locator('#speaker-current .slide').count()).toBe(1);
    await page.bringToFront();
    await page.keyboard.press('Home');
    await expectSoon(() => speaker.locator('#speaker-number').textContent(), '1');
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('composing a deck', () => {
  it('reorders items by Alt+arrow and by dragging, then saves that order', async () => {
    const email = `lecturer-${randomUUID()}@example.cn`;
    await createUser(s.t.db.db, { email, password: 'correct horse battery', role: 'lecturer' });
    const { context, page, problems } = await projector();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${s.url}/login?next=/present/decks/new`);
    await page.fill('#email', email);
    await page.fill('#password', 'correct horse battery');
    await page.click('.form-page button.button');
    await page.waitForURL('**/present/decks/new');
    await page.fill('#title', '三项专题');
    for (const code of ['XF-001', 'AQ-001', 'LD-001']) {
      await page.fill('#q', code);
      await page.keyboard.press('Enter');
      await page.waitForLoadState();
      await page.locator(`button[value="add:${code}"]`).click();
      await page.waitForLoadState();
    }
    const order = (): Promise<string[]> =>
      page.locator('input[name=code]').evaluateAll((es) => es.map((e) => (e as HTMLInputElement).value));
    expect(await order()).toEqual(['XF-001', 'AQ-001', 'LD-001']);
    await page.locator('#note-0').fill('讲灭火器');
    await page.locator('#note-0').press('Alt+ArrowDown');
    expect(await order()).toEqual(['AQ-001', 'XF-001', 'LD-001']);
    expect(await page.locator('#compose-status').textContent()).toBe('XF-001 → 2');
    await page
      .locator('.compose-item[data-code="LD-001"] .compose-item-head')
      .dragTo(page.locator('.compose-item[data-code="AQ-001"] .compose-item-head'));
    expect(await order()).toEqual(['LD-001', 'AQ-001', 'XF-001']);
    await page.screenshot({ path: join(SHOTS, 'present-compose.png'), fullPage: true });
    await page.click('#save-button');
    await page.waitForURL(/\/edit\?saved=1$/);
    expect(await order()).toEqual(['LD-001', 'AQ-001', 'XF-001']);
    expect(await page.locator('.compose-item[data-code="XF-001"] textarea').inputValue()).toBe('讲灭火器');
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});

async function expectSoon<T>(read: () => Promise<T>, want: T | RegExp, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < until) {
    last = await read();
    if (want instanceof RegExp ? want.test(String(last)) : last === want) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(last).toEqual(want);
}
