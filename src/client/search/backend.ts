/**
 * All search goes through this interface. The hosted site uses Pagefind; the copy that opens from
 * disk (where Pagefind's module import is blocked) will plug in an index shipped as a classic script.
 */
import { searchBundleUrl } from '../../lib/urls';

export interface SearchResult {
  url: string;
  title: string;
  /** HTML excerpt with <mark> around matches; produced by the backend from the site's own text. */
  excerpt: string;
}

export interface SearchBackend {
  /** `wanted` says whether the answer is still wanted (the reader may have typed on meanwhile). */
  search(query: string, limit: number, wanted?: () => boolean): Promise<SearchResult[]>;
  /**
   * True when queries are answered in the page, with no request (the disk copy's index): the box then
   * searches on every keystroke instead of waiting for typing to pause.
   */
  local?: boolean;
}

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  search(q: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
  options?(o: Record<string, unknown>): Promise<void>;
}

/** Pagefind, loaded on first use from the site's own /pagefind/ folder, under the page's base path. */
export function pagefindBackend(base = searchBundleUrl()): SearchBackend {
  let loading: Promise<Pagefind> | undefined;
  const load = () => {
    const url = `${base}pagefind.js`;
    loading ??= import(/* @vite-ignore */ url) as Promise<Pagefind>;
    return loading;
  };
  return {
    async search(query, limit) {
      const pagefind = await load();
      const { results } = await pagefind.search(query);
      const data = await Promise.all(results.slice(0, limit).map((r) => r.data()));
      return data.map((d) => ({ url: d.url, title: d.meta.title ?? d.url, excerpt: d.excerpt }));
    },
  };
}

declare global {
  interface Window {
    /** Set by the offline copy's search index script, when present. */
    __psfgSearch?: SearchBackend;
  }
}

/** The backend for this page: the offline one when the disk copy provided it, else Pagefind. */
export function defaultBackend(): SearchBackend {
  return window.__psfgSearch ?? pagefindBackend();
}
