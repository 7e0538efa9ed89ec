/**
 * The hosted site installs and works offline (issue 9): after one visit the service worker answers
 * every page, worksheet and search with the network off, and a deployed change shows a polite notice
 * whose button reloads into the new version, answers untouched.
 *
 * One server, one port (the worker is tied to the origin): the "deployed" build is a copy of dist/
 * with a changed home page and a service worker generated again for it, served in place of the first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { generateServiceWorker } from '../../src/build/service-worker.ts';
import { launchBrowser, newPage } from '../support/browser.ts';
import { SUBPATH_BASE, subpathSiteDir, siteDir } from '../support/site.ts';
import { form, openForm, waitSaved } from './helpers-worksheets.ts';
import type { Browser } from 'playwright-core';

const dist = siteDir();
const DEPLOYED_MARK = 'data-deployed="second"';
let browser: Browser;
let work: string;
let server: { url: string; port: number; close: () => Promise<void> };

beforeAll(async () => {
  browser = await launchBrowser();
  work = await mkdtemp(join(tmpdir(), 'psfg-pwa-'));
  server = await startServer(dist, 0);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** Waits until a service worker controls the page. */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}

describe('the hosted site offline', () => {
  it('serves unvisited pages, search and worksheets offline, then offers a deployed update that keeps answers', async () => {
    const { page, context, records, collect, close } = await newPage(browser);
    try {
      await page.goto(server.url, { waitUntil: 'load' });
      expect(await page.getAttribute('link[rel="manifest"]', 'href')).toBe('/manifest.webmanifest');
      await controlled(page);
      // Precaching is part of installing: the worker is active only once every file is cached.
      await context.setOffline(true);

      // An unvisited page, from the worker, with its real content.
      const trust = await page.goto(new URL('muscles/trust/', server.url).href);
      expect(trust?.status()).toBe(200);
      expect(trust?.fromServiceWorker()).toBe(true);
      await expect(page.locator('main h1').textContent()).resolves.toMatch(/trust/i);

      // Search, with Pagefind's index from the cache.
      await page.fill('[data-search-input]', 'Buurtzorg');
      const hit = page.locator('[data-search-list] a').first();
      await hit.waitFor({ timeout: 30_000 });
      await expect(hit.locator('mark').first().textContent()).resolves.toMatch(/buurtzorg/i);

      // A worksheet never opened before: fill, reload, the answer is back.
      await openForm(page, server.url, 'coalition-map');
      const field = form(page).locator('textarea').first();
      await field.fill('Written with the network off');
      await waitSaved(page);
      await page.reload();
      await form(page).waitFor({ state: 'attached' });
      await expect(form(page).locator('textarea').first().inputValue()).resolves.toBe('Written with the network off');
      const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

      // Deploy a changed build on the same origin: a copy of dist/ with a changed page and its own worker.
      await context.setOffline(false);
      const next = join(work, 'next');
      await cp(dist, next, { recursive: true });
      const home = join(next, 'index.html');
      await writeFile(home, (await readFile(home, 'utf8')).replace('<html ', `<html ${DEPLOYED_MARK} `));
      await generateServiceWorker(next);
      const port = server.port;
      await server.close();
      server = await startServer(next, port);

      await page.goto(server.url, { waitUntil: 'load' });
      // The old worker still answers this page; the new one installs and waits, and the notice says so.
      expect(await page.getAttribute('html', 'data-deployed')).toBeNull();
      const notice = page.locator('[data-update-notice][role="status"]');
      const reload = notice.getByRole('button', { name: 'Reload to update' });
      await reload.waitFor({ timeout: 30_000 });
      await expect(notice.textContent()).resolves.toMatch(/new version of the guide is ready/);
      // Polite: it takes no focus.
      await expect(page.evaluate(() => document.activeElement === document.body)).resolves.toBe(true);

      await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), reload.click()]);
      await expect(page.getAttribute('html', 'data-deployed')).resolves.toBe('second');
      await expect(page.locator('[data-update-notice] button').count()).resolves.toBe(0);
      // The update touched no answer.
      await expect(page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).resolves.toBe(stored);

      const found = await collect();
      expect(found.cspViolations).toEqual([]);
      expect(found.pageErrors).toEqual([]);
      expect(records.consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('under a base path, is scoped to the base and answers its own pages offline', async () => {
    const sub = await startServer(subpathSiteDir(), 0, { base: SUBPATH_BASE });
    const { page, context, close } = await newPage(browser);
    try {
      await page.goto(sub.url, { waitUntil: 'load' });
      expect(await page.getAttribute('link[rel="manifest"]', 'href')).toBe(`${SUBPATH_BASE}manifest.webmanifest`);
      await controlled(page);
      const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => new URL(r.scope).pathname));
      expect(scope).toBe(SUBPATH_BASE);
      const manifest = await page.evaluate((url) => fetch(url).then((r) => r.json()), `${SUBPATH_BASE}manifest.webmanifest`);
      expect(manifest).toMatchObject({ start_url: SUBPATH_BASE, scope: SUBPATH_BASE });
      await context.setOffline(true);
      const unvisited = await page.goto(new URL('worksheets/gaps-scan/', sub.url).href);
      expect(unvisited?.status()).toBe(200);
      expect(unvisited?.fromServiceWorker()).toBe(true);
      await form(page).waitFor({ state: 'attached' });
    } finally {
      await close();
      await sub.close();
    }
  });

  it('is not registered from disk, where the copy for disk ships the same script', async () => {
    // A page on disk that loads the built registration script by a relative path, as the disk copy does.
    const folder = join(work, 'disk');
    await cp(join(dist, '_client', 'sw.js'), join(folder, 'sw-register.js'));
    await writeFile(
      join(folder, 'index.html'),
      '<!doctype html><html lang="en" data-base="/"><title>disk</title><body><script src="sw-register.js" onload="window.loaded = true"></script>',
    );
    const { page, records, close } = await newPage(browser);
    try {
      await page.goto(`file://${join(folder, 'index.html')}`, { waitUntil: 'load' });
      await expect(page.evaluate(() => (window as { loaded?: boolean }).loaded)).resolves.toBe(true);
      // The script stops before it does anything: no notice region, no request for the worker, no error.
      await expect(page.locator('[data-update-notice]').count()).resolves.toBe(0);
      expect(records.requests.filter((url) => url.endsWith('/sw.js'))).toEqual([]);
      expect(records.pageErrors).toEqual([]);
      expect(records.consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });
});
