/**
 * The copy on disk in Firefox ESR, driven over WebDriver BiDi with puppeteer-core, with
 * `security.fileuri.strict_origin_policy` back to true (Firefox's default, which puppeteer's profile
 * turns off): storage is then per file, and the walk shows answers typed on a worksheet reaching the
 * workbook because both live in app.html. Downloads (the PDFs, blob URLs clicked from file://) land in
 * a folder of the test's own, where Firefox saves without asking. Needs a fresh `npm run build`.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser } from 'puppeteer-core';
import { expectPdf, fileUrl, walk, WORKSHEET, type Driver } from './walk.ts';

const FIREFOX = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';

let browser: Browser;
const downloads = mkdtempSync(join(tmpdir(), 'psfg-firefox-downloads-'));
beforeAll(async () => {
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: apt-get install -y firefox-esr (or set FIREFOX_PATH)`);
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'security.fileuri.strict_origin_policy': true,
      // Save downloads in the test's folder (Firefox's own default is ~/Downloads), without a dialog.
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
    },
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(downloads, { recursive: true, force: true });
});

/** The file that appeared in the download folder after `before` was listed, once Firefox has finished it. */
async function newDownload(before: Set<string>): Promise<{ name: string; bytes: Uint8Array }> {
  for (let i = 0; i < 400; i++) {
    const done = readdirSync(downloads).filter((f) => !before.has(f) && !f.endsWith('.part'));
    const partial = readdirSync(downloads).some((f) => f.endsWith('.part'));
    if (done.length === 1 && !partial && statSync(join(downloads, done[0]!)).size > 0) {
      return { name: done[0]!, bytes: new Uint8Array(readFileSync(join(downloads, done[0]!))) };
    }
    await sleep(50);
  }
  throw new Error(`no download in ${downloads}: ${readdirSync(downloads).join(', ')}`);
}

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
    page.on('requestfailed', (r) => {
      // The search index is fetched ahead, when a page is idle (src/client/offline-search.ts): moving on to
      // the next page cuts that fetch short, which is not a failure. The walk's search still needs it.
      if (/ABORT/i.test(r.failure()?.errorText ?? '') && r.url().endsWith('/_client/search-index.js')) return;
      failed.push(r.url());
    });
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
        download: async (selector) => {
          const before = new Set(readdirSync(downloads));
          await page.$eval(selector, (el) => (el as HTMLElement).click());
          return newDownload(before);
        },
      };
      await walk(d);
      expect(errors).toEqual([]);
      expect(failed).toEqual([]);
      expect(requests.filter((u) => !u.startsWith('file:///') && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    } finally {
      await page.close();
    }
  }, 180_000);

  it('prints a blank worksheet page opened from disk, with its styles', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    try {
      await page.goto(fileUrl(`worksheets/${WORKSHEET}/print/index.html`));
      const rules = await page.evaluate(() => [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0));
      expect(rules, 'the page has its style rules').toBeGreaterThan(50);
      // Printing applies the print rules (media emulation needs CDP, which Firefox does not speak): the
      // header with its search box is left out of the PDF.
      const pdf = new Uint8Array(await page.pdf({ format: 'A4', printBackground: true }));
      expect(expectPdf(pdf, ['Trust inventory'])).not.toMatch(/Search the guide/);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
