/**
 * The builder's state in nanostores, with its actions: every change goes through `update`, which
 * saves at once (a run-sheet is small) and reports how the save went.
 */
import { atom } from 'nanostores';
import { emptySheet, moveRow, newKey, type Row, type RunSheet } from './run-sheet';
import { createRunSheetStorage, type RunSheetLoadStatus, type RunSheetSaveStatus, type RunSheetStorage } from './run-sheet-storage';
import { addTime, nextActivity, startRun } from './timing';

export interface PlanRows {
  slug: string;
  title: string;
  start: string;
  groupSize: number;
  rows: Omit<Row, 'key'>[];
}

export type StoreStatus = { load: RunSheetLoadStatus; save?: RunSheetSaveStatus; quarantineKey?: string | undefined };

export function createRunSheetStore(storage: RunSheetStorage = createRunSheetStorage(), now: () => number = Date.now) {
  const $sheet = atom<RunSheet>(emptySheet());
  const $status = atom<StoreStatus>({ load: 'empty' });

  function load(): void {
    const result = storage.load();
    $sheet.set(result.sheet);
    $status.set({ load: result.status, quarantineKey: result.quarantineKey });
  }

  function update(change: (sheet: RunSheet) => RunSheet): void {
    const next = change($sheet.get());
    if (next === $sheet.get()) return;
    $sheet.set(next);
    $status.set({ ...$status.get(), save: storage.save(next) });
  }

  const rowsOf = (sheet: RunSheet, rows: Omit<Row, 'key'>[]): Row[] => {
    let s: RunSheet = { ...sheet, rows: [] };
    const out: Row[] = [];
    for (const r of rows) {
      const row = { ...r, key: newKey(s) };
      out.push(row);
      s = { ...s, rows: out };
    }
    return out;
  };

  return {
    $sheet,
    $status,
    load,
    update,
    usePlan(plan: PlanRows): void {
      update(() => ({
        ...emptySheet(),
        title: plan.title,
        start: plan.start,
        groupSize: plan.groupSize,
        plan: plan.slug,
        rows: rowsOf(emptySheet(), plan.rows),
      }));
    },
    addRow(row: Omit<Row, 'key'>): void {
      update((s) => ({ ...s, rows: [...s.rows, { ...row, key: newKey(s) }], run: null }));
    },
    setRow(index: number, patch: Partial<Pick<Row, 'label' | 'minutes'>>): void {
      update((s) => ({ ...s, rows: s.rows.map((r, i) => (i === index ? { ...r, ...patch } : r)), run: null }));
    },
    move(index: number, by: number): void {
      update((s) => {
        const moved = moveRow(s, index, by);
        return moved === s ? s : { ...moved, run: null };
      });
    },
    remove(index: number): void {
      update((s) => ({ ...s, rows: s.rows.filter((_, i) => i !== index), run: null }));
    },
    setFields(patch: Partial<Pick<RunSheet, 'title' | 'start' | 'groupSize'>>): void {
      update((s) => ({ ...s, ...patch }));
    },
    /** Clears the sheet; returns a function that puts it back. */
    clear(): () => void {
      const before = $sheet.get();
      update(() => emptySheet());
      return () => update(() => before);
    },
    startRun(): void {
      update((s) => ({ ...s, run: startRun(s.rows, now()) }));
    },
    plus5(): void {
      update((s) => (s.run ? { ...s, run: addTime(s.run, now(), 5) } : s));
    },
    next(): void {
      update((s) => (s.run ? { ...s, run: nextActivity(s.run, now()) } : s));
    },
    stopRun(): void {
      update((s) => ({ ...s, run: null }));
    },
  };
}

export type RunSheetStore = ReturnType<typeof createRunSheetStore>;
