/**
 * The header search, with Pagefind over the real build: it finds pages, shows excerpts, and is
 * operable from the keyboard alone.
 */
import { describe, expect, it } from 'vitest';
import { siteDir } from '../support/site.ts';
import { useSiteAndBrowser } from '../support/session.ts';

const env = useSiteAndBrowser(siteDir());

describe('the header search', () => {
  it('finds /muscles/trust/ for "trust", with an excerpt that marks the word', async () => {
    await env.withPage({}, async (page) => {
      await page.goto(new URL('/', env.site.url).href, { waitUntil: 'networkidle' });
      await page.fill('[data-search-input]', 'trust');
      const result = page.locator('[data-search-list] a[href="/muscles/trust/"]');
      await result.waitFor({ timeout: 30_000 });
      await expect(result.locator('mark').first().textContent()).resolves.toMatch(/trust/i);
      await expect(page.locator('[data-search-status]').textContent()).resolves.toMatch(/results? for “trust”/);
    });
  });

  it('searches what the reader typed before the site script had loaded', async () => {
    await env.withPage({}, async (page) => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let asked!: () => void;
      const siteAsked = new Promise<void>((resolve) => (asked = resolve));
      await page.route(/\/_client\/site\.js$/, async (route) => {
        asked();
        await held;
        await route.continue();
      });
      await page.goto(new URL('/', env.site.url).href);
      await siteAsked;
      await page.fill('[data-search-input]', 'trust');
      expect(await page.locator('[data-search-list] a').count(), 'no results before the script runs').toBe(0);
      release();
      await page.locator('[data-search-list] a[href="/muscles/trust/"]').waitFor({ timeout: 30_000 });
      await expect(page.locator('[data-search-results]').isVisible()).resolves.toBe(true);
    });
  });

  it('moves through results with the arrow keys, closes with Escape (keeping the query until a second Escape) and opens a result with Enter', async () => {
    await env.withPage({}, async (page) => {
      await page.goto(new URL('/', env.site.url).href, { waitUntil: 'networkidle' });
      await page.focus('[data-search-input]');
      await page.keyboard.type('trust');
      const links = page.locator('[data-search-list] a');
      await links.first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('ArrowDown');
      const first = await links.nth(0).getAttribute('href');
      await expect(page.evaluate(() => document.activeElement?.getAttribute('href'))).resolves.toBe(first);
      await page.keyboard.press('ArrowDown');
      await expect(page.evaluate(() => document.activeElement?.getAttribute('href'))).resolves.toBe(
        await links.nth(1).getAttribute('href'),
      );
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search-input');
      await page.keyboard.press('Escape');
      await expect(page.locator('[data-search-results]').isHidden()).resolves.toBe(true);
      // The first Escape only closes the results; the search field's own Escape then clears what was typed.
      await expect(page.inputValue('[data-search-input]')).resolves.toBe('trust');
      await page.keyboard.press('Escape');
      await expect(page.inputValue('[data-search-input]')).resolves.toBe('');
      await page.keyboard.type('coalition');
      await page.locator('[data-search-status]', { hasText: 'for “coalition”' }).waitFor({ timeout: 30_000 });
      await page.keyboard.press('ArrowDown');
      const opened = await links.nth(0).getAttribute('href');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === opened, { timeout: 30_000 });
      expect(opened).toMatch(/^\//);
    });
  });

  it('indexes only the main content: a word that appears only in the header finds nothing', async () => {
    await env.withPage({}, async (page) => {
      await page.goto(new URL('/', env.site.url).href, { waitUntil: 'networkidle' });
      // "Dark" is on the header's theme button of every page and in no page's text.
      await expect(page.locator('[data-theme-toggle]').textContent()).resolves.toMatch(/Dark/);
      await page.fill('[data-search-input]', 'dark');
      await page.locator('[data-search-status]', { hasText: 'No pages match “dark”.' }).waitFor({ timeout: 30_000 });
      await page.fill('[data-search-input]', 'reflect');
      await page.locator('[data-search-list] a').first().waitFor({ timeout: 30_000 });
    });
  });

  it('runs the query of /search/?q= on the search page', async () => {
    await env.withPage({}, async (page) => {
      await page.goto(new URL('/search/?q=coalition', env.site.url).href, { waitUntil: 'networkidle' });
      await page.locator('[data-search-page-list] a[href="/muscles/coalitions/"]').waitFor({ timeout: 30_000 });
      await expect(page.locator('[data-search-page-note]').isHidden()).resolves.toBe(true);
    });
  });
});
