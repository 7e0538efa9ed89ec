/**
 * Worksheet answers are kept: every prompt kind survives a reload, a reload straight after typing
 * keeps the text (flush on pagehide), and two tabs of the same worksheet stay in step.
 *
 * Runs against the real build (dist/, or SITE_DIR): `npx astro build && npx pagefind --site dist`.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage } from '../support/browser.ts';
import { siteDir } from '../support/site.ts';
import { useSiteAndBrowser } from '../support/session.ts';
import { checkPageRecords } from '../gates/gates.ts';
import {
  KEYS,
  allPrompts,
  builtDefinition,
  byId,
  cellId,
  expectFormShows,
  fieldId,
  itemId,
  openForm,
  optionInput,
  promptBlock,
  readRaw,
  t,
  waitSaved,
  type Answers,
  type Prompt,
  type TableColumn,
  type TableRow,
  type Worksheet,
} from './helpers-worksheets.ts';

const dir = siteDir();
const env = useSiteAndBrowser(dir);

/** Between them these four worksheets have every prompt kind. */
const FILLED = ['muscles-check', 'coalition-map', 'three-horizons', 'trust-inventory'];
const ALL_KINDS: Prompt['kind'][] = ['text', 'longtext', 'scale', 'choice', 'checklist', 'table', 'ranked'];

/** A value for one table cell, and how to put it in the field. */
async function fillCell(page: Page, id: string, col: TableColumn, row: number): Promise<string | number> {
  if (col.kind === 'text') {
    const text = `${col.label} in row ${row + 1} — “quoted” & <kept>`;
    await page.fill(byId(id), text);
    return text;
  }
  if (col.kind === 'scale') {
    const n = col.min + ((row + 1) % (col.max - col.min + 1));
    await page.selectOption(byId(id), String(n));
    return n;
  }
  const option = col.options[row % col.options.length]!;
  await page.selectOption(byId(id), option.value);
  return option.value;
}

/** Fills one prompt the way a reader would and returns the answer it should now hold. */
async function fillPrompt(page: Page, ws: Worksheet, p: Prompt, index: number): Promise<Answers[string]> {
  switch (p.kind) {
    case 'text': {
      const text = `Answer to ${p.id}: café, naïve, 100 % — “done”`;
      await page.fill(byId(fieldId(ws.id, p.id)), text);
      return text;
    }
    case 'longtext': {
      const text = `First line for ${p.id}.\nSecond line, with <angle brackets> & ampersands.\n\n  Indented after a blank line.`;
      await page.fill(byId(fieldId(ws.id, p.id)), text);
      return text;
    }
    case 'scale': {
      const n = p.min + (index % (p.max - p.min + 1));
      await optionInput(page, p.id, n).check();
      return n;
    }
    case 'choice': {
      const option = p.options[1]!;
      await optionInput(page, p.id, option.value).check();
      return option.value;
    }
    case 'checklist': {
      const picked = p.options.filter((_, i) => i % 2 === 0).map((o) => o.value);
      for (const v of picked) await optionInput(page, p.id, v).check();
      return picked;
    }
    case 'table': {
      const offered = Math.min(p.rows, 3);
      const first: TableRow['cells'] = {};
      for (const c of p.columns) first[c.id] = await fillCell(page, cellId(ws.id, p.id, 0, c.id), c, 0);
      await promptBlock(page, p.id)
        .getByRole('button', { name: t.addRow(p.rowName), exact: true })
        .click();
      const added: TableRow['cells'] = {};
      for (const c of p.columns) added[c.id] = await fillCell(page, cellId(ws.id, p.id, offered, c.id), c, offered);
      const rows: TableRow[] = [{ id: 'r0', cells: first }];
      for (let i = 1; i < offered; i++) rows.push({ id: `r${i}`, cells: {} });
      rows.push({ id: `r${offered}`, cells: added });
      return rows;
    }
    case 'ranked': {
      const items = [`Most important for ${p.id}`, `Second for ${p.id} <b>not bold</b>`];
      await page.fill(byId(itemId(ws.id, p.id, 0)), items[0]!);
      await promptBlock(page, p.id)
        .getByRole('button', { name: t.addRow(p.itemName), exact: true })
        .click();
      await page.fill(byId(itemId(ws.id, p.id, 1)), items[1]!);
      return items;
    }
  }
}

/** Stored answers without table row ids, which the form makes up. */
function withoutRowIds(answers: Answers, ws: Worksheet): unknown {
  const out: Record<string, unknown> = {};
  for (const p of allPrompts(ws)) {
    const v = answers[p.id];
    if (v === undefined) continue;
    out[p.id] = p.kind === 'table' ? (v as TableRow[]).map((r) => r.cells) : v;
  }
  return out;
}

it('the four filled worksheets have every prompt kind between them', () => {
  const kinds = new Set(FILLED.flatMap((id) => allPrompts(builtDefinition(dir, id)).map((p) => p.kind)));
  expect([...kinds].sort()).toEqual([...ALL_KINDS].sort());
});

describe.each(FILLED)('worksheet %s', (id) => {
  it('keeps every answer, of every kind, across a reload', async () => {
    const ws = builtDefinition(dir, id);
    const recorded = await newPage(env.browser);
    const { page } = recorded;
    try {
      await openForm(page, env.site.url, id);
      const expected: Answers = {};
      for (const [i, p] of allPrompts(ws).entries()) {
        const v = await fillPrompt(page, ws, p, i);
        if (v !== undefined) expected[p.id] = v;
      }
      await waitSaved(page);

      const raw = await readRaw(page, KEYS.worksheet(id));
      expect(raw, 'a record is stored').not.toBeNull();
      const stored = JSON.parse(raw!) as { answers: Answers };
      expect(withoutRowIds(stored.answers, ws)).toEqual(withoutRowIds(expected, ws));

      await page.reload();
      await page.locator('.ws-form[data-ready="true"]').waitFor({ state: 'attached' });
      await expectFormShows(page, ws, expected);
      expect(checkPageRecords(await recorded.collect(), env.site.origin)).toEqual([]);
    } finally {
      await recorded.close();
    }
  });
});

it('keeps a long text typed just before an immediate reload (saved on pagehide, without waiting for the debounce)', async () => {
  const id = 'muscles-check';
  const ws = builtDefinition(dir, id);
  const prompt = allPrompts(ws).find((p) => p.kind === 'longtext')!;
  const recorded = await newPage(env.browser);
  const { page } = recorded;
  try {
    // The clock is held, so the save that waits for a pause in typing cannot fire however slow the
    // machine is: only the save on leaving the page can keep the text.
    await recorded.context.clock.install();
    await openForm(page, env.site.url, id);
    await recorded.context.clock.pauseAt(Date.now() + 1_000);
    const text = 'Typed and gone at once.\nThe second line too.';
    await page.locator(byId(fieldId(id, prompt.id))).pressSequentially(text);
    expect(await readRaw(page, KEYS.worksheet(id)), 'nothing saved yet: the debounce has not fired').toBeNull();
    await page.reload();
    // The new page loads its form's script once its first paint is reported, then on a timer (see
    // after-paint.ts), so the held clock is let run, a little at a time, until the form is ready; the page
    // that could have saved on a timer is gone.
    const ready = () => page.evaluate(() => document.querySelector('.ws-form[data-ready="true"]') !== null);
    for (let i = 0; i < 40 && !(await ready()); i++) await recorded.context.clock.runFor(250);
    await page.locator('.ws-form[data-ready="true"]').waitFor({ state: 'attached' });
    expect(await page.inputValue(byId(fieldId(id, prompt.id)))).toBe(text);
  } finally {
    await recorded.close();
  }
});

it('keeps focus and every character when a reader types into an offered empty table row', async () => {
  const id = 'coalition-map';
  const recorded = await newPage(env.browser);
  const { page } = recorded;
  try {
    await openForm(page, env.site.url, id);
    for (const row of [0, 1]) {
      const cell = byId(cellId(id, 'actors', row, 'name'));
      const text = `Chief inspector ${row + 1}`;
      await page.locator(cell).pressSequentially(text);
      expect(await page.inputValue(cell), `row ${row + 1}: every character typed is kept`).toBe(text);
      expect(await page.evaluate(() => document.activeElement?.id), `row ${row + 1}: the cell keeps focus`).toBe(
        cellId(id, 'actors', row, 'name'),
      );
    }
  } finally {
    await recorded.close();
  }
});

describe('two tabs of the same worksheet', () => {
  const id = 'coalition-map';
  const textId = fieldId(id, 'the-change');

  it('shows an edit made in one tab in the other, without a reload', async () => {
    const recorded = await newPage(env.browser);
    const a = recorded.page;
    try {
      const b = await recorded.context.newPage();
      await openForm(a, env.site.url, id);
      await openForm(b, env.site.url, id);
      await a.fill(byId(textId), 'Written in tab A');
      await waitSaved(a);
      await expect.poll(() => b.inputValue(byId(textId)), { timeout: 5_000 }).toBe('Written in tab A');
      // And back the other way, on another prompt.
      await b.fill(byId(fieldId(id, 'shared-goal')), 'Written in tab B');
      await waitSaved(b);
      await expect.poll(() => a.inputValue(byId(fieldId(id, 'shared-goal'))), { timeout: 5_000 }).toBe('Written in tab B');
      expect(await a.inputValue(byId(textId))).toBe('Written in tab A');
      expect(checkPageRecords(await recorded.collect(), env.site.origin)).toEqual([]);
    } finally {
      await recorded.close();
    }
  });

  it('warns in the tab whose edit clashes with one saved by the other tab, keeps its own text, and can adopt the other version', async () => {
    const recorded = await newPage(env.browser);
    const a = recorded.page;
    try {
      await recorded.context.clock.install();
      const b = await recorded.context.newPage();
      await openForm(a, env.site.url, id);
      await openForm(b, env.site.url, id);
      // Both tabs change the same prompt before either has seen the other's save. The context's clock
      // is held, so B's save (which waits for a pause in typing) cannot fire while A saves at once on
      // pagehide: the clash then reaches B, which must warn. Time moves only when the test says so.
      await recorded.context.clock.pauseAt(Date.now() + 1_000);
      await b.fill(byId(textId), 'Mine, from tab B');
      await a.fill(byId(textId), 'Theirs, from tab A');
      await a.evaluate(() => window.dispatchEvent(new Event('pagehide')));

      // The storage event reaches B in its own time; let the held clock tick until B has drawn it.
      const advanceUntil = <T>(read: () => Promise<T>, want: T) =>
        expect
          .poll(
            async () => {
              await recorded.context.clock.runFor(20);
              return read();
            },
            { timeout: 10_000 },
          )
          .toBe(want);
      const conflictIn = (p: Page) => promptBlock(p, 'the-change').locator('.ws-conflict[role="alert"]');
      const conflict = conflictIn(b);
      await advanceUntil(() => conflict.count(), 1);
      expect(await conflict.locator('p').first().textContent()).toBe(t.conflict);
      expect(await conflict.locator('.ws-conflict__theirs').textContent()).toBe('Theirs, from tab A');
      expect(await b.inputValue(byId(textId)), 'B keeps its own text').toBe('Mine, from tab B');
      expect(await conflictIn(a).count(), 'A has nothing to resolve').toBe(0);

      await conflict.getByRole('button', { name: t.useTheirs, exact: true }).click();
      await recorded.context.clock.runFor(1_000);
      expect(await b.inputValue(byId(textId))).toBe('Theirs, from tab A');
      expect(await conflictIn(b).count()).toBe(0);
      await waitSaved(b);
      const stored = JSON.parse((await readRaw(b, KEYS.worksheet(id)))!) as { answers: Answers };
      expect(stored.answers['the-change']).toBe('Theirs, from tab A');
      await advanceUntil(() => a.inputValue(byId(textId)), 'Theirs, from tab A');
      expect(checkPageRecords(await recorded.collect(), env.site.origin)).toEqual([]);
    } finally {
      await recorded.close();
    }
  });
});
