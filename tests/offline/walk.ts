/**
 * The walk through the copy on disk that both browsers take (tests/offline/*.browser.test.ts): home,
 * /muscles/trust/, one of its worksheets; fill, reload, answers restored; its "Download PDF" saves a real
 * PDF with the answer in it; the workbook shows the answers and downloads the whole workbook as one PDF;
 * search "Buurtzorg" lists the paradigm page and its link opens it.
 * Written against a small driver so Playwright (Chromium) and Puppeteer (Firefox over BiDi) share it.
 */
import { expect } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pdfInfo, pdfText } from '../support/pdf.ts';

export const COPY_DIR = join(process.cwd(), 'dist-offline', 'public-systems-field-guide');
export const fileUrl = (path: string) => pathToFileURL(join(COPY_DIR, path)).href;

export interface Driver {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): string;
  /** Clicks the element and waits for the navigation it starts (a hash change counts). */
  clickAndWait(selector: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  value(selector: string): Promise<string>;
  text(selector: string): Promise<string>;
  waitFor(selector: string): Promise<void>;
  /** Waits until `fn` (run in the page) returns true. */
  waitUntil(fn: string): Promise<void>;
  /** Clicks the element and returns the file the browser saves (its name and bytes). */
  download(selector: string): Promise<{ name: string; bytes: Uint8Array }>;
}

/** A real PDF (tagged, one page at least) whose text holds each of `texts`; returns its text. */
export function expectPdf(bytes: Uint8Array, texts: string[]): string {
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  const info = pdfInfo(bytes);
  expect(Number(info['Pages'])).toBeGreaterThan(0);
  const text = pdfText(bytes).replace(/\s+/g, ' ');
  for (const t of texts) expect(text).toContain(t);
  return text;
}

export const WORKSHEET = 'trust-inventory';
const FIELD = `#${WORKSHEET} [data-worksheet-root] textarea, #${WORKSHEET} [data-worksheet-root] input[type="text"]`;

export async function walk(d: Driver): Promise<void> {
  await d.goto(fileUrl('index.html'));
  expect(await d.text('[data-offline-banner]')).toMatch(/copy of the guide for offline use, made on/);
  await d.clickAndWait('a[href="muscles/trust/index.html"]');
  expect(d.url()).toBe(fileUrl('muscles/trust/index.html'));
  expect(await d.text('h1')).toMatch(/trust/i);

  await d.clickAndWait(`main a[href="../../app.html#${WORKSHEET}"]`);
  expect(d.url()).toBe(`${fileUrl('app.html')}#${WORKSHEET}`);
  await d.waitUntil(`!document.getElementById(${JSON.stringify(WORKSHEET)}).hidden && document.getElementById('workbook').hidden`);
  await d.waitFor(FIELD);
  const answer = 'Met the ward team on Tuesday';
  await d.type(FIELD, answer);
  // Autosave is debounced: wait until the answer is in storage before reloading.
  await d.waitUntil(`Object.keys(localStorage).some((k) => (localStorage.getItem(k) || '').includes(${JSON.stringify(answer)}))`);
  await d.reload();
  // The form becomes live a few questions at a time; its buttons come last. Only then is the answer read:
  // before, the field may show what the browser itself restored on reload (Firefox does), not the store.
  await d.waitFor(`#${WORKSHEET} .ws-form[data-ready="true"]`);
  await d.waitUntil(`(document.querySelector(${JSON.stringify(FIELD)}) || {}).value === ${JSON.stringify(answer)}`);
  expect(await d.value(FIELD)).toBe(answer);

  // "Download PDF" from disk: the engine is a classic script injected on the click, the file a blob URL.
  const one = await d.download(`#${WORKSHEET} [data-action="download-pdf"]`);
  expect(one.name).toMatch(new RegExp(`^${WORKSHEET}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
  expectPdf(one.bytes, ['Trust inventory', answer]);
  expect(pdfInfo(one.bytes)['Tagged']).toBe('yes');

  // The workbook, by its link in the page (hashchange within app.html).
  await d.clickAndWait(`#${WORKSHEET} a[href="app.html#workbook"]`);
  expect(d.url()).toBe(`${fileUrl('app.html')}#workbook`);
  const status = `[data-workbook-row="${WORKSHEET}"] [data-row-status]`;
  await d.waitUntil(`/^In progress/.test((document.querySelector(${JSON.stringify(status)}) || {}).textContent)`);
  expect(await d.text(status)).toMatch(/^In progress: 1 of \d+ answered/);
  const all = await d.download('[data-print-all] [data-action="pdf"]');
  expect(all.name).toMatch(/^field-guide-workbook-\d{4}-\d{2}-\d{2}\.pdf$/);
  expectPdf(all.bytes, ['My workbook', 'Contents', 'Trust inventory', answer]);

  // Search from the header box, then open the paradigm page from the results.
  await d.type('[data-search-input]', 'Buurtzorg');
  const result = '[data-search-list] a[href$="paradigm/index.html"]';
  await d.waitFor(result);
  expect(await d.text('[data-search-list] mark')).toMatch(/buurtzorg/i);
  await d.clickAndWait(result);
  expect(d.url()).toMatch(/\/paradigm\/index\.html$/);
  expect(d.url().startsWith('file://')).toBe(true);
  expect(await d.text('h1')).toMatch(/paradigm/i);
}
