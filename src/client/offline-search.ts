/**
 * Search in the copy that opens from disk, where Pagefind cannot run. Plugs into the search UI through
 * `window.__psfgSearch` (src/client/search/backend.ts). The index and the page text (written by
 * src/offline/search-index.ts) are one classic script, loaded once the page has loaded (never before:
 * it would hold the page up), or when the reader focuses the search box, if that comes first. The
 * index is built in slices that give the page back, so loading it adds no long task.
 */
import type MiniSearch from 'minisearch';
import type { SearchBackend, SearchResult } from './search/backend';
import { loadClientScript } from './script-loader';
import { loadSearchSliced, runSearch, searchWord, type IndexedPage, type PackedIndex } from '../offline/search-engine';
import { siteBase } from '../lib/urls';

declare global {
  interface Window {
    /** The ready index, packed, set by the copy's `_client/search-index.js`. */
    __psfgSearchIndex?: PackedIndex;
    /** Each page's text in order of id, for the excerpts, separated by NUL, set by the same script. */
    __psfgSearchText?: string;
  }
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * About 30 words of `text` around the first matched term (from 5 words before it), with every matched
 * word in <mark>. Reads the text only as far as it needs: a page's text is long, and eight of them are
 * cut for every query.
 */
export function excerpt(text: string, terms: string[], words = 30): string {
  const wanted = terms.map((t) => t.toLowerCase());
  // A word is marked when it is, or starts with, a matched term, both seen as the index sees them. Most
  // words hold no term's first letter, and are passed over without making them into index words.
  const firsts = [...new Set(wanted.map((t) => t.charAt(0)))];
  const matches = (w: string) => {
    const lower = w.toLowerCase();
    if (!firsts.some((c) => lower.includes(c))) return false;
    const bare = searchWord(w);
    return bare !== '' && wanted.some((t) => bare === t || bare.startsWith(t));
  };
  const word = /\S+/g;
  const starts: number[] = [];
  let first = -1;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    starts.push(m.index);
    if (matches(m[0])) {
      first = starts.length - 1;
      break;
    }
  }
  const from = Math.max(0, first - 5);
  const begin = starts[from];
  if (begin === undefined) return '';
  // The words shown, and one more that says whether the text goes on.
  word.lastIndex = begin;
  let shown = 0;
  let end = text.length;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    if (shown === words) {
      end = m.index;
      break;
    }
    shown++;
  }
  const html = text
    .slice(begin, end)
    .split(/(\s+)/)
    .map((t, i) => (i % 2 === 0 && matches(t) ? `<mark>${escapeHtml(t)}</mark>` : escapeHtml(t)))
    .join('');
  return `${from > 0 ? '… ' : ''}${html}${end < text.length ? ' …' : ''}`;
}

/**
 * How long the index is built for before the page gets a turn: short while nobody waits, longer once a
 * query does (still under the 50 ms of a long task).
 */
const SLICE_MS = 10;
const URGENT_SLICE_MS = 40;

interface Ready {
  ms: MiniSearch<IndexedPage>;
  texts: string[];
}

export function offlineBackend(): SearchBackend & { warm(): void } {
  let loading: Promise<Ready> | undefined;
  let ready: Ready | undefined;
  /** Queries waiting for the index: while there are some, it is built in longer slices. */
  let waiting = 0;
  const load = () =>
    (loading ??= loadClientScript('search-index', () => window.__psfgSearchIndex !== undefined)
      .then(() => loadSearchSliced(window.__psfgSearchIndex as PackedIndex, () => (waiting > 0 ? URGENT_SLICE_MS : SLICE_MS)))
      .then((ms) => {
        ready = { ms, texts: (window.__psfgSearchText ?? '').split('\u0000') };
        return ready;
      }));
  return {
    /** Starts loading the index before the first query (the page has loaded, or the reader focused the box). */
    warm() {
      load().catch(() => {
        loading = undefined;
      });
    },
    // The index is in the page: every keystroke is searched (a query typed while it is still being built
    // waits for it), with no request to save by waiting for a pause.
    local: true,
    async search(query, limit, wanted) {
      let found = ready;
      if (!found) {
        waiting++;
        try {
          found = await load();
        } finally {
          waiting--;
        }
      }
      // Keys typed while the index was being built: only the last query is worked out.
      if (wanted && !wanted()) return [];
      const { ms, texts } = found;
      return runSearch(ms, query)
        .slice(0, limit)
        .map((r): SearchResult => ({
          url: `${siteBase()}${String(r['url'])}`,
          title: String(r['title']),
          excerpt: excerpt(texts[Number(r.id)] ?? '', r.terms),
        }));
    },
  };
}

/**
 * Runs `task` once the page has loaded: not earlier, as a script added while the page loads holds up its
 * load (and, arriving while the page is parsed, its first paint: measured); not at idle either, which
 * may come much later, while a reader who types at once would wait for it. What it starts is short
 * tasks only: reading the script, then the index built in slices.
 */
function whenLoaded(task: () => void): void {
  if (document.readyState === 'complete') task();
  else window.addEventListener('load', task, { once: true });
}

if (typeof window !== 'undefined') {
  const backend = offlineBackend();
  window.__psfgSearch = backend;
  document.addEventListener('focusin', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.matches('[data-search-input]')) backend.warm();
  });
  whenLoaded(() => backend.warm());
}
