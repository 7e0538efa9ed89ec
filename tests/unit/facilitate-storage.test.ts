import { describe, expect, it } from 'vitest';
import { KEYS, parseQuarantineKey, parseSetAsideKey } from '../../src/lib/storage-keys';
import { emptySheet } from '../../src/facilitate/run-sheet';
import { createRunSheetStorage, encodeRunSheet } from '../../src/facilitate/run-sheet-storage';

/** A Storage with a quota in characters, like the browser's. */
class MemoryStorage implements Storage {
  data = new Map<string, string>();
  constructor(private quota = Infinity) {}
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
  setItem(k: string, v: string) {
    const used = [...this.data].reduce((n, [key, val]) => n + (key === k ? 0 : key.length + val.length), 0);
    if (used + k.length + v.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(k, v);
  }
}

const sheet = { ...emptySheet(), title: 'Check-in', rows: [{ key: 'a', kind: 'break' as const, label: 'Break', minutes: 15 }] };

describe('the run-sheet storage', () => {
  it('uses its own key under the guide prefix', () => {
    expect(KEYS.runSheet).toBe('psfg:run-sheet');
  });

  it('saves and loads a sheet', () => {
    const s = new MemoryStorage();
    const store = createRunSheetStorage(
      () => s,
      () => 0,
    );
    expect(store.load().status).toBe('empty');
    expect(store.save(sheet)).toBe('saved');
    expect(createRunSheetStorage(() => s).load()).toEqual({ status: 'ok', sheet });
  });

  it('never writes before a load', () => {
    const s = new MemoryStorage();
    expect(createRunSheetStorage(() => s).save(sheet)).toBe('refused');
    expect(s.length).toBe(0);
  });

  it('keeps unreadable data aside and never overwrites it', () => {
    const s = new MemoryStorage();
    s.setItem(KEYS.runSheet, '{"format":"psfg-run-sheet","version":1,"sheet":{"rows":7}}');
    const store = createRunSheetStorage(
      () => s,
      () => 42,
    );
    const loaded = store.load();
    expect(loaded.status).toBe('quarantined');
    expect(loaded.quarantineKey).toBe('psfg:quarantine-run-sheet:42');
    expect(s.getItem(KEYS.runSheetQuarantine(42))).toContain('"rows":7');
    store.save(sheet);
    expect(s.getItem(KEYS.runSheetQuarantine(42))).toContain('"rows":7');
  });

  it('sets unreadable data aside under a key no one takes for a worksheet’s', () => {
    const s = new MemoryStorage();
    s.setItem(KEYS.runSheet, 'not json');
    const key = createRunSheetStorage(
      () => s,
      () => 42,
    ).load().quarantineKey!;
    expect(parseQuarantineKey(key), 'not a worksheet’s quarantine key').toBeUndefined();
    expect(parseSetAsideKey(key)).toEqual({ what: 'run-sheet', at: 42 });
    // The shape the run-sheet used at first is still the run-sheet's, not a worksheet called "run-sheet".
    expect(parseQuarantineKey('psfg:quarantine:run-sheet:7')).toBeUndefined();
    expect(parseSetAsideKey('psfg:quarantine:run-sheet:7')).toEqual({ what: 'run-sheet', at: 7 });
    expect(parseSetAsideKey(KEYS.quarantine('trust-inventory', 9))).toEqual({ what: 'worksheet', id: 'trust-inventory', at: 9 });
    expect(parseSetAsideKey('psfg:quarantine-run-sheet:x')).toBeUndefined();
  });

  it('never sets a second unreadable run-sheet over the first, even in the same millisecond', () => {
    const s = new MemoryStorage();
    s.setItem(KEYS.runSheet, 'first');
    expect(
      createRunSheetStorage(
        () => s,
        () => 5,
      ).load().quarantineKey,
    ).toBe(KEYS.runSheetQuarantine(5));
    s.setItem(KEYS.runSheet, 'second');
    expect(
      createRunSheetStorage(
        () => s,
        () => 5,
      ).load().quarantineKey,
    ).toBe(KEYS.runSheetQuarantine(6));
    expect([s.getItem(KEYS.runSheetQuarantine(5)), s.getItem(KEYS.runSheetQuarantine(6))]).toEqual(['first', 'second']);
  });

  it('leaves unreadable data in place when it cannot be copied aside, and writes nothing', () => {
    const s = new MemoryStorage(80);
    s.setItem(KEYS.runSheet, 'not json at all, and long enough to fill the quota');
    const store = createRunSheetStorage(
      () => s,
      () => 1,
    );
    expect(store.load().status).toBe('blocked');
    expect(store.save(sheet)).toBe('refused');
    expect(s.getItem(KEYS.runSheet)).toBe('not json at all, and long enough to fill the quota');
  });

  it('refuses a record of a newer version and never rewrites it', () => {
    const s = new MemoryStorage();
    const newer = JSON.stringify({ format: 'psfg-run-sheet', version: 99, sheet: {} });
    s.setItem(KEYS.runSheet, newer);
    const store = createRunSheetStorage(() => s);
    expect(store.load().status).toBe('too-new');
    expect(store.save(sheet)).toBe('refused');
    expect(s.getItem(KEYS.runSheet)).toBe(newer);
  });

  it('reports a full quota and keeps the previous value', () => {
    const s = new MemoryStorage(400);
    const store = createRunSheetStorage(
      () => s,
      () => 0,
    );
    store.load();
    expect(store.save(sheet)).toBe('saved');
    const before = s.getItem(KEYS.runSheet);
    expect(
      store.save({
        ...sheet,
        title: 'x'.repeat(190),
        rows: [...sheet.rows, { key: 'b', kind: 'activity', label: 'y'.repeat(250), minutes: 5 }],
      }),
    ).toBe('quota');
    expect(s.getItem(KEYS.runSheet)).toBe(before);
  });

  it('works in memory when storage is blocked', () => {
    const store = createRunSheetStorage(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(store.load().status).toBe('unavailable');
    expect(store.save(sheet)).toBe('refused');
  });

  it('writes a versioned record', () => {
    expect(JSON.parse(encodeRunSheet(sheet, 0))).toMatchObject({
      format: 'psfg-run-sheet',
      version: 1,
      updated: '1970-01-01T00:00:00.000Z',
    });
  });
});
