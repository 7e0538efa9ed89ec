/**
 * The guide published under a path, as GitHub Pages serves a project site: the build made with
 * BASE_PATH=/field-guide/ (dist-subpath/, from `npm run build:subpath`), served under /field-guide/
 * only, with a bare 404 for any address outside it. Every link and anchor resolves under the path
 * and none escapes it; a reader can walk from the home page to a guidance page, search, fill a
 * worksheet, reload it, and open its printable page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage } from '../support/browser.ts';
import { fileOf, listHtmlFiles, listPages, siteDir, SUBPATH_BASE, subpathSiteDir } from '../support/site.ts';
import { useSiteAndBrowser } from '../support/session.ts';
import { checkLinksByPage, checkPageRecords, parseHtml } from '../gates/gates.ts';
import { fieldId, byId, optionInput, reachCharts, readRaw, waitSaved, KEYS } from '../browser/helpers-worksheets.ts';

const base = SUBPATH_BASE;
const dir = subpathSiteDir();
const pages = listPages(dir);
const env = useSiteAndBrowser(dir, base);

/** Every URL-bearing attribute of a loaded page, as written in the DOM (after scripts ran). */
function urlsOnPage(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[href], [src], form[action]')].map(
      (el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? '',
    ),
  );
}

/** Root-absolute URLs must start with the base; fragments and other sites are fine. */
const escaping = (urls: string[]) => urls.filter((u) => u.startsWith('/') && !u.startsWith(base));

/** Loads a page under the base and checks it did nothing wrong: status 200, no error, nothing outside. */
async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(new URL(path, env.site.url).href, { waitUntil: 'networkidle' });
  expect(response?.status(), path).toBe(200);
  expect(page.url().startsWith(env.site.url)).toBe(true);
  expect(escaping(await urlsOnPage(page)), `${path}: links outside ${base}`).toEqual([]);
}

describe(`the build under ${base}`, () => {
  it('has every page of the default build', () => {
    expect(pages).toContain('/');
    expect(pages).toContain('/muscles/trust/');
    expect(pages).toContain('/worksheets/muscles-check/print/');
  });

  it('passes the link checker under the path: every link and anchor resolves, none escapes it', () => {
    const problems = [...checkLinksByPage(dir, base).values()].flat();
    expect(problems).toEqual([]);
  });

  it('has a link checker that notices escapes: the default build, read as if under the path, fails it', () => {
    const problems = [...checkLinksByPage(siteDir(), base).values()].flat();
    expect(problems.length).toBeGreaterThan(pages.length);
    expect(problems.every((p) => p.includes(`outside the base path ${base}`))).toBe(true);
  });

  it('writes no root-absolute address without the base into its pages', () => {
    const attr = /\s(?:href|src|action|content)="(\/[^"]*)"/g;
    const found: string[] = [];
    for (const file of listHtmlFiles(dir)) {
      for (const m of readFileSync(file, 'utf8').matchAll(attr)) if (!m[1]?.startsWith(base)) found.push(`${file}: ${m[1]}`);
    }
    expect(found).toEqual([]);
  });

  it('tells client scripts the base on <html data-base>, and makes canonical links under it', () => {
    const doc = parseHtml(readFileSync(fileOf(dir, '/muscles/trust/'), 'utf8'));
    expect(doc.documentElement.getAttribute('data-base')).toBe(base);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toMatch(new RegExp(`^https?://[^/]+${base}muscles/trust/$`));
  });

  it('is served under the path only: the root and unprefixed addresses are not found', async () => {
    const origin = new URL(env.site.url).origin;
    expect((await fetch(`${origin}/`)).status).toBe(404);
    expect((await fetch(`${origin}/muscles/trust/`)).status).toBe(404);
    expect((await fetch(`${origin}/_client/site.js`)).status).toBe(404);
    const missing = await fetch(new URL('no/such/page/', env.site.url));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain(`href="${base}"`);
  });
});

describe(`a reader under ${base}`, () => {
  it('goes from the home page to a guidance page by its links, with scripts and styles loaded', async () => {
    const recorded = await newPage(env.browser);
    try {
      const { page } = recorded;
      await visit(page, './');
      await page.locator(`.sidebar a[href="${base}muscles/trust/"]`).click();
      await page.waitForURL(new URL('muscles/trust/', env.site.url).href);
      await page.waitForLoadState('networkidle');
      expect(escaping(await urlsOnPage(page))).toEqual([]);
      // The theme script ran (its button is shown) and the next link stays under the base.
      await expect(page.locator('[data-theme-toggle]').isVisible()).resolves.toBe(true);
      expect(await page.locator('a[rel="next"]').getAttribute('href')).toMatch(new RegExp(`^${base}`));
      const records = await recorded.collect();
      expect(checkPageRecords(records, env.site.origin)).toEqual([]);
      expect(records.requests.filter((u) => !u.startsWith(env.site.url))).toEqual([]);
    } finally {
      await recorded.close();
    }
  });

  it('searches: Pagefind loads from under the path and its results open pages under it', async () => {
    const recorded = await newPage(env.browser);
    try {
      const { page } = recorded;
      await visit(page, './');
      await page.fill('[data-search-input]', 'trust');
      const result = page.locator(`[data-search-list] a[href="${base}muscles/trust/"]`);
      await result.waitFor({ timeout: 30_000 });
      const hrefs = await page.locator('[data-search-list] a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.length).toBeGreaterThan(0);
      expect(hrefs.filter((h) => !h.startsWith(base))).toEqual([]);
      const records = await recorded.collect();
      expect(records.requests.some((u) => u.startsWith(`${env.site.url}pagefind/pagefind.js`))).toBe(true);
      expect(checkPageRecords(records, env.site.origin)).toEqual([]);
      await result.click();
      await page.waitForURL(new URL('muscles/trust/', env.site.url).href);
    } finally {
      await recorded.close();
    }
  });

  it('runs the search page from the header form without scripts having run first', async () => {
    await env.withPage({}, async (page) => {
      const response = await page.goto(new URL('search/?q=coalition', env.site.url).href, { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(200);
      await page.locator('[data-search-page-list] a').first().waitFor({ timeout: 30_000 });
      const hrefs = await page.locator('[data-search-page-list] a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.filter((h) => !h.startsWith(base))).toEqual([]);
    });
  });

  it('fills a worksheet, finds the answers after a reload, and follows the chart to a page under the path', async () => {
    const recorded = await newPage(env.browser);
    try {
      const { page } = recorded;
      const id = 'muscles-check';
      await visit(page, `worksheets/${id}/`);
      await page.locator('.ws-form[data-ready="true"]').waitFor({ state: 'attached' });
      await optionInput(page, 'trust-today', 1).check();
      await optionInput(page, 'trust-needed', 5).check();
      const note = 'Trust is thin with the ministry this quarter.';
      await page.fill(byId(fieldId(id, 'trust-evidence')), note);
      await waitSaved(page);
      expect(await readRaw(page, KEYS.worksheet(id))).toContain(note);

      await page.reload({ waitUntil: 'networkidle' });
      await page.locator('.ws-form[data-ready="true"]').waitFor({ state: 'attached' });
      await expect(optionInput(page, 'trust-today', 1).isChecked()).resolves.toBe(true);
      await expect(optionInput(page, 'trust-needed', 5).isChecked()).resolves.toBe(true);
      await expect(page.inputValue(byId(fieldId(id, 'trust-evidence')))).resolves.toBe(note);

      // The radar's "where to start" list links to the muscle's page: a site path in the
      // definition, put under the base by the client script.
      await reachCharts(page);
      const gapLink = page.locator('.chart__next a', { hasText: /trust/i }).first();
      await expect(gapLink.getAttribute('href')).resolves.toBe(`${base}muscles/trust/`);
      expect(escaping(await urlsOnPage(page))).toEqual([]);
      expect(checkPageRecords(await recorded.collect(), env.site.origin)).toEqual([]);

      await page.locator(`a[href="${base}worksheets/${id}/print/"]`).first().click();
      await page.waitForURL(new URL(`worksheets/${id}/print/`, env.site.url).href);
      await page.waitForLoadState('networkidle');
      await expect(page.locator('h1').textContent()).resolves.toMatch(/Seven muscles check/);
      expect(escaping(await urlsOnPage(page))).toEqual([]);
      expect(await page.locator(`a[href="${base}worksheets/${id}/"]`).count()).toBeGreaterThan(0);
      expect(checkPageRecords(await recorded.collect(), env.site.origin)).toEqual([]);
    } finally {
      await recorded.close();
    }
  });
});
