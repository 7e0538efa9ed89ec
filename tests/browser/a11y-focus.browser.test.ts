/**
 * Focus that never drops, and actions that are announced (issue 14), by keyboard in real Chromium, on
 * every worksheet that has each feature: table rows (add, move, remove), ranked lists (add up to the
 * limit, move, remove), "Clear this answer" on scales and choices, "Clear this worksheet" with its
 * confirmation, Undo and Cancel, and the two buttons of a conflict with another tab.
 *
 * After every action the focused element is the expected one, never <body>, and the form's one polite
 * live region says what happened.
 *
 * Runs against the real build (dist/, or SITE_DIR): `npm run build` first.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { siteDir } from '../support/site.ts';
import { useSiteAndBrowser } from '../support/session.ts';
import {
  KEYS,
  allPrompts,
  builtDefinition,
  builtWorksheetIds,
  byId,
  cellId,
  fieldId,
  itemId,
  makeRecord,
  openForm,
  promptBlock,
  t,
  type Prompt,
  type Worksheet,
} from './helpers-worksheets.ts';

const dir = siteDir();
const env = useSiteAndBrowser(dir);
const sheets = builtWorksheetIds(dir).map((id) => builtDefinition(dir, id));

type Of<K extends Prompt['kind']> = Extract<Prompt, { kind: K }>;
const promptsOf = <K extends Prompt['kind']>(kind: K): [string, Worksheet, Of<K>][] =>
  sheets.flatMap((ws) =>
    allPrompts(ws).flatMap((p) => (p.kind === kind ? [[`${ws.id} / ${p.id}`, ws, p as Of<K>] as [string, Worksheet, Of<K>]] : [])),
  );

/** What has focus, described so a failure says where it went. */
interface Focused {
  tag: string;
  id: string;
  name: string;
  action: string | null;
  clear: string | null;
  /** data-key of the row or item the element is in. */
  key: string | null;
  value: string | null;
}

const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    const el = document.activeElement ?? document.body;
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '',
      action: el.getAttribute('data-action'),
      clear: el.getAttribute('data-clear'),
      key: el.closest('[data-key]')?.getAttribute('data-key') ?? null,
      value: el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : null,
    };
  });

/** Waits until focus has settled on something other than <body>, then describes it. */
async function focusedNow(page: Page): Promise<Focused> {
  await expect.poll(async () => (await focused(page)).tag, { timeout: 5_000 }).not.toBe('body');
  return focused(page);
}

const announced = (page: Page) => page.locator('[data-worksheet-island] [data-announcer]');

async function expectAnnounced(page: Page, text: string): Promise<void> {
  const region = announced(page);
  expect(await region.getAttribute('aria-live')).toBe('polite');
  await expect.poll(() => region.textContent(), { timeout: 5_000 }).toBe(text);
}

/** Focuses an element and presses a key on it: what a keyboard user does. */
async function press(page: Page, selector: string, key = 'Enter'): Promise<void> {
  await page.focus(selector);
  await page.keyboard.press(key);
}

/** Keys of the rows or items of a prompt, in order on the page. */
const keysOf = (page: Page, promptId: string): Promise<string[]> =>
  promptBlock(page, promptId)
    .locator('[data-key]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')!));

const inRow = (promptId: string, key: string, what: string) => `.ws-prompt[data-prompt="${promptId}"] [data-key="${key}"] ${what}`;
const addButton = (promptId: string) => `.ws-prompt[data-prompt="${promptId}"] [data-action="add"]`;

describe.each(promptsOf('table'))('table %s', (_, ws, p) => {
  it('adds rows with focus on the new first cell, moves a row two places with Enter twice, and hands focus on when rows go', async () => {
    await env.withPage({}, async (page) => {
      await openForm(page, env.site.url, ws.id);
      const first = p.columns[0]!;
      // At least three rows to move through.
      while ((await keysOf(page, p.id)).length < 3) {
        const n = (await keysOf(page, p.id)).length;
        await press(page, addButton(p.id));
        const f = await focusedNow(page);
        expect(f.id, 'a new row: its first cell').toBe(cellId(ws.id, p.id, n, first.id));
        await expectAnnounced(page, t.itemAdded(t.itemLabel(p.rowName, n + 1)));
      }
      const n = (await keysOf(page, p.id)).length;
      await press(page, addButton(p.id));
      expect((await focusedNow(page)).id, 'a new row: its first cell').toBe(cellId(ws.id, p.id, n, first.id));
      await expectAnnounced(page, t.itemAdded(t.itemLabel(p.rowName, n + 1)));

      const keys = await keysOf(page, p.id);
      const moving = keys[0]!;
      await page.focus(inRow(p.id, moving, '[data-action="down"]'));
      await page.keyboard.press('Enter');
      let f = await focusedNow(page);
      expect([f.key, f.action], 'a moved row: its own button').toEqual([moving, 'down']);
      await page.keyboard.press('Enter');
      f = await focusedNow(page);
      expect([f.key, f.action]).toEqual([moving, 'down']);
      expect((await keysOf(page, p.id)).indexOf(moving), 'Enter twice moves the row two places').toBe(2);
      await expectAnnounced(page, t.itemMoved(t.itemLabel(p.rowName, 2), 3, keys.length));

      // Up to the top: its Up button is then switched off, so focus stays on the row's Down.
      await press(page, inRow(p.id, moving, '[data-action="up"]'));
      await page.keyboard.press('Enter');
      f = await focusedNow(page);
      expect((await keysOf(page, p.id)).indexOf(moving)).toBe(0);
      expect([f.key, f.action], 'at the top: the row’s other move button').toEqual([moving, 'down']);

      // Remove a middle row: focus goes to the next row's Remove.
      const now = await keysOf(page, p.id);
      await press(page, inRow(p.id, now[1]!, '[data-action="remove"]'));
      f = await focusedNow(page);
      expect([f.key, f.action], 'a removed row: the next row’s Remove').toEqual([now[2]!, 'remove']);
      await expectAnnounced(page, t.itemRemoved(t.itemLabel(p.rowName, 2)));
      // Remove the last row: focus goes to Add.
      const left = await keysOf(page, p.id);
      await press(page, inRow(p.id, left.at(-1)!, '[data-action="remove"]'));
      f = await focusedNow(page);
      expect(f.action, 'the last row removed: Add').toBe('add');
      expect(await keysOf(page, p.id)).toEqual(left.slice(0, -1));
    });
  });
});

describe.each(promptsOf('ranked'))('ranked list %s', (_, ws, p) => {
  it('adds up to the limit with focus on each new item, follows a moved item, and hands focus on when items go', async () => {
    await env.withPage({}, async (page) => {
      await openForm(page, env.site.url, ws.id);
      const names = ['Trust', 'Budget', 'Voice', 'Data', 'Time', 'Power', 'Rules', 'Staff', 'Money', 'Place', 'Users', 'Law'];
      await page.fill(byId(itemId(ws.id, p.id, 0)), names[0]!);
      for (let i = 1; i < p.max; i++) {
        await press(page, addButton(p.id));
        const f = await focusedNow(page);
        expect(f.id, `Add number ${i}: the new item’s field`).toBe(itemId(ws.id, p.id, i));
        await expectAnnounced(page, t.itemAdded(t.itemLabel(p.itemName, i + 1)));
        await page.fill(byId(itemId(ws.id, p.id, i)), names[i]!);
      }
      expect(await promptBlock(page, p.id).locator('[data-action="add"]').count(), 'at the limit the Add button gives way').toBe(0);
      await promptBlock(page, p.id).getByText(t.maxItems(p.max, p.itemName)).waitFor();

      const last = names[p.max - 1]!;
      const label = t.itemLabel(p.itemName, p.max, last);
      const up = promptBlock(page, p.id).getByRole('button', { name: t.moveItemUp(label), exact: true });
      await up.focus();
      await page.keyboard.press('Enter');
      let f = await focusedNow(page);
      expect(f.name, 'focus stays on the moved item’s button').toBe(t.moveItemUp(label));
      await expectAnnounced(page, t.itemMoved(label, p.max - 1, p.max));
      await page.keyboard.press('Enter');
      f = await focusedNow(page);
      const order = await promptBlock(page, p.id)
        .locator('li input')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      expect(order.indexOf(last), 'Enter twice moves one item two places').toBe(p.max - 3);
      expect(order.filter((x) => x !== last).join(' / ')).toBe(names.slice(0, p.max - 1).join(' / '));
      await expectAnnounced(page, t.itemMoved(label, p.max - 2, p.max));
      if (p.max > 3) expect(f.name).toBe(t.moveItemUp(label));
      else expect(f.name, 'at the top: the item’s other move button').toBe(t.moveItemDown(label));

      // Remove the last item: focus goes to the Add button, which is back.
      const keys = await keysOf(page, p.id);
      await press(page, inRow(p.id, keys.at(-1)!, '[data-action="remove"]'));
      f = await focusedNow(page);
      expect(f.action, 'the last item removed: Add').toBe('add');
      // Remove the first: focus goes to the next item's Remove.
      const left = await keysOf(page, p.id);
      await press(page, inRow(p.id, left[0]!, '[data-action="remove"]'));
      f = await focusedNow(page);
      expect([f.key, f.action]).toEqual([left[1]!, 'remove']);
      // Remove every item that is left: focus ends on Add.
      for (;;) {
        const now = await keysOf(page, p.id);
        const value = await page.inputValue(byId(itemId(ws.id, p.id, 0)));
        if (now.length === 1 && value === '') break;
        await press(page, inRow(p.id, now[0]!, '[data-action="remove"]'));
        f = await focusedNow(page);
        expect(f.action === 'remove' || f.action === 'add', `focus after a removal: ${JSON.stringify(f)}`).toBe(true);
      }
      expect(f.action).toBe('add');
    });
  });
});

/** The first scale and the first choice prompt of each worksheet that has one. */
const clearable = sheets.flatMap((ws) =>
  (['scale', 'choice'] as const).flatMap((kind) => {
    const p = allPrompts(ws).find((x) => x.kind === kind);
    return p ? [[`${ws.id} / ${p.id}`, ws, p] as const] : [];
  }),
);

describe.each(clearable)('"Clear this answer" on %s', (_, ws, p) => {
  it('moves focus to the group’s first radio and announces it', async () => {
    await env.withPage({}, async (page) => {
      await openForm(page, env.site.url, ws.id);
      const radios = promptBlock(page, p.id).locator('input[type="radio"]');
      await radios.nth(1).check();
      const clear = promptBlock(page, p.id).getByRole('button', { name: new RegExp(`^${t.clearChoice}\\s*:`) });
      await clear.focus();
      await page.keyboard.press('Enter');
      const f = await focusedNow(page);
      expect(f.id).toBe(await radios.first().getAttribute('id'));
      expect(await radios.nth(1).isChecked()).toBe(false);
      await expectAnnounced(page, t.answerCleared(p.label));
    });
  });
});

describe.each(sheets.map((ws) => [ws.id, ws] as const))('"Clear this worksheet" on %s', (_, ws) => {
  it('keeps focus through the question, Cancel, Yes and Undo, and announces each step', async () => {
    await env.withPage({}, async (page) => {
      await openForm(page, env.site.url, ws.id);
      const text = allPrompts(ws).find((p) => p.kind === 'text' || p.kind === 'longtext');
      if (text) await page.fill(byId(fieldId(ws.id, text.id)), 'Something to clear');
      const start = `[data-clear="start"]`;
      const scope = (sel: string) => `[data-worksheet-island] ${sel}`;

      await press(page, scope(start));
      let f = await focusedNow(page);
      expect([f.clear, f.name], 'Clear: the question').toEqual(['question', t.clearConfirm]);
      await expectAnnounced(page, t.clearConfirm);

      await page.getByRole('button', { name: t.cancel, exact: true }).focus();
      await page.keyboard.press('Enter');
      f = await focusedNow(page);
      expect(f.clear, 'Cancel: Clear this worksheet').toBe('start');
      await expectAnnounced(page, t.clearCancelled);
      if (text) expect(await page.inputValue(byId(fieldId(ws.id, text.id)))).toBe('Something to clear');

      await page.keyboard.press('Enter');
      expect((await focusedNow(page)).clear).toBe('question');
      await page.getByRole('button', { name: t.clearYes, exact: true }).focus();
      await page.keyboard.press('Enter');
      f = await focusedNow(page);
      expect([f.clear, f.name], 'Yes: Undo').toEqual(['undo', t.undo]);
      await expectAnnounced(page, t.cleared);
      if (text) expect(await page.inputValue(byId(fieldId(ws.id, text.id)))).toBe('');

      await page.keyboard.press('Enter');
      f = await focusedNow(page);
      expect(f.clear, 'Undo: Clear this worksheet').toBe('start');
      await expectAnnounced(page, t.restored);
      if (text) expect(await page.inputValue(byId(fieldId(ws.id, text.id)))).toBe('Something to clear');
    });
  });
});

/** A text prompt and a scale prompt, on every worksheet that has one. */
const conflicted = sheets.flatMap((ws) =>
  (['text', 'longtext', 'scale'] as const).flatMap((kind) => {
    const p = allPrompts(ws).find((x) => x.kind === kind);
    return p && (kind !== 'longtext' || !allPrompts(ws).some((x) => x.kind === 'text')) ? [[`${ws.id} / ${p.id}`, ws, p] as const] : [];
  }),
);

describe.each(conflicted)('a conflict on %s', (_, ws, p) => {
  it.each([
    ['Keep mine', false],
    ['Use the other version', true],
  ] as const)('after "%s", focus is on the answer and the choice is announced', async (_, theirs) => {
    await env.withPage({}, async (page) => {
      await openForm(page, env.site.url, ws.id);
      const scale = p.kind === 'scale' ? p : undefined;
      const mine = scale ? scale.min : 'Mine, typed here';
      const other = scale ? scale.max : 'Theirs, from another tab';
      // In one task: this tab changes the answer, and before its save (which waits for a pause in
      // typing) another tab's newer record arrives, changing the same answer.
      await page.evaluate(
        ({ key, raw, field, radio, text }) => {
          if (radio) document.querySelector<HTMLInputElement>(radio)!.click();
          else {
            const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(field)!;
            el.value = text;
            el.dispatchEvent(new Event('input', { bubbles: true }));
          }
          window.dispatchEvent(new StorageEvent('storage', { key, newValue: raw, storageArea: window.localStorage }));
        },
        {
          key: KEYS.worksheet(ws.id),
          raw: JSON.stringify(makeRecord(ws.id, { [p.id]: other }, 5)),
          field: byId(fieldId(ws.id, p.id)),
          radio: scale ? `.ws-prompt[data-prompt="${p.id}"] input[value="${mine}"]` : '',
          text: String(mine),
        },
      );
      const alert = promptBlock(page, p.id).locator('.ws-conflict[role="alert"]');
      await alert.waitFor();
      await alert.getByRole('button', { name: theirs ? t.useTheirs : t.keepMine, exact: true }).focus();
      await page.keyboard.press('Enter');
      const f = await focusedNow(page);
      expect(await alert.count()).toBe(0);
      if (scale) expect([f.tag, f.value], 'the chosen radio').toEqual(['input', String(theirs ? other : mine)]);
      else expect([f.id, f.value], 'the field').toEqual([fieldId(ws.id, p.id), String(theirs ? other : mine)]);
      await expectAnnounced(page, theirs ? t.usedTheirs : t.keptMine);
    });
  });
});
