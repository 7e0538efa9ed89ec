/**
 * The run-sheet builder (/facilitate/run-sheet/) in Chromium, against the real build: starting from a
 * plan, times across breaks and past midnight, reordering by keyboard, saving and reloading, stored
 * data it cannot read, and run mode on a held clock ("+5 min", "Next activity").
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { siteDir } from '../support/site.ts';
import { useSiteAndBrowser } from '../support/session.ts';
import { checkAxe, checkPageRecords } from '../gates/gates.ts';
import { newPage } from '../support/browser.ts';
import { KEYS } from '../../src/lib/storage-keys.ts';
import { minutes } from '../../src/lib/urls.ts';
import { builtDefinition } from './helpers-worksheets.ts';

/** A time of day from minutes after midnight, as the builder shows it past midnight. */
const clock = (m: number) => {
  const d = Math.floor(m / 1440);
  const hm = `${String(Math.floor((m % 1440) / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return d ? `${hm} (next day)` : hm;
};

const env = useSiteAndBrowser(siteDir());
const builder = (plan?: string) => new URL(`facilitate/run-sheet/${plan ? `?plan=${plan}` : ''}`, env.site.url).href;
const ready = (page: Page) => page.locator('.fac-builder[data-ready="true"]').waitFor({ state: 'attached' });
const times = (page: Page) => page.locator('[data-rows] [data-time]').evaluateAll((els) => els.map((e) => e.firstChild?.textContent ?? ''));
const labels = (page: Page) =>
  page.locator('[data-rows] [data-control="label"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

describe('the run-sheet builder', () => {
  it('starts from a plan named in the address, with the plan’s timed agenda and what to print', async () => {
    await env.withPage({}, async (page) => {
      await page.goto(builder('team-check-in'));
      await ready(page);
      expect(await times(page)).toEqual(['10:00', '10:05', '10:10', '10:25', '10:35', '10:55', '11:15', '11:25']);
      expect(await page.locator('[data-total]').textContent()).toBe('Total 1 h 30 min, ending at 11:30.');
      expect(await page.locator('[data-print-list] li').allTextContents()).toEqual(['Seven muscles check: 7 copies (blank copy)']);
      expect(await page.locator('[data-materials] li').count()).toBeGreaterThan(0);
      expect(await checkAxe(page), 'the builder with a plan passes axe').toEqual([]);
    });
  });

  it('times a break and runs past midnight, then keeps the sheet after a reload', async () => {
    await env.withPage({}, async (page) => {
      await page.goto(builder());
      await ready(page);
      await page.locator('[data-add-worksheet]').selectOption('gaps-scan');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.locator('[data-break-minutes]').fill('20');
      await page.getByRole('button', { name: 'Add a break' }).click();
      await page.getByLabel('Other activity').fill('Closing round');
      await page.getByLabel('Its length (minutes)').fill('15');
      await page.getByRole('button', { name: 'Add the activity' }).click();
      await page.locator('[data-start]').fill('23:30');
      // The scan's group time comes from its definition (time.groupRun, else time.run).
      const def = builtDefinition(siteDir(), 'gaps-scan');
      const scan = def.time.groupRun ?? def.time.run;
      const start = 23 * 60 + 30;
      const expected = [clock(start), clock(start + scan), clock(start + scan + 20)];
      expect(await times(page)).toEqual(expected);
      expect(await page.locator('[data-total]').textContent()).toBe(`Total ${minutes(scan + 35)}, ending at ${clock(start + scan + 35)}.`);
      await page.locator('[data-group-size]').fill('11');
      expect(await page.locator('[data-print-list] li').allTextContents()).toEqual(['Seven gaps scan: 12 copies (blank copy)']);

      await page.reload();
      await ready(page);
      expect(await labels(page)).toEqual(['Seven gaps scan', 'Break', 'Closing round']);
      expect(await times(page)).toEqual(expected);
      const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEYS.runSheet)) ?? 'null');
      expect(stored).toMatchObject({ format: 'psfg-run-sheet', version: 1, sheet: { start: '23:30', groupSize: 11 } });
    });
  });

  it('reorders by keyboard with Alt and the arrows, keeping focus on the moved activity', async () => {
    await env.withPage({}, async (page) => {
      await page.goto(builder('coalition-mapping'));
      await ready(page);
      const before = await labels(page);
      await page.locator('[data-rows] [data-control="label"]').first().focus();
      await page.keyboard.press('Alt+ArrowDown');
      await page.keyboard.press('Alt+ArrowDown');
      await expect.poll(async () => (await labels(page)).slice(0, 3)).toEqual([before[1], before[2], before[0]]);
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(before[0]);
      expect(
        await page
          .locator('[data-rows] [data-time]')
          .nth(2)
          .evaluate((e) => e.firstChild?.textContent),
      ).toBe('14:20');
      // The move buttons work from the keyboard too, and say what happened.
      await page.getByRole('button', { name: 'Move activity 3 up' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await labels(page)).slice(0, 3)).toEqual([before[1], before[0], before[2]]);
      await expect.poll(() => page.locator('.fac-rows ~ [role="status"]').textContent()).toContain('to place 2');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move activity 2 up');
    });
  });

  it('moves a row once per key press, however fast the presses come (key repeat)', async () => {
    await env.withPage({}, async (page) => {
      await page.goto(builder('coalition-mapping'));
      await ready(page);
      const before = await labels(page);
      // Three presses in one task, before the page has drawn the first move: each must still count.
      await page
        .locator('[data-rows] [data-control="label"]')
        .first()
        .evaluate((input) => {
          for (let n = 0; n < 3; n++) input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
        });
      await expect.poll(async () => (await labels(page)).slice(0, 4)).toEqual([before[1], before[2], before[3], before[0]]);
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(before[0]);
    });
  });

  it('asks before a plan replaces a saved run-sheet', async () => {
    await env.withPage({}, async (page) => {
      await page.goto(builder('team-check-in'));
      await ready(page);
      await page.goto(builder('coalition-mapping'));
      await ready(page);
      await expect.poll(() => page.locator('[data-warning="replace"]').count()).toBe(1);
      expect((await labels(page))[0]).toContain('Welcome, what the session is for');
      await page.getByRole('button', { name: 'Replace it' }).click();
      expect((await labels(page))[0]).toBe('Welcome, the change in focus, and what stays in the room');
    });
  });

  it('keeps unreadable stored data aside, says where, and never overwrites it', async () => {
    const recorded = await newPage(env.browser);
    const { page } = recorded;
    try {
      await page.goto(env.site.url);
      await page.evaluate((k) => localStorage.setItem(k, '{"format":"psfg-run-sheet","version":1,"sheet":"broken'), KEYS.runSheet);
      await page.goto(builder('team-check-in'));
      await ready(page);
      const warning = page.locator('[data-warning="quarantined"]');
      await warning.waitFor();
      const key = /“(psfg:quarantine-run-sheet:\d+)”/.exec((await warning.textContent()) ?? '')?.[1];
      expect(key).toBeDefined();
      expect(await page.evaluate((k) => localStorage.getItem(k), key!)).toBe('{"format":"psfg-run-sheet","version":1,"sheet":"broken');
      expect(checkPageRecords(await recorded.collect(), env.site.origin)).toEqual([]);
    } finally {
      await recorded.close();
    }
  });
});

describe('run mode', () => {
  it('shows the current activity, the time left and what comes next; "+5 min" shifts the rest, "Next activity" moves on', async () => {
    await env.withPage({}, async (page) => {
      // Time stands still at 10:00 (timers still run) and moves only when the test moves it.
      await page.clock.setFixedTime(new Date(2026, 11, 1, 10, 0, 0));
      await page.goto(builder('team-check-in'));
      await ready(page);
      await page.locator('[data-start-run]').click();
      const mode = page.locator('[data-run-mode]');
      await mode.waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('run-mode-title');
      await expect
        .poll(() => page.locator('[data-run-now]').textContent(), { timeout: 5000 })
        .toContain('Welcome, what the session is for');
      await expect.poll(() => page.locator('[data-run-left]').textContent(), { timeout: 5000 }).toBe('Time left: 5:00');
      await expect
        .poll(() => page.locator('[data-run-next]').textContent(), { timeout: 5000 })
        .toBe('NextThe opening question, one short answer each, at 10:05');

      await page.clock.setFixedTime(new Date(2026, 11, 1, 10, 2, 30));
      await expect.poll(() => page.locator('[data-run-left]').textContent(), { timeout: 5000 }).toBe('Time left: 2:30');

      await page.locator('[data-run-plus5]').click();
      await expect.poll(() => page.locator('[data-run-left]').textContent(), { timeout: 5000 }).toBe('Time left: 7:30');
      await expect.poll(() => page.locator('[data-run-ends]').textContent(), { timeout: 5000 }).toBe('Ends at 10:10');
      await expect.poll(() => page.locator('[data-run-next]').textContent(), { timeout: 5000 }).toContain('at 10:10');

      await page.locator('[data-run-next-button]').click();
      await expect.poll(() => page.locator('[data-run-now]').textContent(), { timeout: 5000 }).toContain('The opening question');
      await expect.poll(() => page.locator('[data-run-left]').textContent(), { timeout: 5000 }).toBe('Time left: 5:00');
      await expect.poll(() => page.locator('[data-run-next]').textContent(), { timeout: 5000 }).toContain('at 10:07');

      // A reload in the middle of the session comes back to the same place.
      await page.reload();
      await mode.waitFor();
      await expect.poll(() => page.locator('[data-run-now]').textContent(), { timeout: 5000 }).toContain('The opening question');

      expect(await checkAxe(page), 'run mode passes axe').toEqual([]);
      await page.keyboard.press('Escape');
      await page.locator('[data-rows]').waitFor();
      expect(await mode.count()).toBe(0);
    });
  });

  it('says when the session is over', async () => {
    await env.withPage({}, async (page) => {
      await page.clock.setFixedTime(new Date(2026, 11, 1, 14, 0, 0));
      await page.goto(builder('coalition-mapping'));
      await ready(page);
      await page.locator('[data-start-run]').click();
      await page.clock.setFixedTime(new Date(2026, 11, 1, 16, 1, 0));
      await expect.poll(() => page.locator('[data-run-now]').textContent(), { timeout: 5000 }).toBe('The session is over.');
      expect(await page.locator('.run-mode__meta').textContent()).toBe('It ended at 16:00.');
    });
  });
});
