/**
 * The header search box: results with excerpts appear under the box as you type.
 * Keyboard: arrow keys move between the box and the results, Enter opens. Escape closes the results
 * and keeps the query (focus goes back to the box, and the results stay shut until the query changes
 * or the down arrow opens them). The results also close when focus leaves the search, so they never
 * cover what is focused next.
 */
import { defaultBackend, type SearchBackend, type SearchResult } from './backend';
import { ui } from '../../lib/strings';

const LIMIT = 8;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities an excerpt may hold; any tag left in it stays visible as text. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Keeps only <mark> from an excerpt; everything else becomes text. */
export function safeExcerpt(html: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  const parts = html.split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) {
      const text = document.createTextNode(decodeEntities(part));
      if (marked) {
        const m = document.createElement('mark');
        m.append(text);
        frag.append(m);
      } else frag.append(text);
    }
  }
  return frag;
}

function renderResults(list: HTMLElement, results: SearchResult[]): void {
  // Keyboard focus on an old result would be lost with it: move it to the first new one.
  const hadFocus = list.contains(document.activeElement);
  list.replaceChildren(
    ...results.map((r) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = r.url;
      a.className = 'search-result';
      const title = document.createElement('span');
      title.className = 'search-result__title';
      title.textContent = r.title;
      const excerpt = document.createElement('span');
      excerpt.className = 'search-result__excerpt';
      excerpt.append(safeExcerpt(r.excerpt));
      a.append(title, excerpt);
      li.append(a);
      return li;
    }),
  );
  if (hadFocus) list.querySelector<HTMLAnchorElement>('a')?.focus();
}

/** Runs a query and shows its results and a status line; `current` says whether the answer is still wanted. */
async function searchInto(
  backend: SearchBackend,
  q: string,
  limit: number,
  list: HTMLElement,
  status: HTMLElement,
  current = () => true,
): Promise<void> {
  status.textContent = ui.search.searching;
  try {
    const results = await backend.search(q, limit, current);
    if (!current()) return;
    renderResults(list, results);
    status.textContent = ui.search.results(results.length, q);
  } catch {
    if (!current()) return;
    list.replaceChildren();
    status.textContent = ui.search.unavailable;
  }
}

export function initSearch(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  const input = root?.querySelector<HTMLInputElement>('[data-search-input]');
  const panel = root?.querySelector<HTMLElement>('[data-search-results]');
  const status = root?.querySelector<HTMLElement>('[data-search-status]');
  const list = root?.querySelector<HTMLElement>('[data-search-list]');
  const form = root?.querySelector<HTMLFormElement>('[data-search-form]');
  if (!root || !input || !panel || !status || !list || !form) return;
  const backend = defaultBackend();
  let seq = 0;

  /** Set by Escape: the results stay shut until the query changes or the down arrow asks for them. */
  let dismissed = false;
  const close = () => {
    panel.hidden = true;
  };
  const run = async () => {
    const q = input.value.trim();
    const mine = ++seq;
    if (q.length < 2) {
      list.replaceChildren();
      status.textContent = '';
      close();
      return;
    }
    panel.hidden = false;
    await searchInto(backend, q, LIMIT, list, status, () => mine === seq);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    dismissed = false;
    clearTimeout(timer);
    // A backend that answers in the page searches as the reader types; others wait for a pause.
    timer = setTimeout(() => void run(), backend.local ? 0 : 120);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    void run().then(() => list.querySelector('a')?.focus());
  });
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];
  root.addEventListener('keydown', (e) => {
    const items = links();
    const i = items.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'ArrowDown' && items.length) {
      e.preventDefault();
      dismissed = false;
      panel.hidden = false;
      items[Math.min(i + 1, items.length - 1)]?.focus();
    } else if (e.key === 'ArrowUp' && items.length) {
      e.preventDefault();
      if (i <= 0) input.focus();
      else items[i - 1]?.focus();
    } else if (e.key === 'Escape' && !panel.hidden) {
      // Only closes: the browser's own Escape in a search box would also empty it.
      e.preventDefault();
      dismissed = true;
      close();
      input.focus();
    }
  });
  root.addEventListener('focusout', (e) => {
    // A result replaced by new ones loses focus too: renderResults hands it on, so that is no leaving.
    if (e.target instanceof Node && !e.target.isConnected) return;
    const next = e.relatedTarget;
    if (!(next instanceof Node) || !root.contains(next)) close();
  });
  document.addEventListener('click', (e) => {
    if (!root.contains(e.target as Node)) close();
  });
  input.addEventListener('focus', () => {
    if (list.childElementCount && !dismissed) panel.hidden = false;
  });
  // This script loads once the page is on screen: what the reader has already typed is searched now.
  if (document.activeElement === input && input.value.trim().length >= 2) void run();
}

/** The /search/ page: runs the query in ?q= (reached when the header form is submitted before scripts load). */
export function initSearchPage(): void {
  const root = document.querySelector<HTMLElement>('[data-search-page]');
  const note = document.querySelector<HTMLElement>('[data-search-page-note]');
  const status = root?.querySelector<HTMLElement>('[data-search-page-status]');
  const list = root?.querySelector<HTMLElement>('[data-search-page-list]');
  if (!root || !status || !list) return;
  root.hidden = false;
  if (note) note.hidden = true;
  const q = new URLSearchParams(window.location.search).get('q')?.trim() ?? '';
  const input = document.querySelector<HTMLInputElement>('[data-search-input]');
  if (input) input.value = q;
  if (q.length < 2) {
    status.textContent = ui.search.tooShort;
    return;
  }
  void searchInto(defaultBackend(), q, 30, list, status);
}
