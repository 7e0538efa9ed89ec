/**
 * The run-sheet the builder makes: the model, its validation, and what it implies (timed agenda,
 * what to print, materials). Pure; the storage is in run-sheet-storage.ts, the screen in
 * src/islands/facilitate/RunSheetBuilder.tsx.
 */
import { schedule, type RunState, type Slot } from './timing';

export type RowKind = 'worksheet' | 'break' | 'activity';

export interface Row {
  /** Stable within the sheet, for keys and focus after a move. */
  key: string;
  kind: RowKind;
  /** The worksheet id, for worksheet rows. */
  worksheet?: string | undefined;
  label: string;
  minutes: number;
  /** Day of a multi-day session, from 1. */
  day?: number | undefined;
}

export interface RunSheet {
  title: string;
  /** Start time, "09:30". */
  start: string;
  groupSize: number;
  /** The session plan it started from, by slug. */
  plan?: string | undefined;
  rows: Row[];
  /** Set while run mode is on, so a reload in the middle of a session loses nothing. */
  run: RunState | null;
}

export const MAX_ROWS = 60;
export const MAX_MINUTES = 600;

export function emptySheet(): RunSheet {
  return { title: '', start: '09:30', groupSize: 8, rows: [], run: null };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

/** Builds a sheet from parsed JSON, taking only the fields it knows; throws on anything malformed. */
export function validateSheet(data: unknown): RunSheet {
  if (!isObj(data)) throw new Error('the run-sheet is not an object');
  const { title, start, groupSize, plan, rows, run } = data;
  if (typeof title !== 'string' || title.length > 200) throw new Error('the title is not valid');
  if (typeof start !== 'string' || !/^\d{1,2}:\d{2}$/.test(start)) throw new Error('the start time is not valid');
  if (!isCount(groupSize, 500) || groupSize < 1) throw new Error('the group size is not valid');
  if (plan !== undefined && typeof plan !== 'string') throw new Error('the plan is not valid');
  if (!Array.isArray(rows) || rows.length > MAX_ROWS) throw new Error('the rows are not valid');
  const keys = new Set<string>();
  const out: Row[] = rows.map((r, i) => {
    if (!isObj(r)) throw new Error(`row ${i + 1} is not valid`);
    const { key, kind, worksheet, label, minutes, day } = r;
    if (typeof key !== 'string' || !key || keys.has(key)) throw new Error(`row ${i + 1} has no unique key`);
    keys.add(key);
    if (kind !== 'worksheet' && kind !== 'break' && kind !== 'activity') throw new Error(`row ${i + 1} has an unknown kind`);
    if (kind === 'worksheet' && typeof worksheet !== 'string') throw new Error(`row ${i + 1} names no worksheet`);
    if (typeof label !== 'string' || label.length > 300) throw new Error(`row ${i + 1} has no label`);
    if (!isCount(minutes, MAX_MINUTES)) throw new Error(`row ${i + 1} has no valid length`);
    if (day !== undefined && (!isCount(day, 14) || day < 1)) throw new Error(`row ${i + 1} has no valid day`);
    const row: Row = { key, kind, label, minutes };
    if (kind === 'worksheet') row.worksheet = worksheet as string;
    if (day !== undefined) row.day = day;
    return row;
  });
  let runState: RunState | null = null;
  if (run !== null && run !== undefined) {
    if (!isObj(run) || typeof run['startedAt'] !== 'number' || !Array.isArray(run['lengths'])) throw new Error('the run is not valid');
    const lengths = run['lengths'];
    if (lengths.length !== out.length || lengths.some((l) => typeof l !== 'number' || l < 0 || !Number.isFinite(l)))
      throw new Error('the run does not match the rows');
    runState = { startedAt: run['startedAt'], lengths: lengths as number[] };
  }
  const sheet: RunSheet = { title, start, groupSize, rows: out, run: runState };
  if (plan !== undefined) sheet.plan = plan;
  return sheet;
}

/** A key no other row of the sheet has. */
export function newKey(sheet: RunSheet): string {
  let n = sheet.rows.length + 1;
  const used = new Set(sheet.rows.map((r) => r.key));
  while (used.has(`r${n}`)) n++;
  return `r${n}`;
}

/** Moves row `from` by `by` places (-1 up, +1 down); the sheet is unchanged at either end. */
export function moveRow(sheet: RunSheet, from: number, by: number): RunSheet {
  const to = from + by;
  if (from < 0 || from >= sheet.rows.length || to < 0 || to >= sheet.rows.length) return sheet;
  const rows = [...sheet.rows];
  const [row] = rows.splice(from, 1);
  rows.splice(to, 0, row!);
  return { ...sheet, rows };
}

export interface WorksheetFacts {
  id: string;
  title: string;
  materials: string[];
}

export interface PrintItem {
  worksheet: string;
  title: string;
  copies: number;
}

/**
 * What to print: one copy of each worksheet per participant, plus one for the facilitator. A
 * worksheet used twice in the sheet is printed once.
 */
export function printList(sheet: RunSheet, sheets: readonly WorksheetFacts[]): PrintItem[] {
  const seen = new Set<string>();
  const out: PrintItem[] = [];
  for (const r of sheet.rows) {
    if (r.kind !== 'worksheet' || !r.worksheet || seen.has(r.worksheet)) continue;
    seen.add(r.worksheet);
    const ws = sheets.find((s) => s.id === r.worksheet);
    if (ws) out.push({ worksheet: ws.id, title: ws.title, copies: sheet.groupSize + 1 });
  }
  return out;
}

/** Every material the sheet's worksheets ask for, each once, in order of first use. */
export function materialsList(sheet: RunSheet, sheets: readonly WorksheetFacts[]): string[] {
  const out: string[] = [];
  for (const item of printList(sheet, sheets)) {
    for (const m of sheets.find((s) => s.id === item.worksheet)?.materials ?? []) if (!out.includes(m)) out.push(m);
  }
  return out;
}

/** The timed agenda: each row with its slot; an invalid start time gives none. */
export function agenda(sheet: RunSheet, start: number): (Row & Slot)[] {
  const slots = schedule(start, sheet.rows);
  return sheet.rows.map((r, i) => ({ ...r, ...slots[i]! }));
}
