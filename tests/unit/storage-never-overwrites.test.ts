/**
 * The six ways a review found storage could overwrite, hide or corrupt what a reader typed. Each test here
 * failed against the engine before the change that fixed it (storage v2, issue 7), and names the case.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEYS } from '../../src/lib/storage-keys';
import { SAVE_DELAY_MS, createWorksheetStore } from '../../src/stores/worksheet';
import type { Answers, TableRow } from '../../src/worksheets/answers';
import { createWorksheetStorage } from '../../src/worksheets/storage';
import { MemoryStorage, QuotaStorage, loadWorksheet } from './worksheet-files';

const ws = loadWorksheet('trust-inventory');
const KEY = KEYS.worksheet('trust-inventory');
/** Keys spelled out, not taken from KEYS: these are the places data really sits in readers' browsers. */
const CURRENT_KEY = 'psfg:ws:trust-inventory';
const LEGACY_KEY = 'psfg:v1:ws:trust-inventory';

let clock = Date.parse('2026-11-22T14:02:11.000Z');
const now = () => clock++;

const rec = (answers: Answers, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'psfg-worksheet',
    version: 1,
    worksheet: 'trust-inventory',
    worksheetVersion: 1,
    rev: 1,
    updated: '2026-11-21T09:30:00.000Z',
    answers,
    earlier: [],
    ...extra,
  });

function tab(storage: Storage) {
  const store = createWorksheetStore(
    ws,
    createWorksheetStorage(() => storage, now),
  );
  store.load();
  return store;
}
/** Delivers what `storage` now holds under `key` to `store`, as the browser's storage event does. */
const deliver = (store: ReturnType<typeof tab>, storage: Storage, key = KEY) => store.onExternal(storage.getItem(key), key === LEGACY_KEY);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('1. a record of a newer storage version that appears after the page loaded', () => {
  const future = JSON.stringify({
    format: 'psfg-worksheet',
    version: 99,
    worksheet: 'trust-inventory',
    rev: 40,
    answers: { shape: 'from the future' },
  });

  it('is never overwritten by the next autosave; saving stops, the reader is told, the text stays', () => {
    const storage = new MemoryStorage();
    const store = tab(storage);
    store.setAnswer('commitment', 'Typed in the old tab');
    storage.setItem(KEY, future); // a newer copy of the guide wrote it before our autosave fired
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    store.flush();
    expect(storage.getItem(KEY)).toBe(future);
    expect(store.$notices.get().map((n) => n.kind)).toContain('too-new');
    expect(store.$save.get()).toEqual({ kind: 'memory', reason: 'too-new' });
    expect(store.$answers.get()).toMatchObject({ commitment: 'Typed in the old tab' });
    store.setAnswer('gotcha', 'More text');
    store.flush();
    expect(storage.getItem(KEY)).toBe(future);
  });

  it('stops saving as soon as its storage event arrives', () => {
    const storage = new MemoryStorage();
    const store = tab(storage);
    storage.setItem(KEY, future);
    deliver(store, storage);
    store.setAnswer('commitment', 'After the event');
    store.flush();
    expect(storage.getItem(KEY)).toBe(future);
    expect(store.$save.get()).toEqual({ kind: 'memory', reason: 'too-new' });
  });
});

describe('2. unreadable data', () => {
  it('is quarantined once, however often the page is opened', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, '{"broken":');
    for (let i = 0; i < 5; i++) tab(storage);
    const copies = storage.keys().filter((k) => k.startsWith('psfg:quarantine:trust-inventory:'));
    expect(copies).toHaveLength(1);
    expect(storage.getItem(copies[0]!)).toBe('{"broken":');
  });

  it('that another program writes after the page loaded is set aside before the page saves over it', () => {
    const storage = new MemoryStorage();
    const store = tab(storage);
    storage.setItem(KEY, 'not a record');
    store.setAnswer('commitment', 'Mine');
    store.flush();
    const copies = storage.keys().filter((k) => k.startsWith('psfg:quarantine:'));
    expect(copies.map((k) => storage.getItem(k))).toEqual(['not a record']);
    expect((JSON.parse(storage.getItem(KEY)!) as { answers: Answers }).answers).toEqual({ commitment: 'Mine' });
  });
});

describe('3. answers compared by value', () => {
  const row = (cells: Record<string, string | number>): TableRow => ({ id: 'r1', cells });

  it('sees no change, and no conflict, in a table whose cells hold the same values in another key order', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, rec({ relationships: [row({ person: 'Deputy director', 'trust-today': 3 })] }));
    const a = tab(storage);
    const b = tab(storage);
    // Tab A's form rebuilt the row: same values, keys in another order.
    a.setAnswer('relationships', [row({ 'trust-today': 3, person: 'Deputy director' })]);
    // Tab B really changes the table and saves first.
    b.setAnswer('relationships', [row({ person: 'Deputy director', 'trust-today': 5 })]);
    b.flush();
    deliver(a, storage);
    expect(a.$conflicts.get()).toEqual({});
    expect(a.$answers.get()['relationships']).toEqual([row({ person: 'Deputy director', 'trust-today': 5 })]);
  });
});

describe('4. earlier answers dismissed in one tab', () => {
  it('stay dismissed in the other tab, also after it saves', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, rec({ commitment: 'Keep' }, { earlier: [{ id: 'old-question', text: 'An answer to a removed question' }] }));
    const a = tab(storage);
    const b = tab(storage);
    expect(a.$earlier.get()).toHaveLength(1);
    b.dismissEarlier();
    b.flush();
    deliver(a, storage);
    expect(a.$earlier.get()).toEqual([]);
    a.setAnswer('gotcha', 'Typed in tab A');
    a.flush();
    expect((JSON.parse(storage.getItem(KEY)!) as { earlier: unknown[] }).earlier).toEqual([]);
  });
});

describe('5. a save that failed on a full quota, and the "Saved" status', () => {
  it('is retried when the page is hidden, with no further change', () => {
    const storage = new QuotaStorage(2_000);
    const store = tab(storage);
    store.setAnswer('gotcha', 'x'.repeat(3_000));
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(store.$save.get()).toEqual({ kind: 'quota' });
    storage.limit = 1_000_000;
    store.flush(); // what connect() does on pagehide
    expect(store.$save.get().kind).toBe('saved');
    expect((JSON.parse(storage.getItem(KEY)!) as { answers: Answers }).answers).toEqual({ gotcha: 'x'.repeat(3_000) });
  });

  it('never says "Saved" for text that another tab removed from storage', () => {
    const storage = new MemoryStorage();
    const store = tab(storage);
    store.setAnswer('commitment', 'Mine');
    store.flush();
    expect(store.$save.get().kind).toBe('saved');
    storage.removeItem(KEY);
    deliver(store, storage);
    expect(store.$save.get().kind).not.toBe('saved');
  });

  it('keeps the other tab\u2019s version as an earlier answer when the page closes before the reader chooses', () => {
    const storage = new MemoryStorage();
    const a = tab(storage);
    const b = tab(storage);
    a.setAnswer('commitment', 'Mine');
    b.setAnswer('commitment', 'Theirs');
    b.flush();
    deliver(a, storage);
    expect(a.$conflicts.get()).toEqual({ commitment: 'Theirs' });
    a.flush(); // what connect() does on pagehide
    const stored = JSON.parse(storage.getItem(KEY)!) as { answers: Answers; earlier: { id: string; text: string }[] };
    expect(stored.answers['commitment']).toBe('Mine');
    expect(stored.earlier).toContainEqual({ id: 'commitment', text: 'Theirs' });
  });
});

describe('6. versions across keys', () => {
  it('shows what an old tab wrote under the legacy key after the upgrade, with what the new code stored', () => {
    const storage = new MemoryStorage();
    storage.setItem(CURRENT_KEY, rec({ commitment: 'Written by the new guide' }, { version: 2, rev: 3 }));
    storage.setItem(
      LEGACY_KEY,
      rec({ gotcha: 'Written later by a tab of the old guide' }, { rev: 2, updated: '2026-11-23T08:00:00.000Z' }),
    );
    storage.writes = [];
    const store = tab(storage);
    expect(store.$answers.get()).toEqual({ commitment: 'Written by the new guide', gotcha: 'Written later by a tab of the old guide' });
    // Stored under the one current key straight away; the legacy key is never written.
    expect((JSON.parse(storage.getItem(CURRENT_KEY)!) as { answers: Answers }).answers).toEqual(store.$answers.get());
    expect(storage.writes).toEqual([CURRENT_KEY]);
  });

  it('offers both versions when the old tab and the new code changed the same answer', () => {
    const storage = new MemoryStorage();
    storage.setItem(CURRENT_KEY, rec({ commitment: 'New guide' }, { version: 2, rev: 3 }));
    storage.setItem(LEGACY_KEY, rec({ commitment: 'Old tab' }, { rev: 5 }));
    const store = tab(storage);
    expect(store.$answers.get()['commitment']).toBe('New guide');
    expect(store.$conflicts.get()).toEqual({ commitment: 'Old tab' });
  });

  it('absorbs a write to the legacy key made while the page is open, and only once', () => {
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_KEY, rec({ commitment: 'Before the upgrade' }));
    const store = tab(storage);
    expect(store.$answers.get()).toEqual({ commitment: 'Before the upgrade' });
    storage.setItem(
      LEGACY_KEY,
      rec({ commitment: 'Before the upgrade', gotcha: 'Old tab, later' }, { rev: 2, updated: '2026-11-23T08:00:00.000Z' }),
    );
    deliver(store, storage, LEGACY_KEY);
    expect(store.$answers.get()).toEqual({ commitment: 'Before the upgrade', gotcha: 'Old tab, later' });
    store.flush();
    const again = tab(storage);
    expect(again.$answers.get()).toEqual({ commitment: 'Before the upgrade', gotcha: 'Old tab, later' });
    expect(again.$conflicts.get()).toEqual({});
    expect(storage.getItem(LEGACY_KEY), 'never written by the new code').toContain('Old tab, later');
  });

  it('migrates what is stored today (a version 1 record under the legacy key) to the one current key', () => {
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_KEY, rec({ commitment: 'Stored by version 1' }, { rev: 12 }));
    tab(storage);
    const moved = JSON.parse(storage.getItem(CURRENT_KEY)!) as { version: number; rev: number; answers: Answers };
    expect(moved.version).toBe(2);
    expect(moved.rev).toBeGreaterThan(12);
    expect(moved.answers).toEqual({ commitment: 'Stored by version 1' });
  });
});
