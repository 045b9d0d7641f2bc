// Debian's Chromium driven by playwright-core (no downloaded browser).
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Express } from 'express';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from './app';

/** Where browser tests leave screenshots and downloaded files (tmp/ is not committed). */
export const SHOTS = join(__dirname, '..', '..', 'tmp', 'screenshots');
export const DOWNLOADS = join(__dirname, '..', '..', 'tmp', 'downloads');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function listen(app: Express): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => {
      resolve(s);
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}

export interface WatchedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors/warnings, page errors and (optionally) HTTP ≥ 400 responses of every page in the context. */
  readonly problems: string[];
}

/** A new context (zh-CN, Asia/Shanghai unless overridden) and page that record what went wrong. */
export async function watchedPage(
  browser: Browser,
  options: BrowserContextOptions,
  { failedResponses = true } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  const problems: string[] = [];
  const watch = (p: Page): void => {
    p.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
    });
    p.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    if (failedResponses)
      p.on('response', (res) => {
        if (res.status() >= 400) problems.push(`${res.status()} ${res.url()}`);
      });
  };
  context.on('page', watch);
  const page = await context.newPage();
  return { context, page, problems };
}

export interface BrowserSuite {
  readonly t: TestApp;
  /** Where the app listens, http://127.0.0.1:PORT */
  readonly url: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** The real app (real checklists) on a fresh database, listening on a free port, and Debian's Chromium. */
/** For afterAll: the suite is unset when its beforeAll failed, and there is nothing to close. */
export async function closeBrowserSuite(s: BrowserSuite | undefined): Promise<void> {
  await s?.close();
}

export async function openBrowserSuite(): Promise<BrowserSuite> {
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(DOWNLOADS, { recursive: true });
  const t = await startTestApp();
  const server = await listen(t.app);
  const browser = await launchBrowser();
  return {
    t,
    url: server.url,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      await t.close();
    },
  };
}
