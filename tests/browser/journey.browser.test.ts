/**
 * The reader's journey in a real browser: the finder's filters in the address (in combination, from
 * a link, with back and forward), progress per row, the home page for a first-time and a returning
 * reader, "where to start" with ties, and "next in this route" on a worksheet page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkAxe } from '../gates/gates.ts';
import { root, siteDir } from '../support/site.ts';
import { useSiteAndBrowser } from '../support/session.ts';
import { reachCharts } from './helpers-worksheets.ts';

const env = useSiteAndBrowser(siteDir());
const url = (path: string) => new URL(path, env.site.url).href;
const example = (file: string) =>
  (JSON.parse(readFileSync(join(root, 'worksheets', 'examples', file), 'utf8')) as { answers: unknown }).answers;

/** Stores records the way the worksheet form does (format, version, rev, updated, answers). */
async function storeAnswers(page: Page, records: { id: string; answers: unknown; updated: string }[]): Promise<void> {
  await page.goto(url('/about/'));
  await page.evaluate((list) => {
    for (const r of list) {
      const record = {
        format: 'psfg-worksheet',
        version: 2,
        worksheet: r.id,
        worksheetVersion: 1,
        rev: 4,
        updated: r.updated,
        answers: r.answers,
        earlier: [],
      };
      localStorage.setItem(`psfg:ws:${r.id}`, JSON.stringify(record));
    }
  }, records);
}
const snapshot = (page: Page) =>
  page.evaluate(() =>
    JSON.stringify(
      Object.fromEntries(
        Object.keys(localStorage)
          .sort()
          .map((k) => [k, localStorage.getItem(k)]),
      ),
    ),
  );

const visible = (page: Page) => page.locator('tr[data-mode]:visible').count();
const select = (page: Page, name: string) => page.locator(`select[name="${name}"]`);
const search = (page: Page) => page.evaluate(() => window.location.search);

describe('the finder', () => {
  it('opens filtered from a link, with the selects set and the count said', async () => {
    await env.withPage({}, async (page) => {
      await page.goto(url('/worksheets/?muscle=trust&time=30'), { waitUntil: 'networkidle' });
      await expect(select(page, 'muscle').inputValue()).resolves.toBe('trust');
      await expect(select(page, 'time').inputValue()).resolves.toBe('30');
      const expected = await page
        .locator('tr[data-mode][data-muscles~="trust"]')
        .evaluateAll((rows) => rows.filter((r) => Number((r as HTMLElement).dataset['time']) <= 30).length);
      expect(expected).toBeGreaterThan(0);
      expect(await visible(page)).toBe(expected);
      const total = await page.locator('tr[data-mode]').count();
      await expect(page.locator('[data-finder-count]').textContent()).resolves.toBe(`${expected} of ${total} worksheets match`);
    });
  });

  it('combines filters, keeps them in the address, and steps back and forward through them', async () => {
    await env.withPage({}, async (page) => {
      await page.goto(url('/worksheets/'), { waitUntil: 'networkidle' });
      const total = await visible(page);
      await select(page, 'muscle').selectOption('coalitions');
      await expect(search(page)).resolves.toBe('?muscle=coalitions');
      const coalitions = await visible(page);
      await select(page, 'mode').selectOption('group');
      await expect(search(page)).resolves.toBe('?muscle=coalitions&mode=group');
      const both = await visible(page);
      expect(both).toBe(await page.locator('tr[data-mode][data-muscles~="coalitions"]:not([data-mode="solo"])').count());
      expect(coalitions).toBeLessThan(total);
      expect(both).toBeLessThanOrEqual(coalitions);

      await page.goBack();
      await expect(search(page)).resolves.toBe('?muscle=coalitions');
      await expect(select(page, 'mode').inputValue()).resolves.toBe('');
      expect(await visible(page)).toBe(coalitions);
      await page.goBack();
      await expect(search(page)).resolves.toBe('');
      await expect(select(page, 'muscle').inputValue()).resolves.toBe('');
      expect(await visible(page)).toBe(total);
      await page.goForward();
      await page.goForward();
      await expect(search(page)).resolves.toBe('?muscle=coalitions&mode=group');
      await expect(select(page, 'mode').inputValue()).resolves.toBe('group');
      expect(await visible(page)).toBe(both);

      await page.locator('[data-finder-reset]').click();
      await expect(search(page)).resolves.toBe('');
      expect(await visible(page)).toBe(total);
    });
  });

  it('drops filter values it does not know from the address and shows the whole list', async () => {
    await env.withPage({}, async (page) => {
      await page.goto(url('/worksheets/?muscle=courage&time=45'), { waitUntil: 'networkidle' });
      await expect(search(page)).resolves.toBe('');
      expect(await visible(page)).toBe(await page.locator('tr[data-mode]').count());
    });
  });

  it('shows the reader’s progress on the rows and route steps of started worksheets only, without writing', async () => {
    await env.withPage({}, async (page) => {
      await storeAnswers(page, [
        { id: 'trust-inventory', answers: example('trust-inventory.partial.json'), updated: '2026-11-25T10:00:00.000Z' },
      ]);
      const before = await snapshot(page);
      await page.goto(url('/worksheets/'), { waitUntil: 'networkidle' });
      const mark = page.locator('.ws-index [data-progress-for="trust-inventory"]');
      await expect(mark.textContent()).resolves.toMatch(/^Yours: \d+ of \d+ answered$/);
      await expect(mark.isVisible()).resolves.toBe(true);
      await expect(page.locator('.route [data-progress-for="trust-inventory"]').first().textContent()).resolves.toMatch(/^Yours:/);
      await expect(page.locator('.ws-index [data-progress-for="coalition-map"]').isVisible()).resolves.toBe(false);
      expect(await snapshot(page)).toBe(before);
      expect(await checkAxe(page)).toEqual([]);
    });
  });

  it('lists both routes in order, each step with its reason', async () => {
    await env.withPage({}, async (page) => {
      await page.goto(url('/worksheets/'), { waitUntil: 'networkidle' });
      const six = page.locator('#route-six-weeks ~ ol .route__step');
      await expect(six.count()).resolves.toBe(13);
      await expect(six.first().locator('a').getAttribute('href')).resolves.toBe('/worksheets/muscles-check/');
      await expect(six.nth(4).locator('.route__when').textContent()).resolves.toBe('Week 3');
      await expect(page.locator('#route-facilitator ~ ol .route__step').last().locator('a').getAttribute('href')).resolves.toBe(
        '/worksheets/action-learning/',
      );
    });
  });
});

describe('the home page', () => {
  it('shows a first-time reader the ten-minute check as the way in', async () => {
    await env.withPage({ viewport: { width: 412, height: 915 } }, async (page) => {
      await page.goto(url('/'), { waitUntil: 'networkidle' });
      const box = page.locator('[data-home-start]');
      await expect(box.locator('h2').textContent()).resolves.toMatch(/ten-minute check/);
      await expect(box.locator('a.button').getAttribute('href')).resolves.toBe('/worksheets/muscles-check/');
      await expect(page.locator('[data-home-returning]').count()).resolves.toBe(0);
      // The box is above the fold on a phone.
      expect(await box.evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThan(915);
    });
  });

  it('shows a returning reader their recent worksheets with progress and a next step with its ties, and writes nothing', async () => {
    await env.withPage({ viewport: { width: 412, height: 915 } }, async (page) => {
      await storeAnswers(page, [
        { id: 'muscles-check', answers: example('muscles-check.complete.json'), updated: '2026-11-20T10:00:00.000Z' },
        { id: 'trust-inventory', answers: example('trust-inventory.partial.json'), updated: '2026-11-25T10:00:00.000Z' },
        { id: 'coalition-map', answers: {}, updated: '2026-11-29T10:00:00.000Z' },
      ]);
      const before = await snapshot(page);
      await page.goto(url('/'), { waitUntil: 'networkidle' });
      const back = page.locator('[data-home-returning]');
      await expect(back.locator('h2').textContent()).resolves.toBe('Welcome back');
      const recent = back.locator('.home-start__recent li');
      await expect(recent.locator('a').allTextContents()).resolves.toEqual(['Trust inventory', 'Seven muscles check']);
      await expect(recent.nth(0).textContent()).resolves.toMatch(/\d+ of \d+ questions answered, last changed 25 November 2026/);
      await expect(recent.nth(1).textContent()).resolves.toMatch(/Every question answered/);
      // The example check: six muscles share a gap of 2; reflection scores lowest today; three tie after it.
      await expect(back.textContent()).resolves.toContain('Six muscles share the widest gap (2 points).');
      await expect(back.locator('.home-start__next > li > a:first-child').allTextContents()).resolves.toEqual([
        'Reflection',
        'State capability',
        'People and relationships',
        'Resourcing',
      ]);
      await expect(back.locator('.home-start__next a[href="/worksheets/?muscle=reflection"]').count()).resolves.toBe(1);
      await expect(page.locator('[data-home-first]').count()).resolves.toBe(0);
      expect(await snapshot(page)).toBe(before);
      expect(await checkAxe(page)).toEqual([]);
    });
  });

  it('keeps the returning reader’s view out of the HTML', async () => {
    const html = readFileSync(join(siteDir(), 'index.html'), 'utf8');
    expect(html).not.toContain('Welcome back');
    expect(html).toContain('data-home-first');
  });
});

describe('a worksheet page', () => {
  it('says what comes next in its route, and why', async () => {
    await env.withPage({}, async (page) => {
      await page.goto(url('/worksheets/trust-inventory/'), { waitUntil: 'networkidle' });
      const next = page.locator('.route-next');
      await expect(next.locator('h2').textContent()).resolves.toMatch(/Next in this route/);
      await expect(next.locator('a[href="/worksheets/coalition-map/"]').count()).resolves.toBe(1);
      await expect(next.textContent()).resolves.toMatch(/step 5 of 13/);
    });
  });

  it('ends the muscles check with where to start, saying which muscles tie', async () => {
    await env.withPage({}, async (page) => {
      await storeAnswers(page, [
        { id: 'muscles-check', answers: example('muscles-check.complete.json'), updated: '2026-11-20T10:00:00.000Z' },
      ]);
      await page.goto(url('/worksheets/muscles-check/'), { waitUntil: 'networkidle' });
      await reachCharts(page);
      const box = page.locator('[data-where-to-start]').first();
      await expect(box.locator('[data-ties]').textContent()).resolves.toBe(
        'Six muscles share the widest gap (2 points). Among them, lower scores today come first. Several tie for the last place, so all four are listed.',
      );
      await expect(box.locator('ol > li').count()).resolves.toBe(4);
    });
  });

  it('ends the gaps scan with the muscles that answer the strongest gaps, through the gap x muscle table', async () => {
    await env.withPage({}, async (page) => {
      await storeAnswers(page, [
        {
          id: 'gaps-scan',
          answers: { 'funding-and-reporting-extent': 5, 'politics-extent': 4, 'inclusion-extent': 2 },
          updated: '2026-11-20T10:00:00.000Z',
        },
      ]);
      await page.goto(url('/worksheets/gaps-scan/'), { waitUntil: 'networkidle' });
      await reachCharts(page);
      // The first box is the form's (the printed copy of the answers has its own).
      const box = page.locator('[data-where-to-start]').first();
      const items = box.locator('ol > li');
      // Trust answers both gaps (5 + 4); purpose and resourcing answer gap 7 only.
      await expect(items.locator('a:first-child').allTextContents()).resolves.toEqual(['Trust', 'Purpose and method', 'Resourcing']);
      await expect(items.first().textContent()).resolves.toContain('9 points, from gap 7, gap 2');
      await expect(box.locator('[data-ties]').count()).resolves.toBe(0);
    });
  });
});
