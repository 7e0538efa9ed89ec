/**
 * The phone-first layout in a real browser: the first paint is the final layout, with or without
 * JavaScript; nothing overflows sideways; tap targets are at least 24 px; the navigation opens over
 * the page; a worksheet's sticky progress bar never covers the field being typed in.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { siteDir } from '../support/site.ts';
import { useSiteAndBrowser } from '../support/session.ts';
import { reachCharts } from './helpers-worksheets.ts';

const env = useSiteAndBrowser(siteDir());
const url = (path: string) => new URL(path, env.site.url).href;
const PAGE_TYPES = ['/', '/muscles/trust/', '/worksheets/muscles-check/', '/worksheets/?muscle=trust&time=30', '/gaps/', '/levels/'];

const headingTop = (page: Page) => page.evaluate(() => Math.round(document.querySelector('main h1')!.getBoundingClientRect().top));

/**
 * Opens a page with the site's scripts held back (all but the head script, which runs before the
 * first paint), measures what `measure` returns once the HTML is parsed, then lets the scripts run
 * and measures again when the page has settled.
 */
async function beforeAndAfterScripts<T>(page: Page, path: string, measure: (page: Page) => Promise<T>): Promise<[T, T]> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let heldCount = 0;
  let firstHeld!: () => void;
  const oneHeld = new Promise<void>((resolve) => (firstHeld = resolve));
  await page.route(/\/_client\/(?!theme\.js)[a-z-]+\.js$/, async (route) => {
    heldCount++;
    firstHeld();
    await held;
    await route.continue();
  });
  const loaded = page.goto(url(path), { waitUntil: 'networkidle' });
  await page.locator('.site-footer').waitFor({ state: 'attached' });
  // The head script asks for site.js once the first paint is on the screen: that paint is measured.
  await oneHeld;
  const before = await measure(page);
  expect(heldCount, 'the page scripts were held back while measuring').toBeGreaterThan(0);
  release();
  await loaded;
  return [before, await measure(page)];
}

describe('the first paint at 412 px', () => {
  it.each(PAGE_TYPES)(
    'puts the main heading of %s where it stays once scripts have run, and where it is without JavaScript',
    async (path) => {
      let early = 0;
      let final = 0;
      await env.withPage({ viewport: { width: 412, height: 915 } }, async (page) => {
        [early, final] = await beforeAndAfterScripts(page, path, headingTop);
      });
      expect(early).toBe(final);
      // The text starts right under the header, not below the navigation.
      expect(final).toBeLessThan(200);
      await env.withPage({ viewport: { width: 412, height: 915 }, javaScriptEnabled: false }, async (page) => {
        await page.goto(url(path), { waitUntil: 'networkidle' });
        expect(await headingTop(page)).toBe(final);
      });
    },
  );

  it('asks for the worksheet form’s script only once the first paint is on the screen', async () => {
    await env.withPage({ viewport: { width: 412, height: 915 } }, async (page) => {
      await page.goto(url('/worksheets/muscles-check/'));
      await page.locator('.ws-form[data-ready="true"]').waitFor({ state: 'attached' });
      const [paint, script] = await page.evaluate(() => [
        performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        performance.getEntriesByType('resource').find((e) => e.name.endsWith('/_client/worksheet.js'))?.startTime ?? NaN,
      ]);
      expect(paint).toBeGreaterThan(0);
      expect(script, 'the request starts after the paint is shown').toBeGreaterThanOrEqual(paint);
    });
  });

  it('draws a filtered finder filtered before its script runs', async () => {
    await env.withPage({ viewport: { width: 412, height: 915 } }, async (page) => {
      const visibleRows = (p: Page) => p.locator('tr[data-mode]:visible').count();
      const [early, final] = await beforeAndAfterScripts(page, '/worksheets/?muscle=trust&mode=solo', visibleRows);
      expect(early).toBe(final);
      expect(final).toBe(await page.locator('tr[data-mode][data-muscles~="trust"]:not([data-mode="group"])').count());
      expect(final).toBeLessThan(await page.locator('tr[data-mode]').count());
    });
  });
});

/** A worksheet's charts and rounds are drawn once they come near the screen: scroll there, then back to the top. */
async function withEverythingDrawn(page: Page): Promise<void> {
  if ((await page.locator('.ws-part--near').count()) === 0) return;
  await reachCharts(page);
  await page.evaluate(() => window.scrollTo(0, 0));
}

describe('narrow screens', () => {
  it.each([360, 412, 768])('at %i px nothing on any page type is wider than the screen', async (width) => {
    await env.withPage({ viewport: { width, height: 800 } }, async (page) => {
      for (const path of PAGE_TYPES) {
        await page.goto(url(path), { waitUntil: 'networkidle' });
        await withEverythingDrawn(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, path).toBe(0);
      }
    });
  });

  it('scrolls a wide table inside its own box', async () => {
    await env.withPage({ viewport: { width: 360, height: 800 } }, async (page) => {
      await page.goto(url('/gaps/'), { waitUntil: 'networkidle' });
      const box = page.locator('.table-wrap').first();
      const [scroll, client] = await box.evaluate((el) => [el.scrollWidth, el.clientWidth]);
      expect(scroll).toBeGreaterThan(client);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
    });
  });

  it.each(PAGE_TYPES)('gives every control and stand-alone link on %s a target of at least 24 by 24 px at 360 px', async (path) => {
    await env.withPage({ viewport: { width: 360, height: 800 } }, async (page) => {
      await page.goto(url(path), { waitUntil: 'networkidle' });
      await withEverythingDrawn(page);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('a, button, select, input, textarea, summary')].flatMap((e) => {
          const r = e.getBoundingClientRect();
          if (!r.width || !r.height || getComputedStyle(e).visibility === 'hidden') return [];
          // Links inside a sentence are exempt (WCAG 2.5.8, "inline").
          const inline = getComputedStyle(e).display === 'inline' && e.closest('p, li, td, th, dd, figcaption, blockquote');
          if (inline && !e.closest('.site-header, .site-footer')) return [];
          return r.height < 24 || r.width < 24
            ? [`${e.tagName} "${(e.textContent ?? '').trim().slice(0, 40)}" ${r.width}x${r.height}`]
            : [];
        }),
      );
      expect(small).toEqual([]);
    });
  });

  it('without JavaScript offers a menu link to the navigation after the content', async () => {
    await env.withPage({ viewport: { width: 412, height: 915 }, javaScriptEnabled: false }, async (page) => {
      await page.goto(url('/muscles/trust/'), { waitUntil: 'networkidle' });
      await expect(page.locator('[data-menu-button]').isVisible()).resolves.toBe(false);
      const nav = page.locator('#site-nav');
      const [navTop, mainBottom] = await page.evaluate(() => [
        document.getElementById('site-nav')!.getBoundingClientRect().top,
        document.getElementById('main')!.getBoundingClientRect().bottom,
      ]);
      expect(navTop).toBeGreaterThanOrEqual(mainBottom);
      await page.locator('a.menu-link').click();
      await expect(page.evaluate(() => window.location.hash)).resolves.toBe('#site-nav');
      await expect(nav.evaluate((el) => Math.round(el.getBoundingClientRect().top))).resolves.toBeLessThan(20);
    });
  });

  it('with JavaScript opens the navigation over the page, with focus on the current page, and closes it', async () => {
    await env.withPage({ viewport: { width: 412, height: 915 } }, async (page) => {
      await page.goto(url('/muscles/trust/'), { waitUntil: 'networkidle' });
      const before = await headingTop(page);
      await expect(page.locator('a.menu-link').isVisible()).resolves.toBe(false);
      await page.locator('[data-menu-button]').click();
      await expect(page.locator('#site-nav').isVisible()).resolves.toBe(true);
      await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).resolves.toBe('page');
      expect(await headingTop(page), 'the page under the menu does not move').toBe(before);
      await page.locator('[data-menu-close]').click();
      await expect(page.locator('#site-nav').isVisible()).resolves.toBe(false);
      await expect(page.locator('[data-menu-button]').getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(page.evaluate(() => document.activeElement?.hasAttribute('data-menu-button'))).resolves.toBe(true);
    });
  });
});

describe('a worksheet on a phone', () => {
  it('never lets the sticky progress bar cover the field that has focus, going down or back up', async () => {
    await env.withPage({ viewport: { width: 412, height: 700 } }, async (page) => {
      await page.goto(url('/worksheets/muscles-check/'), { waitUntil: 'networkidle' });
      await page.locator('.ws-form[data-ready="true"]').waitFor({ state: 'attached' });
      await page.locator('[data-worksheet-root] textarea').first().focus();
      const covered: string[] = [];
      // Down through the fields, then back up: going up, the browser scrolls a field to the top edge.
      for (const key of [...Array<string>(30).fill('Tab'), ...Array<string>(30).fill('Shift+Tab')]) {
        await page.keyboard.press(key);
        const state = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          const bar = document.querySelector('.ws-status')!.getBoundingClientRect();
          if (!el?.closest('[data-worksheet-root]') || el.closest('.ws-status')) return null;
          const r = el.getBoundingClientRect();
          return { name: el.getAttribute('name') || el.id || el.tagName, top: r.top, barBottom: bar.bottom, barTop: bar.top };
        });
        if (state && state.barTop <= 1 && state.top < state.barBottom) covered.push(`${state.name}: ${state.top} < ${state.barBottom}`);
      }
      expect(covered).toEqual([]);
    });
  });

  it('draws the whole focus ring of every field it tabs to: each prompt clips what it paints to its own box', async () => {
    await env.withPage({ viewport: { width: 360, height: 700 } }, async (page) => {
      await page.goto(url('/worksheets/muscles-check/'), { waitUntil: 'networkidle' });
      await page.locator('.ws-form[data-ready="true"]').waitFor({ state: 'attached' });
      await page.locator('[data-worksheet-root] textarea').first().focus();
      await page.keyboard.press('Shift+Tab');
      const clipped: string[] = [];
      let rings = 0;
      for (let n = 0; n < 40; n++) {
        await page.keyboard.press('Tab');
        const state = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          const box = el?.closest('.ws-prompt');
          if (!el || !box) return null;
          // The ring is on the control, or on the label drawn for a hidden radio or checkbox.
          const ring = [el, el.nextElementSibling].find((x) => x && getComputedStyle(x).outlineStyle !== 'none');
          if (!ring) return { name: el.id, ring: false, out: [] as string[] };
          const cs = getComputedStyle(ring);
          const grow = parseFloat(cs.outlineWidth) + parseFloat(cs.outlineOffset);
          const r = ring.getBoundingClientRect();
          const b = box.getBoundingClientRect();
          const out = [
            r.left - grow < b.left - 0.5 ? 'left' : '',
            r.right + grow > b.right + 0.5 ? 'right' : '',
            r.top - grow < b.top - 0.5 ? 'top' : '',
            r.bottom + grow > b.bottom + 0.5 ? 'bottom' : '',
          ].filter(Boolean);
          return { name: el.id, ring: true, out };
        });
        if (!state) continue;
        if (state.ring) rings++;
        if (state.out.length) clipped.push(`${state.name}: ${state.out.join(', ')}`);
      }
      expect(rings, 'fields with a focus ring were reached').toBeGreaterThan(10);
      expect(clipped).toEqual([]);
    });
  });
});
