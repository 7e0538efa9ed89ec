/**
 * The saved run-sheet, in its own localStorage key (`KEYS.runSheet`), kept apart from answers.
 *
 *   { format: 'psfg-run-sheet', version: 1, updated: '2026-12-01T09:30:00.000Z', sheet: { ... } }
 *
 * The same guarantees as the worksheet storage, in a small module of its own:
 * - reading `localStorage` can throw (site data blocked): status `unavailable`, the builder works in
 *   memory and says so;
 * - unreadable data (not JSON, wrong shape) is copied to a quarantine key of its own shape
 *   (`psfg:quarantine-run-sheet:<time>`, which nothing takes for a worksheet's) and never overwritten in
 *   place; if it cannot be copied aside it is left alone and nothing is written (`blocked`);
 * - a record of a newer version is refused and never rewritten (`too-new`);
 * - a full quota on save is reported (`quota`), the previous value stays as it was.
 * The key starts with the guide's prefix, so the workbook's backup picks it up with the answers.
 */
import { KEYS } from '../lib/storage-keys';
import { emptySheet, validateSheet, type RunSheet } from './run-sheet';

export const RUN_SHEET_FORMAT = 'psfg-run-sheet';
export const RUN_SHEET_VERSION = 1;

export type RunSheetLoadStatus = 'empty' | 'ok' | 'unavailable' | 'quarantined' | 'blocked' | 'too-new';
export type RunSheetSaveStatus = 'saved' | 'quota' | 'unavailable' | 'refused';

export interface RunSheetLoad {
  status: RunSheetLoadStatus;
  sheet: RunSheet;
  quarantineKey?: string;
}

const isQuota = (e: unknown) => e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED');

export function decodeRunSheet(raw: string): { sheet: RunSheet; tooNew: boolean } {
  const data: unknown = JSON.parse(raw);
  if (typeof data !== 'object' || data === null || (data as Record<string, unknown>)['format'] !== RUN_SHEET_FORMAT)
    throw new Error('not a run-sheet record');
  const version = (data as Record<string, unknown>)['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new Error('the record has no valid version');
  if (version > RUN_SHEET_VERSION) return { sheet: emptySheet(), tooNew: true };
  return { sheet: validateSheet((data as Record<string, unknown>)['sheet']), tooNew: false };
}

export function encodeRunSheet(sheet: RunSheet, now: number): string {
  return JSON.stringify({ format: RUN_SHEET_FORMAT, version: RUN_SHEET_VERSION, updated: new Date(now).toISOString(), sheet });
}

export function createRunSheetStorage(getStorage: () => Storage = () => window.localStorage, now: () => number = Date.now) {
  /** Nothing is written unless a load succeeded and allowed it. */
  let writable = false;

  function load(): RunSheetLoad {
    let s: Storage;
    let raw: string | null;
    try {
      s = getStorage();
      raw = s.getItem(KEYS.runSheet);
    } catch {
      return { status: 'unavailable', sheet: emptySheet() };
    }
    if (raw === null) {
      writable = true;
      return { status: 'empty', sheet: emptySheet() };
    }
    try {
      const { sheet, tooNew } = decodeRunSheet(raw);
      if (tooNew) return { status: 'too-new', sheet };
      writable = true;
      return { status: 'ok', sheet };
    } catch {
      let key = '';
      try {
        // Its own key shape (not a worksheet's), and never over an earlier copy set aside.
        let at = now();
        while (s.getItem(KEYS.runSheetQuarantine(at)) !== null) at++;
        key = KEYS.runSheetQuarantine(at);
        s.setItem(key, raw);
        s.removeItem(KEYS.runSheet);
      } catch {
        return { status: 'blocked', sheet: emptySheet() };
      }
      writable = true;
      return { status: 'quarantined', sheet: emptySheet(), quarantineKey: key };
    }
  }

  function save(sheet: RunSheet): RunSheetSaveStatus {
    if (!writable) return 'refused';
    try {
      getStorage().setItem(KEYS.runSheet, encodeRunSheet(sheet, now()));
      return 'saved';
    } catch (e) {
      return isQuota(e) ? 'quota' : 'unavailable';
    }
  }

  return { load, save };
}

export type RunSheetStorage = ReturnType<typeof createRunSheetStorage>;
