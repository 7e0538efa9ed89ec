/**
 * The worksheet store's less travelled paths: its first state, notices, storage that turns unreadable
 * after the page loaded, versions from another tab kept as earlier answers, old tabs writing the legacy
 * key, and the page's events after disconnecting.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEYS } from '../../src/lib/storage-keys';
import type { Answers } from '../../src/worksheets/answers';
import { SAVE_DELAY_MS, createWorksheetStore } from '../../src/stores/worksheet';
import {
  STORAGE_VERSION,
  createWorksheetStorage,
  emptyRecord,
  encode,
  legacySignature,
  type StoredRecord,
} from '../../src/worksheets/storage';
import { MemoryStorage, loadWorksheet } from './worksheet-files';

const ws = loadWorksheet('trust-inventory');
const KEY = KEYS.worksheet('trust-inventory');
const LEGACY = KEYS.legacyWorksheet('trust-inventory');
const NOW = Date.parse('2026-11-22T14:02:11.000Z');
const NOW_ISO = new Date(NOW).toISOString();

const storeOn = (storage: Storage) =>
  createWorksheetStore(
    ws,
    createWorksheetStorage(
      () => storage,
      () => NOW,
    ),
  );
function tab(storage: Storage) {
  const store = storeOn(storage);
  store.load();
  return store;
}
const stored = (storage: Storage): StoredRecord => JSON.parse(storage.getItem(KEY)!) as StoredRecord;
const rec = (answers: Answers, rev: number, updated = '2026-11-21T09:30:00.000Z'): StoredRecord => ({
  ...emptyRecord(ws),
  rev,
  updated,
  answers,
});
const tooNew = JSON.stringify({ format: 'psfg-worksheet', version: STORAGE_VERSION + 1, worksheet: 'trust-inventory', answers: {} });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a new store', () => {
  it('starts idle, empty, without notices, conflicts or earlier answers', () => {
    const store = storeOn(new MemoryStorage());
    expect(store.$save.get()).toEqual({ kind: 'idle' });
    expect(store.$answers.get()).toEqual({});
    expect(store.$notices.get()).toEqual([]);
    expect(store.$conflicts.get()).toEqual({});
    expect(store.$earlier.get()).toEqual([]);
  });

  it('does not claim "Saved" for a stored record without a time', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, encode(rec({ gotcha: 'x' }, 2, '')));
    const store = tab(storage);
    expect(store.$answers.get()).toEqual({ gotcha: 'x' });
    expect(store.$save.get()).toEqual({ kind: 'idle' });
  });
});

describe('editing', () => {
  it('removes an answer set to empty text or an empty list', () => {
    const storage = new MemoryStorage();
    const store = tab(storage);
    store.setAnswer('gotcha', 'x');
    store.setAnswer('relationships', [{ id: 'r1', cells: { person: 'A' } }]);
    store.setAnswer('gotcha', '');
    store.setAnswer('relationships', []);
    expect(store.$answers.get()).toEqual({});
    store.flush();
    expect(stored(storage).answers).toEqual({});
  });

  it('writes once per change, not again on a later flush', () => {
    const storage = new MemoryStorage();
    const store = tab(storage);
    store.setAnswer('gotcha', 'x');
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    store.flush();
    store.flush();
    expect(storage.writes).toEqual([KEY]);
  });
});

describe('storage that changes under the page', () => {
  it('sets aside data that turned unreadable after loading, then saves', () => {
    const storage = new MemoryStorage();
    const store = tab(storage);
    storage.setItem(KEY, 'garbage');
    store.setAnswer('gotcha', 'Typed');
    store.flush();
    expect(storage.getItem(KEYS.quarantine('trust-inventory', NOW))).toBe('garbage');
    expect(stored(storage).answers).toEqual({ gotcha: 'Typed' });
    expect(store.$save.get()).toEqual({ kind: 'saved', at: NOW_ISO });
  });

  it('stops saving, and leaves the data alone, when that data cannot be set aside', () => {
    class NoQuarantine extends MemoryStorage {
      override setItem(key: string, value: string): void {
        if (key.startsWith('psfg:quarantine:')) throw new DOMException('full', 'QuotaExceededError');
        super.setItem(key, value);
      }
    }
    const storage = new NoQuarantine();
    const store = tab(storage);
    storage.setItem(KEY, 'garbage');
    store.setAnswer('gotcha', 'Typed');
    store.flush();
    expect(storage.getItem(KEY)).toBe('garbage');
    expect(store.$save.get()).toEqual({ kind: 'memory', reason: 'blocked' });
    expect(store.$notices.get()).toEqual([{ kind: 'blocked', detail: 'the stored text is not valid JSON' }]);
    expect(store.$answers.get()).toEqual({ gotcha: 'Typed' });
  });

  it('stops saving when another tab stores a record of a newer guide', () => {
    const storage = new MemoryStorage();
    const store = tab(storage);
    store.onExternal(tooNew);
    expect(store.$save.get()).toEqual({ kind: 'memory', reason: 'too-new' });
    expect(store.$notices.get()).toEqual([{ kind: 'too-new', detail: undefined }]);
    store.setAnswer('gotcha', 'Typed');
    store.flush();
    expect(storage.getItem(KEY)).toBeNull();
  });

  it('ignores other tabs once it works in memory only', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, tooNew);
    const store = tab(storage);
    store.onExternal(encode(rec({ gotcha: 'Other tab' }, 5)));
    store.onExternal(encode(rec({ gotcha: 'Old tab' }, 5)), true);
    expect(store.$answers.get()).toEqual({});
  });

  it('keeps "pending" while this tab has unsaved text and another tab saves', () => {
    const storage = new MemoryStorage();
    const mine = tab(storage);
    const other = tab(storage);
    mine.setAnswer('gotcha', 'Mine');
    other.setAnswer('commitment', 'Theirs');
    other.flush();
    mine.onExternal(storage.getItem(KEY));
    expect(mine.$answers.get()).toEqual({ gotcha: 'Mine', commitment: 'Theirs' });
    expect(mine.$save.get()).toEqual({ kind: 'pending' });
  });
});

describe('notices', () => {
  it('says once that another tab removed the record, and nothing when no answer was shown', () => {
    const storage = new MemoryStorage();
    const empty = tab(storage);
    empty.onExternal(null);
    expect(empty.$notices.get()).toEqual([]);
    expect(empty.$save.get()).toEqual({ kind: 'idle' });

    const mine = tab(storage);
    mine.setAnswer('gotcha', 'Mine');
    mine.flush();
    mine.onExternal(null);
    mine.onExternal(null);
    expect(mine.$notices.get()).toEqual([{ kind: 'cleared-elsewhere' }]);
    expect(mine.$save.get()).toEqual({ kind: 'idle' });
  });

  it('keeps notices of different kinds side by side', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, 'garbage');
    const store = tab(storage);
    store.setAnswer('gotcha', 'Mine');
    store.flush();
    store.onExternal(null);
    expect(store.$notices.get()).toEqual([
      { kind: 'quarantined', detail: KEYS.quarantine('trust-inventory', NOW) },
      { kind: 'cleared-elsewhere' },
    ]);
  });
});

describe('an unchosen version from another tab when the page goes away', () => {
  function conflicted(theirs: string | undefined) {
    const storage = new MemoryStorage();
    storage.setItem(KEY, encode(rec({ commitment: 'Base' }, 1)));
    const mine = tab(storage);
    const other = tab(storage);
    mine.setAnswer('commitment', 'Mine');
    other.setAnswer('commitment', theirs);
    other.flush();
    mine.onExternal(storage.getItem(KEY));
    return { storage, mine };
  }

  it('is kept once as an earlier answer, however often the page flushes', () => {
    const { storage, mine } = conflicted('Theirs');
    mine.flush();
    const writes = storage.writes.length;
    mine.flush();
    expect(storage.writes.length).toBe(writes);
    expect(mine.$earlier.get()).toEqual([{ id: 'commitment', text: 'Theirs' }]);
    expect(stored(storage).earlier).toEqual([{ id: 'commitment', text: 'Theirs' }]);
  });

  it('is not kept when their version is empty or blank', () => {
    for (const theirs of [undefined, '   ']) {
      const { mine, storage } = conflicted(theirs);
      expect(Object.keys(mine.$conflicts.get())).toEqual(['commitment']);
      mine.flush();
      expect(mine.$earlier.get()).toEqual([]);
      expect(stored(storage).earlier).toEqual([]);
    }
  });

  it('is not added on screen once the page works in memory only', () => {
    const { storage, mine } = conflicted('Theirs');
    storage.setItem(KEY, tooNew);
    mine.save();
    expect(mine.$save.get()).toEqual({ kind: 'memory', reason: 'too-new' });
    mine.flush();
    expect(mine.$earlier.get()).toEqual([]);
  });
});

describe('an old tab writing the legacy key', () => {
  it('is merged in and saved under the current key with its signature', () => {
    const storage = new MemoryStorage();
    const store = tab(storage);
    const old = rec({ gotcha: 'Only in the old tab' }, 4, '2026-11-22T15:00:00.000Z');
    store.onExternal(encode(old), true);
    expect(store.$answers.get()).toEqual({ gotcha: 'Only in the old tab' });
    expect(store.$conflicts.get()).toEqual({});
    expect(store.$save.get()).toEqual({ kind: 'pending' });
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(stored(storage)).toMatchObject({ answers: { gotcha: 'Only in the old tab' }, absorbed: legacySignature(old) });
  });

  it('shows a conflict where the old tab and this one both changed a prompt', () => {
    const storage = new MemoryStorage();
    const store = tab(storage);
    store.setAnswer('commitment', 'Mine');
    store.flush();
    store.setAnswer('commitment', 'Mine, edited');
    store.onExternal(encode(rec({ commitment: 'Old tab', gotcha: 'Old tab too' }, 4)), true);
    expect(store.$answers.get()).toEqual({ commitment: 'Mine, edited', gotcha: 'Old tab too' });
    expect(store.$conflicts.get()).toEqual({ commitment: 'Old tab' });
  });

  it('is merged against what the old tab wrote before, not against this tab’s record', () => {
    const storage = new MemoryStorage();
    const store = tab(storage);
    const first = rec({ gotcha: 'Old tab' }, 1, '2026-11-22T15:00:00.000Z');
    store.onExternal(encode(first), true);
    store.setAnswer('commitment', 'Mine');
    store.flush();
    store.onExternal(encode(rec({ gotcha: 'Old tab, edited' }, 2, '2026-11-22T15:01:00.000Z')), true);
    expect(store.$answers.get()).toEqual({ commitment: 'Mine', gotcha: 'Old tab, edited' });
    expect(store.$conflicts.get()).toEqual({});
  });

  it('is ignored when unreadable, removed, or already absorbed', () => {
    const storage = new MemoryStorage();
    const old = rec({ gotcha: 'Old tab' }, 4);
    storage.setItem(LEGACY, encode(old));
    const store = tab(storage);
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(store.$answers.get()).toEqual({ gotcha: 'Old tab' });
    store.setAnswer('gotcha', 'Mine');
    store.flush();
    const writes = storage.writes.length;
    store.onExternal('garbage', true);
    store.onExternal(null, true);
    store.onExternal(encode(old), true);
    expect(store.$answers.get()).toEqual({ gotcha: 'Mine' });
    expect(store.$conflicts.get()).toEqual({});
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(storage.writes.length).toBe(writes);
  });
});

describe('connected to a page', () => {
  function connected(storage = new MemoryStorage()) {
    const document = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
    const win = Object.assign(new EventTarget(), { document });
    const store = storeOn(storage);
    const disconnect = store.connect(win as unknown as Window);
    return { storage, store, win, document, disconnect };
  }
  const storageEvent = (key: string | null, newValue: string | null) => Object.assign(new Event('storage'), { key, newValue });

  it('notices another tab clearing all storage, and an old tab writing the legacy key', () => {
    const { store, win } = connected();
    win.dispatchEvent(storageEvent(LEGACY, encode(rec({ commitment: 'Old tab' }, 1))));
    expect(store.$answers.get()).toEqual({ commitment: 'Old tab' });
    win.dispatchEvent(storageEvent(null, null));
    expect(store.$notices.get()).toEqual([{ kind: 'cleared-elsewhere' }]);
  });

  it('no longer saves on the page’s events once disconnected', () => {
    const { storage, store, win, document, disconnect } = connected();
    disconnect();
    store.setAnswer('gotcha', 'Typed after');
    win.dispatchEvent(new Event('pagehide'));
    win.dispatchEvent(new Event('beforeunload'));
    document.visibilityState = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(storage.getItem(KEY)).toBeNull();
  });
});
