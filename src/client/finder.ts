/**
 * The worksheet finder on /worksheets/: filters the table by muscle, level, time and who it is for.
 * Without JavaScript the form stays hidden and the full table shows.
 */
import { ui } from '../lib/strings';
export interface FinderRow {
  muscles: string[];
  levels: string[];
  time: number;
  /** Minutes for the largest group, when that differs from `time`. */
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

export function matches(row: FinderRow, f: FinderFilter): boolean {
  return (
    (!f.muscle || row.muscles.includes(f.muscle)) &&
    (!f.level || row.levels.includes(f.level)) &&
    (!f.time || (f.mode === 'group' && row.groupTime !== undefined ? row.groupTime : row.time) <= f.time) &&
    (!f.mode || row.mode === f.mode || row.mode === 'both')
  );
}

export function initFinder(): void {
  const form = document.querySelector<HTMLElement>('[data-finder]');
  const count = form?.querySelector<HTMLElement>('[data-finder-count]');
  const rows = [...document.querySelectorAll<HTMLTableRowElement>('tr[data-mode]')];
  if (!form || !count || !rows.length) return;
  form.hidden = false;
  const words = (s: string | undefined) => (s ? s.split(' ').filter(Boolean) : []);
  const value = (name: string) => form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)?.value ?? '';
  const update = () => {
    const filter: FinderFilter = { muscle: value('muscle'), level: value('level'), time: Number(value('time') || 0), mode: value('mode') };
    let shown = 0;
    for (const tr of rows) {
      const ok = matches(
        {
          muscles: words(tr.dataset['muscles']),
          levels: words(tr.dataset['levels']),
          time: Number(tr.dataset['time']),
          groupTime: tr.dataset['groupTime'] ? Number(tr.dataset['groupTime']) : undefined,
          mode: tr.dataset['mode'] ?? '',
        },
        filter,
      );
      tr.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = ui.finder.count(shown, rows.length);
  };
  form.addEventListener('change', update);
  update();
}
