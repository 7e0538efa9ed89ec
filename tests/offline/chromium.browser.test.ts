/**
 * The copy on disk in Chromium, from file:// with no relaxation (no --allow-file-access-from-files):
 * the walk of tests/offline/walk.ts (PDF downloads included), with no console error, no failed request,
 * no CSP violation and no request anywhere but local files; and a printable blank page opened from disk
 * prints with its styles. Needs a fresh `npm run build` (which makes dist-offline/).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, BROWSER_FLAGS } from '../support/browser.ts';
import { encodeRatings, schemeFor } from '../../src/facilitate/codes.ts';
import { expectPdf, fileUrl, walk, WORKSHEET, type Driver } from './walk.ts';

let browser: Browser;
beforeAll(async () => {
  expect(BROWSER_FLAGS.join(' ')).not.toMatch(/allow-file-access|disable-web-security/);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the copy on disk in Chromium', () => {
  it('walks home, a muscle, a worksheet, the workbook and search, from file://', async () => {
    const { page, records, collect, close } = await newPage(browser);
    const failed: string[] = [];
    page.on('requestfailed', (r) => {
      const error = r.failure()?.errorText ?? '';
      // The search index is fetched ahead, when a page is idle (src/client/offline-search.ts): moving on to
      // the next page cuts that fetch short, which is not a failure. The walk's search still needs it.
      if (error === 'net::ERR_ABORTED' && r.url().endsWith('/_client/search-index.js')) return;
      failed.push(`${r.url()} ${error}`);
    });
    try {
      const d: Driver = {
        goto: async (url) => void (await page.goto(url)),
        reload: async () => void (await page.reload()),
        url: () => page.url(),
        clickAndWait: async (selector) => {
          const before = page.url();
          await page.locator(selector).first().click();
          await page.waitForURL((u) => u.href !== before);
          await page.waitForLoadState('load');
        },
        type: async (selector, text) => page.locator(selector).first().fill(text),
        value: async (selector) => page.locator(selector).first().inputValue(),
        text: async (selector) => (await page.locator(selector).first().textContent()) ?? '',
        waitFor: async (selector) => page.locator(selector).first().waitFor(),
        waitUntil: async (fn) => {
          // Polled through evaluate (CDP), since waitForFunction's string form is blocked by the page's CSP.
          for (let i = 0; i < 200 && !(await page.evaluate(fn)); i++) await page.waitForTimeout(25);
          expect(await page.evaluate(fn), fn).toBe(true);
        },
        download: async (selector) => {
          const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.locator(selector).first().click()]);
          expect(await file.failure()).toBeNull();
          return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(await file.path())) };
        },
      };
      await walk(d);
      const all = await collect();
      expect(all.consoleErrors).toEqual([]);
      expect(all.pageErrors).toEqual([]);
      expect(all.cspViolations).toEqual([]);
      expect(failed).toEqual([]);
      expect(records.requests.filter((u) => !u.startsWith('file:///'))).toEqual([]);
      expect(records.requests.some((u) => u.endsWith('/_client/search-index.js'))).toBe(true);
      expect(records.requests.some((u) => u.endsWith('/_client/pdf.js'))).toBe(true);
    } finally {
      await close();
    }
  }, 120_000);

  it('downloads the group picture as a PDF from disk', async () => {
    const { page, collect, close } = await newPage(browser);
    try {
      const scheme = schemeFor('gaps-scan')!;
      const code = (v: number, r: number) => encodeRatings(scheme, Object.fromEntries(scheme.prompts[0]!.map((id) => [id, v])), () => r);
      await page.goto(fileUrl('facilitate/group/index.html'));
      await page.locator('.fac-group[data-ready="true"]').waitFor({ state: 'attached' });
      await page.getByLabel('Paste ratings codes').fill(`${code(2, 0.1)}\n${code(4, 0.2)}`);
      await page.locator('[data-add-codes]').click();
      const [file] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByRole('button', { name: 'Download the picture as a PDF' }).click(),
      ]);
      expectPdf(new Uint8Array(readFileSync(await file.path())), [
        'The group picture: Seven gaps scan',
        '2 people',
        '3 2 to 4 1 gave 2, 1 gave 4',
      ]);
      const all = await collect();
      expect([...all.consoleErrors, ...all.pageErrors]).toEqual([]);
      expect(all.cspViolations).toEqual([]);
    } finally {
      await close();
    }
  });

  it('prints a blank worksheet page opened from disk, with its styles', async () => {
    const { page, collect, close } = await newPage(browser);
    try {
      await page.goto(fileUrl(`worksheets/${WORKSHEET}/print/index.html`));
      await page.emulateMedia({ media: 'print' });
      const styled = await page.evaluate(() => ({
        rules: [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0),
        // The site's print rules hide the header with its search box, and the copy's banner.
        header: getComputedStyle(document.querySelector('.site-header')!).display,
        banner: getComputedStyle(document.querySelector('[data-offline-banner]')!).display,
        font: getComputedStyle(document.body).fontFamily,
      }));
      expect(styled.rules, 'the page has its style rules').toBeGreaterThan(50);
      expect(styled).toMatchObject({ header: 'none', banner: 'none' });
      expect(styled.font).not.toMatch(/^"?Times/);
      const pdf = new Uint8Array(await page.pdf({ format: 'A4', printBackground: true }));
      const text = expectPdf(pdf, ['Trust inventory']);
      expect(text).not.toMatch(/Search the guide/);
      const all = await collect();
      expect(all.consoleErrors).toEqual([]);
      expect(all.cspViolations).toEqual([]);
    } finally {
      await close();
    }
  });
});
