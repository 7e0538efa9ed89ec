/**
 * The worksheet finder on /worksheets/: filters by muscle, level, time and who it is for, kept in the
 * address (`/worksheets/?muscle=trust&time=30`) so a filtered list can be shared and bookmarked.
 *
 * Rows are hidden by CSS (styles/finder.css) from `data-finder-*` attributes on <html>. The head
 * script (theme.ts) copies them from the address before the first paint, so a link with filters opens
 * filtered without the list ever being drawn whole; this script keeps them in step with the selects,
 * the address and the history (back and forward). Without JavaScript the filters stay hidden and the
 * full list shows. Each row also shows the reader's progress once a worksheet is started.
 */
import { ui } from '../lib/strings';
import { pageDefinitions, startedWorksheets } from './local-progress';

export interface FinderRow {
  muscles: string[];
  levels: string[];
  time: number;
  /** Minutes for a group session, when it differs from `time`. */
  groupTime?: number | undefined;
  mode: string;
}
export interface FinderFilter {
  muscle: string;
  level: string;
  /** Longest run time in minutes; 0 for any. */
  time: number;
  /** 'solo', 'group' or '' for anyone. */
  mode: string;
}
export const FILTER_NAMES = ['muscle', 'level', 'time', 'mode'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export const NO_FILTER: FinderFilter = { muscle: '', level: '', time: 0, mode: '' };

export function matches(row: FinderRow, f: FinderFilter): boolean {
  return (
    (!f.muscle || row.muscles.includes(f.muscle)) &&
    (!f.level || row.levels.includes(f.level)) &&
    (!f.time || (f.mode === 'group' && row.groupTime !== undefined ? row.groupTime : row.time) <= f.time) &&
    (!f.mode || row.mode === f.mode || row.mode === 'both')
  );
}

/** The filter in an address's query; values not in `allowed` (the selects' options) are dropped. */
export function parseFilter(search: string, allowed: Record<FilterName, readonly string[]>): FinderFilter {
  const q = new URLSearchParams(search);
  const pick = (name: FilterName) => {
    const v = q.get(name) ?? '';
    return allowed[name].includes(v) ? v : '';
  };
  return { muscle: pick('muscle'), level: pick('level'), time: Number(pick('time') || 0), mode: pick('mode') };
}

/** The query for a filter, in a fixed order, without empty values: '' for no filter. */
export function filterQuery(f: FinderFilter): string {
  const q = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const v = name === 'time' ? (f.time ? String(f.time) : '') : f[name];
    if (v) q.set(name, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const sameFilter = (a: FinderFilter, b: FinderFilter): boolean => filterQuery(a) === filterQuery(b);

export function initFinder(): void {
  const form = document.querySelector<HTMLElement>('[data-finder]');
  const count = form?.querySelector<HTMLElement>('[data-finder-count]');
  const rows = [...document.querySelectorAll<HTMLTableRowElement>('tr[data-mode]')];
  if (!form || !count || !rows.length) return;
  const root = document.documentElement;
  const select = (name: FilterName) => form.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
  const allowed = Object.fromEntries(
    FILTER_NAMES.map((name) => [name, [...(select(name)?.options ?? [])].map((o) => o.value).filter(Boolean)]),
  ) as Record<FilterName, string[]>;
  const words = (s: string | undefined) => (s ? s.split(' ').filter(Boolean) : []);
  const data = rows.map((tr) => ({
    muscles: words(tr.dataset['muscles']),
    levels: words(tr.dataset['levels']),
    time: Number(tr.dataset['time']),
    groupTime: tr.dataset['groupTime'] ? Number(tr.dataset['groupTime']) : undefined,
    mode: tr.dataset['mode'] ?? '',
  }));
  const fromSelects = (): FinderFilter => ({
    muscle: select('muscle')?.value ?? '',
    level: select('level')?.value ?? '',
    time: Number(select('time')?.value || 0),
    mode: select('mode')?.value ?? '',
  });

  // Only what differs is written: on load the head script has already set the page's attributes, and a
  // write to <html> would have the browser restyle the whole list.
  const show = (f: FinderFilter) => {
    for (const name of FILTER_NAMES) {
      const v = name === 'time' ? (f.time ? String(f.time) : '') : f[name];
      const el = select(name);
      if (el && el.value !== v) el.value = v;
      const attr = `data-finder-${name}`;
      if (v && root.getAttribute(attr) !== v) root.setAttribute(attr, v);
      else if (!v && root.hasAttribute(attr)) root.removeAttribute(attr);
    }
    const shown = data.filter((row) => matches(row, f)).length;
    const text = ui.finder.count(shown, rows.length);
    if (count.textContent !== text) count.textContent = text;
  };
  const setAddress = (f: FinderFilter, how: 'push' | 'replace') => {
    const url = `${window.location.pathname}${filterQuery(f)}${window.location.hash}`;
    try {
      if (how === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    } catch {
      // Some copies opened from disk refuse to change the address: the filters still work.
    }
  };
  const fromAddress = () => parseFilter(window.location.search, allowed);

  form.addEventListener('change', () => {
    const f = fromSelects();
    show(f);
    if (!sameFilter(f, fromAddress())) setAddress(f, 'push');
  });
  form.querySelector('[data-finder-reset]')?.addEventListener('click', () => {
    if (sameFilter(fromSelects(), NO_FILTER)) return;
    show(NO_FILTER);
    setAddress(NO_FILTER, 'push');
  });
  window.addEventListener('popstate', () => show(fromAddress()));
  // Coming back from another page, the browser may restore the selects: the address wins.
  window.addEventListener('pageshow', () => show(fromAddress()));
  const initial = fromAddress();
  show(initial);
  if (filterQuery(initial) !== window.location.search) setAddress(initial, 'replace');
  showProgress();
}

/** Marks every element `[data-progress-for="<id>"]` with the reader's progress on that worksheet. */
export function showProgress(doc: Document = document): void {
  const marks = doc.querySelectorAll<HTMLElement>('[data-progress-for]');
  if (!marks.length) return;
  const started = new Map(startedWorksheets(pageDefinitions(doc)).map((s) => [s.id, s]));
  for (const el of marks) {
    const s = started.get(el.dataset['progressFor'] ?? '');
    const text = s ? ui.finder.progress(s.answered, s.total) : '';
    if (el.textContent !== text) el.textContent = text;
    el.classList.toggle('is-started', Boolean(s)); // changes nothing when it is already so
  }
}
