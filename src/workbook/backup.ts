/**
 * The JSON backup: export, strict validation, a preview of what an import changes, and an import that is
 * all or nothing. Framework-free; the workbook page (islands/Workbook.tsx) calls it. The format is
 * documented in docs/backup-format.md and docs/backup.schema.json (tests validate real exports against it).
 *
 *   { "format": "psfg-backup", "version": 2, "exported": "2026-12-01T10:00:00.000Z",
 *     "guide": { "name": "Public Systems Field Guide", "version": "0.2.0" },
 *     "worksheets": [ { "id": "trust-inventory", "storageVersion": 2, "worksheetVersion": 1,
 *                       "updated": "...", "answers": { ... }, "earlier": [ { "id", "text" } ] } ],
 *     "rounds": [ { "worksheet": "muscles-check", "rounds": [ { "id", "name", "saved", "values": { ... } } ] } ],
 *     "runSheet": { ...the saved run-sheet... } or null }
 *
 * Version 1 had no saved rounds (an empty list) and no run-sheet; ENVELOPE_MIGRATIONS turns it into 2.
 *
 * Import reads nothing it does not know: every object is rebuilt from whitelisted keys; `__proto__`,
 * `constructor` and `prototype` keys anywhere refuse the file. A bad file gets a message naming the
 * problem in plain words and changes nothing.
 */
import { KEYS, isGuideKey } from '../lib/storage-keys';
import { cleanAnswer } from '../worksheets/kinds';
import { migrateAnswers, sameValue, type Answers, type EarlierAnswer } from '../worksheets/answers';
import { allPrompts } from '../worksheets/prompts';
import type { Worksheet } from '../worksheets/schema';
import {
  RECORD_FORMAT,
  STORAGE_VERSION,
  encode,
  runMigrations,
  type StoredRecord,
  type WorksheetStorage,
  isQuotaError,
} from '../worksheets/storage';
import { createRoundsStorage, cleanRounds, encodeRounds, hasRounds, type Round } from '../worksheets/rounds';
import { decodeRunSheet, encodeRunSheet, createRunSheetStorage } from '../facilitate/run-sheet-storage';
import { validateSheet, type RunSheet } from '../facilitate/run-sheet';
import { rounds as roundWords, w } from '../lib/strings';

export const BACKUP_FORMAT = 'psfg-backup';
export const BACKUP_VERSION = 2;
/** Larger files are refused before they are read: the browser's storage holds about 5 million characters. */
export const MAX_BACKUP_BYTES = 5 * 1024 * 1024;
/** Deeper nesting than any backup has is refused before parsing. */
export const MAX_DEPTH = 32;

export interface BackupWorksheet {
  id: string;
  storageVersion: number;
  worksheetVersion: number;
  updated: string;
  answers: Answers;
  earlier: EarlierAnswer[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exported: string;
  guide: { name: string; version: string };
  worksheets: BackupWorksheet[];
  /** Dated rounds of a worksheet's ratings (worksheets/rounds.ts), per worksheet that has any. */
  rounds: BackupRounds[];
  /** The facilitator's saved run-sheet (facilitate/run-sheet.ts), or null. */
  runSheet: RunSheet | null;
}

export interface BackupRounds {
  worksheet: string;
  rounds: Round[];
}

export const GUIDE_NAME = 'Public Systems Field Guide';

/** Ordered migrations of the envelope: ENVELOPE_MIGRATIONS[n] turns version n+1 into n+2. */
export const ENVELOPE_MIGRATIONS: readonly ((b: Record<string, unknown>) => Record<string, unknown>)[] = [
  // 1 -> 2: saved rounds and the run-sheet join the file. A version 1 file had neither.
  (b) => ({ ...b, rounds: [], runSheet: null }),
];

/** The saved run-sheet, read without side effects: null when there is none or it cannot be read. */
function readRunSheet(s: Storage | undefined): {
  sheet: RunSheet | null;
  raw: string | null;
  state: 'empty' | 'ok' | 'too-new' | 'unreadable';
} {
  let raw: string | null = null;
  try {
    raw = s ? s.getItem(KEYS.runSheet) : null;
  } catch {
    return { sheet: null, raw: null, state: 'empty' };
  }
  if (raw === null) return { sheet: null, raw, state: 'empty' };
  try {
    const { sheet, tooNew } = decodeRunSheet(raw);
    return tooNew ? { sheet: null, raw, state: 'too-new' } : { sheet, raw, state: 'ok' };
  } catch {
    return { sheet: null, raw, state: 'unreadable' };
  }
}

function storageOf(storage: WorksheetStorage): Storage | undefined {
  try {
    return storage.getStorage();
  } catch {
    return undefined;
  }
}

/** Everything the guide has stored, as a backup. Reads only. */
export function exportBackup(storage: WorksheetStorage, defs: readonly Worksheet[], now: Date, guideVersion: string): Backup {
  const worksheets: BackupWorksheet[] = [];
  for (const { ws, read } of storage.list(defs)) {
    if (read.current.state !== 'ok') continue;
    const r = read.current.record;
    if (!Object.keys(r.answers).length && !r.earlier.length) continue;
    worksheets.push({
      id: ws.id,
      storageVersion: STORAGE_VERSION,
      worksheetVersion: r.worksheetVersion,
      updated: r.updated,
      answers: r.answers,
      earlier: r.earlier,
    });
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exported: now.toISOString(),
    guide: { name: GUIDE_NAME, version: guideVersion },
    worksheets: worksheets.sort((a, b) => a.id.localeCompare(b.id)),
    rounds: exportRounds(storage, defs),
    runSheet: readRunSheet(storageOf(storage)).sheet,
  };
}

function exportRounds(storage: WorksheetStorage, defs: readonly Worksheet[]): BackupRounds[] {
  const rs = createRoundsStorage(storage.getStorage);
  return defs
    .filter(hasRounds)
    .flatMap((ws) => {
      const r = rs.read(ws);
      return r.state === 'ok' && r.rounds.length ? [{ worksheet: ws.id, rounds: r.rounds }] : [];
    })
    .sort((a, b) => a.worksheet.localeCompare(b.worksheet));
}

export function backupFileName(now: Date): string {
  return `field-guide-backup-${now.toISOString().slice(0, 10)}.json`;
}

export type ParseResult = { ok: true; backup: Backup; migrated: boolean } | { ok: false; error: string };

const fail = (error: string): ParseResult => ({ ok: false, error });
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

/** Recognises a few kinds of file people pick by mistake, by their first bytes. */
function sniff(bytes: Uint8Array): string | undefined {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'This file is a PNG image, not a backup of the guide.';
  if (starts(0xff, 0xd8, 0xff)) return 'This file is a JPEG image, not a backup of the guide.';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'This file is a PDF, not a backup of the guide. Choose the .json file you exported.';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'This file is a zip archive, not a backup of the guide.';
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff))
    return 'This file is saved as UTF-16 text. Backups of the guide are UTF-8: choose the file exactly as the guide exported it.';
  return undefined;
}

/** The deepest nesting of arrays and objects in JSON text, counted without parsing it. */
export function jsonDepth(text: string, limit = MAX_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

function unsafeKey(v: unknown): string | undefined {
  if (Array.isArray(v)) {
    for (const x of v) {
      const k = unsafeKey(x);
      if (k) return k;
    }
  } else if (isObj(v)) {
    for (const k of Object.keys(v)) {
      if (UNSAFE.has(k)) return k;
      const inner = unsafeKey(v[k]);
      if (inner) return inner;
    }
  }
  return undefined;
}

const isIsoDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v));
const isVersion = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;

/**
 * Reads and validates a backup file's bytes against the guide's worksheets. Nothing is written; the
 * result is a clean backup built from known keys only, or a message for the reader.
 */
export function parseBackup(bytes: Uint8Array, defs: readonly Worksheet[]): ParseResult {
  if (bytes.length === 0) return fail('This file is empty.');
  if (bytes.length > MAX_BACKUP_BYTES)
    return fail(
      `This file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, larger than any backup of the guide can be (at most 5 MB). It is not a backup of the guide.`,
    );
  const sniffed = sniff(bytes);
  if (sniffed) return fail(sniffed);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('This file is not text in UTF-8, so it is not a backup of the guide.');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (jsonDepth(text) > MAX_DEPTH)
    return fail('This file nests its data far deeper than a backup of the guide does. It is not a backup of the guide.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('This file is not valid JSON: it may be cut short or changed by hand. Export a new backup, or choose another file.');
  }
  return validateBackup(data, defs);
}

/** Validates parsed JSON as a backup (see parseBackup). */
export function validateBackup(data: unknown, defs: readonly Worksheet[]): ParseResult {
  if (!isObj(data)) return fail('This file holds JSON, but not a backup of the guide (a backup is one JSON object).');
  const bad = unsafeKey(data);
  if (bad) return fail(`This file contains a key named "${bad}", which no backup of the guide has. It was refused to keep this page safe.`);
  if (data['format'] !== BACKUP_FORMAT)
    return fail('This JSON file was not made by the guide’s “Export backup”, so it cannot be imported.');
  const version = data['version'];
  if (!isVersion(version)) return fail('This backup has no valid version number, so it cannot be read safely.');
  if (version > BACKUP_VERSION)
    return fail(
      `This backup was made by a newer version of the guide (backup format ${version}; this guide reads up to ${BACKUP_VERSION}). Open the newest version of the guide to import it.`,
    );
  let env: Record<string, unknown> = data;
  for (let v = version; v < BACKUP_VERSION; v++) env = { ...ENVELOPE_MIGRATIONS[v - 1]!(env), version: v + 1 };
  if (!isIsoDate(env['exported'])) return fail('This backup does not say when it was exported, so it cannot be read safely.');
  const guide = env['guide'];
  if (!isObj(guide) || typeof guide['name'] !== 'string' || typeof guide['version'] !== 'string')
    return fail('This backup does not say which guide made it.');
  const list = env['worksheets'];
  if (!Array.isArray(list)) return fail('This backup has no list of worksheets.');
  const byId = new Map<string, Worksheet>(defs.map((d) => [d.id, d]));
  const rounds = parseRounds(env['rounds'], byId);
  if (typeof rounds === 'string') return fail(rounds);
  let runSheet: RunSheet | null = null;
  if (env['runSheet'] !== null && env['runSheet'] !== undefined) {
    try {
      runSheet = validateSheet(env['runSheet']);
    } catch (error) {
      return fail(`The run-sheet in this backup cannot be read: ${error instanceof Error ? error.message : String(error)}.`);
    }
  } else if (env['runSheet'] === undefined) return fail('This backup does not say whether it holds a run-sheet.');
  const seen = new Set<string>();
  const worksheets: BackupWorksheet[] = [];
  let migrated = version < BACKUP_VERSION;
  for (const [i, entry] of list.entries()) {
    const where = `Worksheet ${i + 1} in the file`;
    if (!isObj(entry)) return fail(`${where} is not a worksheet entry.`);
    const id = entry['id'];
    if (typeof id !== 'string') return fail(`${where} has no worksheet id.`);
    const ws = byId.get(id);
    if (!ws)
      return fail(
        `This backup has answers for a worksheet this guide does not have (“${id.slice(0, 60)}”). It may come from another version of the guide.`,
      );
    if (seen.has(id)) return fail(`This backup lists the worksheet “${ws.title}” twice.`);
    seen.add(id);
    const storageVersion = entry['storageVersion'];
    if (!isVersion(storageVersion)) return fail(`The answers to “${ws.title}” have no valid storage version.`);
    if (storageVersion > STORAGE_VERSION)
      return fail(
        `The answers to “${ws.title}” were saved by a newer version of the guide. Open the newest version of the guide to import them.`,
      );
    const worksheetVersion = entry['worksheetVersion'];
    if (!isVersion(worksheetVersion)) return fail(`The answers to “${ws.title}” do not say which version of the worksheet they answer.`);
    if (worksheetVersion > ws.version)
      return fail(`The answers to “${ws.title}” answer a newer version of the worksheet than this guide has.`);
    const updated = entry['updated'];
    if (!isIsoDate(updated)) return fail(`The answers to “${ws.title}” do not say when they were last changed.`);
    const record = runMigrations({ ...entry, answers: entry['answers'] }, storageVersion, STORAGE_VERSION);
    if (storageVersion < STORAGE_VERSION) migrated = true;
    const answers = record['answers'];
    if (!isObj(answers)) return fail(`The answers to “${ws.title}” are not a set of answers.`);
    const prompts = new Map(allPrompts(ws).map((p) => [p.id, p]));
    for (const key of Object.keys(answers)) {
      const p = prompts.get(key);
      if (!p) {
        if (worksheetVersion === ws.version)
          return fail(`The answers to “${ws.title}” include a question this worksheet does not have (“${key.slice(0, 60)}”).`);
        continue; // an older version's question: kept as an earlier answer below
      }
      const clean = cleanAnswer(p, answers[key]);
      if (clean === undefined || !sameValue(clean, answers[key]))
        return fail(`The answer to “${p.label}” in “${ws.title}” is not a valid ${p.kind === 'longtext' ? 'text' : p.kind} answer.`);
    }
    const earlierRaw = entry['earlier'] ?? [];
    if (!Array.isArray(earlierRaw) || !earlierRaw.every((e) => isObj(e) && typeof e['id'] === 'string' && typeof e['text'] === 'string'))
      return fail(`The earlier answers of “${ws.title}” are not readable.`);
    const earlier = (earlierRaw as { id: string; text: string }[]).map((e) => ({ id: e.id, text: e.text }));
    const fitted = migrateAnswers(ws, answers, earlier);
    worksheets.push({
      id,
      storageVersion: STORAGE_VERSION,
      worksheetVersion: ws.version,
      updated,
      answers: fitted.answers,
      earlier: fitted.earlier,
    });
  }
  return {
    ok: true,
    migrated,
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exported: env['exported'] as string,
      guide: { name: guide['name'], version: guide['version'] },
      worksheets,
      rounds,
      runSheet,
    },
  };
}

/** The rounds of a backup, checked strictly: a message when anything in them is not right. */
function parseRounds(list: unknown, byId: Map<string, Worksheet>): BackupRounds[] | string {
  if (!Array.isArray(list)) return 'The rounds in this backup are not a list.';
  const out: BackupRounds[] = [];
  for (const [i, entry] of list.entries()) {
    if (!isObj(entry) || typeof entry['worksheet'] !== 'string')
      return `Entry ${i + 1} of the rounds in the file does not name its worksheet.`;
    const ws = byId.get(entry['worksheet']);
    if (!ws || !hasRounds(ws))
      return `This backup has rounds for a worksheet this guide keeps no rounds for (“${entry['worksheet'].slice(0, 60)}”).`;
    if (out.some((r) => r.worksheet === ws.id)) return `This backup lists the rounds of “${ws.title}” twice.`;
    let clean: { rounds: Round[]; dropped: number };
    try {
      clean = cleanRounds(ws, entry['rounds']);
    } catch {
      return `The rounds of “${ws.title}” are not a list.`;
    }
    if (clean.dropped || clean.rounds.length !== (entry['rounds'] as unknown[]).length)
      return `The rounds of “${ws.title}” hold a round or a rating this guide cannot read (a rating out of range, a question the worksheet does not have, or a round without a date).`;
    if (clean.rounds.length) out.push({ worksheet: ws.id, rounds: clean.rounds });
  }
  return out;
}

export type ChangeKind = 'new' | 'replaced' | 'unchanged' | 'kept';
export interface PlannedChange {
  /** The worksheet id; `rounds:<id>` for its rounds; `run-sheet` for the run-sheet. */
  id: string;
  what: 'answers' | 'rounds' | 'run-sheet';
  title: string;
  /** `kept`: what is saved here was written by a newer version of the guide and is not overwritten. */
  change: ChangeKind;
  /** The answers on this device were changed after the file's. */
  localNewer: boolean;
  localUpdated?: string | undefined;
  fileUpdated: string;
}

/** What an import would change, per worksheet, per worksheet's rounds and for the run-sheet in the file. Reads only. */
export function planImport(storage: WorksheetStorage, defs: readonly Worksheet[], backup: Backup): PlannedChange[] {
  const byId = new Map<string, Worksheet>(defs.map((d) => [d.id, d]));
  const answers = backup.worksheets.map((b): PlannedChange => {
    const ws = byId.get(b.id)!;
    const read = storage.read(ws).current;
    const local = read.state === 'ok' ? read.record : undefined;
    const hasLocal = !!local && (Object.keys(local.answers).length > 0 || local.earlier.length > 0);
    const same = hasLocal && sameValue(local!.answers, b.answers) && sameValue(local!.earlier, b.earlier);
    return {
      id: b.id,
      what: 'answers',
      title: ws.title,
      change: !hasLocal && read.state !== 'unreadable' ? 'new' : same ? 'unchanged' : 'replaced',
      localNewer: hasLocal && !same && local!.updated > b.updated,
      localUpdated: local?.updated,
      fileUpdated: b.updated,
    };
  });
  const rs = createRoundsStorage(storage.getStorage);
  const rounds = backup.rounds.map((b): PlannedChange => {
    const ws = byId.get(b.worksheet)!;
    const read = rs.read(ws);
    const local = read.state === 'ok' ? read.rounds : [];
    return {
      id: `rounds:${ws.id}`,
      what: 'rounds',
      title: roundWords.quarantineLabel(ws.title),
      change:
        read.state === 'too-new'
          ? 'kept'
          : read.state === 'unreadable' || local.length
            ? sameValue(local, b.rounds)
              ? 'unchanged'
              : 'replaced'
            : 'new',
      localNewer: false,
      fileUpdated: b.rounds[b.rounds.length - 1]?.saved ?? backup.exported,
    };
  });
  const sheet: PlannedChange[] = [];
  if (backup.runSheet) {
    const local = readRunSheet(storageOf(storage));
    sheet.push({
      id: 'run-sheet',
      what: 'run-sheet',
      title: w.runSheetTitle,
      change:
        local.state === 'too-new'
          ? 'kept'
          : local.state === 'empty'
            ? 'new'
            : local.sheet && sameValue(local.sheet, backup.runSheet)
              ? 'unchanged'
              : 'replaced',
      localNewer: false,
      fileUpdated: backup.exported,
    });
  }
  return [...answers, ...rounds, ...sheet];
}

export type ImportResult =
  { ok: true; written: string[]; rounds: string[]; runSheet: boolean; safetyKey: string } | { ok: false; error: string };

/**
 * Writes a validated backup: first a safety copy of what is on this device (answers, rounds, run-sheet; one
 * click restores it), then each worksheet, each worksheet's rounds and the run-sheet. All or nothing: if any
 * write fails (a full quota half way), every key touched is put back exactly as it was, the safety copy
 * included. Unreadable rounds about to be replaced are first set aside, as part of the same writes.
 * `written` lists the worksheets whose answers changed.
 */
export function applyImport(
  getStorage: () => Storage,
  storage: WorksheetStorage,
  defs: readonly Worksheet[],
  backup: Backup,
  now: Date,
  guideVersion: string,
): ImportResult {
  let s: Storage;
  try {
    s = getStorage();
  } catch {
    return { ok: false, error: 'This browser is not letting the guide store anything, so nothing was imported.' };
  }
  const plan = planImport(storage, defs, backup).filter((c) => c.change !== 'unchanged' && c.change !== 'kept');
  const byId = new Map<string, Worksheet>(defs.map((d) => [d.id, d]));
  const writes: [string, string][] = [[KEYS.safetyCopy, JSON.stringify(exportBackup(storage, defs, now, guideVersion))]];
  const rs = createRoundsStorage(() => s);
  let at = now.getTime();
  for (const c of plan) {
    if (c.what === 'rounds') {
      const b = backup.rounds.find((r) => `rounds:${r.worksheet}` === c.id)!;
      const ws = byId.get(b.worksheet)!;
      const local = rs.read(ws);
      if (local.state === 'unreadable') {
        while (s.getItem(KEYS.roundsQuarantine(ws.id, at)) !== null) at++;
        writes.push([KEYS.roundsQuarantine(ws.id, at++), local.raw]);
      }
      writes.push([KEYS.rounds(ws.id), encodeRounds(ws, b.rounds)]);
      continue;
    }
    if (c.what === 'run-sheet') {
      // Unreadable data under the run-sheet's key is set aside by its own storage first, as the builder does.
      if (readRunSheet(s).state === 'unreadable')
        createRunSheetStorage(
          () => s,
          () => now.getTime(),
        ).load();
      writes.push([KEYS.runSheet, encodeRunSheet(backup.runSheet!, now.getTime())]);
      continue;
    }
    const b = backup.worksheets.find((x) => x.id === c.id)!;
    const ws = byId.get(c.id)!;
    const current = storage.read(ws).current;
    const rev = current.state === 'ok' ? current.record.rev : 0;
    const record: StoredRecord = {
      format: RECORD_FORMAT,
      version: STORAGE_VERSION,
      worksheet: ws.id,
      worksheetVersion: ws.version,
      // A higher revision than anything an open tab has seen, so open tabs take it as the newer record.
      rev: rev + 1,
      updated: b.updated,
      answers: b.answers,
      earlier: b.earlier,
    };
    writes.push([KEYS.worksheet(ws.id), encode(record)]);
  }
  const before = new Map<string, string | null>();
  try {
    for (const [key] of writes) before.set(key, s.getItem(key));
    for (const [key, value] of writes) s.setItem(key, value);
  } catch (error) {
    for (const [key, value] of before) {
      try {
        if (value === null) s.removeItem(key);
        else s.setItem(key, value);
      } catch {
        // Putting back a value that was there before frees or reuses its own space; nothing else to do.
      }
    }
    return {
      ok: false,
      error: isQuotaError(error)
        ? 'There is not enough room in this browser’s storage for these answers. Nothing was changed. Free space by deleting answers you no longer need, then try again.'
        : 'The browser refused to store the answers. Nothing was changed.',
    };
  }
  return {
    ok: true,
    written: plan.filter((c) => c.what === 'answers').map((c) => c.id),
    rounds: plan.filter((c) => c.what === 'rounds').map((c) => c.id.slice('rounds:'.length)),
    runSheet: plan.some((c) => c.what === 'run-sheet'),
    safetyKey: KEYS.safetyCopy,
  };
}

/** Removes every key of the guide, and nothing else on the origin. Returns how many keys were removed. */
export function deleteEverything(getStorage: () => Storage): number {
  const s = getStorage();
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k !== null && isGuideKey(k)) keys.push(k);
  }
  for (const k of keys) s.removeItem(k);
  return keys.length;
}
