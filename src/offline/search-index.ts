/**
 * The search index of the copy on disk, written at build time over what Pagefind indexes: each page's
 * `main[data-pagefind-body]` without its `data-pagefind-ignore` parts, its title and its headings.
 * Shipped as a classic script that parses its JSON strings once (faster than an object literal), and
 * searched in the browser with MiniSearch (src/client/offline-search.ts).
 */
import { parse, type HTMLElement } from 'node-html-parser';
import { makeSearch, packSearch, type IndexedPage } from './search-engine.ts';

export type { IndexedPage };

/** Elements Pagefind never indexes, wherever they are. */
const NOT_INDEXED = 'head, style, script, noscript, label, form, svg, footer, nav, iframe, template';

/** The opening or closing tag of an element that starts a block of text of its own. */
const BLOCK_TAG =
  /<\/?(p|li|ul|ol|dl|dt|dd|h[1-6]|table|tr|td|th|caption|div|section|article|aside|header|blockquote|figure|figcaption|details|summary|fieldset|legend)\b[^>]*>/gi;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** One page's indexed record, or null when Pagefind would not index it either. */
export function pageRecord(html: string, url: string, id: number): IndexedPage | null {
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false } });
  const main = root.querySelector('[data-pagefind-body]');
  if (!main) return null;
  for (const el of main.querySelectorAll('[data-pagefind-ignore]')) el.remove();
  // What Pagefind leaves out of any page (its parser's REMOVE_SELECTORS): a worksheet's labels among them.
  for (const el of main.querySelectorAll(NOT_INDEXED)) el.remove();
  const titleEl = main.querySelector('[data-pagefind-meta="title"]') ?? root.querySelector('title');
  const title = squash(titleEl?.text ?? url);
  const headings = main
    .querySelectorAll('h2, h3, h4')
    .map((h: HTMLElement) => squash(h.text))
    .join(' · ');
  // Block starts and ends become spaces so words of adjacent blocks do not run together (Pagefind
  // separates them too).
  const text = squash(
    main.innerHTML
      .replace(BLOCK_TAG, ' ')
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&#x27;/g, "'"),
  );
  const weight = pageWeight(main, url);
  return weight === undefined ? { id, url, title, headings, text } : { id, url, title, headings, text, weight };
}

/**
 * The `data-pagefind-weight` that covers the whole indexed body (on the body itself or on the element
 * that holds all of it), as a worked example has. Pagefind also weighs parts of a page; the offline
 * index weighs whole pages only, so a weight on a part fails the build rather than letting the two
 * searches quietly disagree.
 */
function pageWeight(main: HTMLElement, url: string): number | undefined {
  const weighted = main.hasAttribute('data-pagefind-weight') ? [main] : main.querySelectorAll('[data-pagefind-weight]');
  if (weighted.length === 0) return undefined;
  const [el] = weighted;
  if (weighted.length > 1 || !el || squash(el.text) !== squash(main.text)) {
    throw new Error(`${url}: data-pagefind-weight on part of the page; the offline search weighs whole pages only`);
  }
  const weight = Number(el.getAttribute('data-pagefind-weight'));
  if (!(weight >= 0 && weight <= 10)) throw new Error(`${url}: data-pagefind-weight must be a number from 0 to 10`);
  return weight;
}

/** A JSON text as a safe JS string literal (quotes, backslashes, line ends). */
const literal = (json: string) =>
  JSON.stringify(json)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** The copy's search file, beside its other scripts. */
export const INDEX_FILE = '_client/search-index.js';

/** Separates the pages' texts in the script (a character that HTML text cannot hold). */
export const TEXT_SEPARATOR = '\u0000';

/**
 * The classic script of the copy's search, two statements: `window.__psfgSearchIndex = JSON.parse("...")`,
 * the ready index, packed (src/offline/search-engine.ts), so the browser loads it without indexing; then
 * `window.__psfgSearchText = "..."`, each page's text in order of id, for the excerpts, separated by
 * TEXT_SEPARATOR: a plain string, so that splitting it is all the page has to do (parsing it as JSON
 * took longer). One file, as reading a file from disk costs more in waiting than in bytes: two files,
 * even requested together, arrive later than one.
 */
export function indexScript(pages: IndexedPage[]): string {
  const texts: string[] = [];
  for (const p of pages) {
    if (p.text.includes(TEXT_SEPARATOR)) throw new Error(`${p.url}: a NUL character in the page text`);
    texts[p.id] = p.text;
  }
  return (
    `window.__psfgSearchIndex=JSON.parse(${literal(JSON.stringify(packSearch(makeSearch(pages))))});\n` +
    `window.__psfgSearchText=${literal(Array.from(texts, (t) => t ?? '').join(TEXT_SEPARATOR))};\n`
  );
}
