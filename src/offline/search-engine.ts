/**
 * The MiniSearch set-up shared by the build (which indexes the copy's pages once, src/offline/search-index.ts)
 * and the browser (which loads that ready index, src/client/offline-search.ts): the options must match.
 */
import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch';

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

/**
 * A word as Pagefind makes it, of a page or of a query: stripped of what is not a letter, a digit or an
 * underscore, so "person-based" is one word ("personbased"), as in Pagefind. A final "'s" goes first,
 * as Pagefind's English stemmer drops it: "minister's" is "minister". Lower case.
 */
export const searchWord = (raw: string): string =>
  raw
    .replace(/['\u2019]s?(?=[^\p{L}\p{M}\p{N}_]*$)/u, '')
    .replace(/[^\p{L}\p{M}\p{N}_]/gu, '')
    .toLowerCase();

/** The words of a text, split at spaces only (as Pagefind splits them). */
export function pagefindWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of text.split(/\s+/)) {
    const word = searchWord(raw);
    if (word !== '') words.push(word);
  }
  return words;
}

export const ENGINE_OPTIONS: Options<IndexedPage> = {
  fields: ['title', 'headings', 'text'],
  tokenize: pagefindWords,
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

/** What MiniSearch keeps for one term: per field id, per page (short id), the term's count there. */
type FieldTerms = Map<number, Map<number, number>>;
/** A node of MiniSearch's radix tree of terms: an edge label to the node below, or '' to the term's data. */
type TreeNode = Map<string, TreeNode | FieldTerms>;
/** MiniSearch's term tree (its SearchableMap), which is not part of its public interface. */
interface TermTree {
  _tree: TreeNode;
  constructor: new (tree: TreeNode) => TermTree;
}
const termTree = (ms: MiniSearch<IndexedPage>) => (ms as unknown as { _index: TermTree })._index;
const LEAF = '';

/**
 * A ready index as the copy ships it: MiniSearch's own serialisation (`toJSON`) without its terms, and
 * the terms as MiniSearch holds them, its radix tree, walked depth first: the edge labels in one string
 * and everything else in one flat array of integers. Loading it builds the tree's maps directly, about
 * four times faster than `loadJS`, which inserts every term anew (most of its time), and parses faster
 * too (numbers, not objects with string keys). Per node: its number of entries; per entry, in order,
 * its label (from `labels`) and either the node below or, for the label '', the term's data: its number
 * of fields, then per field its id, its number of pages and per page the gap from the previous page's
 * short id and the count there.
 */
export interface PackedIndex {
  meta: Omit<AsPlainObject, 'index'>;
  /** The edge labels, depth first, separated by spaces (a term never holds a space). */
  labels: string;
  ints: number[];
}

export function packSearch(ms: MiniSearch<IndexedPage>): PackedIndex {
  const { index: _terms, ...meta } = ms.toJSON();
  const labels: string[] = [];
  const ints: number[] = [];
  const writeNode = (node: TreeNode) => {
    ints.push(node.size);
    for (const [label, below] of node) {
      if (/\s/.test(label)) throw new Error(`search term with a space: ${JSON.stringify(label)}`);
      labels.push(label);
      if (label !== LEAF) writeNode(below as TreeNode);
      else {
        const fields = below as FieldTerms;
        ints.push(fields.size);
        for (const [fieldId, docs] of fields) {
          ints.push(fieldId, docs.size);
          let previous = 0;
          for (const [doc, count] of docs) {
            ints.push(doc - previous, count);
            previous = doc;
          }
        }
      }
    }
  };
  writeNode(termTree(ms)._tree);
  return { meta, labels: labels.join(' '), ints };
}

/**
 * Unpacks a packed index into a MiniSearch equal to the one packed, pausing (`yield`) after each branch
 * of the tree's root so that a caller can give the page back.
 */
function* unpack(packed: PackedIndex): Generator<void, MiniSearch<IndexedPage>> {
  const ms = MiniSearch.loadJS<IndexedPage>({ ...packed.meta, index: [] }, ENGINE_OPTIONS);
  const { ints } = packed;
  const labels = packed.labels.split(' ');
  let i = 0;
  let l = 0;
  const readFields = (): FieldTerms => {
    const fields: FieldTerms = new Map();
    for (let f = ints[i++] ?? 0; f > 0; f--) {
      const fieldId = ints[i++] ?? 0;
      const docs = new Map<number, number>();
      let doc = 0;
      for (let n = ints[i++] ?? 0; n > 0; n--) {
        doc += ints[i++] ?? 0;
        docs.set(doc, ints[i++] ?? 0);
      }
      fields.set(fieldId, docs);
    }
    return fields;
  };
  const readNode = (): TreeNode => {
    const node: TreeNode = new Map();
    for (let n = ints[i++] ?? 0; n > 0; n--) {
      const label = labels[l++] ?? LEAF;
      node.set(label, label === LEAF ? readFields() : readNode());
    }
    return node;
  };
  const root: TreeNode = new Map();
  for (let n = ints[i++] ?? 0; n > 0; n--) {
    const label = labels[l++] ?? LEAF;
    root.set(label, label === LEAF ? readFields() : readNode());
    yield;
  }
  if (i !== ints.length || l !== (root.size === 0 ? 0 : labels.length)) {
    throw new Error('search index: the numbers do not match the labels');
  }
  const empty = termTree(ms);
  (ms as unknown as { _index: TermTree })._index = new empty.constructor(root);
  return ms;
}

/** The packed index, loaded in one go (the tests; a page that needs it at once). */
export function loadSearch(packed: PackedIndex): MiniSearch<IndexedPage> {
  const steps = unpack(packed);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The same in slices of about `sliceMs()` milliseconds (asked before each slice, so a caller can hurry it),
 * giving the page back between them (`pause`), so that loading the index adds no long task (over 50 ms).
 */
export async function loadSearchSliced(
  packed: PackedIndex,
  sliceMs: () => number = () => 10,
  pause = nextTask,
): Promise<MiniSearch<IndexedPage>> {
  const steps = unpack(packed);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart > sliceMs()) {
      await pause();
      sliceStart = performance.now();
    }
  }
}

/** Runs a query: every word must match (as Pagefind does); falls back to any word when none match all. */
export function runSearch(ms: MiniSearch<IndexedPage>, query: string): SearchResult[] {
  const all = ms.search(query);
  return all.length > 0 ? all : ms.search(query, { combineWith: 'OR' });
}
