/**
 * Search in the copy that opens from disk, where Pagefind cannot run. Plugs into the search UI through
 * `window.__psfgSearch` (src/client/search/backend.ts). The index (written by src/offline/search-index.ts)
 * is a classic script, loaded and built once the page is idle after loading (or when the search box is
 * focused, if that comes first), so the first query finds it ready and answers at once.
 */
import type MiniSearch from 'minisearch';
import type { SearchBackend, SearchResult } from './search/backend';
import { siteBase } from '../lib/urls';
import { loadSearchAsync, runSearch, type IndexedPage } from '../offline/search-engine';

declare global {
  interface Window {
    /** The ready MiniSearch index, set by the copy's `_client/search-index.js`. */
    __psfgSearchIndex?: unknown;
    /** Each page's text by id, for the excerpts, set by the same script. */
    __psfgSearchText?: string[];
  }
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** About 30 words of `text` around the first matched term, with every matched word in <mark>. */
export function excerpt(text: string, terms: string[], words = 30): string {
  const tokens = text.split(/(\s+)/);
  const wanted = terms.map((t) => t.toLowerCase());
  const matches = (w: string) => {
    const bare = w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    return bare !== '' && wanted.some((t) => bare === t || bare.startsWith(t));
  };
  const firstWord = tokens.findIndex((t, i) => i % 2 === 0 && matches(t));
  const start = Math.max(0, (firstWord < 0 ? 0 : firstWord) - 10);
  const slice = tokens.slice(start - (start % 2), start - (start % 2) + words * 2);
  const html = slice.map((t, i) => (i % 2 === 0 && matches(t) ? `<mark>${escapeHtml(t)}</mark>` : escapeHtml(t))).join('');
  return `${start > 0 ? '… ' : ''}${html}${start + words * 2 < tokens.length ? ' …' : ''}`;
}

function loadIndex(): Promise<unknown> {
  if (window.__psfgSearchIndex) return Promise.resolve(window.__psfgSearchIndex);
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = `${siteBase()}_client/search-index.js`;
    s.onload = () => (window.__psfgSearchIndex ? resolve(window.__psfgSearchIndex) : reject(new Error('no index')));
    s.onerror = () => reject(new Error('search index did not load'));
    document.head.append(s);
  });
}

interface Ready {
  ms: MiniSearch<IndexedPage>;
  texts: string[];
}

export function offlineBackend(): SearchBackend & { warm(): void } {
  let loading: Promise<Ready> | undefined;
  let ready: Ready | undefined;
  const load = () =>
    (loading ??= loadIndex()
      .then(loadSearchAsync)
      .then((ms) => {
        ready = { ms, texts: window.__psfgSearchText ?? [] };
        return ready;
      }));
  return {
    /** Starts loading the index before the first query (the page is idle, or the reader focused the box). */
    warm() {
      load().catch(() => {
        loading = undefined;
      });
    },
    ready: () => ready !== undefined,
    async search(query, limit) {
      const { ms, texts } = ready ?? (await load());
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

/** Runs `task` once the page has loaded and the browser is idle (a timer where requestIdleCallback is missing). */
function whenIdle(task: () => void): void {
  const idle = () =>
    typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(task, { timeout: 2000 }) : setTimeout(task, 200);
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

if (typeof window !== 'undefined') {
  const backend = offlineBackend();
  window.__psfgSearch = backend;
  document.addEventListener('focusin', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.matches('[data-search-input]')) backend.warm();
  });
  whenIdle(() => backend.warm());
}
