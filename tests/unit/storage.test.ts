/**
 * Worksheet storage that distrusts itself: reads that throw, unreadable data, records from a newer
 * guide and a full quota must never lose an answer silently.
 */
import { describe, expect, it } from 'vitest';
import { KEYS, isGuideKey, isWorksheetKey, quarantinePrefix } from '../../src/lib/storage-keys';
import type { Answers } from '../../src/worksheets/answers';
import { STORAGE_VERSION, createWorksheetStorage, emptyRecord, encode, merge3, type StoredRecord } from '../../src/worksheets/storage';
import { MemoryStorage, QuotaStorage, blockedStorage, loadExample, loadWorksheet } from './worksheet-files';

const ws = loadWorksheet('trust-inventory');
const KEY = KEYS.worksheet('trust-inventory');
const NOW = Date.parse('2026-11-22T14:02:11.000Z');
const complete = loadExample('trust-inventory.complete.json').answers;

const record = (answers: Answers, rev = 1): StoredRecord => ({ ...emptyRecord(ws), rev, updated: '2026-11-22T14:00:00.000Z', answers });

function setup(storage: MemoryStorage = new MemoryStorage()) {
  return {
    storage,
    store: createWorksheetStorage(
      () => storage,
      () => NOW,
    ),
  };
}

describe('storage keys', () => {
  it('keeps one key per worksheet, with the storage version inside the record, not in the key', () => {
    expect(KEY).toBe('psfg:ws:trust-inventory');
    expect(isWorksheetKey(KEY)).toBe(true);
    expect(isGuideKey(KEY)).toBe(true);
    expect(isGuideKey('other-site:theme')).toBe(false);
  });

  it('makes quarantine keys that start with the quarantine prefix and differ by time', () => {
    expect(KEYS.quarantine('trust-inventory', 1).startsWith(quarantinePrefix('trust-inventory'))).toBe(true);
    expect(KEYS.quarantine('trust-inventory', 1)).not.toBe(KEYS.quarantine('trust-inventory', 2));
    expect(isWorksheetKey(KEYS.quarantine('trust-inventory', 1))).toBe(false);
  });
});

describe('loading', () => {
  it('reports an empty worksheet when nothing is stored', () => {
    const { store } = setup();
    const result = store.load(ws);
    expect(result.status).toBe('empty');
    expect(result.record).toEqual(emptyRecord(ws));
  });

  it('loads what it saved', () => {
    const { store, storage } = setup();
    const saved = record(complete, 3);
    expect(store.save(saved)).toBe('saved');
    expect(storage.keys()).toEqual([KEY]);
    const result = store.load(ws);
    expect(result.status).toBe('ok');
    expect(result.record).toEqual(saved);
  });

  it('reports storage as unavailable when reading it throws, and saving says so too', () => {
    const store = createWorksheetStorage(blockedStorage);
    expect(store.load(ws)).toEqual({ status: 'unavailable', record: emptyRecord(ws) });
    expect(store.save(record(complete))).toBe('unavailable');
    expect(store.peek(ws)).toEqual({ state: 'unavailable' });
    expect(store.remove('trust-inventory')).toBe(true);
  });

  it('reports storage as unavailable when getItem itself throws', () => {
    const storage = new MemoryStorage();
    storage.getItem = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    expect(setup(storage).store.load(ws).status).toBe('unavailable');
  });

  describe('unreadable data', () => {
    const corrupt = '{"format":"psfg-worksheet","version":1,"answers":{"commitment":"Half a rec';

    it('copies text that is not JSON byte for byte to a quarantine key, and starts empty', () => {
      const { store, storage } = setup();
      storage.setItem(KEY, corrupt);
      const result = store.load(ws);
      expect(result.status).toBe('quarantined');
      expect(result.record).toEqual(emptyRecord(ws));
      expect(result.quarantineKey).toBe(KEYS.quarantine('trust-inventory', NOW));
      expect(result.quarantineKey!.startsWith(quarantinePrefix('trust-inventory'))).toBe(true);
      expect(storage.getItem(result.quarantineKey!)).toBe(corrupt);
      expect(result.detail).toMatch(/not valid JSON/);
    });

    it('does not overwrite the original key when it quarantines', () => {
      const { store, storage } = setup();
      storage.setItem(KEY, corrupt);
      store.load(ws);
      expect(storage.getItem(KEY)).toBe(corrupt);
      expect(storage.writes.filter((k) => k === KEY)).toHaveLength(1);
    });

    it('quarantines JSON that is not a worksheet record, or a record for another worksheet', () => {
      for (const raw of [
        'null',
        '[1,2]',
        '"text"',
        '{"answers":{}}',
        JSON.stringify({ ...record(complete), worksheet: 'coalition-map' }),
        JSON.stringify({ ...record(complete), answers: [] }),
      ]) {
        const { store, storage } = setup();
        storage.setItem(KEY, raw);
        const result = store.load(ws);
        expect(result.status).toBe('quarantined');
        expect(storage.getItem(result.quarantineKey!)).toBe(raw);
      }
    });

    it('keeps text with unusual characters exactly when it quarantines it', () => {
      const { store, storage } = setup();
      const raw = '\uFEFF{"answers": "Łódź — 安排 \u0000 \uD83D\uDE00 </script>"';
      storage.setItem(KEY, raw);
      const result = store.load(ws);
      expect(storage.getItem(result.quarantineKey!)).toBe(raw);
    });

    it('blocks, and changes nothing, when the quarantine copy cannot be written', () => {
      const storage = new QuotaStorage(1_000_000);
      storage.setItem(KEY, corrupt);
      storage.setItem('psfg:theme', 'dark');
      storage.limit = 0;
      const before = storage.snapshot();
      const result = createWorksheetStorage(
        () => storage,
        () => NOW,
      ).load(ws);
      expect(result.status).toBe('blocked');
      expect(result.record).toEqual(emptyRecord(ws));
      expect(result.detail).toMatch(/not valid JSON/);
      expect(storage.snapshot()).toEqual(before);
    });
  });

  it('refuses a record from a newer version of the guide, and leaves storage untouched', () => {
    const { store, storage } = setup();
    const raw = JSON.stringify({ ...record(complete, 40), version: 99, answers: { shape: 'from the future' } });
    storage.setItem(KEY, raw);
    const before = storage.snapshot();
    storage.writes = [];
    const result = store.load(ws);
    expect(result.status).toBe('too-new');
    expect(result.record.answers).toEqual({});
    expect(storage.snapshot()).toEqual(before);
    expect(storage.writes).toEqual([]);
    expect(store.peek(ws)).toEqual({ state: 'too-new', version: 99, raw });
  });

  it('cleans stored answers that do not fit the worksheet', () => {
    const { store, storage } = setup();
    storage.setItem(KEY, JSON.stringify(record({ commitment: 'Keep', 'bad-news-safe': 11, 'accountability-now': 'panic' })));
    const result = store.load(ws);
    expect(result.status).toBe('ok');
    expect(result.record.answers).toEqual({ commitment: 'Keep' });
    expect(result.record.earlier).toEqual([
      { id: 'bad-news-safe', text: '11' },
      { id: 'accountability-now', text: 'panic' },
    ]);
  });

  it('reads a negative or missing rev as 0', () => {
    const { store, storage } = setup();
    storage.setItem(KEY, JSON.stringify({ ...record({}), rev: -4 }));
    expect(store.load(ws).record.rev).toBe(0);
    storage.setItem(KEY, JSON.stringify({ ...record({}), rev: 'seven' }));
    expect(store.load(ws).record.rev).toBe(0);
  });
});

describe('peek', () => {
  it('reads the stored record without writing, even when the data is unreadable', () => {
    const { store, storage } = setup();
    expect(store.peek(ws)).toEqual({ state: 'empty' });
    storage.setItem(KEY, 'not json');
    storage.writes = [];
    expect(store.peek(ws)).toMatchObject({ state: 'unreadable', raw: 'not json' });
    expect(storage.writes).toEqual([]);
    storage.setItem(KEY, encode(record(complete, 5)));
    const read = store.peek(ws);
    expect(read.state === 'ok' && read.record.rev).toBe(5);
  });
});

describe('saving', () => {
  it('writes the whole record under the worksheet key', () => {
    const { store, storage } = setup();
    const saved = record(complete, 7);
    store.save(saved);
    expect(storage.getItem(KEY)).toBe(encode(saved));
    expect(JSON.parse(storage.getItem(KEY)!)).toMatchObject({
      format: 'psfg-worksheet',
      version: STORAGE_VERSION,
      worksheet: 'trust-inventory',
      rev: 7,
    });
  });

  it('returns quota when storage is full, and leaves the value stored before unchanged', () => {
    const storage = new QuotaStorage(4_000);
    const store = createWorksheetStorage(
      () => storage,
      () => NOW,
    );
    const small = record({ commitment: 'Call the budget officer' }, 1);
    expect(store.save(small)).toBe('saved');
    const before = storage.getItem(KEY);
    expect(store.save(record({ ...complete, gotcha: 'x'.repeat(5_000) }, 2))).toBe('quota');
    expect(storage.getItem(KEY)).toBe(before);
    expect(store.load(ws).record).toEqual(small);
  });

  it('recognises the quota error by the older name Firefox used', () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'NS_ERROR_DOM_QUOTA_REACHED');
    };
    expect(setup(storage).store.save(record(complete))).toBe('quota');
  });

  it('reports unavailable for a write error that is not about space', () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    expect(setup(storage).store.save(record(complete))).toBe('unavailable');
  });

  it('removes the worksheet record and nothing else', () => {
    const { store, storage } = setup();
    store.save(record(complete));
    storage.setItem('psfg:theme', 'dark');
    expect(store.remove('trust-inventory')).toBe(true);
    expect(storage.snapshot()).toEqual({ 'psfg:theme': 'dark' });
  });
});

describe('merge3, the three-way merge with another tab', () => {
  const base: Answers = { commitment: 'Call Sam', 'bad-news-safe': 2, gotcha: 'The review' };

  it('takes a prompt only they changed', () => {
    const { merged, conflicts } = merge3(base, { ...base }, { ...base, commitment: 'Call Sam on Monday' });
    expect(merged).toEqual({ ...base, commitment: 'Call Sam on Monday' });
    expect(conflicts).toEqual({});
  });

  it('keeps a prompt only this tab changed', () => {
    const { merged, conflicts } = merge3(base, { ...base, 'bad-news-safe': 4 }, { ...base });
    expect(merged).toEqual({ ...base, 'bad-news-safe': 4 });
    expect(conflicts).toEqual({});
  });

  it('merges different prompts changed on each side', () => {
    const { merged, conflicts } = merge3(base, { ...base, 'bad-news-safe': 4 }, { ...base, commitment: 'Call Sam today' });
    expect(merged).toEqual({ ...base, 'bad-news-safe': 4, commitment: 'Call Sam today' });
    expect(conflicts).toEqual({});
  });

  it('sees no conflict when both sides made the same change', () => {
    const { merged, conflicts } = merge3(base, { ...base, gotcha: 'The audit' }, { ...base, gotcha: 'The audit' });
    expect(merged).toEqual({ ...base, gotcha: 'The audit' });
    expect(conflicts).toEqual({});
  });

  it('returns their value as a conflict and keeps mine when both changed a prompt differently', () => {
    const { merged, conflicts } = merge3(base, { ...base, gotcha: 'Mine' }, { ...base, gotcha: 'Theirs' });
    expect(merged['gotcha']).toBe('Mine');
    expect(conflicts).toEqual({ gotcha: 'Theirs' });
  });

  it('deletes a prompt they cleared and this tab did not touch', () => {
    const { gotcha: _, ...theirs } = base;
    const { merged, conflicts } = merge3(base, { ...base }, theirs);
    expect(merged).not.toHaveProperty('gotcha');
    expect(conflicts).toEqual({});
  });

  it('keeps my edit, and reports a conflict, when they cleared a prompt I changed', () => {
    const { gotcha: _, ...theirs } = base;
    const { merged, conflicts } = merge3(base, { ...base, gotcha: 'Mine' }, theirs);
    expect(merged['gotcha']).toBe('Mine');
    expect(conflicts).toHaveProperty('gotcha', undefined);
  });

  it('takes a prompt they answered for the first time', () => {
    const { merged } = merge3(base, { ...base }, { ...base, 'trust-pattern': 'New' });
    expect(merged['trust-pattern']).toBe('New');
  });

  it('compares tables and lists by value', () => {
    const rows = [{ id: 'r1', cells: { person: 'A' } }];
    const { merged, conflicts } = merge3(
      { relationships: rows },
      { relationships: [{ id: 'r1', cells: { person: 'A' } }] },
      { relationships: [{ id: 'r1', cells: { person: 'B' } }] },
    );
    expect(conflicts).toEqual({});
    expect(merged['relationships']).toEqual([{ id: 'r1', cells: { person: 'B' } }]);
  });

  it('does not change its inputs', () => {
    const mine = { ...base, gotcha: 'Mine' };
    const theirs = { ...base, commitment: 'Theirs' };
    merge3(base, mine, theirs);
    expect(mine).toEqual({ ...base, gotcha: 'Mine' });
    expect(theirs).toEqual({ ...base, commitment: 'Theirs' });
  });
});
