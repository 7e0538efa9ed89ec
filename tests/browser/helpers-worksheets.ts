/**
 * Helpers for the worksheet browser tests (tests/browser/worksheets*.browser.test.ts).
 *
 * The worksheet definitions are read from the build itself: each form page embeds its parsed
 * definition (defaults applied) in `<script type="application/json" data-worksheet-definition>`, so
 * the tests check the pages against exactly what they were built from.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { KEYS } from '../../src/lib/storage-keys.ts';
import { t } from '../../src/lib/strings.ts';
import type { Answers, TableRow } from '../../src/worksheets/answers.ts';
import type { Prompt, TableColumn, Worksheet } from '../../src/worksheets/schema.ts';
import { root } from '../support/site.ts';

export { KEYS, t };
export type { Answers, Prompt, TableColumn, TableRow, Worksheet };

/* ------------------------------------------------------------------------------------------------ */
/* Definitions and fixtures                                                                           */
/* ------------------------------------------------------------------------------------------------ */

const DEFINITION = /<script\b[^>]*\bdata-worksheet-definition\b[^>]*>([\s\S]*?)<\/script>/;

/** Ids of the worksheets that have a form page in the build, sorted. */
export function builtWorksheetIds(dir: string): string[] {
  const folder = join(dir, 'worksheets');
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(folder, e.name, 'index.html')))
    .map((e) => e.name)
    .sort();
}

/** The parsed definition a built form page embeds. */
export function builtDefinition(dir: string, id: string): Worksheet {
  const file = join(dir, 'worksheets', id, 'index.html');
  if (!existsSync(file)) throw new Error(`${file} is not in the build: rebuild the site (npx astro build && npx pagefind --site dist).`);
  const match = DEFINITION.exec(readFileSync(file, 'utf8'));
  if (!match?.[1]) throw new Error(`${file} has no <script data-worksheet-definition>`);
  return JSON.parse(match[1]) as Worksheet;
}

export const allPrompts = (ws: Worksheet): Prompt[] => ws.sections.flatMap((s) => s.prompts);

export interface Fixture {
  /** File name, e.g. `coalition-map.complete.json`. */
  name: string;
  worksheet: string;
  answers: Answers;
}

/** Every example in worksheets/examples/*.json, sorted by file name. */
export function exampleFixtures(): Fixture[] {
  const folder = join(root, 'worksheets', 'examples');
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => {
      const data = JSON.parse(readFileSync(join(folder, name), 'utf8')) as { worksheet: string; answers: Answers };
      return { name, worksheet: data.worksheet, answers: data.answers };
    });
}

/* ------------------------------------------------------------------------------------------------ */
/* Storage                                                                                            */
/* ------------------------------------------------------------------------------------------------ */

/** A stored record, in the exact shape src/worksheets/storage.ts writes. */
export function makeRecord(worksheet: string, answers: Answers, rev = 1): Record<string, unknown> {
  return {
    format: 'psfg-worksheet',
    version: 1,
    worksheet,
    worksheetVersion: 1,
    rev,
    updated: new Date().toISOString(),
    answers,
    earlier: [],
  };
}

/** Opens the site's home page (so storage belongs to the site's origin) and writes raw values. */
export async function seedRaw(page: Page, siteUrl: string, entries: Record<string, string>): Promise<void> {
  await page.goto(siteUrl);
  await page.evaluate((all) => {
    for (const [k, v] of Object.entries(all)) window.localStorage.setItem(k, v);
  }, entries);
}

/** Stores a valid record of `answers` for worksheet `id`, from the home page. */
export async function seedRecord(page: Page, siteUrl: string, id: string, answers: Answers): Promise<string> {
  const raw = JSON.stringify(makeRecord(id, answers));
  await seedRaw(page, siteUrl, { [KEYS.worksheet(id)]: raw });
  return raw;
}

/** Fills the origin's storage until not even one more character fits; returns how many keys it took. */
export function fillStorage(page: Page): Promise<number> {
  return page.evaluate(() => {
    let size = 1 << 20;
    let n = 0;
    while (size >= 1) {
      try {
        window.localStorage.setItem(`junk:${n}`, 'x'.repeat(size));
        n++;
      } catch {
        size = Math.floor(size / 2);
      }
    }
    return n;
  });
}

/** The raw stored value of a key (null when absent). */
export function readRaw(page: Page, key: string): Promise<string | null> {
  return page.evaluate((k) => window.localStorage.getItem(k), key);
}

/** Every stored key starting with prefix. */
export function keysWithPrefix(page: Page, prefix: string): Promise<string[]> {
  return page.evaluate((p) => Object.keys(window.localStorage).filter((k) => k.startsWith(p)), prefix);
}

/* ------------------------------------------------------------------------------------------------ */
/* Pages                                                                                              */
/* ------------------------------------------------------------------------------------------------ */

export const formPath = (id: string): string => `worksheets/${id}/`;
export const printPath = (id: string): string => `worksheets/${id}/print/`;

/** The mounted form of a worksheet page. */
export const form = (page: Page): Locator => page.locator('.ws-form[data-ready="true"]');

/** Opens a worksheet's form page and waits until the island has mounted. */
export async function openForm(page: Page, siteUrl: string, id: string): Promise<void> {
  await page.goto(new URL(formPath(id), siteUrl).href);
  await form(page).waitFor({ state: 'attached' });
}

/**
 * Scrolls to the form's charts and rounds, as a reader going down the page does, and waits until they are
 * drawn: they wait until they come near the screen (TAIL in src/islands/WorksheetForm.tsx).
 */
export async function reachCharts(page: Page): Promise<void> {
  const parts = page.locator('.ws-form[data-ready="true"] .ws-part--near');
  await parts.first().waitFor({ state: 'attached' });
  for (let i = 0; i < (await parts.count()); i++) {
    await parts.nth(i).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await parts.nth(i).and(page.locator('[data-drawn="true"]')).waitFor({ state: 'attached' });
  }
}

/** Waits until the save status says the answers are saved ("Saved on this device at HH:MM"). */
export async function waitSaved(page: Page): Promise<void> {
  const status = page.locator('[data-save-state]');
  await expect.poll(() => status.getAttribute('data-save-state'), { timeout: 10_000 }).toBe('saved');
  expect(await status.textContent()).toMatch(/^Saved on this device at \d\d:\d\d$/);
}

/** The locator of one prompt's block. */
export const promptBlock = (page: Page, promptId: string): Locator => page.locator(`.ws-prompt[data-prompt="${promptId}"]`);

/**
 * A selector for an element id. An attribute selector rather than `#id`: ids built from option values
 * may hold characters (spaces, capitals, punctuation) that `#id` cannot name unescaped.
 */
export const byId = (id: string): string => `[id="${id.replace(/["\\]/g, '\\$&')}"]`;

/** The id of a text or longtext field. */
export const fieldId = (wsId: string, promptId: string): string => `${wsId}-${promptId}`;

/**
 * The radio or checkbox input for one value of a scale, choice or checklist prompt, found by its
 * value within the prompt (input ids are made from option values, which may be turned into id-safe forms).
 */
export const optionInput = (page: Page, promptId: string, value: string | number): Locator =>
  promptBlock(page, promptId).locator(`input[value="${String(value).replace(/["\\]/g, '\\$&')}"]`);
export const cellId = (wsId: string, promptId: string, row: number, col: string): string => `${wsId}-${promptId}-${row}-${col}`;
export const itemId = (wsId: string, promptId: string, i: number): string => `${wsId}-${promptId}-${i}`;

/** Collapses runs of white space, as rendered text does. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The text of each string answer (text, longtext) of a set of answers. */
export function textAnswers(ws: Worksheet, answers: Answers): { prompt: Prompt; text: string }[] {
  return allPrompts(ws).flatMap((p) => {
    const v = answers[p.id];
    return (p.kind === 'text' || p.kind === 'longtext') && typeof v === 'string' && v.trim() ? [{ prompt: p, text: v }] : [];
  });
}

/** The value a table cell's field shows for a stored cell. */
export const cellFieldValue = (v: string | number | undefined): string => (v === undefined ? '' : String(v));

/**
 * Checks that the mounted form shows `answers`: every text field's value, every scale, choice and
 * checklist input's checked state, every table cell and every ranked item.
 */
export async function expectFormShows(page: Page, ws: Worksheet, answers: Answers): Promise<void> {
  for (const p of allPrompts(ws)) {
    const v = answers[p.id];
    const where = `${ws.id} / ${p.id}`;
    switch (p.kind) {
      case 'text':
      case 'longtext':
        expect(await page.inputValue(byId(fieldId(ws.id, p.id))), where).toBe(typeof v === 'string' ? v : '');
        break;
      case 'scale':
        for (let n = p.min; n <= p.max; n++)
          expect(await optionInput(page, p.id, n).isChecked({ timeout: 5_000 }), `${where} = ${n}`).toBe(v === n);
        break;
      case 'choice':
        for (const o of p.options)
          expect(await optionInput(page, p.id, o.value).isChecked({ timeout: 5_000 }), `${where} = ${o.value}`).toBe(v === o.value);
        break;
      case 'checklist': {
        const on = Array.isArray(v) ? (v as string[]) : [];
        for (const o of p.options)
          expect(await optionInput(page, p.id, o.value).isChecked({ timeout: 5_000 }), `${where} ${o.value}`).toBe(on.includes(o.value));
        break;
      }
      case 'table': {
        const rows = Array.isArray(v) ? (v as TableRow[]) : [];
        for (const [i, row] of rows.entries()) {
          for (const c of p.columns) {
            expect(await page.inputValue(byId(cellId(ws.id, p.id, i, c.id))), `${where} row ${i} ${c.id}`).toBe(
              cellFieldValue(row.cells[c.id]),
            );
          }
        }
        if (rows.length)
          expect(await page.locator(byId(cellId(ws.id, p.id, rows.length, p.columns[0]!.id))).count(), `${where}: no extra row`).toBe(0);
        break;
      }
      case 'ranked': {
        const items = Array.isArray(v) ? (v as string[]) : [];
        for (const [i, item] of items.entries())
          expect(await page.inputValue(byId(itemId(ws.id, p.id, i))), `${where} item ${i}`).toBe(item);
        break;
      }
    }
  }
}

/** The rendered text of the print copy of the answers, with print media emulated. */
export async function printCopyText(page: Page): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const copy = page.locator('.ws-print-copy');
  await expect.poll(() => copy.isVisible()).toBe(true);
  return squash(await copy.innerText());
}
