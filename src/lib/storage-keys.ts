/**
 * Every localStorage key the guide uses, in one place. All start with the guide's prefix, so "delete
 * everything" can remove the guide's keys and nothing else on the origin (the copy opened from disk shares
 * one storage area with every other local file in Chromium).
 *
 * Worksheet answers live under one key per worksheet, `psfg:ws:<id>`, with the record's format version
 * inside the record (see src/worksheets/storage.ts for why). The first scheme put the version in the key
 * (`psfg:v1:ws:<id>`): such keys are read and absorbed, never written.
 */
export const PREFIX = 'psfg';

export const KEYS = {
  theme: `${PREFIX}:theme`,
  worksheet: (id: string) => `${PREFIX}:ws:${id}`,
  /** The key the first storage scheme (version 1 of the guide) wrote; read and absorbed, never written. */
  legacyWorksheet: (id: string) => `${PREFIX}:v1:ws:${id}`,
  /** The answers on this device as they were just before the last import: one click restores them. */
  safetyCopy: `${PREFIX}:safety-copy`,
  /** When the answers were last exported (an ISO time). */
  lastExport: `${PREFIX}:last-export`,
  /** Unreadable data is copied here, never overwritten; the time keeps several apart. */
  quarantine: (id: string, at: number) => `${PREFIX}:quarantine:${id}:${at}`,
  /**
   * An unreadable run-sheet set aside: a shape of its own, so that nothing takes it for a worksheet's
   * quarantine key. (Before December 2026 it was `psfg:quarantine:run-sheet:<time>`; still recognised.)
   */
  runSheetQuarantine: (at: number) => `${PREFIX}:quarantine-run-sheet:${at}`,
  /** The facilitator's saved run-sheet (src/facilitate/run-sheet-storage.ts) and the worksheet page's view choice. */
  runSheet: `${PREFIX}:run-sheet`,
  facilitatorView: `${PREFIX}:facilitator-view`,
  /** Dated rounds of a worksheet's ratings (src/worksheets/rounds.ts). */
  rounds: (id: string) => `${PREFIX}:rounds:${id}`,
  /** Unreadable rounds are copied here, apart from worksheet answers set aside. */
  roundsQuarantine: (id: string, at: number) => `${PREFIX}:quarantine-rounds:${id}:${at}`,
  roundsQuarantinePrefix: (id: string) => `${PREFIX}:quarantine-rounds:${id}:`,
} as const;

const WORKSHEET_KEY = /^psfg:ws:([a-z][a-z0-9-]*)$/;
const LEGACY_KEY = /^psfg:v1:ws:([a-z][a-z0-9-]*)$/;
const QUARANTINE_KEY = /^psfg:quarantine:([a-z][a-z0-9-]*):(\d+)$/;
const RUN_SHEET_QUARANTINE_KEY = /^psfg:quarantine-run-sheet:(\d+)$/;
/** The worksheet-shaped key the run-sheet used at first; never a worksheet's. */
const OLD_RUN_SHEET_ID = 'run-sheet';

const ROUNDS_KEY = /^psfg:rounds:([a-z][a-z0-9-]*)$/;
const ROUNDS_QUARANTINE_KEY = /^psfg:quarantine-rounds:([a-z][a-z0-9-]*):(\d+)$/;

export const isGuideKey = (key: string): boolean => key.startsWith(`${PREFIX}:`);
/** The worksheet id of a current or legacy worksheet key, else undefined. */
export const worksheetIdOfKey = (key: string): string | undefined => (WORKSHEET_KEY.exec(key) ?? LEGACY_KEY.exec(key))?.[1];
export const isWorksheetKey = (key: string): boolean => WORKSHEET_KEY.test(key);
export const quarantinePrefix = (id: string): string => `${PREFIX}:quarantine:${id}:`;
/** The worksheet id and time of a worksheet's quarantine key, else undefined (a run-sheet's is not one). */
export function parseQuarantineKey(key: string): { id: string; at: number } | undefined {
  const m = QUARANTINE_KEY.exec(key);
  return m && m[1] !== OLD_RUN_SHEET_ID ? { id: m[1]!, at: Number(m[2]) } : undefined;
}

/** What a key of data set aside as unreadable held: a worksheet's answers, a worksheet's rounds or the run-sheet. */
export type SetAside =
  { what: 'worksheet'; id: string; at: number } | { what: 'rounds'; id: string; at: number } | { what: 'run-sheet'; at: number };

/** Any key of data set aside as unreadable, else undefined. */
export function parseSetAsideKey(key: string): SetAside | undefined {
  const ws = parseQuarantineKey(key);
  if (ws) return { what: 'worksheet', ...ws };
  const rounds = parseRoundsQuarantineKey(key);
  if (rounds) return { what: 'rounds', ...rounds };
  const m = RUN_SHEET_QUARANTINE_KEY.exec(key) ?? (key.startsWith(quarantinePrefix(OLD_RUN_SHEET_ID)) ? QUARANTINE_KEY.exec(key) : null);
  return m ? { what: 'run-sheet', at: Number(m[m.length - 1]) } : undefined;
}
/** The worksheet id of a rounds key, else undefined. */
export const roundsIdOfKey = (key: string): string | undefined => ROUNDS_KEY.exec(key)?.[1];
/** The worksheet id and time of a key where unreadable rounds were set aside, else undefined. */
export function parseRoundsQuarantineKey(key: string): { id: string; at: number } | undefined {
  const m = ROUNDS_QUARANTINE_KEY.exec(key);
  return m ? { id: m[1]!, at: Number(m[2]) } : undefined;
}
