/**
 * The copy on disk in Firefox ESR, driven over WebDriver BiDi with puppeteer-core, with
 * `security.fileuri.strict_origin_policy` back to true (Firefox's default, which puppeteer's profile
 * turns off): storage is then per file, and the walk shows answers typed on a worksheet reaching the
 * workbook because both live in app.html. Needs a fresh `npm run build`.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser } from 'puppeteer-core';
import { fileUrl, walk, type Driver } from './walk.ts';

const FIREFOX = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';

let browser: Browser;
beforeAll(async () => {
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: apt-get install -y firefox-esr (or set FIREFOX_PATH)`);
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { 'security.fileuri.strict_origin_policy': true },
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the copy on disk in Firefox', () => {
  it('keeps storage per file (so the test means something)', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(fileUrl('index.html'));
      await page.evaluate(() => localStorage.setItem('psfg-offline-probe', '1'));
      await page.goto(fileUrl('about/index.html'));
      expect(await page.evaluate(() => localStorage.getItem('psfg-offline-probe'))).toBeNull();
      await page.goto(fileUrl('index.html'));
      expect(await page.evaluate(() => localStorage.getItem('psfg-offline-probe'))).toBe('1');
      await page.evaluate(() => localStorage.removeItem('psfg-offline-probe'));
    } finally {
      await page.close();
    }
  }, 60_000);

  it('walks home, a muscle, a worksheet, the workbook and search, from file://', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    const failed: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => failed.push(r.url()));
    try {
      const d: Driver = {
        goto: async (url) => void (await page.goto(url)),
        reload: async () => void (await page.reload()),
        url: () => page.url(),
        clickAndWait: async (selector) => {
          const before = page.url();
          // The first match may sit in the closed narrow-screen menu: click it as a script would.
          await page.$eval(selector, (el) => (el as HTMLElement).click());
          for (let i = 0; i < 200 && page.url() === before; i++) await sleep(25);
          // Polled: waitForFunction compiles with Function(), which the page's CSP blocks.
          for (let i = 0; i < 200 && (await page.evaluate(() => document.readyState)) !== 'complete'; i++) await sleep(25);
        },
        type: async (selector, text) => {
          await page.click(selector);
          await page.type(selector, text);
        },
        value: async (selector) => page.$eval(selector, (el) => (el as HTMLInputElement).value),
        text: async (selector) => page.$eval(selector, (el) => el.textContent ?? ''),
        waitFor: async (selector) => {
          for (let i = 0; i < 200 && !(await page.$(selector)); i++) await sleep(25);
          expect(await page.$(selector), selector).not.toBeNull();
        },
        waitUntil: async (fn) => {
          for (let i = 0; i < 200 && !(await page.evaluate(fn)); i++) await sleep(25);
          expect(await page.evaluate(fn), fn).toBe(true);
        },
      };
      await walk(d);
      expect(errors).toEqual([]);
      expect(failed).toEqual([]);
      expect(requests.filter((u) => !u.startsWith('file:///') && !u.startsWith('data:'))).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});
