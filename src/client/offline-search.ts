/**
 * Search in the copy that opens from disk, where Pagefind cannot run. Plugs into the search UI through
 * `window.__psfgSearch` (src/client/search/backend.ts). The index (written by src/offline/search-index.ts)
 * is a classic script loaded on the first search, so pages stay light.
 */
import type MiniSearch from 'minisearch';
import type { SearchBackend, SearchResult } from './search/backend';
import { siteBase } from '../lib/urls';
import { loadSearch, runSearch, type IndexedPage } from '../offline/search-engine';

declare global {
  interface Window {
    /** The ready MiniSearch index, set by the copy's `_client/search-index.js`. */
    __psfgSearchIndex?: unknown;
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

export function offlineBackend(): SearchBackend & { warm(): void } {
  let ready: Promise<MiniSearch<IndexedPage>> | undefined;
  const load = () => (ready ??= loadIndex().then(loadSearch));
  return {
    /** Starts loading the index before the first query (the reader has focused the search box). */
    warm() {
      load().catch(() => {
        ready = undefined;
      });
    },
    async search(query, limit) {
      const ms = await load();
      return runSearch(ms, query)
        .slice(0, limit)
        .map((r): SearchResult => ({
          url: `${siteBase()}${String(r['url'])}`,
          title: String(r['title']),
          excerpt: excerpt(String(r['text']), r.terms),
        }));
    },
  };
}

if (typeof window !== 'undefined') {
  const backend = offlineBackend();
  window.__psfgSearch = backend;
  document.addEventListener('focusin', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.matches('[data-search-input]')) backend.warm();
  });
}
