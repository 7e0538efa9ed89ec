/**
 * "Download PDF" on a worksheet page, in Chromium against the real build: the page asks for no PDF code
 * until the click; the click injects the classic pdf.js script and saves a file, which is then read with
 * poppler and pdfjs-dist like any reader's tools would.
 *
 * Runs against the real build (dist/, or SITE_DIR): `npx astro build && npx pagefind --site dist`.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { create } from 'fontkit';
import type { Page } from 'playwright-core';
import { pdfFonts } from '../../src/build/pdf-fonts.ts';
import { pdfWords } from '../../src/lib/strings.ts';
import { drawable, isoDay, PLACEHOLDER } from '../../src/pdf/text.ts';
import { worksheetDocument } from '../../src/worksheets/document.ts';
import { checkPageRecords } from '../gates/gates.ts';
import { newPage } from '../support/browser.ts';
import { allNodes, expectedTexts, firstOutOfOrder, pdfInfo, pdfStructText, pdfStructure, pdfText, squeezed } from '../support/pdf.ts';
import { longAnswer, NON_ASCII, NOT_IN_FONT_DRAWN, richAnswers, TABLE_ROWS } from '../support/pdf-fixtures.ts';
import { useSiteAndBrowser } from '../support/session.ts';
import { siteDir } from '../support/site.ts';
import { builtDefinition, openForm, seedRecord, t } from './helpers-worksheets.ts';

const dir = siteDir();
const env = useSiteAndBrowser(dir);
const GUIDE = 'Public Systems Field Guide';
const ID = 'coalition-map';

const isPdfScript = (url: string) => /\/_client\/pdf\.js(\?|$)/.test(url);

/** Clicks Download PDF and returns the saved file's name and bytes. */
async function clickDownload(page: Page): Promise<{ name: string; bytes: Uint8Array }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: t.downloadPdf }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

describe('Download PDF on a worksheet page', () => {
  let file: { name: string; bytes: Uint8Array };
  let requestsBeforeClick: string[] = [];
  let pdfRequests = 0;
  let problems: string[] = [];
  let statusText = '';

  beforeAll(async () => {
    const recorded = await newPage(env.browser);
    try {
      const { page } = recorded;
      await seedRecord(page, env.site.url, ID, richAnswers());
      await openForm(page, env.site.url, ID);
      await page.waitForLoadState('networkidle');
      requestsBeforeClick = [...recorded.records.requests];
      page.on('request', (r) => {
        if (isPdfScript(r.url())) pdfRequests++;
      });
      file = await clickDownload(page);
      await page.locator('[data-pdf-state="done"]').waitFor();
      statusText = (await page.locator('[data-pdf-state]').textContent()) ?? '';
      // A second PDF reuses the engine: no second script.
      await clickDownload(page);
      problems = checkPageRecords(await recorded.collect(), new URL(env.site.url).origin);
    } finally {
      await recorded.close();
    }
  }, 180_000);

  it('loads no PDF code before the click, and the engine once after it, with no error or CSP violation', () => {
    expect(requestsBeforeClick.some(isPdfScript)).toBe(false);
    expect(requestsBeforeClick.some((u) => u.includes('/_client/worksheet.js'))).toBe(true);
    expect(pdfRequests).toBe(1);
    expect(problems).toEqual([]);
  });

  it('saves <worksheet-id>-YYYY-MM-DD.pdf and says so', () => {
    expect(file.name).toBe(`${ID}-${isoDay(new Date())}.pdf`);
    expect(statusText).toBe(t.pdfReady(file.name));
    expect(pdfInfo(file.bytes)['Pages']).toMatch(/^\d+$/);
  });

  it('holds every answer in order, accents, Greek, Cyrillic, curly quotes, dashes and the euro included', async () => {
    const doc = worksheetDocument(builtDefinition(dir, ID), richAnswers());
    const face = create((await pdfFonts()).regular);
    const expected = expectedTexts(doc).map((s) => drawable(s, (cp) => face.hasGlyphForCodePoint(cp)).text.replace(/\s+/g, ''));
    const text = squeezed(pdfText(file.bytes), GUIDE);
    expect(firstOutOfOrder(text, expected)).toBeUndefined();
    expect(pdfText(file.bytes)).toContain(NON_ASCII);
  });

  it('flows the 5,000-word answer over pages and repeats the long table’s header on each of its pages', () => {
    const pages = Number(pdfInfo(file.bytes)['Pages']);
    const texts = Array.from({ length: pages }, (_, i) => pdfText(file.bytes, { first: i + 1, last: i + 1 }));
    const words = longAnswer().split(/\s+/);
    const first = texts.findIndex((p) => p.includes(words[0]!));
    const last = texts.findIndex((p) => p.includes(words.at(-1)!));
    expect(last - first).toBeGreaterThanOrEqual(2);
    expect(squeezed(pdfText(file.bytes), GUIDE)).toContain(longAnswer().replace(/\s+/g, ''));
    const tablePages = texts.filter((p) => /Offer \d+/.test(p));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const p of tablePages) expect(p.indexOf('The bargain')).toBeLessThan(p.search(/Offer \d+/));
    expect(texts.join('')).toContain(`Offer ${TABLE_ROWS}`);
    expect(texts[0]).toContain(`1 of ${pages}`);
  });

  it('is tagged, with headings, a table with header cells and the map as a figure with alternative text', async () => {
    expect(pdfInfo(file.bytes)['Tagged']).toBe('yes');
    const struct = pdfStructText(file.bytes);
    for (const role of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Table', 'TH', 'TD', 'Figure'])
      expect(struct).toMatch(new RegExp(`^\\s*${role}\\b`, 'm'));
    const s = await pdfStructure(file.bytes);
    expect(s.lang).toBe('en-GB');
    const figure = s.pages.flatMap(allNodes).find((n) => n.role === 'Figure');
    expect(figure?.alt).toMatch(/^A map placing \d+ items by influence/);
  });

  it('draws emoji and Chinese as placeholders and says once, at the end, that they are kept', () => {
    const text = pdfText(file.bytes);
    expect(text.replace(/\s+/g, ' ')).toContain(NOT_IN_FONT_DRAWN);
    expect(squeezed(text, GUIDE).endsWith(pdfWords.missingGlyphs(PLACEHOLDER).replace(/\s+/g, ''))).toBe(true);
  });
});
