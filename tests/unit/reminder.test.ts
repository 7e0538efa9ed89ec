/**
 * When the export reminder shows (src/workbook/reminder.ts): answers never exported; answers changed since an
 * export more than a week old; not after a recent export, not without answers; and it never writes.
 */
import { describe, expect, it } from 'vitest';
import { KEYS } from '../../src/lib/storage-keys';
import { exportReminder, markExported, REMIND_AFTER_MS } from '../../src/workbook/reminder';
import { MemoryStorage } from './worksheet-files';

const NOW = Date.parse('2026-12-01T10:00:00.000Z');
const record = (updated: string, answers: Record<string, unknown> = { commitment: 'x' }) => JSON.stringify({ updated, answers });
const iso = (ms: number) => new Date(ms).toISOString();

describe('the export reminder', () => {
  it('stays away while there are no answers', () => {
    const s = new MemoryStorage();
    s.setItem(KEYS.worksheet('trust-inventory'), record(iso(NOW - 1000), {}));
    expect(exportReminder(() => s, NOW).due).toBe(false);
  });

  it('shows when answers exist that were never exported', () => {
    const s = new MemoryStorage();
    s.setItem(KEYS.worksheet('trust-inventory'), record(iso(NOW - 1000)));
    expect(exportReminder(() => s, NOW)).toEqual({ due: true, lastChange: iso(NOW - 1000) });
  });

  it('shows when answers changed since an export more than a week old, not before the week is out', () => {
    const s = new MemoryStorage();
    s.setItem(KEYS.worksheet('trust-inventory'), record(iso(NOW - 1000)));
    s.setItem(KEYS.lastExport, iso(NOW - REMIND_AFTER_MS - 1));
    expect(exportReminder(() => s, NOW).due).toBe(true);
    s.setItem(KEYS.lastExport, iso(NOW - REMIND_AFTER_MS + 60_000));
    expect(exportReminder(() => s, NOW).due).toBe(false);
  });

  it('stays away after an export when nothing changed since, however old the export', () => {
    const s = new MemoryStorage();
    s.setItem(KEYS.worksheet('trust-inventory'), record(iso(NOW - 30 * REMIND_AFTER_MS)));
    s.setItem(KEYS.lastExport, iso(NOW - 20 * REMIND_AFTER_MS));
    expect(exportReminder(() => s, NOW).due).toBe(false);
  });

  it('reads without writing, and says nothing when storage is blocked', () => {
    const s = new MemoryStorage();
    s.setItem(KEYS.worksheet('trust-inventory'), record(iso(NOW)));
    s.writes = [];
    exportReminder(() => s, NOW);
    expect(s.writes).toEqual([]);
    expect(
      exportReminder(() => {
        throw new DOMException('blocked', 'SecurityError');
      }, NOW),
    ).toEqual({ due: false });
  });

  it('remembers an export, which ends the reminder', () => {
    const s = new MemoryStorage();
    s.setItem(KEYS.worksheet('trust-inventory'), record(iso(NOW - 1000)));
    expect(markExported(() => s, new Date(NOW))).toBe(true);
    expect(exportReminder(() => s, NOW)).toMatchObject({ due: false, lastExport: iso(NOW) });
  });
});
