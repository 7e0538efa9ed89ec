/**
 * Worksheet storage that distrusts itself. No answer is ever lost, overwritten or hidden silently.
 *
 * One localStorage key per worksheet, `psfg:ws:<id>` (`KEYS.worksheet`), holding a record:
 *
 *   { format: 'psfg-worksheet', version: 2, worksheet: 'trust-inventory', worksheetVersion: 1, rev: 12,
 *     updated: '2026-11-22T14:02:11.000Z', answers: { ... }, earlier: [{ id, text }], absorbed?: '...' }
 *
 * Why the version is inside the record and not in the key: with a version in the key (the first scheme,
 * `psfg:v1:ws:<id>`), a tab of an older guide (a stale cache, an older copy on disk) goes on writing its
 * own key after an upgrade, and the newer code reads that key only while its own is empty, so those edits
 * vanish. With one key, every version reads and writes the same place: a newer record is recognised by
 * its `version` and never overwritten by older code (`too-new`), and an older record is migrated.
 * Records still written under the legacy key are absorbed: read, merged into the current record (answers
 * that differ are offered as conflicts, nothing is dropped) and remembered by a signature in `absorbed`, so
 * a later write by an old tab is noticed and absorbed again. The legacy key itself is never written.
 *
 * Lifecycle and the cases it guards against:
 * - `read` and `list` have no side effect at all (the workbook uses them). Reading `localStorage` can
 *   throw (site data blocked): state `unavailable`.
 * - `load` is `read` plus one side effect: unreadable data (not JSON, wrong shape) is copied once to a
 *   quarantine key and left in place until the next save replaces it; an identical copy already set aside
 *   is reused, so reloading never piles up copies. If it cannot be copied aside, the key is left alone and
 *   the page works in memory (`blocked`).
 * - A record whose `version` is newer than this code knows is refused (`too-new`): never rewritten, also
 *   when it appears after the page loaded (`peek` reports it before every save).
 * - Older records run through `MIGRATIONS`, an ordered list of pure functions (record vN -> vN+1).
 * - Answers are then fitted to the current worksheet definition (answers.ts `migrateAnswers`):
 *   renamed prompts follow, answers to removed prompts become `earlier` answers, shown to the user.
 * - `save` writes the whole record. A full quota throws QuotaExceededError: `quota`; the previous value in
 *   storage is untouched, the text stays on screen, and the store retries on the next change and on pagehide.
 * - Another tab writing the same key fires a `storage` event; stores/worksheet.ts merges per prompt
 *   with `merge3` (answers compared by value), and warns where both tabs changed the same prompt.
 */
import { KEYS, parseSetAsideKey, quarantinePrefix, worksheetIdOfKey, type SetAside } from '../lib/storage-keys';
import { migrateAnswers, sameAnswer, sameValue, type AnswerValue, type Answers, type EarlierAnswer } from './answers';
import { isWhole } from './kinds';
import type { Worksheet } from './schema';

export const RECORD_FORMAT = 'psfg-worksheet';
/** Version of the stored worksheet record. 1: the first scheme (version in the key); 2: one key per worksheet. */
export const STORAGE_VERSION = 2;

export interface StoredRecord {
  format: typeof RECORD_FORMAT;
  version: number;
  worksheet: string;
  worksheetVersion: number;
  rev: number;
  updated: string;
  answers: Answers;
  earlier: EarlierAnswer[];
  /** Signature of the last legacy-key record merged into this one. */
  absorbed?: string;
}

/** Ordered migrations: MIGRATIONS[n] turns a version n+1 record into version n+2. */
export type Migration = (record: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: readonly Migration[] = [
  // 1 -> 2: the record's shape is unchanged; only where it is kept moved (see the header).
  (record) => record,
];

/** What is stored under a worksheet's key, read without side effects. */
export type ReadResult =
  | { state: 'empty' }
  | { state: 'ok'; record: StoredRecord; raw: string }
  | { state: 'too-new'; version: number; raw: string }
  | { state: 'unreadable'; detail: string; raw: string }
  | { state: 'unavailable' };

/** A worksheet's stored state: its record (if readable) and a legacy record not yet absorbed. */
export interface WorksheetRead {
  current: ReadResult;
  /** A legacy-key record that differs from what the current record last absorbed. */
  legacy?: { record: StoredRecord; signature: string } | undefined;
  /** The readable legacy-key record, absorbed or not. */
  legacyRecord?: StoredRecord | undefined;
  /** Unreadable data under the legacy key (set aside by `load`). */
  legacyUnreadable?: { raw: string; detail: string } | undefined;
}

export type LoadStatus = 'empty' | 'ok' | 'unavailable' | 'quarantined' | 'blocked' | 'too-new';
export interface LoadResult {
  status: LoadStatus;
  record: StoredRecord;
  /** The quarantine key where unreadable data was put. */
  quarantineKey?: string;
  /** What went wrong, for the message. */
  detail?: string;
  /** Prompts where a legacy record holds another answer than the current record: the legacy one. */
  conflicts?: Record<string, AnswerValue | undefined>;
  /** True when the record merged something in and should be saved. */
  changed?: boolean;
  /** The readable record under the legacy key, if any. */
  legacy?: StoredRecord | undefined;
}

export type SaveStatus = 'saved' | 'quota' | 'unavailable';

/** Returns window.localStorage, or throws as browsers do when it is blocked. */
export type StorageGetter = () => Storage;
/** A key of data set aside as unreadable, with what it held. */
export type SetAsideKey = { key: string } & SetAside;
export const browserStorage: StorageGetter = () => window.localStorage;

/** Every key in the storage, in its order (throws as the storage does). */
export function storageKeys(s: Storage): string[] {
  return Array.from({ length: s.length }, (_, i) => s.key(i)!);
}

/**
 * Copies unreadable data aside once, for every store that keeps data under the guide's prefix: an identical
 * copy already under `prefix` is reused; otherwise it goes to `keyAt(time)`, moving past any time already
 * taken, so no earlier copy is overwritten. Returns the key, or undefined when it could not be copied.
 */
export function setAside(s: Storage, prefix: string, keyAt: (at: number) => string, raw: string, at: number): string | undefined {
  try {
    const copy = storageKeys(s).find((key) => key.startsWith(prefix) && s.getItem(key) === raw);
    if (copy !== undefined) return copy;
    while (s.getItem(keyAt(at)) !== null) at++;
    const key = keyAt(at);
    s.setItem(key, raw);
    return key;
  } catch {
    return undefined;
  }
}

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

/** Data that is not a worksheet record of this worksheet. */
export class UnreadableError extends Error {}

/** A record of a newer storage version than this code knows. */
export class TooNewError extends Error {
  constructor(readonly version: number) {
    super(`the record was written by a newer version of the guide (storage version ${version})`);
  }
}

/**
 * Reads a stored string into a record for this worksheet.
 * Throws `UnreadableError` for data that is not a record, `TooNewError` for a newer format.
 */
export function decode(raw: string, ws: Worksheet): StoredRecord {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new UnreadableError('the stored text is not valid JSON');
  }
  if (!isObj(data) || data['format'] !== RECORD_FORMAT) throw new UnreadableError('the stored value is not a worksheet record');
  const version = data['version'];
  if (!isWhole(version) || version < 1) throw new UnreadableError('the record has no valid version');
  if (version > STORAGE_VERSION) throw new TooNewError(version);
  const current = runMigrations(data, version, STORAGE_VERSION);
  if (current['worksheet'] !== ws.id) throw new UnreadableError(`the record belongs to worksheet "${String(current['worksheet'])}"`);
  if (!isObj(current['answers'])) throw new UnreadableError('the record has no answers object');
  // JSON numbers are finite: a fraction is rounded down, a negative count is 0.
  const rev = typeof current['rev'] === 'number' ? Math.max(0, Math.floor(current['rev'])) : 0;
  const { answers, earlier } = migrateAnswers(ws, current['answers'], parseEarlier(current['earlier']));
  const record: StoredRecord = {
    format: RECORD_FORMAT,
    version: STORAGE_VERSION,
    worksheet: ws.id,
    worksheetVersion: ws.version,
    rev,
    updated: typeof current['updated'] === 'string' ? current['updated'] : '',
    answers,
    earlier,
  };
  if (typeof current['absorbed'] === 'string') record.absorbed = current['absorbed'];
  return record;
}

export function encode(record: StoredRecord): string {
  return JSON.stringify(record);
}

/** Reads one stored string without side effects. */
export function readRaw(raw: string | null, ws: Worksheet): ReadResult {
  if (raw === null) return { state: 'empty' };
  try {
    return { state: 'ok', record: decode(raw, ws), raw };
  } catch (error) {
    if (error instanceof TooNewError) return { state: 'too-new', version: error.version, raw };
    return { state: 'unreadable', detail: error instanceof Error ? error.message : String(error), raw };
  }
}

/** A short signature of a legacy record: changes whenever an old tab writes it again. */
export function legacySignature(record: StoredRecord): string {
  return `${record.rev}|${record.updated}`;
}

export function isQuotaError(error: unknown): boolean {
  // Chromium and Safari name it QuotaExceededError (code 22); older Firefox used NS_ERROR_DOM_QUOTA_REACHED (code 1014).
  const { name, code } = Object(error) as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/**
 * Merges a legacy record into the current one, per prompt: answers only the legacy record has are taken;
 * where both hold different answers, the current one stays and the legacy one is returned as a conflict.
 */
export function absorbLegacy(current: StoredRecord, legacy: StoredRecord, signature: string): { record: StoredRecord; conflicts: Record<string, AnswerValue | undefined> } {
  const answers: Answers = { ...current.answers };
  const conflicts: Record<string, AnswerValue | undefined> = {};
  for (const [id, value] of Object.entries(legacy.answers)) {
    const mine = answers[id];
    if (mine === undefined) answers[id] = value;
    else if (!sameAnswer(mine, value)) conflicts[id] = value;
  }
  const earlier = [...current.earlier];
  for (const e of legacy.earlier) if (!earlier.some((x) => x.id === e.id && x.text === e.text)) earlier.push(e);
  return {
    record: {
      ...current,
      rev: Math.max(current.rev, legacy.rev),
      updated: legacy.updated > current.updated ? legacy.updated : current.updated,
      answers,
      earlier,
      absorbed: signature,
    },
    conflicts,
  };
}

export function createWorksheetStorage(getStorage: StorageGetter = browserStorage, now: () => number = Date.now) {
  function storage(): Storage | undefined {
    try {
      return getStorage();
    } catch {
      return undefined;
    }
  }

  function get(key: string): string | null | undefined {
    try {
      const s = storage();
      return s ? s.getItem(key) : undefined;
    } catch {
      return undefined;
    }
  }

  /** What is stored under the worksheet's current key. No side effect. */
  function peek(ws: Worksheet): ReadResult {
    const raw = get(KEYS.worksheet(ws.id));
    return raw === undefined ? { state: 'unavailable' } : readRaw(raw, ws);
  }

  /** The worksheet's stored state, the legacy key included. No side effect. */
  function read(ws: Worksheet): WorksheetRead {
    const current = peek(ws);
    // Nothing under the legacy key, or storage unavailable.
    const legacyRaw = get(KEYS.legacyWorksheet(ws.id));
    if (legacyRaw == null) return { current };
    const legacy = readRaw(legacyRaw, ws);
    if (legacy.state === 'unreadable') return { current, legacyUnreadable: { raw: legacyRaw, detail: legacy.detail } };
    if (legacy.state !== 'ok') return { current };
    const signature = legacySignature(legacy.record);
    const absorbed = current.state === 'ok' ? current.record.absorbed : undefined;
    return signature === absorbed
      ? { current, legacyRecord: legacy.record }
      : { current, legacyRecord: legacy.record, legacy: { record: legacy.record, signature } };
  }

  /** Every key stored; none when storage is unavailable. */
  function allKeys(): string[] {
    try {
      return storageKeys(getStorage());
    } catch {
      return [];
    }
  }

  /** Every guide key that names a worksheet or holds data set aside (a worksheet's or the run-sheet's). No side effect. */
  function keys(): { worksheets: string[]; quarantined: SetAsideKey[] } {
    const worksheets = new Set<string>();
    const quarantined: SetAsideKey[] = [];
    for (const key of allKeys()) {
      const id = worksheetIdOfKey(key);
      if (id) worksheets.add(id);
      const q = parseSetAsideKey(key);
      if (q) quarantined.push({ key, ...q });
    }
    return { worksheets: [...worksheets].sort(), quarantined: quarantined.sort((a, b) => a.key.localeCompare(b.key)) };
  }

  /** The stored state of each given worksheet that has anything stored. No side effect. */
  function list(worksheets: readonly Worksheet[]): { ws: Worksheet; read: WorksheetRead }[] {
    const stored = new Set(keys().worksheets);
    return worksheets.filter((ws) => stored.has(ws.id)).map((ws) => ({ ws, read: read(ws) }));
  }

  /**
   * Sets unreadable data aside once: reuses an identical copy already in quarantine, else copies it to a
   * new quarantine key. Returns the key, or undefined when it could not be copied.
   */
  function quarantine(id: string, raw: string): string | undefined {
    const s = storage();
    return s ? setAside(s, quarantinePrefix(id), (at) => KEYS.quarantine(id, at), raw, now()) : undefined;
  }


  function load(ws: Worksheet): LoadResult {
    const empty = emptyRecord(ws);
    const state = read(ws);
    const current = state.current;
    if (current.state === 'unavailable') return { status: 'unavailable', record: empty };
    if (current.state === 'too-new') return { status: 'too-new', record: empty };
    let result: LoadResult;
    if (current.state === 'unreadable') {
      const key = quarantine(ws.id, current.raw);
      if (key === undefined) return { status: 'blocked', record: empty, detail: current.detail };
      result = { status: 'quarantined', record: empty, quarantineKey: key, detail: current.detail };
    } else {
      result = current.state === 'ok' ? { status: 'ok', record: current.record } : { status: 'empty', record: empty };
    }
    if (state.legacyUnreadable) quarantine(ws.id, state.legacyUnreadable.raw);
    if (state.legacyRecord) result = { ...result, legacy: state.legacyRecord };
    if (state.legacy) {
      const { record, conflicts } = absorbLegacy(result.record, state.legacy.record, state.legacy.signature);
      result = { ...result, status: result.status === 'empty' ? 'ok' : result.status, record, conflicts, changed: true };
    }
    return result;
  }

  function save(record: StoredRecord): SaveStatus {
    try {
      getStorage().setItem(KEYS.worksheet(record.worksheet), encode(record));
      return 'saved';
    } catch (error) {
      return isQuotaError(error) ? 'quota' : 'unavailable';
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

  return { read, peek, list, keys, load, save, remove, quarantine, now, getStorage };
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

/** Earlier answers, merged like one prompt: a change made only in the other tab (such as dismissing them) wins. */
export function mergeEarlier(base: EarlierAnswer[], mine: EarlierAnswer[], theirs: EarlierAnswer[]): EarlierAnswer[] {
  if (sameValue(base, mine)) return theirs;
  if (sameValue(base, theirs)) return mine;
  const out = [...theirs];
  for (const e of mine) if (!out.some((x) => x.id === e.id && x.text === e.text)) out.push(e);
  return out;
}
