/**
 * The site's chrome in a real browser: the theme toggle that remembers the choice, the menu on
 * narrow screens, the skip link, and printing without chrome.
 */
import { describe, expect, it } from 'vitest';
import { checkAxe } from '../gates/gates.ts';
import { siteDir } from '../support/site.ts';
import { useSiteAndBrowser } from '../support/session.ts';

const env = useSiteAndBrowser(siteDir());
const url = (path: string) => new URL(path, env.site.url).href;

describe('the theme', () => {
  it('follows the system setting until the reader chooses, then remembers the choice across pages', async () => {
    await env.withPage({ colorScheme: 'dark' }, async (page) => {
      await page.goto(url('/muscles/trust/'), { waitUntil: 'networkidle' });
      const toggle = page.locator('[data-theme-toggle]');
      await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const dark = await background();
      await toggle.click();
      await expect(page.evaluate(() => document.documentElement.dataset['theme'])).resolves.toBe('light');
      await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
      expect(await background()).not.toBe(dark);
      await page.goto(url('/levels/'), { waitUntil: 'networkidle' });
      await expect(page.evaluate(() => document.documentElement.dataset['theme'])).resolves.toBe('light');
      expect(await background()).not.toBe(dark);
    });
  });
});

describe('the dark theme', () => {
  it.each(['/', '/muscles/trust/', '/levels/', '/worksheets/', '/worksheets/coalition-map/', '/glossary/'])(
    'keeps %s free of accessibility violations, contrast included',
    async (path) => {
      await env.withPage({ colorScheme: 'dark' }, async (page) => {
        await page.goto(url(path), { waitUntil: 'networkidle' });
        const [r, g, b] = (await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).match(/\d+/g)!.map(Number);
        expect(r! + g! + b!, 'the page is drawn dark').toBeLessThan(150);
        expect(await checkAxe(page)).toEqual([]);
      });
    },
  );
});

describe('the navigation', () => {
  it('marks the current page in the sidebar', async () => {
    await env.withPage({}, async (page) => {
      await page.goto(url('/levels/mission/'), { waitUntil: 'networkidle' });
      await expect(page.locator('#site-nav a[aria-current="page"]').getAttribute('href')).resolves.toBe('/levels/mission/');
    });
  });

  it('on a narrow screen hides the sections behind a menu button that opens and closes them', async () => {
    await env.withPage({ viewport: { width: 390, height: 844 } }, async (page) => {
      await page.goto(url('/muscles/trust/'), { waitUntil: 'networkidle' });
      const button = page.locator('[data-menu-button]');
      const nav = page.locator('#site-nav');
      await expect(nav.isVisible()).resolves.toBe(false);
      await button.click();
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
      await expect(nav.isVisible()).resolves.toBe(true);
      await page.keyboard.press('Escape');
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(nav.isVisible()).resolves.toBe(false);
      await expect(page.evaluate(() => document.activeElement?.hasAttribute('data-menu-button'))).resolves.toBe(true);
    });
  });

  it('offers a skip link as the first thing the keyboard reaches, and it moves focus to the content', async () => {
    await env.withPage({}, async (page) => {
      await page.goto(url('/gaps/'), { waitUntil: 'networkidle' });
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('Skip to content');
      await page.keyboard.press('Enter');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    });
  });
});

describe('printing a guidance page', () => {
  it('leaves out the header, sidebar, footer and previous / next, and keeps headings with what follows', async () => {
    await env.withPage({}, async (page) => {
      await page.goto(url('/muscles/trust/'), { waitUntil: 'networkidle' });
      await page.emulateMedia({ media: 'print' });
      for (const selector of ['.site-header', '#site-nav', '.site-footer', '.prev-next', '.toc']) {
        await expect(page.locator(selector).first().isVisible(), selector).resolves.toBe(false);
      }
      await expect(page.locator('main h1').isVisible()).resolves.toBe(true);
      const breaks = await page.evaluate(() =>
        [...document.querySelectorAll('main h2, main h3')].map((h) => getComputedStyle(h).breakAfter),
      );
      expect(breaks.length).toBeGreaterThan(0);
      expect(new Set(breaks)).toEqual(new Set(['avoid']));
    });
  });
});

describe('the worksheet finder', () => {
  it('narrows the list by muscle and by who it is for, and says how many match', async () => {
    await env.withPage({}, async (page) => {
      await page.goto(url('/worksheets/'), { waitUntil: 'networkidle' });
      const visible = () => page.locator('tr[data-mode]:visible').count();
      const total = await page.locator('tr[data-mode]').count();
      expect(await visible()).toBe(total);
      await page.selectOption('select[name="muscle"]', 'trust');
      const trust = await page.locator('tr[data-mode][data-muscles~="trust"]').count();
      expect(trust).toBeGreaterThan(0);
      expect(await visible()).toBe(trust);
      await expect(page.locator('[data-finder-count]').textContent()).resolves.toBe(`${trust} of ${total} worksheets match`);
      await page.selectOption('select[name="muscle"]', '');
      await page.selectOption('select[name="mode"]', 'solo');
      expect(await visible()).toBe(await page.locator('tr[data-mode="solo"], tr[data-mode="both"]').count());
    });
  });

  it('is hidden without JavaScript, leaving the full list', async () => {
    await env.withPage({ javaScriptEnabled: false }, async (page) => {
      await page.goto(url('/worksheets/'), { waitUntil: 'networkidle' });
      await expect(page.locator('[data-finder]').isVisible()).resolves.toBe(false);
      expect(await page.locator('tr[data-mode]:visible').count()).toBe(await page.locator('tr[data-mode]').count());
    });
  });
});

describe('a worksheet without JavaScript', () => {
  it('switches its fields off, so nothing can be typed and then lost', async () => {
    await env.withPage({ javaScriptEnabled: false }, async (page) => {
      await page.goto(url('/worksheets/trust-inventory/'), { waitUntil: 'networkidle' });
      const fields = page.locator('[data-worksheet-root] textarea, [data-worksheet-root] input');
      expect(await fields.count()).toBeGreaterThan(0);
      for (const field of await fields.all()) await expect(field.isDisabled()).resolves.toBe(true);
      await expect(page.locator('[data-warning="no-js"]').isVisible()).resolves.toBe(true);
    });
  });

  it('turns the fields on once the script has mounted the form', async () => {
    await env.withPage({}, async (page) => {
      await page.goto(url('/worksheets/trust-inventory/'), { waitUntil: 'networkidle' });
      await page.locator('.ws-form[data-ready="true"]').waitFor({ state: 'attached' });
      await expect(page.locator('[data-worksheet-root] textarea').first().isEditable()).resolves.toBe(true);
      await expect(page.locator('[data-warning="no-js"]').count()).resolves.toBe(0);
    });
  });
});
