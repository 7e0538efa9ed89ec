/**
 * Edge cases of worksheet storage that the main storage tests leave open: each check in `decode`, the
 * legacy key's states, the key listing, quarantine collisions and the merge of earlier answers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS } from '../../src/lib/storage-keys';
import type { Answers } from '../../src/worksheets/answers';
import {
  RECORD_FORMAT,
  STORAGE_VERSION,
  TooNewError,
  absorbLegacy,
  browserStorage,
  createWorksheetStorage,
  decode,
  emptyRecord,
  encode,
  isQuotaError,
  legacySignature,
  mergeEarlier,
  readRaw,
  type StoredRecord,
} from '../../src/worksheets/storage';
import { MemoryStorage, loadWorksheet } from './worksheet-files';

const ws = loadWorksheet('trust-inventory');
const KEY = KEYS.worksheet('trust-inventory');
const LEGACY = KEYS.legacyWorksheet('trust-inventory');
const NOW = Date.parse('2026-11-22T14:02:11.000Z');

const record = (answers: Answers, rev = 1, updated = '2026-11-22T14:00:00.000Z'): StoredRecord => ({
  ...emptyRecord(ws),
  rev,
  updated,
  answers,
});
const raw = (fields: Record<string, unknown>): string =>
  JSON.stringify({ format: RECORD_FORMAT, version: STORAGE_VERSION, worksheet: 'trust-inventory', answers: {}, ...fields });

function setup(storage: Storage = new MemoryStorage()) {
  return {
    storage,
    store: createWorksheetStorage(
      () => storage,
      () => NOW,
    ),
  };
}

const detailOf = (text: string): string => {
  const r = readRaw(text, ws);
  if (r.state !== 'unreadable') throw new Error(`expected unreadable, got ${r.state}`);
  return r.detail;
};

describe('decode refuses what is not a record of this worksheet, and says why', () => {
  it('names each problem', () => {
    expect(detailOf('{not json')).toBe('the stored text is not valid JSON');
    expect(detailOf('null')).toBe('the stored value is not a worksheet record');
    expect(detailOf('[]')).toBe('the stored value is not a worksheet record');
    expect(detailOf(raw({ format: 'another-app' }))).toBe('the stored value is not a worksheet record');
    expect(detailOf(JSON.stringify({ version: 2, worksheet: 'trust-inventory', answers: {} }))).toBe(
      'the stored value is not a worksheet record',
    );
    expect(detailOf(raw({ version: '2' }))).toBe('the record has no valid version');
    expect(detailOf(raw({ version: 1.5 }))).toBe('the record has no valid version');
    expect(detailOf(raw({ version: 0 }))).toBe('the record has no valid version');
    expect(detailOf(raw({ worksheet: 'stakeholder-map' }))).toBe('the record belongs to worksheet "stakeholder-map"');
    expect(detailOf(raw({ answers: undefined }))).toBe('the record has no answers object');
    expect(detailOf(raw({ answers: [] }))).toBe('the record has no answers object');
    expect(detailOf(raw({ answers: 'text' }))).toBe('the record has no answers object');
  });

  it('accepts the oldest version and migrates it', () => {
    expect(decode(raw({ version: 1, rev: 2 }), ws)).toMatchObject({ version: STORAGE_VERSION, rev: 2 });
  });

  it('reports a newer version with its number and a sentence for the reader', () => {
    const r = readRaw(raw({ version: STORAGE_VERSION + 1 }), ws);
    expect(r).toMatchObject({ state: 'too-new', version: STORAGE_VERSION + 1 });
    expect(new TooNewError(7).message).toBe('the record was written by a newer version of the guide (storage version 7)');
  });

  it('repairs a bad revision, time and list of earlier answers instead of refusing the record', () => {
    expect(decode(raw({ rev: -1 }), ws).rev).toBe(0);
    expect(decode(raw({ rev: 'x' }), ws).rev).toBe(0);
    expect(decode(raw({ rev: 2.7 }), ws).rev).toBe(2);
    expect(decode(raw({ rev: 0 }), ws).rev).toBe(0);
    expect(decode(raw({ updated: 5 }), ws).updated).toBe('');
    expect(decode(raw({ updated: '2026-01-01T00:00:00.000Z' }), ws).updated).toBe('2026-01-01T00:00:00.000Z');
    expect(decode(raw({ earlier: { id: 'a', text: 'b' } }), ws).earlier).toEqual([]);
    expect(decode(raw({ earlier: [{ id: 'old', text: 'kept' }, { id: 1, text: 'x' }, { id: 'y' }, 'z', null] }), ws).earlier).toEqual([
      { id: 'old', text: 'kept' },
    ]);
  });

  it('keeps `absorbed` only when it is a string, and adds no such field otherwise', () => {
    expect(decode(raw({ absorbed: '3|t' }), ws).absorbed).toBe('3|t');
    expect('absorbed' in decode(raw({ absorbed: 3 }), ws)).toBe(false);
    expect('absorbed' in decode(raw({}), ws)).toBe(false);
  });
});

describe('quota errors', () => {
  it('recognises every browser’s name and code, and nothing else', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'QuotaExceededError' }), 'by name alone, as the standard has it').toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError({ code: 22 })).toBe(true);
    expect(isQuotaError({ code: 1014 })).toBe(true);
    expect(isQuotaError({ name: 'SecurityError', code: 18 })).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    expect(isQuotaError(22)).toBe(false);
  });
});

describe('browserStorage', () => {
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window;
  });
  it('returns window.localStorage', () => {
    const storage = new MemoryStorage();
    (globalThis as { window?: unknown }).window = { localStorage: storage };
    expect(browserStorage()).toBe(storage);
  });
});

describe('absorbLegacy', () => {
  it('takes new answers, keeps equal ones quietly and returns different ones as conflicts', () => {
    const current = record({ gotcha: 'mine', 'bad-news-safe': 2 }, 4, '2026-11-22T10:00:00.000Z');
    const legacy = record({ gotcha: 'theirs', 'bad-news-safe': 2, 'shared-goal': 'only old' }, 6, '2026-11-21T10:00:00.000Z');
    const { record: out, conflicts } = absorbLegacy(current, legacy, 'sig');
    expect(out.answers).toEqual({ gotcha: 'mine', 'bad-news-safe': 2, 'shared-goal': 'only old' });
    expect(conflicts).toEqual({ gotcha: 'theirs' });
    expect(out.rev).toBe(6);
    expect(out.updated).toBe('2026-11-22T10:00:00.000Z');
    expect(out.absorbed).toBe('sig');
  });

  it('takes the later time and the higher revision from either side', () => {
    const current = record({}, 9, '2026-11-20T10:00:00.000Z');
    const legacy = record({}, 2, '2026-11-23T10:00:00.000Z');
    const { record: out } = absorbLegacy(current, legacy, 'sig');
    expect(out.updated).toBe('2026-11-23T10:00:00.000Z');
    expect(out.rev).toBe(9);
  });

  it('keeps the current earlier answers and adds only the legacy ones not already there', () => {
    const current = { ...record({}), earlier: [{ id: 'a', text: 'one' }] };
    const legacy = {
      ...record({}),
      earlier: [
        { id: 'a', text: 'one' },
        { id: 'a', text: 'two' },
        { id: 'b', text: 'one' },
      ],
    };
    expect(absorbLegacy(current, legacy, 's').record.earlier).toEqual([
      { id: 'a', text: 'one' },
      { id: 'a', text: 'two' },
      { id: 'b', text: 'one' },
    ]);
    expect(absorbLegacy(current, record({}), 's').record.earlier).toEqual([{ id: 'a', text: 'one' }]);
  });
});

describe('reading the legacy key', () => {
  it('reports unreadable legacy data, and load sets it aside', () => {
    const { store, storage } = setup();
    storage.setItem(LEGACY, '{broken');
    expect(store.read(ws)).toEqual({
      current: { state: 'empty' },
      legacyUnreadable: { raw: '{broken', detail: 'the stored text is not valid JSON' },
    });
    store.load(ws);
    expect(storage.getItem(KEYS.quarantine('trust-inventory', NOW))).toBe('{broken');
    expect(storage.getItem(LEGACY)).toBe('{broken');
  });

  it('ignores a legacy record of a newer version', () => {
    const { store, storage } = setup();
    storage.setItem(LEGACY, raw({ version: STORAGE_VERSION + 1 }));
    expect(store.read(ws)).toEqual({ current: { state: 'empty' } });
  });

  it('ignores a legacy key that cannot be read while the current key can', () => {
    class LegacyThrows extends MemoryStorage {
      override getItem(key: string): string | null {
        if (key === LEGACY) throw new DOMException('no', 'SecurityError');
        return super.getItem(key);
      }
    }
    const { store } = setup(new LegacyThrows());
    expect(store.read(ws)).toEqual({ current: { state: 'empty' } });
  });

  it('offers a legacy record once, and not again after it was absorbed', () => {
    const { store, storage } = setup();
    const legacy = record({ gotcha: 'old tab' }, 3, '2026-11-21T10:00:00.000Z');
    storage.setItem(LEGACY, encode(legacy));
    const first = store.read(ws);
    expect(first.legacy).toEqual({ record: legacy, signature: legacySignature(legacy) });
    expect(first.legacyRecord).toEqual(legacy);
    const loaded = store.load(ws);
    expect(loaded).toMatchObject({ status: 'ok', changed: true, legacy });
    store.save(loaded.record);
    const second = store.read(ws);
    expect(second.legacy).toBeUndefined();
    expect(second.legacyRecord).toEqual(legacy);
    const again = store.load(ws);
    expect(again.changed).toBeUndefined();
    expect(again.legacy).toEqual(legacy);
  });

  it('has no legacy record in the load result when there is none', () => {
    const { store } = setup();
    expect('legacy' in store.load(ws)).toBe(false);
  });

  it('keeps the quarantined status when a legacy record is absorbed into an unreadable current key', () => {
    const { store, storage } = setup();
    storage.setItem(KEY, 'garbage');
    storage.setItem(LEGACY, encode(record({ gotcha: 'old tab' })));
    const loaded = store.load(ws);
    expect(loaded.status).toBe('quarantined');
    expect(loaded.record.answers).toEqual({ gotcha: 'old tab' });
  });
});

describe('listing keys', () => {
  it('lists worksheet ids sorted, without other guide keys, and quarantine keys (the run-sheet’s too) sorted', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEYS.worksheet('trust-inventory'), '{}');
    storage.setItem(KEYS.theme, 'dark');
    storage.setItem(KEYS.legacyWorksheet('bad-news'), '{}');
    storage.setItem(KEYS.quarantine('trust-inventory', 20), 'b');
    storage.setItem(KEYS.quarantine('bad-news', 10), 'a');
    storage.setItem(KEYS.runSheetQuarantine(30), 'c');
    storage.setItem('other-site', 'x');
    const { store } = setup(storage);
    expect(store.keys()).toEqual({
      worksheets: ['bad-news', 'trust-inventory'],
      quarantined: [
        { key: KEYS.runSheetQuarantine(30), what: 'run-sheet', at: 30 },
        { key: KEYS.quarantine('bad-news', 10), what: 'worksheet', id: 'bad-news', at: 10 },
        { key: KEYS.quarantine('trust-inventory', 20), what: 'worksheet', id: 'trust-inventory', at: 20 },
      ],
    });
  });

  it('lists nothing from empty or unusable storage', () => {
    expect(setup().store.keys()).toEqual({ worksheets: [], quarantined: [] });
    const blocked = createWorksheetStorage(() => {
      throw new DOMException('no', 'SecurityError');
    });
    expect(blocked.keys()).toEqual({ worksheets: [], quarantined: [] });
    expect(blocked.read(ws), 'nor reads the legacy key').toEqual({ current: { state: 'unavailable' } });
    expect(blocked.save(record({ commitment: 'x' }))).toBe('unavailable');
    class KeyThrows extends MemoryStorage {
      override key(): string | null {
        throw new DOMException('no', 'SecurityError');
      }
    }
    const storage = new KeyThrows();
    storage.setItem(KEYS.quarantine('trust-inventory', 1), 'x');
    expect(setup(storage).store.keys()).toEqual({ worksheets: [], quarantined: [] });
  });

  it('lists only the worksheets that have something stored', () => {
    const other = loadWorksheet('coalition-map');
    const { store, storage } = setup();
    storage.setItem(KEY, encode(record({ gotcha: 'x' })));
    expect(store.list([other, ws]).map((x) => x.ws.id)).toEqual(['trust-inventory']);
  });
});

describe('quarantine', () => {
  it('makes a new key when a different copy is already set aside, and never overwrites one made at the same time', () => {
    const { store, storage } = setup();
    storage.setItem(KEYS.quarantine('trust-inventory', NOW), 'first');
    expect(store.quarantine('trust-inventory', 'second')).toBe(KEYS.quarantine('trust-inventory', NOW + 1));
    expect(storage.getItem(KEYS.quarantine('trust-inventory', NOW))).toBe('first');
    expect(storage.getItem(KEYS.quarantine('trust-inventory', NOW + 1))).toBe('second');
    expect(store.quarantine('trust-inventory', 'first')).toBe(KEYS.quarantine('trust-inventory', NOW));
  });

  it('does not reuse a copy of another worksheet', () => {
    const { store, storage } = setup();
    storage.setItem(KEYS.quarantine('bad-news', 5), 'same');
    expect(store.quarantine('trust-inventory', 'same')).toBe(KEYS.quarantine('trust-inventory', NOW));
  });
});

describe('remove', () => {
  it('removes the key and says so, or says it could not', () => {
    const { store, storage } = setup();
    storage.setItem(KEY, 'x');
    expect(store.remove('trust-inventory')).toBe(true);
    expect(storage.getItem(KEY)).toBeNull();
    class RemoveThrows extends MemoryStorage {
      override removeItem(): void {
        throw new DOMException('no', 'SecurityError');
      }
    }
    expect(setup(new RemoveThrows()).store.remove('trust-inventory')).toBe(false);
  });
});

describe('mergeEarlier', () => {
  const a = { id: 'a', text: 'one' };
  const b = { id: 'b', text: 'two' };
  const c = { id: 'a', text: 'three' };
  it('takes the side that changed, or unites both changes without duplicates', () => {
    expect(mergeEarlier([a], [a], [])).toEqual([]);
    expect(mergeEarlier([a], [], [a])).toEqual([]);
    expect(mergeEarlier([a], [a, b], [a, c])).toEqual([a, c, b]);
    expect(mergeEarlier([], [a, b], [b])).toEqual([b, a]);
    expect(
      mergeEarlier(
        [],
        [
          { id: 'b', text: 'x' },
          { id: 'x', text: 'two' },
        ],
        [b],
      ),
    ).toEqual([b, { id: 'b', text: 'x' }, { id: 'x', text: 'two' }]);
  });
});
