/**
 * Worksheet storage that distrusts itself. No answer is ever lost silently.
 *
 * One localStorage key per worksheet (`KEYS.worksheet(id)`), holding a record:
 *
 *   { format: 'psfg-worksheet', version: STORAGE_VERSION, worksheet: 'trust-inventory',
 *     worksheetVersion: 1, rev: 12, updated: '2026-11-22T14:02:11.000Z',
 *     answers: { ... }, earlier: [{ id, text }] }
 *
 * Lifecycle and the cases it guards against:
 * - `load` reads before anything is written. Reading `localStorage` can throw (site data blocked):
 *   status `unavailable`, the form works in memory and says so.
 * - Unreadable data (not JSON, wrong shape) is copied to a quarantine key, never overwritten in place;
 *   status `quarantined` tells the user. If it cannot be copied aside, the key is left alone and the
 *   page works in memory (`blocked`).
 * - A record whose `version` is newer than this code knows is refused (`too-new`): never rewritten.
 * - Older records run through `MIGRATIONS`, an ordered list of pure functions (record vN -> vN+1).
 * - Answers are then fitted to the current worksheet definition (answers.ts `migrateAnswers`):
 *   renamed prompts follow, answers to removed prompts become `earlier` answers, shown to the user.
 * - `save` writes the whole record with `rev + 1`. A full quota throws QuotaExceededError: status
 *   `quota`; the previous value in storage is untouched, the text stays on screen.
 * - Another tab writing the same key fires a `storage` event; stores/worksheet.ts merges per prompt
 *   with `merge3`, and warns where both tabs changed the same prompt.
 */
import { KEYS, STORAGE_VERSION } from '../lib/storage-keys';
import { migrateAnswers, sameAnswer, type AnswerValue, type Answers, type EarlierAnswer } from './answers';
import type { Worksheet } from './schema';

export const RECORD_FORMAT = 'psfg-worksheet';

export interface StoredRecord {
  format: typeof RECORD_FORMAT;
  version: number;
  worksheet: string;
  worksheetVersion: number;
  rev: number;
  updated: string;
  answers: Answers;
  earlier: EarlierAnswer[];
}

/** Ordered migrations: MIGRATIONS[n] turns a version n+1 record into version n+2. None yet: v1 is the first format. */
export type Migration = (record: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: readonly Migration[] = [];

export type LoadStatus = 'empty' | 'ok' | 'unavailable' | 'quarantined' | 'blocked' | 'too-new';
export interface LoadResult {
  status: LoadStatus;
  record: StoredRecord;
  /** The quarantine key where unreadable data was put. */
  quarantineKey?: string;
  /** What went wrong, for the message. */
  detail?: string;
}

export type SaveStatus = 'saved' | 'quota' | 'unavailable' | 'refused';

/** Returns window.localStorage, or throws as browsers do when it is blocked. */
export type StorageGetter = () => Storage;
export const browserStorage: StorageGetter = () => window.localStorage;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function emptyRecord(ws: Worksheet): StoredRecord {
  return { format: RECORD_FORMAT, version: STORAGE_VERSION, worksheet: ws.id, worksheetVersion: ws.version, rev: 0, updated: '', answers: {}, earlier: [] };
}

/** Runs the migrations from `from` up to `to` over a plain record. */
export function runMigrations(record: Record<string, unknown>, from: number, to: number, migrations: readonly Migration[] = MIGRATIONS): Record<string, unknown> {
  let out = record;
  for (let v = from; v < to; v++) {
    const step = migrations[v - 1];
    if (!step) throw new Error(`no migration from storage version ${v} to ${v + 1}`);
    out = { ...step(out), version: v + 1 };
  }
  return out;
}

function parseEarlier(v: unknown): EarlierAnswer[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObj).flatMap((e) => (typeof e['id'] === 'string' && typeof e['text'] === 'string' ? [{ id: e['id'], text: e['text'] }] : []));
}

/**
 * Reads a stored string into a record for this worksheet.
 * Throws `UnreadableError` for data that is not a record; returns `too-new` for a newer format.
 */
export class UnreadableError extends Error {}

export function decode(raw: string, ws: Worksheet): { record: StoredRecord; tooNew: boolean } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new UnreadableError('the stored text is not valid JSON');
  }
  if (!isObj(data) || data['format'] !== RECORD_FORMAT) throw new UnreadableError('the stored value is not a worksheet record');
  const version = data['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new UnreadableError('the record has no valid version');
  if (version > STORAGE_VERSION) return { record: emptyRecord(ws), tooNew: true };
  const current = runMigrations(data, version, STORAGE_VERSION);
  if (current['worksheet'] !== ws.id) throw new UnreadableError(`the record belongs to worksheet "${String(current['worksheet'])}"`);
  if (!isObj(current['answers'])) throw new UnreadableError('the record has no answers object');
  const rev = typeof current['rev'] === 'number' && current['rev'] >= 0 ? Math.floor(current['rev']) : 0;
  const { answers, earlier } = migrateAnswers(ws, current['answers'], parseEarlier(current['earlier']));
  return {
    record: {
      format: RECORD_FORMAT,
      version: STORAGE_VERSION,
      worksheet: ws.id,
      worksheetVersion: ws.version,
      rev,
      updated: typeof current['updated'] === 'string' ? current['updated'] : '',
      answers,
      earlier,
    },
    tooNew: false,
  };
}

export function encode(record: StoredRecord): string {
  return JSON.stringify(record);
}

function isQuota(error: unknown): boolean {
  // Chromium and Safari name it QuotaExceededError; older Firefox used NS_ERROR_DOM_QUOTA_REACHED.
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

export function createWorksheetStorage(getStorage: StorageGetter = browserStorage, now: () => number = Date.now) {
  function storage(): Storage | undefined {
    try {
      return getStorage();
    } catch {
      return undefined;
    }
  }

  function load(ws: Worksheet): LoadResult {
    const empty = emptyRecord(ws);
    const s = storage();
    let raw: string | null;
    try {
      if (!s) throw new Error('no storage');
      raw = s.getItem(KEYS.worksheet(ws.id));
      // Nothing under the current key: a record of an earlier version may wait under its own key.
      // It is migrated on read and left in place, as a backup, when the new key is written.
      for (let v = STORAGE_VERSION - 1; raw === null && v >= 1; v--) raw = s.getItem(KEYS.worksheetAt(ws.id, v));
    } catch {
      return { status: 'unavailable', record: empty };
    }
    if (raw === null) return { status: 'empty', record: empty };
    try {
      const { record, tooNew } = decode(raw, ws);
      return tooNew ? { status: 'too-new', record } : { status: 'ok', record };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const key = KEYS.quarantine(ws.id, now());
      try {
        s!.setItem(key, raw);
      } catch {
        return { status: 'blocked', record: empty, detail };
      }
      return { status: 'quarantined', record: empty, quarantineKey: key, detail };
    }
  }

  /** Reads the record currently stored, without side effects (for merging before a save). */
  function peek(ws: Worksheet): StoredRecord | undefined {
    try {
      const raw = storage()?.getItem(KEYS.worksheet(ws.id));
      if (!raw) return undefined;
      const { record, tooNew } = decode(raw, ws);
      return tooNew ? undefined : record;
    } catch {
      return undefined;
    }
  }

  function save(record: StoredRecord): SaveStatus {
    const s = storage();
    if (!s) return 'unavailable';
    try {
      s.setItem(KEYS.worksheet(record.worksheet), encode(record));
      return 'saved';
    } catch (error) {
      return isQuota(error) ? 'quota' : 'unavailable';
    }
  }

  function remove(id: string): boolean {
    try {
      storage()?.removeItem(KEYS.worksheet(id));
      return true;
    } catch {
      return false;
    }
  }

  return { load, peek, save, remove, now };
}
export type WorksheetStorage = ReturnType<typeof createWorksheetStorage>;

/**
 * Three-way merge per prompt: `base` is what this tab last saw in storage, `mine` what it shows, `theirs`
 * what another tab stored. Prompts only they changed are taken; prompts both changed differently are
 * conflicts: this tab keeps its own text and the other version is returned so the user can choose.
 */
export function merge3(base: Answers, mine: Answers, theirs: Answers): { merged: Answers; conflicts: Record<string, AnswerValue | undefined> } {
  const merged: Answers = { ...mine };
  const conflicts: Record<string, AnswerValue | undefined> = {};
  const ids = new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)]);
  for (const id of ids) {
    const b = base[id];
    const m = mine[id];
    const t = theirs[id];
    const iChanged = !sameAnswer(b, m);
    const theyChanged = !sameAnswer(b, t);
    if (theyChanged && !iChanged) {
      if (t === undefined) delete merged[id];
      else merged[id] = t;
    } else if (theyChanged && iChanged && !sameAnswer(m, t)) {
      conflicts[id] = t;
    }
  }
  return { merged, conflicts };
}
