/**
 * The worksheet store: debounced saving, flushing before the page goes away, merging what another tab
 * saved, conflicts, clearing with undo, and the states where storage cannot be used.
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
import { MemoryStorage, QuotaStorage, blockedStorage, loadWorksheet } from './worksheet-files';

const ws = loadWorksheet('trust-inventory');
const KEY = KEYS.worksheet('trust-inventory');
const NOW = Date.parse('2026-11-22T14:02:11.000Z');
const NOW_ISO = new Date(NOW).toISOString();

/** A store on the given storage, not yet loaded (connect() loads it). */
const storeOn = (getter: () => Storage) =>
  createWorksheetStore(
    ws,
    createWorksheetStorage(getter, () => NOW),
  );

/** One browser tab: a store on the shared storage, loaded as the page does on opening. */
function tab(storage: Storage, getter: () => Storage = () => storage) {
  const store = storeOn(getter);
  store.load();
  return store;
}
const stored = (storage: Storage): StoredRecord => JSON.parse(storage.getItem(KEY)!) as StoredRecord;
const storedRecord = (answers: Answers, rev: number): string =>
  encode({ ...emptyRecord(ws), rev, updated: '2026-11-21T09:30:00.000Z', answers });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('saving as you type', () => {
  it('saves a record with rev 1 once typing has paused for SAVE_DELAY_MS', () => {
    const storage = new MemoryStorage();
    const store = tab(storage);
    store.setAnswer('commitment', 'Call the budget officer');
    expect(store.$save.get()).toEqual({ kind: 'pending' });
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    expect(storage.getItem(KEY)).toBeNull();
    vi.advanceTimersByTime(1);
    expect(stored(storage)).toMatchObject({ rev: 1, updated: NOW_ISO, answers: { commitment: 'Call the budget officer' } });
    expect(store.$save.get()).toEqual({ kind: 'saved', at: NOW_ISO });
  });

  it('writes once for a burst of typing, with the last text', () => {
    const storage = new MemoryStorage();
    const store = tab(storage);
    for (const text of ['C', 'Ca', 'Cal', 'Call']) {
      store.setAnswer('commitment', text);
      vi.advanceTimersByTime(SAVE_DELAY_MS / 2);
    }
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(storage.writes).toEqual([KEY]);
    expect(stored(storage).answers).toEqual({ commitment: 'Call' });
  });

  it('saves immediately on flush, and not again when the timer would have fired', () => {
    const storage = new MemoryStorage();
    const store = tab(storage);
    store.setAnswer('bad-news-safe', 4);
    store.flush();
    expect(stored(storage)).toMatchObject({ rev: 1, answers: { 'bad-news-safe': 4 } });
    vi.advanceTimersByTime(SAVE_DELAY_MS * 2);
    expect(storage.writes).toEqual([KEY]);
  });

  it('writes nothing on flush when nothing changed', () => {
    const storage = new MemoryStorage();
    const store = tab(storage);
    store.flush();
    expect(storage.writes).toEqual([]);
  });

  it('counts the rev up with each save', () => {
    const storage = new MemoryStorage();
    const store = tab(storage);
    store.setAnswer('commitment', 'One');
    store.flush();
    store.setAnswer('commitment', 'Two');
    store.flush();
    expect(stored(storage)).toMatchObject({ rev: 2, answers: { commitment: 'Two' } });
  });

  it('removes an answer emptied by the user', () => {
    const storage = new MemoryStorage();
    const store = tab(storage);
    store.setAnswer('commitment', 'One');
    store.setAnswer('relationships', [{ id: 'r1', cells: { person: 'A' } }]);
    store.flush();
    store.setAnswer('commitment', '');
    store.setAnswer('relationships', []);
    store.flush();
    expect(store.$answers.get()).toEqual({});
    expect(stored(storage).answers).toEqual({});
  });

  it('shows the answers stored earlier, and when they were saved', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, storedRecord({ commitment: 'Saved yesterday' }, 4));
    const store = tab(storage);
    expect(store.$answers.get()).toEqual({ commitment: 'Saved yesterday' });
    expect(store.$save.get()).toEqual({ kind: 'saved', at: '2026-11-21T09:30:00.000Z' });
    store.setAnswer('gotcha', 'New');
    store.flush();
    expect(stored(storage)).toMatchObject({ rev: 5, answers: { commitment: 'Saved yesterday', gotcha: 'New' } });
  });
});

describe('another tab', () => {
  it('updates a prompt this tab did not touch when another tab saves a newer record', () => {
    const storage = new MemoryStorage();
    const mine = tab(storage);
    const other = tab(storage);
    other.setAnswer('commitment', 'Typed in the other tab');
    other.flush();
    mine.onExternal(storage.getItem(KEY));
    expect(mine.$answers.get()).toEqual({ commitment: 'Typed in the other tab' });
    expect(mine.$conflicts.get()).toEqual({});
    expect(mine.$save.get()).toEqual({ kind: 'saved', at: NOW_ISO });
  });

  it('keeps what this tab typed in other prompts when another tab saves', () => {
    const storage = new MemoryStorage();
    const mine = tab(storage);
    const other = tab(storage);
    mine.setAnswer('gotcha', 'Mine, not saved yet');
    other.setAnswer('commitment', 'Theirs');
    other.flush();
    mine.onExternal(storage.getItem(KEY));
    expect(mine.$answers.get()).toEqual({ gotcha: 'Mine, not saved yet', commitment: 'Theirs' });
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(stored(storage)).toMatchObject({ rev: 2, answers: { gotcha: 'Mine, not saved yet', commitment: 'Theirs' } });
  });

  it('ignores a record that is not newer than the one this tab has', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, storedRecord({ commitment: 'Rev 3' }, 3));
    const mine = tab(storage);
    mine.onExternal(storedRecord({ commitment: 'Rev 2 arriving late' }, 2));
    mine.onExternal(storedRecord({ commitment: 'Another rev 3' }, 3));
    expect(mine.$answers.get()).toEqual({ commitment: 'Rev 3' });
  });

  it('ignores unreadable text and records from a newer guide', () => {
    const storage = new MemoryStorage();
    const mine = tab(storage);
    mine.setAnswer('commitment', 'Mine');
    mine.onExternal('{not json');
    mine.onExternal(JSON.stringify({ ...JSON.parse(storedRecord({ commitment: 'Future' }, 9)), version: 99 }));
    expect(mine.$answers.get()).toEqual({ commitment: 'Mine' });
    expect(mine.$conflicts.get()).toEqual({});
  });

  describe('when both tabs changed the same prompt', () => {
    function conflicted() {
      const storage = new MemoryStorage();
      const mine = tab(storage);
      const other = tab(storage);
      mine.setAnswer('commitment', 'Mine, not saved yet');
      other.setAnswer('commitment', 'Theirs');
      other.flush();
      mine.onExternal(storage.getItem(KEY));
      return { storage, mine };
    }

    it('keeps the local text and shows their version as a conflict', () => {
      const { mine } = conflicted();
      expect(mine.$answers.get()['commitment']).toBe('Mine, not saved yet');
      expect(mine.$conflicts.get()).toEqual({ commitment: 'Theirs' });
    });

    it('saves the local text over theirs, as a newer rev, until the user chooses', () => {
      const { mine, storage } = conflicted();
      vi.advanceTimersByTime(SAVE_DELAY_MS);
      expect(stored(storage)).toMatchObject({ rev: 2, answers: { commitment: 'Mine, not saved yet' } });
      expect(mine.$conflicts.get()).toEqual({ commitment: 'Theirs' });
    });

    it('uses their version when the user chooses it, and saves it', () => {
      const { mine, storage } = conflicted();
      mine.resolveConflict('commitment', true);
      expect(mine.$answers.get()['commitment']).toBe('Theirs');
      expect(mine.$conflicts.get()).toEqual({});
      vi.advanceTimersByTime(SAVE_DELAY_MS);
      expect(stored(storage).answers['commitment']).toBe('Theirs');
    });

    it('keeps the local version when the user chooses it', () => {
      const { mine, storage } = conflicted();
      mine.resolveConflict('commitment', false);
      expect(mine.$answers.get()['commitment']).toBe('Mine, not saved yet');
      expect(mine.$conflicts.get()).toEqual({});
      vi.advanceTimersByTime(SAVE_DELAY_MS);
      expect(stored(storage).answers['commitment']).toBe('Mine, not saved yet');
    });
  });

  it('merges what another tab saved before its event arrives, instead of overwriting it', () => {
    const storage = new MemoryStorage();
    const mine = tab(storage);
    const other = tab(storage);
    mine.setAnswer('gotcha', 'Mine');
    other.setAnswer('commitment', 'Theirs');
    other.flush();
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(stored(storage)).toMatchObject({ rev: 2, answers: { gotcha: 'Mine', commitment: 'Theirs' } });
    expect(mine.$answers.get()).toEqual({ gotcha: 'Mine', commitment: 'Theirs' });
  });

  it('reports a conflict found while saving, keeping the local text', () => {
    const storage = new MemoryStorage();
    const mine = tab(storage);
    const other = tab(storage);
    mine.setAnswer('commitment', 'Mine');
    other.setAnswer('commitment', 'Theirs');
    other.flush();
    mine.flush();
    expect(mine.$conflicts.get()).toEqual({ commitment: 'Theirs' });
    expect(stored(storage)).toMatchObject({ rev: 2, answers: { commitment: 'Mine' } });
  });

  it('keeps the text on screen and says so when another tab removes the record', () => {
    const storage = new MemoryStorage();
    const mine = tab(storage);
    mine.setAnswer('commitment', 'Still here');
    mine.flush();
    storage.removeItem(KEY);
    mine.onExternal(null);
    expect(mine.$answers.get()).toEqual({ commitment: 'Still here' });
    expect(mine.$notices.get()).toEqual([{ kind: 'cleared-elsewhere' }]);
    mine.flush();
    expect(stored(storage)).toMatchObject({ rev: 1, answers: { commitment: 'Still here' } });
  });

  it('takes what another tab saves after the record was removed, even when this tab showed no answers', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, storedRecord({}, 3));
    const mine = tab(storage);
    storage.removeItem(KEY);
    mine.onExternal(null);
    const other = tab(storage);
    other.setAnswer('commitment', 'Typed after the removal');
    other.flush();
    mine.onExternal(storage.getItem(KEY));
    expect(mine.$answers.get()).toEqual({ commitment: 'Typed after the removal' });
    mine.setAnswer('gotcha', 'Mine');
    mine.flush();
    expect(stored(storage).answers).toEqual({ commitment: 'Typed after the removal', gotcha: 'Mine' });
  });
});

describe('clearing', () => {
  it('empties the answers and earlier answers and saves the empty worksheet', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      KEY,
      encode({ ...JSON.parse(storedRecord({ commitment: 'One', 'bad-news-safe': 3 }, 2)), earlier: [{ id: 'old', text: 'Old' }] }),
    );
    const store = tab(storage);
    expect(store.$earlier.get()).toEqual([{ id: 'old', text: 'Old' }]);
    store.clearAll();
    expect(store.$answers.get()).toEqual({});
    expect(store.$earlier.get()).toEqual([]);
    expect(stored(storage)).toMatchObject({ rev: 3, answers: {}, earlier: [] });
  });

  it('puts everything back, and saves it, on undo', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      KEY,
      encode({ ...JSON.parse(storedRecord({ commitment: 'One', 'bad-news-safe': 3 }, 2)), earlier: [{ id: 'old', text: 'Old' }] }),
    );
    const store = tab(storage);
    const undo = store.clearAll();
    undo();
    expect(store.$answers.get()).toEqual({ commitment: 'One', 'bad-news-safe': 3 });
    expect(store.$earlier.get()).toEqual([{ id: 'old', text: 'Old' }]);
    expect(stored(storage)).toMatchObject({
      rev: 4,
      answers: { commitment: 'One', 'bad-news-safe': 3 },
      earlier: [{ id: 'old', text: 'Old' }],
    });
  });

  it('drops open conflicts', () => {
    const storage = new MemoryStorage();
    const mine = tab(storage);
    const other = tab(storage);
    mine.setAnswer('commitment', 'Mine');
    other.setAnswer('commitment', 'Theirs');
    other.flush();
    mine.onExternal(storage.getItem(KEY));
    mine.clearAll();
    expect(mine.$conflicts.get()).toEqual({});
  });

  it('removes the earlier answers when the user has copied them', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, encode({ ...JSON.parse(storedRecord({ commitment: 'One' }, 2)), earlier: [{ id: 'old', text: 'Old' }] }));
    const store = tab(storage);
    store.dismissEarlier();
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(store.$earlier.get()).toEqual([]);
    expect(stored(storage)).toMatchObject({ answers: { commitment: 'One' }, earlier: [] });
  });
});

describe('when storage cannot be used', () => {
  it('reports quota and keeps the answers on screen when storage is full', () => {
    const storage = new QuotaStorage(2_000);
    storage.setItem(KEY, storedRecord({ commitment: 'Saved before' }, 1));
    const before = storage.getItem(KEY);
    const store = tab(storage);
    store.setAnswer('gotcha', 'x'.repeat(3_000));
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(store.$save.get()).toEqual({ kind: 'quota' });
    expect(store.$answers.get()).toEqual({ commitment: 'Saved before', gotcha: 'x'.repeat(3_000) });
    expect(storage.getItem(KEY)).toBe(before);
  });

  it('saves again on the next edit once there is room', () => {
    const storage = new QuotaStorage(2_000);
    const store = tab(storage);
    store.setAnswer('gotcha', 'x'.repeat(3_000));
    store.flush();
    expect(store.$save.get()).toEqual({ kind: 'quota' });
    storage.limit = 1_000_000;
    store.setAnswer('commitment', 'Short');
    store.flush();
    expect(store.$save.get()).toEqual({ kind: 'saved', at: NOW_ISO });
    expect(stored(storage).answers).toEqual({ gotcha: 'x'.repeat(3_000), commitment: 'Short' });
  });

  it('tries again, without a new edit, when another tab’s change conflicts with text it could not store', () => {
    const storage = new QuotaStorage(2_000);
    const store = tab(storage);
    store.setAnswer('gotcha', 'x'.repeat(3_000));
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(store.$save.get()).toEqual({ kind: 'quota' });
    storage.limit = 1_000_000;
    storage.setItem(KEY, storedRecord({ gotcha: 'Theirs' }, 1));
    store.onExternal(storage.getItem(KEY));
    expect(store.$conflicts.get()).toEqual({ gotcha: 'Theirs' });
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(stored(storage)).toMatchObject({ rev: 2, answers: { gotcha: 'x'.repeat(3_000) } });
    expect(store.$save.get()).toEqual({ kind: 'saved', at: NOW_ISO });
  });

  it('says storage is unavailable, and still updates the answers as the user types', () => {
    const store = tab(new MemoryStorage(), blockedStorage);
    expect(store.$notices.get()).toEqual([{ kind: 'unavailable', detail: undefined }]);
    expect(store.$save.get()).toEqual({ kind: 'memory', reason: 'unavailable' });
    store.setAnswer('commitment', 'Kept in memory');
    expect(store.$answers.get()).toEqual({ commitment: 'Kept in memory' });
    expect(vi.getTimerCount()).toBe(0);
    expect(() => store.flush()).not.toThrow();
    expect(store.$save.get()).toEqual({ kind: 'memory', reason: 'unavailable' });
  });

  it('switches to memory only when a save fails for a reason other than space', () => {
    const storage = new MemoryStorage();
    const store = tab(storage);
    storage.setItem = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    store.setAnswer('commitment', 'Typed');
    store.flush();
    expect(store.$notices.get()).toEqual([{ kind: 'unavailable' }]);
    expect(store.$save.get()).toEqual({ kind: 'memory', reason: 'unavailable' });
    expect(store.$answers.get()).toEqual({ commitment: 'Typed' });
  });

  it('never writes over a record from a newer guide', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, JSON.stringify({ ...JSON.parse(storedRecord({ commitment: 'Future' }, 9)), version: 99 }));
    const before = storage.snapshot();
    const store = tab(storage);
    expect(store.$notices.get().map((n) => n.kind)).toEqual(['too-new']);
    expect(store.$save.get()).toEqual({ kind: 'memory', reason: 'too-new' });
    store.setAnswer('commitment', 'Typed now');
    store.flush();
    store.clearAll();
    expect(storage.snapshot()).toEqual(before);
  });

  it('says where unreadable answers were kept, and saves new answers normally', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, 'garbage');
    const store = tab(storage);
    const quarantineKey = KEYS.quarantine('trust-inventory', NOW);
    expect(store.$notices.get()).toEqual([{ kind: 'quarantined', detail: quarantineKey }]);
    expect(storage.getItem(quarantineKey)).toBe('garbage');
    store.setAnswer('commitment', 'Fresh start');
    store.flush();
    expect(stored(storage)).toMatchObject({ rev: 1, answers: { commitment: 'Fresh start' } });
    expect(storage.getItem(quarantineKey)).toBe('garbage');
  });

  it('works in memory, and leaves the data alone, when unreadable data cannot be copied aside', () => {
    const storage = new QuotaStorage(1_000_000);
    storage.setItem(KEY, 'garbage');
    storage.limit = 0;
    const store = tab(storage);
    storage.limit = 1_000_000;
    expect(store.$notices.get().map((n) => n.kind)).toEqual(['blocked']);
    store.setAnswer('commitment', 'Typed');
    store.flush();
    expect(storage.snapshot()).toEqual({ [KEY]: 'garbage' });
  });
});

const LEGACY = KEYS.legacyWorksheet('trust-inventory');
const rec = (answers: Answers, rev: number, updated = '2026-11-21T09:30:00.000Z'): StoredRecord => ({
  ...emptyRecord(ws),
  rev,
  updated,
  answers,
});
const tooNew = JSON.stringify({ format: 'psfg-worksheet', version: STORAGE_VERSION + 1, worksheet: 'trust-inventory', answers: {} });

/** Two tabs on `storage`: each edits, the other one saves, and this one receives its storage event. */
function afterOtherTabSaved(storage: MemoryStorage, mine: [string, string], theirs: [string, string | undefined]) {
  const store = tab(storage);
  const other = tab(storage);
  store.setAnswer(...mine);
  other.setAnswer(...theirs);
  other.flush();
  store.onExternal(storage.getItem(KEY));
  return store;
}

describe('a new store', () => {
  it('starts idle, empty, without notices, conflicts or earlier answers', () => {
    const store = storeOn(() => new MemoryStorage());
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
    const mine = afterOtherTabSaved(new MemoryStorage(), ['gotcha', 'Mine'], ['commitment', 'Theirs']);
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
    const mine = afterOtherTabSaved(storage, ['commitment', 'Mine'], ['commitment', theirs]);
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

  it('is added beside earlier answers already kept, also another text for the same prompt', () => {
    const storage = new MemoryStorage();
    const older = [
      { id: 'commitment', text: 'Older' },
      { id: 'gotcha', text: 'Theirs' },
    ];
    storage.setItem(KEY, encode({ ...rec({ commitment: 'Base' }, 1), earlier: older }));
    const mine = afterOtherTabSaved(storage, ['commitment', 'Mine'], ['commitment', 'Theirs']);
    mine.flush();
    expect(mine.$earlier.get()).toEqual([...older, { id: 'commitment', text: 'Theirs' }]);
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

describe('connect', () => {
  /** The parts of window the store uses: events, and a document with a visibility state. */
  function fakeWindow() {
    const document = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
    const win = Object.assign(new EventTarget(), { document });
    return { win, document, asWindow: win as unknown as Window };
  }
  /** A store on fresh storage, connected to a fake window. */
  function connected(storage = new MemoryStorage()) {
    const store = storeOn(() => storage);
    const { win, document, asWindow } = fakeWindow();
    const disconnect = store.connect(asWindow);
    return { storage, store, win, document, disconnect };
  }
  const storageEvent = (key: string | null, newValue: string | null) => Object.assign(new Event('storage'), { key, newValue });

  it('loads the stored answers', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, storedRecord({ commitment: 'Stored' }, 1));
    const store = storeOn(() => storage);
    store.connect(fakeWindow().asWindow);
    expect(store.$answers.get()).toEqual({ commitment: 'Stored' });
  });

  it('flushes a pending edit on pagehide', () => {
    const { storage, store, win } = connected();
    store.setAnswer('commitment', 'Typed just before leaving');
    win.dispatchEvent(new Event('pagehide'));
    expect(stored(storage).answers).toEqual({ commitment: 'Typed just before leaving' });
  });

  it('flushes a pending edit when the page is hidden, not when it becomes visible', () => {
    const { storage, store, document } = connected();
    store.setAnswer('commitment', 'Typed');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(storage.getItem(KEY)).toBeNull();
    document.visibilityState = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(stored(storage).answers).toEqual({ commitment: 'Typed' });
  });

  it('flushes a pending edit on beforeunload', () => {
    const { storage, store, win } = connected();
    store.setAnswer('commitment', 'Typed');
    win.dispatchEvent(new Event('beforeunload'));
    expect(stored(storage).answers).toEqual({ commitment: 'Typed' });
  });

  it('merges storage events for its own key and ignores other keys', () => {
    const { store, win } = connected();
    win.dispatchEvent(storageEvent(KEYS.worksheet('coalition-map'), storedRecord({ commitment: 'Wrong key' }, 1)));
    win.dispatchEvent(storageEvent('psfg:theme', 'dark'));
    expect(store.$answers.get()).toEqual({});
    win.dispatchEvent(storageEvent(KEY, storedRecord({ commitment: 'From the other tab' }, 1)));
    expect(store.$answers.get()).toEqual({ commitment: 'From the other tab' });
  });

  it('saves and stops listening when disconnected', () => {
    const { storage, store, win, disconnect } = connected();
    store.setAnswer('commitment', 'Typed');
    disconnect();
    expect(stored(storage).answers).toEqual({ commitment: 'Typed' });
    win.dispatchEvent(storageEvent(KEY, storedRecord({ commitment: 'Too late' }, 5)));
    expect(store.$answers.get()).toEqual({ commitment: 'Typed' });
  });

  it('merges an old tab’s write to the legacy key whatever its revision', () => {
    const { store, win } = connected();
    store.setAnswer('commitment', 'Mine');
    store.flush();
    store.setAnswer('commitment', 'Mine again');
    store.flush();
    win.dispatchEvent(storageEvent(LEGACY, encode(rec({ commitment: 'Mine again', gotcha: 'Old tab' }, 1))));
    expect(store.$answers.get()).toEqual({ commitment: 'Mine again', gotcha: 'Old tab' });
  });

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
