// A small firm on a phone: registers, fills the profile, answers a domain with
// autosave, submits, reads the report and downloads it as DOCX and PDF.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { BrowserContext, Page } from 'playwright-core';
import { applicableItems } from '../../server/assessment/service';
import {
  closeBrowserSuite,
  DOWNLOADS,
  openBrowserSuite,
  SHOTS,
  watchedPage,
  type BrowserSuite,
} from '../support/browser';
import { randomIp, uniqueCreditCode } from '../support/company';

const PASSWORD = 'correct horse battery';
const NOTE = '3月份培训签到表有代签 <script>alert(1)</script>';
jest.setTimeout(120_000);
let s: BrowserSuite;
beforeAll(async () => {
  s = await openBrowserSuite();
});
afterAll(() => closeBrowserSuite(s));

interface Phone {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

async function phone(javaScriptEnabled = true): Promise<Phone> {
  // Each phone comes from its own address, as separate firms would (registration is rate-limited per IP).
  return watchedPage(s.browser, {
    viewport: { width: 390, height: 844 },
    javaScriptEnabled,
    acceptDownloads: true,
    extraHTTPHeaders: { 'X-Forwarded-For': randomIp() },
  });
}

const overflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const submitButton = (page: Page) => page.locator('main form[method="post"] button[type="submit"]').first();

async function register(page: Page): Promise<{ orgName: string; email: string }> {
  const orgName = '张家港市恒信精密机械有限公司';
  const creditCode = uniqueCreditCode();
  const email = `owner-${creditCode.toLowerCase()}@example.cn`;
  await page.goto(`${s.url}/assess`);
  await page.locator('main a[href="/register"]').click();
  await page.waitForURL('**/register');
  await page.getByLabel('单位名称').fill(orgName);
  await page.getByLabel('统一社会信用代码').fill(creditCode.toLowerCase());
  await page.getByLabel('所在地区').fill('张家港市杨舍镇');
  await page.getByLabel('所属行业').selectOption('C');
  await page.getByLabel('小型', { exact: true }).check();
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel('密码', { exact: false }).fill(PASSWORD);
  await page.screenshot({ path: join(SHOTS, 'assess-register.png'), fullPage: true });
  await submitButton(page).click();
  await page.waitForURL('**/assess/new');
  return { orgName, email };
}

/** Answers every profile question 否 and starts; returns the assessment id. */
async function startWithNoTags(page: Page): Promise<string> {
  for (const q of s.t.catalogue.profile) await page.check(`#q-${q.tag}-no`);
  await page.screenshot({ path: join(SHOTS, 'assess-profile.png') });
  await submitButton(page).click();
  await page.waitForURL(/\/assess\/new\/summary\?tags=$/);
  const total = applicableItems(s.t.catalogue, []).length;
  expect(await page.locator('main .lead').textContent()).toContain(`共有 ${total} 项合规事项适用`);
  await page.screenshot({ path: join(SHOTS, 'assess-summary.png'), fullPage: true });
  await page.getByRole('button', { name: /开始自评/ }).click();
  await page.waitForURL(/\/assess\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop() ?? '';
}

describe('self-assessment on a phone', () => {
  it('registers, answers a domain with autosave, submits and downloads the report as DOCX and PDF', async () => {
    const { context, page, problems } = await phone();
    const { orgName } = await register(page);
    const id = await startWithNoTags(page);

    // Task list: every domain not started, the overall progress at 0.
    await expect(page.locator('#status-AQ').textContent()).resolves.toBe('未开始');
    await expect(page.locator('#overall-progress').getAttribute('value')).resolves.toBe('0');
    await page.screenshot({ path: join(SHOTS, 'assess-task-list.png'), fullPage: true });
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    // One domain with JavaScript: each answer saves as it is given, without pressing the button.
    await page.getByRole('link', { name: /安全生产/ }).click();
    await page.waitForURL(`**/assess/${id}/domains/AQ`);
    await expect(page.getByText('每次选择后自动保存。').isVisible()).resolves.toBe(true);
    const aqCodes =
      s.t.catalogue
        .domain('AQ')
        ?.items.filter((i) => !i.appliesTo)
        .map((i) => i.code) ?? [];
    expect(aqCodes.length).toBeGreaterThan(0);
    const [first, ...rest] = aqCodes;
    const item = page.locator(`#item-${first}`);
    // The action fields appear only for 不符合 / 不确定.
    await expect(item.locator('[data-action-fields]').isVisible()).resolves.toBe(false);
    await item.getByLabel('不符合', { exact: true }).check();
    await expect(item.locator('[data-action-fields]').isVisible()).resolves.toBe(true);
    await item.getByLabel('责任人').fill('王强（安全主管）');
    await item.getByLabel('完成期限').fill('2026-12-15');
    await item.locator('textarea').fill(NOTE);
    await item.locator('textarea').blur();
    await item.locator('summary').click();
    await expect(item.locator('.details-body').isVisible()).resolves.toBe(true);
    for (const code of rest) await page.check(`#${code}-status-compliant`);
    for (const code of aqCodes)
      await page.locator(`#item-${code} [data-save-status]`).filter({ hasText: '已保存' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'assess-domain.png'), fullPage: true });
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    // Back to the task list by the link, not the form: the answers are already stored.
    await page.getByRole('link', { name: '返回自评任务' }).click();
    await page.waitForURL(`**/assess/${id}`);
    await expect(page.locator('#status-AQ').textContent()).resolves.toBe('已完成');
    const saved = await page.evaluate(
      async (url) =>
        (await fetch(url)).json() as Promise<{
          answers: Record<
            string,
            { status: string; owner: string | null; dueDate: string | null; note: string | null }
          >;
        }>,
      `/api/v1/assessments/${id}`,
    );
    expect(saved.answers[first]).toMatchObject({
      status: 'non_compliant',
      owner: '王强（安全主管）',
      dueDate: '2026-12-15',
      note: NOTE,
    });

    // The other domains through the JSON API, as another device of the same firm might.
    const others = applicableItems(s.t.catalogue, []).filter((c) => !aqCodes.includes(c));
    const statuses = await page.evaluate(
      async ({ assessment, codes }) => {
        const { token } = (await (await fetch('/api/v1/auth/csrf')).json()) as { token: string };
        const results: number[] = [];
        for (const code of codes) {
          const res = await fetch(`/api/v1/assessments/${assessment}/answers/${code}`, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
            body: JSON.stringify({ status: code.endsWith('1') ? 'unsure' : 'compliant' }),
          });
          results.push(res.status);
        }
        return results;
      },
      { assessment: id, codes: others },
    );
    expect(new Set(statuses)).toEqual(new Set([200]));

    // Check answers, then submit.
    await page.reload();
    await page.getByRole('link', { name: '检查并提交' }).click();
    await page.waitForURL(`**/assess/${id}/check`);
    await expect(page.locator(`#row-${first} .user-note-text`).textContent()).resolves.toBe(NOTE);
    await page.screenshot({ path: join(SHOTS, 'assess-check.png') });
    await page.getByRole('button', { name: '提交自评并生成报告' }).click();
    await page.waitForURL(`**/assess/${id}/report`);

    // The report: organisation, fingerprint, the note as text (no script ran or was inserted).
    await expect(page.locator('h1').textContent()).resolves.toBe(orgName);
    const fingerprint = (await page.locator('.fingerprint code').textContent()) ?? '';
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(0);
    await expect(
      page.locator('.user-text', { hasText: '<script>alert(1)</script>' }).first().isVisible(),
    ).resolves.toBe(true);
    await page.screenshot({ path: join(SHOTS, 'assess-report.png') });
    await page.screenshot({ path: join(SHOTS, 'assess-report-full.png'), fullPage: true });
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    // DOCX: the document XML carries the organisation, the fingerprint and the note escaped.
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a.download-link[href$=".docx"]').click(),
    ]);
    const docxPath = join(DOWNLOADS, 'report.docx');
    await docx.saveAs(docxPath);
    const xml =
      (await (await JSZip.loadAsync(readFileSync(docxPath))).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain(orgName);
    expect(xml).toContain(fingerprint);
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).not.toContain('<script>');

    // PDF: its text (pdftotext) has the organisation, the fingerprint and the page numbers.
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a.download-link[href$=".pdf"]').click(),
    ]);
    const pdfPath = join(DOWNLOADS, 'report.pdf');
    await pdf.saveAs(pdfPath);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain(orgName);
    expect(text.replace(/\s+/g, '')).toContain(fingerprint);
    expect(text).toMatch(/第\s*1\s*页\s*共\s*\d+\s*页/);
    expect(text).toContain('<script>alert(1)</script>');

    // Verify the report by its fingerprint, from the link printed on it.
    await page.goto(`${s.url}/verify/${fingerprint}`);
    await expect(page.locator('h1').textContent()).resolves.toContain('相符');
    await page.screenshot({ path: join(SHOTS, 'assess-verify.png') });

    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows an error summary that moves focus to the field when a link is followed', async () => {
    const { context, page, problems } = await phone();
    await page.goto(`${s.url}/register`);
    await page.getByLabel('统一社会信用代码').fill('91320582MA1XY2K3LI');
    await submitButton(page).click();
    await page.locator('.error-summary').waitFor();
    await expect(page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).resolves.toBe(true);
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('第18位字符“I”不是有效字符');
    await page.screenshot({ path: join(SHOTS, 'assess-register-errors.png') });
    await page.locator('.error-summary a[href="#credit-code"]').click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('credit-code');
    // The only problem is the 400 of the form itself.
    expect(problems.filter((p) => !/\b400\b/.test(p))).toEqual([]);
    await context.close();
  });

  it('keeps retrying a save while the server answers 503, then shows 已保存', async () => {
    const { context, page } = await phone();
    await register(page);
    const id = await startWithNoTags(page);
    await page.goto(`${s.url}/assess/${id}/domains/XF`);
    let refused = 0;
    await page.route('**/api/v1/assessments/*/answers/*', async (route) => {
      if (refused < 2) {
        refused += 1;
        await route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          body: JSON.stringify({ status: 503, title: 'Service Unavailable' }),
        });
        return;
      }
      await route.continue();
    });
    const code = s.t.catalogue.domain('XF')?.items.find((i) => !i.appliesTo)?.code ?? '';
    const status = page.locator(`#item-${code} [data-save-status]`);
    await page.check(`#${code}-status-compliant`);
    await status.filter({ hasText: '保存失败，正在重试' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'assess-retrying.png') });
    await status.filter({ hasText: '已保存' }).waitFor({ timeout: 15000 });
    expect(refused).toBe(2);
    const saved = await page.evaluate(
      async (url) => (await fetch(url)).json() as Promise<{ answers: Record<string, { status: string }> }>,
      `/api/v1/assessments/${id}`,
    );
    expect(saved.answers[code]).toMatchObject({ status: 'compliant' });
    await context.close();
  });

  it('answers a domain without JavaScript: all fields shown, the button saves and moves on', async () => {
    const { context, page, problems } = await phone(false);
    await register(page);
    const id = await startWithNoTags(page);
    await page.goto(`${s.url}/assess/${id}/domains/AQ`);
    const codes =
      s.t.catalogue
        .domain('AQ')
        ?.items.filter((i) => !i.appliesTo)
        .map((i) => i.code) ?? [];
    // Without script the action fields are always there, and no autosave is promised.
    await expect(page.locator(`#item-${codes[0]} [data-action-fields]`).isVisible()).resolves.toBe(true);
    await expect(page.getByText('每次选择后自动保存。').isVisible()).resolves.toBe(false);
    for (const code of codes) await page.check(`#${code}-status-not_applicable`);
    await page.getByRole('button', { name: '保存并继续' }).click();
    await page.waitForURL(/\/domains\/(?!AQ)[A-Z]{2}$/);
    await page.goto(`${s.url}/assess/${id}`);
    await expect(page.locator('#status-AQ').textContent()).resolves.toBe('已完成');
    await page.screenshot({ path: join(SHOTS, 'assess-task-list-nojs.png') });
    expect(problems).toEqual([]);
    await context.close();
  });
});
