/**
 * Worksheets without JavaScript, and worksheets holding hostile text.
 *
 * - With JavaScript off, every printable page carries every section and prompt of its definition,
 *   with answer space sized to each kind, and the form page says saving needs JavaScript.
 * - Stored answers that look like HTML stay text: in the fields and in the print copy, nothing runs.
 *
 * Runs against the real build (dist/, or SITE_DIR): `npx astro build && npx pagefind --site dist`.
 */
import { describe, expect, it } from 'vitest';
import { newPage } from '../support/browser.ts';
import { siteDir } from '../support/site.ts';
import { useSiteAndBrowser } from '../support/session.ts';
import { checkPageRecords } from '../gates/gates.ts';
import {
  builtDefinition,
  builtWorksheetIds,
  byId,
  cellId,
  fieldId,
  formPath,
  itemId,
  openForm,
  printCopyText,
  printPath,
  seedRecord,
  squash,
  t,
  type Answers,
} from './helpers-worksheets.ts';

const dir = siteDir();
const ids = builtWorksheetIds(dir);
const env = useSiteAndBrowser(dir);

/** What the printed blank page shows for one prompt. */
interface PrintedPrompt {
  kind: string;
  label: string;
  ruled: { lines: string | null; spans: number } | null;
  boxes: string[];
  options: string[];
  ranked: number;
  table: { headers: number; rows: number[]; filled: number } | null;
}

it('the build has worksheets', () => {
  expect(ids.length).toBeGreaterThan(0);
});

describe.each(ids)('worksheet %s with JavaScript off', (id) => {
  it('has a printable page with every section, every prompt and answer space sized to each kind', async () => {
    const ws = builtDefinition(dir, id);
    const recorded = await newPage(env.browser, { javaScriptEnabled: false });
    const { page } = recorded;
    try {
      const response = await page.goto(new URL(printPath(id), env.site.url).href);
      expect(response?.status()).toBe(200);
      expect(await page.locator('h1').textContent()).toBe(ws.title);
      const titles = (await page.locator('.print-section > h2').allTextContents()).map(squash);
      expect(titles.slice(0, ws.sections.length)).toEqual(ws.sections.map((s) => s.title));

      const sections = page.locator('.print-section');
      for (const [i, s] of ws.sections.entries()) {
        const printed: PrintedPrompt[] = await sections.nth(i).evaluate((section) =>
          [...section.querySelectorAll('.print-prompt')].map((el) => {
            const ruled = el.querySelector('.ruled');
            const table = el.querySelector('table.print-table');
            return {
              kind: [...el.classList].find((c) => c.startsWith('print-prompt--'))?.slice('print-prompt--'.length) ?? '',
              label: el.querySelector('.print-prompt__label')?.textContent ?? '',
              ruled: ruled ? { lines: ruled.getAttribute('data-lines'), spans: ruled.querySelectorAll(':scope > span').length } : null,
              boxes: [...el.querySelectorAll('.print-box')].map((b) => b.textContent ?? ''),
              options: [...el.querySelectorAll('.print-options > li')].map((li) => (li.textContent ?? '').trim()),
              ranked: el.querySelectorAll('.print-ranked > li').length,
              table: table
                ? {
                    headers: table.querySelectorAll('thead th').length,
                    rows: [...table.querySelectorAll('tbody tr')].map((tr) => tr.querySelectorAll('td').length),
                    filled: [...table.querySelectorAll('tbody td')].filter((td) => (td.textContent ?? '').trim() !== '').length,
                  }
                : null,
            };
          }),
        );
        expect(
          printed.map((p) => p.label),
          `section "${s.title}"`,
        ).toEqual(s.prompts.map((p) => p.label));
        for (const [j, p] of s.prompts.entries()) {
          const got = printed[j]!;
          const where = `${id} / ${p.id}`;
          expect(got.kind, where).toBe(p.kind);
          switch (p.kind) {
            case 'text':
              expect(got.ruled, where).toEqual({ lines: '1', spans: 1 });
              break;
            case 'longtext':
              expect(got.ruled, `${where}: ruled lines`).toEqual({ lines: String(p.lines), spans: p.lines });
              break;
            case 'scale':
              expect(got.boxes, `${where}: one box per value`).toEqual(
                Array.from({ length: p.max - p.min + 1 }, (_, k) => String(p.min + k)),
              );
              break;
            case 'choice':
            case 'checklist':
              expect(got.options, `${where}: options`).toEqual(p.options.map((o) => o.label));
              break;
            case 'ranked':
              expect(got.ranked, `${where}: lines to rank`).toBe(p.max);
              break;
            case 'table':
              expect(got.table, `${where}: empty table`).toEqual({
                headers: p.columns.length,
                rows: Array.from({ length: p.rows }, () => p.columns.length),
                filled: 0,
              });
              break;
          }
        }
      }
      expect(checkPageRecords(await recorded.collect(), env.site.origin)).toEqual([]);
    } finally {
      await recorded.close();
    }
  });

  it('has a form page that says saving needs JavaScript', async () => {
    const ws = builtDefinition(dir, id);
    const recorded = await newPage(env.browser, { javaScriptEnabled: false });
    const { page } = recorded;
    try {
      await page.goto(new URL(formPath(id), env.site.url).href);
      const notice = page.locator('[data-warning="no-js"]');
      expect(await notice.isVisible()).toBe(true);
      expect(squash((await notice.textContent()) ?? '')).toBe(t.jsNeeded);
      expect(await page.locator('[data-ready="true"]').count(), 'nothing mounted').toBe(0);
      // The questions are still there to read.
      for (const s of ws.sections) expect(await page.locator('.ws-form--static .ws-section > h2').allTextContents()).toContain(s.title);
    } finally {
      await recorded.close();
    }
  });
});

describe('hostile answers', () => {
  const id = 'coalition-map';
  const IMG = '<img src=x onerror=alert(1)>';
  const SCRIPT = '</textarea><script>alert(1)</script>';
  const answers: Answers = {
    'the-change': IMG,
    'shared-goal': SCRIPT,
    brokers: `${IMG}\n${SCRIPT}`,
    actors: [
      { id: 'r1', cells: { name: IMG, interest: SCRIPT, influence: 4, support: 2, 'long-term': SCRIPT, bargain: IMG } },
      { id: 'r2', cells: { name: SCRIPT, interest: IMG, influence: 2, support: 5 } },
    ],
    'first-conversations': [IMG, SCRIPT],
  };

  it('are shown as text in the fields and in the print copy, and never run', async () => {
    const recorded = await newPage(env.browser);
    const { page } = recorded;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    try {
      await seedRecord(page, env.site.url, id, answers);
      await openForm(page, env.site.url, id);
      await page.waitForLoadState('networkidle');

      expect(await page.inputValue(byId(fieldId(id, 'the-change')))).toBe(IMG);
      expect(await page.inputValue(byId(fieldId(id, 'shared-goal')))).toBe(SCRIPT);
      expect(await page.inputValue(byId(fieldId(id, 'brokers')))).toBe(`${IMG}\n${SCRIPT}`);
      for (const [col, value] of Object.entries({ name: IMG, interest: SCRIPT, 'long-term': SCRIPT, bargain: IMG })) {
        expect(await page.inputValue(byId(cellId(id, 'actors', 0, col))), `actors row 1 ${col}`).toBe(value);
      }
      expect(await page.inputValue(byId(cellId(id, 'actors', 1, 'name')))).toBe(SCRIPT);
      expect(await page.inputValue(byId(itemId(id, 'first-conversations', 0)))).toBe(IMG);
      expect(await page.inputValue(byId(itemId(id, 'first-conversations', 1)))).toBe(SCRIPT);

      const injected = () =>
        page.evaluate(() => ({
          imgs: document.querySelectorAll('img[src="x"]').length,
          scripts: [...document.scripts].filter((s) => (s.textContent ?? '').includes('alert(1)')).length,
          handlers: document.querySelectorAll('[onerror]').length,
        }));
      expect(await injected()).toEqual({ imgs: 0, scripts: 0, handlers: 0 });

      const printed = await printCopyText(page);
      expect(printed).toContain(IMG);
      expect(printed).toContain(SCRIPT);
      expect(printed).toContain(squash(`${IMG}\n${SCRIPT}`));
      expect(await injected()).toEqual({ imgs: 0, scripts: 0, handlers: 0 });
      await page.waitForTimeout(300);
      expect(dialogs).toEqual([]);
      expect(checkPageRecords(await recorded.collect(), env.site.origin)).toEqual([]);
    } finally {
      await recorded.close();
    }
  });
});
