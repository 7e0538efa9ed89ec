/**
 * The MiniSearch set-up shared by the build (which indexes the copy's pages once, src/offline/search-index.ts)
 * and the browser (which loads that ready index, src/client/offline-search.ts): the options must match.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';

export interface IndexedPage {
  /** Numeric id, in order. */
  id: number;
  /** File in the copy, from its root: `muscles/trust/index.html` or `app.html#trust-inventory`. */
  url: string;
  title: string;
  headings: string;
  text: string;
  /**
   * The `data-pagefind-weight` on the page's whole body, when it has one (a worked example: 0.5). Pagefind
   * scales a weight quadratically, so the score here is multiplied by its square.
   */
  weight?: number;
}

/** What a page's score is multiplied by: the square of its weight, as Pagefind counts weights. */
export const pageBoost = (weight: unknown): number => (typeof weight === 'number' ? weight * weight : 1);

export const ENGINE_OPTIONS: Options<IndexedPage> = {
  fields: ['title', 'headings', 'text'],
  // The page text for excerpts is not stored in the index (a smaller index loads faster): it ships
  // beside it as a plain array by id (src/offline/search-index.ts), read only for the results shown.
  storeFields: ['url', 'title', 'weight'],
  searchOptions: {
    boost: { title: 4, headings: 2 },
    boostDocument: (_id, _term, stored) => pageBoost(stored?.['weight']),
    prefix: true,
    fuzzy: 0.2,
    combineWith: 'AND',
  },
};

export function makeSearch(pages: IndexedPage[]): MiniSearch<IndexedPage> {
  const ms = new MiniSearch<IndexedPage>(ENGINE_OPTIONS);
  ms.addAll(pages);
  return ms;
}

/** A ready index as written at build time (`MiniSearch#toJSON`), loaded without indexing again. */
export const loadSearch = (serialised: unknown): MiniSearch<IndexedPage> =>
  MiniSearch.loadJS(serialised as Parameters<typeof MiniSearch.loadJS>[0], ENGINE_OPTIONS);

/** The same, building the index in slices that give the page back every thousand terms (no long task). */
export const loadSearchAsync = (serialised: unknown): Promise<MiniSearch<IndexedPage>> =>
  MiniSearch.loadJSAsync(serialised as Parameters<typeof MiniSearch.loadJSAsync>[0], ENGINE_OPTIONS);

/** Runs a query: every word must match (as Pagefind does); falls back to any word when none match all. */
export function runSearch(ms: MiniSearch<IndexedPage>, query: string): SearchResult[] {
  const all = ms.search(query);
  return all.length > 0 ? all : ms.search(query, { combineWith: 'OR' });
}
