// Headless Debian Chromium through playwright-core, one browser per test file.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, inject } from 'vitest';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../screenshots');

let browser: Browser | null = null;

export async function openPage(
  pathAndQuery = '/',
  viewport: { width: number; height: number } = { width: 1280, height: 720 },
  baseUrl: string = inject('baseUrl'),
): Promise<Page> {
  if (!browser) {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    afterAll(async () => {
      await browser?.close();
      browser = null;
    });
  }
  const context = await browser.newContext({ viewport, acceptDownloads: true, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(new URL(pathAndQuery, baseUrl).toString());
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
