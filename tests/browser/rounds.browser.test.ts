/**
 * Rounds in Chromium against the real build: fill the muscles check, save a round, change the ratings, save a
 * second; the radar draws both (legend and text table with their dates) and the change table shows what moved;
 * rename and delete (with its confirmation and Undo), focus and the live region after each; a reload keeps
 * them; another tab's round is merged in; the workbook's backup contains them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSiteAndBrowser } from '../support/session.ts';
import { siteDir } from '../support/site.ts';
import { checkAxe } from '../gates/gates.ts';
import { KEYS, openForm, optionInput, reachCharts, readRaw } from './helpers-worksheets.ts';

const env = useSiteAndBrowser(siteDir());
const ID = 'muscles-check';
const SPOKES = ['state-capability', 'trust', 'people-and-relationships', 'coalitions', 'reflection', 'purpose', 'resourcing'];
const panel = (page: Page) => page.locator('[data-rounds-panel]');
const radar = (page: Page) => page.locator('.ws-form__screen figure.chart').first();
const announced = (page: Page) => page.locator('[data-worksheet-island] [data-announcer]');
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? (el.dataset['rounds'] ?? (el.dataset['roundName'] ? 'round-name' : el.tagName)) : '';
  });
const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

async function rate(page: Page, values: number[]): Promise<void> {
  for (const [i, spoke] of SPOKES.entries()) {
    await optionInput(page, `${spoke}-today`, values[i]!).check();
    await optionInput(page, `${spoke}-needed`, 5).check();
  }
}

describe('rounds on the muscles check', () => {
  it('saves two rounds, draws both, shows the change, renames and deletes one, keeps them across a reload and backs them up', async () => {
    await env.withPage({ acceptDownloads: true }, async (page) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await openForm(page, env.site.url, ID);
      expect(await panel(page).count(), 'the rounds wait until they come near the screen').toBe(0);
      await reachCharts(page);
      await panel(page).waitFor();
      expect(await panel(page).locator('[data-rounds-none]').count()).toBe(1);

      // Nothing rated yet: the button says so instead of saving an empty round.
      await panel(page).locator('[data-rounds="save"]').click();
      await expect.poll(() => announced(page).innerText()).toMatch(/Rate at least one item first/);

      await rate(page, [1, 2, 3, 2, 1, 2, 3]);
      await panel(page).locator('[data-rounds="save"]').click();
      await expect.poll(() => announced(page).innerText()).toBe(`Saved: Round of ${today}.`);
      expect(await focused(page), 'focus on the new round').toBe('round-name');

      await rate(page, [3, 4, 3, 2, 2, 2, 4]);
      await panel(page).getByLabel('Name of the round (optional)').fill('After the retreat');
      await panel(page).locator('[data-rounds="save"]').click();
      await expect.poll(() => panel(page).locator('li[data-round]').count()).toBe(2);

      // The radar: both rounds drawn, each in the legend and as a column of the text table, with its date.
      expect(await radar(page).locator('svg g.chart__round').count()).toBe(2);
      const legend = await radar(page).locator('.chart__legend li[data-round]').allInnerTexts();
      expect(legend).toEqual([`Round of ${today}`, `After the retreat (${today})`]);
      const head = await radar(page).locator('.chart__table thead th').allInnerTexts();
      expect(head.slice(3)).toEqual(legend);
      const trustRow = await radar(page).locator('.chart__table tbody tr', { hasText: 'Trust' }).locator('td').allInnerTexts();
      expect(trustRow).toEqual(['4 of 5', '5 of 5', '2 of 5', '4 of 5']);
      // Distinct strokes: each round its own dash pattern and colour.
      const strokes = await radar(page)
        .locator('svg g.chart__round polygon')
        .evaluateAll((els) => els.map((el) => `${getComputedStyle(el).stroke} ${getComputedStyle(el).strokeDasharray}`));
      expect(new Set(strokes).size).toBe(2);

      // The change table: consecutive rounds, then the first round to now.
      const changes = panel(page).locator('[data-table="rounds-changes"]');
      expect(await changes.locator('thead th').allInnerTexts()).toEqual([
        '\u00a0',
        `Round of ${today} to After the retreat (${today})`,
        `Round of ${today} to now`,
      ]);
      expect(await changes.locator('tbody tr', { hasText: 'Trust' }).locator('td').allInnerTexts()).toEqual(['+2', '+2']);
      expect(await changes.locator('tbody tr', { hasText: 'Coalitions' }).locator('td').allInnerTexts()).toEqual(['0', '0']);

      expect(await checkAxe(page), 'the page with two rounds passes axe').toEqual([]);

      // Rename the first round: focus goes to its field, then back to the round, each step announced.
      const first = panel(page).locator('li[data-round]').first();
      await first.locator('[data-rounds="rename"]').click();
      expect(await focused(page)).toBe('rename-input');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Before the retreat');
      await page.keyboard.press('Enter');
      await expect.poll(() => announced(page).innerText()).toBe('Renamed: Before the retreat.');
      expect(await focused(page)).toBe('round-name');
      expect(await radar(page).locator('.chart__legend li[data-round]').first().innerText()).toBe(`Before the retreat (${today})`);

      // Delete the second: a question first, then Undo once, then delete for good.
      const second = panel(page).locator('li[data-round]').nth(1);
      await second.locator('[data-rounds="delete"]').click();
      expect(await focused(page)).toBe('delete-question');
      await panel(page).locator('[data-rounds="delete-yes"]').click();
      await expect.poll(() => announced(page).innerText()).toBe('Deleted: After the retreat.');
      expect(await focused(page)).toBe('undo');
      expect(await panel(page).locator('li[data-round]').count()).toBe(1);
      await panel(page).locator('[data-rounds="undo"]').click();
      await expect.poll(() => announced(page).innerText()).toBe('After the retreat is back.');
      expect(await panel(page).locator('li[data-round]').count()).toBe(2);
      // Cancel leaves it; then it goes for good.
      await second.locator('[data-rounds="delete"]').click();
      await panel(page).getByRole('button', { name: 'Cancel' }).click();
      expect(await focused(page)).toBe('delete');
      expect(await announced(page).innerText()).toBe('Nothing was deleted.');
      await second.locator('[data-rounds="delete"]').click();
      await panel(page).locator('[data-rounds="delete-yes"]').click();
      await expect.poll(() => panel(page).locator('li[data-round]').count()).toBe(1);

      // Kept across a reload.
      await page.reload();
      await page.locator('.ws-form[data-ready="true"]').waitFor({ state: 'attached' });
      await reachCharts(page);
      await panel(page).waitFor();
      expect(await panel(page).locator('.ws-rounds__name').allInnerTexts()).toEqual(['Before the retreat']);
      expect(await radar(page).locator('svg g.chart__round').count()).toBe(1);
      const stored = JSON.parse((await readRaw(page, KEYS.rounds(ID)))!) as {
        format: string;
        version: number;
        rounds: { values: Record<string, number> }[];
      };
      expect(stored).toMatchObject({ format: 'psfg-rounds', version: 1 });
      expect(stored.rounds.map((r) => r.values['trust-today'])).toEqual([2]);

      // Another tab saves a round: this tab merges it in, its own rounds kept.
      const other = await page.context().newPage();
      await openForm(other, env.site.url, ID);
      await reachCharts(other);
      await panel(other).waitFor();
      await panel(other).getByLabel('Name of the round (optional)').fill('From the other tab');
      await panel(other).locator('[data-rounds="save"]').click();
      await expect.poll(() => panel(page).locator('li[data-round]').count()).toBe(2);
      await other.close();

      // The workbook's backup contains them.
      await page.goto(`${env.site.url}workbook/`);
      await page.locator('[data-workbook][data-ready="true"]').waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export"]')]);
      const backup = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
        version: number;
        rounds: { worksheet: string; rounds: { name: string }[] }[];
      };
      expect(backup.version).toBe(2);
      expect(backup.rounds.find((r) => r.worksheet === ID)!.rounds.map((r) => r.name)).toEqual([
        'Before the retreat',
        'From the other tab',
      ]);
      expect(errors).toEqual([]);
    });
  });
});
