/**
 * The workbook in Chromium against the real build: each worksheet's state; export, delete everything and
 * import through the page give back identical stored records; a bad file is refused with a message and
 * changes nothing; an open tab of an imported worksheet shows the imported answers, not a conflict; data
 * set aside as unreadable can be downloaded; without JavaScript the list and a plain note remain.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from '../support/session.ts';
import { siteDir } from '../support/site.ts';
import { KEYS, builtDefinition, exampleFixtures, form, makeRecord, promptBlock, readRaw, seedRaw } from './helpers-worksheets.ts';

const env = useSiteAndBrowser(siteDir());
const fixture = (name: string) => exampleFixtures().find((f) => f.name === name)!;
const complete = fixture('trust-inventory.complete.json');
const partial = fixture('coalition-map.partial.json');

async function storedGuideKeys(page: import('playwright-core').Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      out[k] = localStorage.getItem(k)!;
    }
    return out;
  });
}

describe('the workbook', () => {
  it('lists every worksheet with its state, exports a backup, deletes everything and imports it back to identical records', async () => {
    await env.withPage({ acceptDownloads: true }, async (page) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await seedRaw(page, env.site.url, {
        [KEYS.worksheet(complete.worksheet)]: JSON.stringify(makeRecord(complete.worksheet, complete.answers, 4)),
        [KEYS.worksheet(partial.worksheet)]: JSON.stringify(makeRecord(partial.worksheet, partial.answers, 2)),
        'another-app:keep': 'untouched',
      });
      await page.goto(`${env.site.url}workbook/`);
      await page.locator('[data-workbook][data-ready="true"]').waitFor();
      expect(await page.locator('[data-workbook-row]').count()).toBe(18);
      expect(await page.locator(`[data-workbook-row="${complete.worksheet}"]`).getAttribute('data-state')).toBe('complete');
      expect(await page.locator(`[data-workbook-row="${partial.worksheet}"]`).getAttribute('data-state')).toBe('in-progress');
      expect(await page.locator(`[data-workbook-row="${partial.worksheet}"] [data-row-status]`).innerText()).toMatch(
        /In progress: \d+ of \d+ answered/,
      );
      expect(await page.locator('[data-workbook-row="muscles-check"]').getAttribute('data-state')).toBe('not-started');
      expect(await page.locator('[data-reminder]').count(), 'never exported: a gentle reminder').toBe(1);

      const before = await storedGuideKeys(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export"]')]);
      expect(download.suggestedFilename()).toMatch(/^field-guide-backup-\d{4}-\d{2}-\d{2}\.json$/);
      const file = await download.path();
      const backup = JSON.parse(readFileSync(file, 'utf8')) as { worksheets: { id: string }[] };
      expect(backup.worksheets.map((w) => w.id).sort()).toEqual([partial.worksheet, complete.worksheet].sort());
      expect(await page.locator('[data-reminder]').count(), 'no reminder right after an export').toBe(0);

      await page.click('[data-action="delete"]');
      await page.click('[data-action="confirm-delete"]');
      expect(await storedGuideKeys(page)).toEqual({ 'another-app:keep': 'untouched' });
      expect(await page.locator(`[data-workbook-row="${complete.worksheet}"]`).getAttribute('data-state')).toBe('not-started');

      await page.setInputFiles('[data-import-file]', file);
      await page.locator('[data-import-step="preview"]').waitFor();
      expect(await page.locator('.workbook-preview tr[data-change="new"]').count()).toBe(2);
      await page.click('[data-action="confirm-import"]');
      await page.locator('[data-import-done]').waitFor();
      const after = await storedGuideKeys(page);
      for (const id of [complete.worksheet, partial.worksheet]) {
        const a = JSON.parse(after[KEYS.worksheet(id)]!) as Record<string, unknown>;
        const b = JSON.parse(before[KEYS.worksheet(id)]!) as Record<string, unknown>;
        expect(a['answers'], id).toEqual(b['answers']);
        expect(a['earlier'], id).toEqual(b['earlier']);
        expect(a['updated'], id).toBe(b['updated']);
      }
      expect(after['another-app:keep']).toBe('untouched');
      expect(await page.locator(`[data-workbook-row="${complete.worksheet}"]`).getAttribute('data-state')).toBe('complete');
      expect(errors).toEqual([]);
    });
  });

  it('downloads one worksheet, and all of them, as PDF files built from the stored answers', async () => {
    await env.withPage({ acceptDownloads: true }, async (page) => {
      await seedRaw(page, env.site.url, {
        [KEYS.worksheet(complete.worksheet)]: JSON.stringify(
          makeRecord(complete.worksheet, { ...complete.answers, commitment: 'Łódź – “Ελληνικά” €5' }),
        ),
        [KEYS.worksheet(partial.worksheet)]: JSON.stringify(makeRecord(partial.worksheet, partial.answers)),
      });
      await page.goto(`${env.site.url}workbook/`);
      await page.locator('[data-workbook][data-ready="true"]').waitFor();
      const [one] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`[data-workbook-row="${complete.worksheet}"] [data-action="pdf"]`).click(),
      ]);
      expect(one.suggestedFilename()).toMatch(new RegExp(`^${complete.worksheet}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
      expect(execFileSync('pdftotext', [await one.path(), '-'], { encoding: 'utf8' })).toContain('Łódź – “Ελληνικά” €5');
      const [all] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download all as one PDF' }).click(),
      ]);
      expect(all.suggestedFilename()).toMatch(/^field-guide-workbook-\d{4}-\d{2}-\d{2}\.pdf$/);
      const text = execFileSync('pdftotext', [await all.path(), '-'], { encoding: 'utf8' });
      expect(text).toContain('Contents');
      for (const id of [complete.worksheet, partial.worksheet]) expect(text, id).toContain(builtDefinition(siteDir(), id).title);
      expect(text).toContain('Łódź – “Ελληνικά” €5');
    });
  });

  it('refuses a PNG renamed .json with a message, and changes nothing', async () => {
    await env.withPage({}, async (page) => {
      await seedRaw(page, env.site.url, {
        [KEYS.worksheet(complete.worksheet)]: JSON.stringify(makeRecord(complete.worksheet, complete.answers)),
      });
      await page.goto(`${env.site.url}workbook/`);
      await page.locator('[data-workbook][data-ready="true"]').waitFor();
      const before = await storedGuideKeys(page);
      await page.setInputFiles('[data-import-file]', {
        name: 'backup.json',
        mimeType: 'application/json',
        buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      });
      const error = page.locator('[data-import-error]');
      await error.waitFor();
      expect(await error.innerText()).toMatch(/PNG image[\s\S]*Nothing was changed/);
      expect(await storedGuideKeys(page)).toEqual(before);
    });
  });

  it('shows imported answers in an open tab of that worksheet, not a conflict', async () => {
    await env.withPage({}, async (page) => {
      await seedRaw(page, env.site.url, {
        [KEYS.worksheet(complete.worksheet)]: JSON.stringify(makeRecord(complete.worksheet, { commitment: 'Before the import' })),
      });
      await page.goto(`${env.site.url}worksheets/${complete.worksheet}/`);
      await form(page).waitFor();
      const workbook = await page.context().newPage();
      await workbook.goto(`${env.site.url}workbook/`);
      await workbook.locator('[data-workbook][data-ready="true"]').waitFor();
      const backup = {
        format: 'psfg-backup',
        version: 1,
        exported: '2026-12-01T10:00:00.000Z',
        guide: { name: 'Public Systems Field Guide', version: '0.1.0' },
        worksheets: [
          {
            id: complete.worksheet,
            storageVersion: 2,
            worksheetVersion: 1,
            updated: '2026-11-30T10:00:00.000Z',
            answers: { commitment: 'From the backup file' },
            earlier: [],
          },
        ],
        rounds: [],
      };
      await workbook.setInputFiles('[data-import-file]', {
        name: 'b.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(backup)),
      });
      await workbook.click('[data-action="confirm-import"]');
      await workbook.locator('[data-import-done]').waitFor();
      const field = promptBlock(page, 'commitment').locator('textarea, input');
      await expect.poll(() => field.inputValue()).toBe('From the backup file');
      expect(await page.locator('.ws-conflict').count()).toBe(0);
      expect(await readRaw(page, KEYS.safetyCopy)).toContain('Before the import');
    });
  });

  it('offers data set aside as unreadable for download, a run-sheet by its own name', async () => {
    await env.withPage({ acceptDownloads: true }, async (page) => {
      await seedRaw(page, env.site.url, {
        [KEYS.quarantine('trust-inventory', 1764583200000)]: '{"broken": tru',
        [KEYS.runSheetQuarantine(1764583300000)]: '{"format":"psfg-run-sheet","sheet":"broken',
      });
      await page.goto(`${env.site.url}workbook/`);
      await page.locator('[data-workbook][data-ready="true"]').waitFor();
      const items = page.locator('#wb-quarantine + p + ul > li');
      expect(await items.count()).toBe(2);
      const ws = page.locator('[data-set-aside="worksheet"]');
      const sheet = page.locator('[data-set-aside="run-sheet"]');
      expect(await ws.textContent()).toMatch(/^Trust inventory, /);
      expect(await sheet.textContent()).toMatch(/^Run-sheet, /);
      const save = async (item: typeof ws) => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          item.getByRole('button', { name: 'Download its raw text' }).click(),
        ]);
        return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
      };
      expect(await save(ws)).toEqual({ name: 'field-guide-unreadable-trust-inventory-1764583200000.txt', text: '{"broken": tru' });
      expect(await save(sheet)).toEqual({
        name: 'field-guide-unreadable-run-sheet-1764583300000.txt',
        text: '{"format":"psfg-run-sheet","sheet":"broken',
      });
      // Not taken for a worksheet anywhere else on the page.
      expect(await page.locator('[data-workbook-row="run-sheet"]').count()).toBe(0);
    });
  });

  it('without JavaScript, lists every worksheet and says the workbook needs JavaScript', async () => {
    await env.withPage({ javaScriptEnabled: false }, async (page) => {
      await page.goto(`${env.site.url}workbook/`);
      expect(await page.locator('[data-workbook-row] a').count(), 'title, open and blank copy per worksheet').toBe(18 * 3);
      expect(await page.locator('[data-workbook-nojs]').innerText()).toMatch(/needs JavaScript/);
    });
  });
});
