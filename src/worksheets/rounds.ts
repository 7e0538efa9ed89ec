/**
 * Rounds: dated copies of a worksheet's ratings, so a reader can see what changed over months. Framework-free;
 * the worksheet page (islands/Rounds.tsx), the document model, the PDF and the backup read it.
 *
 * One localStorage key per worksheet, `psfg:rounds:<id>` (`KEYS.rounds`), holding a versioned record:
 *
 *   { format: 'psfg-rounds', version: 1, worksheet: 'muscles-check',
 *     rounds: [{ id, name, saved: '2026-12-01T10:00:00.000Z', values: { 'trust-today': 3 }, labels?: { ... } }] }
 *
 * What a round keeps (`roundAxes`), on the worksheets in `ROUND_WORKSHEETS`: on one with a radar, the first line of the radar ("Today"), one
 * value per spoke, keyed by that spoke's first prompt; on the trust inventory (ratings, no radar), every scale
 * question and the trust rating of each relationship in its table, keyed `<table>:<row>:<column>`, with the
 * relationship's name at the time kept in `labels`.
 *
 * The same care as answers (see storage.ts):
 * - `read` has no side effect; reading `localStorage` can throw (site data blocked): `unavailable`.
 * - validated on read: a round with a bad id, date or name is dropped, a value that is not a whole number in
 *   the scale's range is dropped, and values for spokes the worksheet does not have are kept out;
 * - unreadable data (not JSON, wrong shape) is copied once to `psfg:quarantine-rounds:<id>:<time>` by `load`
 *   and never overwritten in place before that copy exists (else `blocked`, nothing written);
 * - a record of a newer version is refused and never rewritten (`too-new`);
 * - a full quota on save is reported (`quota`) with the stored value left as it was;
 * - another tab's change (the `storage` event) is merged by round id (`mergeRounds`): a round saved in this
 *   tab and not yet stored is never lost.
 */
import { KEYS } from '../lib/storage-keys';
import { isWhole } from './kinds';
import { isQuotaError, setAside, storageKeys, TooNewError, UnreadableError, type StorageGetter } from './storage';
import type { Answers, TableRow } from './answers';
import type { Prompt, Worksheet } from './schema';
import { longDate, rounds as words } from '../lib/strings';

export const ROUNDS_FORMAT = 'psfg-rounds';
export const ROUNDS_VERSION = 1;
/** Rounds drawn on the radar: the latest ones if there are more. */
export const SHOWN_ROUNDS = 5;
export const MAX_ROUNDS = 200;
export const MAX_NAME = 120;
/** The worksheets whose ratings are kept as rounds: three with a radar, and the trust inventory's ratings. */
export const ROUND_WORKSHEETS: readonly string[] = ['muscles-check', 'gaps-scan', 'outcomes-manager', 'trust-inventory'];

export interface Round {
  id: string;
  name: string;
  /** When it was saved, an ISO time. */
  saved: string;
  /** One rating per axis id. */
  values: Record<string, number>;
  /** Names of axes that come from table rows, as they were when saved. */
  labels?: Record<string, string>;
}

export interface RoundsRecord {
  format: typeof ROUNDS_FORMAT;
  version: number;
  worksheet: string;
  rounds: Round[];
}

export interface RoundAxis {
  id: string;
  label: string;
  min: number;
  max: number;
  /** The rating in the given answers, if any. */
  value?: number | undefined;
  /** True when the axis is a table row (its label is kept with the round). */
  row?: boolean;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Record<string, unknown>, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
const ROUND_ID = /^[a-z0-9-]{1,40}$/;
/** The id of a table-row axis: `<table>:<row>:<column>`. */
const TABLE_AXIS = /^([^:]+):([a-z0-9-]{1,40}):([^:]+)$/i;
const isIso = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v));

/** The radar a worksheet's rounds overlay, if it has one. */
export function roundsChart(ws: Worksheet) {
  return ws.charts.find((c) => c.kind === 'radar');
}

/** True when the worksheet keeps rounds. */
export function hasRounds(ws: Worksheet): boolean {
  return ROUND_WORKSHEETS.includes(ws.id);
}

interface AxisRule {
  min: number;
  max: number;
  label: string;
}
type ScalePrompt = Extract<Prompt, { kind: 'scale' }>;
/** A table whose rows are axes: its scale columns, and the text column that names a row, if any. */
type TableRule = { name: string | undefined; columns: (AxisRule & { column: string })[] };

/** The fixed axes of a worksheet and the tables whose rows are axes. */
function axisRules(ws: Worksheet): { fixed: Map<string, AxisRule>; tables: Map<string, TableRule> } {
  const fixed = new Map<string, AxisRule>();
  const tables = new Map<string, TableRule>();
  if (!hasRounds(ws)) return { fixed, tables };
  const prompts = ws.sections.flatMap((s) => s.prompts);
  const scales = new Map<string, ScalePrompt>();
  for (const p of prompts) if (p.kind === 'scale') scales.set(p.id, p);
  const chart = roundsChart(ws);
  if (chart) {
    // The schema makes every radar axis name scale prompts.
    for (const axis of chart.axes) {
      const p = scales.get(axis.prompts[0]!)!;
      fixed.set(p.id, { min: p.min, max: p.max, label: axis.label });
    }
    return { fixed, tables };
  }
  for (const p of scales.values()) fixed.set(p.id, { min: p.min, max: p.max, label: p.label });
  for (const p of prompts) {
    if (p.kind !== 'table') continue;
    const columns = p.columns.flatMap((c) => (c.kind === 'scale' ? [{ column: c.id, min: c.min, max: c.max, label: c.label }] : []));
    tables.set(p.id, { name: p.columns.find((c) => c.kind === 'text')?.id, columns });
  }
  return { fixed, tables };
}

/** The range of an axis id, or undefined when the worksheet has no such axis. */
function ruleOf(rules: ReturnType<typeof axisRules>, id: string): AxisRule | undefined {
  const f = rules.fixed.get(id);
  if (f) return f;
  const m = TABLE_AXIS.exec(id);
  return m ? rules.tables.get(m[1]!)?.columns.find((c) => c.column === m[3]) : undefined;
}

/** The axes of a worksheet's rounds, with the ratings in `answers`. */
export function roundAxes(ws: Worksheet, answers: Answers): RoundAxis[] {
  const rules = axisRules(ws);
  const axes: RoundAxis[] = [];
  for (const [id, r] of rules.fixed) {
    const v = answers[id];
    axes.push({ id, label: r.label, min: r.min, max: r.max, value: typeof v === 'number' ? v : undefined });
  }
  for (const [table, { name: nameColumn, columns }] of rules.tables) {
    const rows = (answers[table] as TableRow[] | undefined) ?? [];
    rows.forEach((row, i) => {
      const name = String((nameColumn && row.cells[nameColumn]) ?? '').trim() || words.row(i + 1);
      for (const c of columns) {
        const v = row.cells[c.column];
        axes.push({
          id: `${table}:${row.id}:${c.column}`,
          label: columns.length > 1 ? `${name}: ${c.label}` : name,
          min: c.min,
          max: c.max,
          value: typeof v === 'number' ? v : undefined,
          row: true,
        });
      }
    });
  }
  return axes;
}

/** "Round of 1 December 2026". */
export function defaultRoundName(at: Date): string {
  return words.defaultName(longDate(at));
}

/** A new round of the current ratings; undefined when nothing is rated. */
export function makeRound(ws: Worksheet, answers: Answers, at: Date, id: string, name?: string): Round | undefined {
  const values: Record<string, number> = {};
  const labels: Record<string, string> = {};
  for (const a of roundAxes(ws, answers)) {
    if (a.value === undefined) continue;
    values[a.id] = a.value;
    if (a.row) labels[a.id] = a.label.slice(0, MAX_NAME);
  }
  if (!Object.keys(values).length) return undefined;
  const round: Round = { id, name: cleanName(name) || defaultRoundName(at), saved: at.toISOString(), values };
  if (Object.keys(labels).length) round.labels = labels;
  return round;
}

export function cleanName(name: string | undefined): string {
  return (name ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME);
}

/** A round id no other round has. */
export function newRoundId(rounds: readonly Round[], at: number): string {
  let n = at;
  while (rounds.some((r) => r.id === `r${n.toString(36)}`)) n++;
  return `r${n.toString(36)}`;
}

/** Rounds in the order they were saved (then by id, so every tab orders them alike). */
export function sortRounds(rounds: readonly Round[]): Round[] {
  return [...rounds].sort((a, b) => (a.saved < b.saved ? -1 : a.saved > b.saved ? 1 : 0) || a.id.localeCompare(b.id));
}

/**
 * Cleans a list of rounds read from outside: drops rounds that are not readable and values that do not fit,
 * keeps out axes the worksheet does not have. Returns the clean rounds and how many things were dropped.
 */
export function cleanRounds(ws: Worksheet, list: unknown): { rounds: Round[]; dropped: number } {
  if (!Array.isArray(list)) throw new UnreadableError('the rounds are not a list');
  const rules = axisRules(ws);
  const rounds: Round[] = [];
  let dropped = 0;
  for (const entry of list.slice(0, MAX_ROUNDS)) {
    if (!isObj(entry)) {
      dropped++;
      continue;
    }
    const id = own(entry, 'id');
    const name = own(entry, 'name');
    const saved = own(entry, 'saved');
    const values = own(entry, 'values');
    if (typeof id !== 'string' || !ROUND_ID.test(id) || rounds.some((r) => r.id === id) || typeof name !== 'string' || !isIso(saved) || !isObj(values)) {
      dropped++;
      continue;
    }
    const clean: Record<string, number> = {};
    for (const key of Object.keys(values)) {
      const rule = ruleOf(rules, key);
      const v = values[key];
      if (rule && isWhole(v) && v >= rule.min && v <= rule.max) clean[key] = v;
      else dropped++;
    }
    const round: Round = { id, name: cleanName(name) || defaultRoundName(new Date(saved)), saved, values: clean };
    const labels = own(entry, 'labels');
    if (isObj(labels)) {
      const kept: Record<string, string> = {};
      for (const key of Object.keys(labels)) {
        const l = labels[key];
        if (key in clean && typeof l === 'string' && l.trim()) kept[key] = l.slice(0, MAX_NAME);
      }
      if (Object.keys(kept).length) round.labels = kept;
    }
    rounds.push(round);
  }
  dropped += Math.max(0, list.length - MAX_ROUNDS);
  return { rounds: sortRounds(rounds), dropped };
}

/** Reads a stored string. Throws `UnreadableError` for data that is not a rounds record, `TooNewError` for a newer one. */
export function decodeRounds(raw: string, ws: Worksheet): { record: RoundsRecord; dropped: number } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new UnreadableError('the stored text is not valid JSON');
  }
  if (!isObj(data) || data['format'] !== ROUNDS_FORMAT) throw new UnreadableError('the stored value is not a record of rounds');
  const version = data['version'];
  if (!isWhole(version) || version < 1) throw new UnreadableError('the record has no valid version');
  if (version > ROUNDS_VERSION) throw new TooNewError(version);
  if (data['worksheet'] !== ws.id) throw new UnreadableError(`the record belongs to worksheet "${String(data['worksheet'])}"`);
  const { rounds, dropped } = cleanRounds(ws, data['rounds']);
  return { record: { format: ROUNDS_FORMAT, version: ROUNDS_VERSION, worksheet: ws.id, rounds }, dropped };
}

export function encodeRounds(ws: Worksheet, rounds: readonly Round[]): string {
  const record: RoundsRecord = { format: ROUNDS_FORMAT, version: ROUNDS_VERSION, worksheet: ws.id, rounds: sortRounds(rounds) };
  return JSON.stringify(record);
}

export type RoundsRead =
  | { state: 'empty' }
  | { state: 'ok'; rounds: Round[]; dropped: number; raw: string }
  | { state: 'too-new'; version: number; raw: string }
  | { state: 'unreadable'; detail: string; raw: string }
  | { state: 'unavailable' };

export function readRoundsRaw(raw: string | null, ws: Worksheet): RoundsRead {
  if (raw === null) return { state: 'empty' };
  try {
    const { record, dropped } = decodeRounds(raw, ws);
    return { state: 'ok', rounds: record.rounds, dropped, raw };
  } catch (error) {
    if (error instanceof TooNewError) return { state: 'too-new', version: error.version, raw };
    return { state: 'unreadable', detail: error instanceof Error ? error.message : String(error), raw };
  }
}

const sameRound = (a: Round, b: Round) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Three-way merge by round id: `base` is what this tab last saw stored, `mine` what it shows, `theirs` what is
 * stored now. A round added on either side is kept; a round deleted on one side and untouched on the other
 * goes; a round renamed on one side takes that name (this tab's when both renamed it).
 */
export function mergeRounds(base: readonly Round[], mine: readonly Round[], theirs: readonly Round[]): Round[] {
  const b = new Map(base.map((r) => [r.id, r]));
  const m = new Map(mine.map((r) => [r.id, r]));
  const t = new Map(theirs.map((r) => [r.id, r]));
  const out: Round[] = [];
  for (const id of new Set([...m.keys(), ...t.keys()])) {
    const was = b.get(id);
    const my = m.get(id);
    const their = t.get(id);
    if (my && their) out.push(was && sameRound(was, my) ? their : my);
    else {
      // On one side only: added there, or changed there while deleted on the other side.
      const one = (my ?? their)!;
      if (!was || !sameRound(was, one)) out.push(one);
    }
  }
  return sortRounds(out);
}

export type RoundsLoadStatus = 'empty' | 'ok' | 'unavailable' | 'quarantined' | 'blocked' | 'too-new';
export type RoundsSaveStatus = 'saved' | 'quota' | 'unavailable' | 'refused';

export function createRoundsStorage(getStorage: StorageGetter, now: () => number = Date.now) {
  function storage(): Storage | undefined {
    try {
      return getStorage();
    } catch {
      return undefined;
    }
  }

  /** What is stored for the worksheet. No side effect. */
  function read(ws: Worksheet): RoundsRead {
    try {
      return readRoundsRaw(getStorage().getItem(KEYS.rounds(ws.id)), ws);
    } catch {
      return { state: 'unavailable' };
    }
  }

  /** Copies unreadable data aside once (an identical copy already set aside is reused). */
  function quarantine(id: string, raw: string): string | undefined {
    const s = storage();
    return s ? setAside(s, KEYS.roundsQuarantinePrefix(id), (at) => KEYS.roundsQuarantine(id, at), raw, now()) : undefined;
  }


  /** `read` plus the one side effect: unreadable data is set aside. */
  function load(ws: Worksheet): { status: RoundsLoadStatus; rounds: Round[]; dropped: number; quarantineKey?: string; detail?: string } {
    const r = read(ws);
    if (r.state === 'unavailable') return { status: 'unavailable', rounds: [], dropped: 0 };
    if (r.state === 'too-new') return { status: 'too-new', rounds: [], dropped: 0 };
    if (r.state === 'empty') return { status: 'empty', rounds: [], dropped: 0 };
    if (r.state === 'ok') return { status: 'ok', rounds: r.rounds, dropped: r.dropped };
    const key = quarantine(ws.id, r.raw);
    if (key === undefined) return { status: 'blocked', rounds: [], dropped: 0, detail: r.detail };
    return { status: 'quarantined', rounds: [], dropped: 0, quarantineKey: key, detail: r.detail };
  }

  /**
   * Stores the rounds. Refused when what is stored is newer, or unreadable and not yet set aside: it is never
   * overwritten in place.
   */
  function save(ws: Worksheet, rounds: readonly Round[]): RoundsSaveStatus {
    const current = read(ws);
    if (current.state === 'too-new') return 'refused';
    try {
      const s = getStorage();
      if (current.state === 'unreadable' && !isSetAside(s, ws.id, current.raw)) return 'refused';
      if (rounds.length) s.setItem(KEYS.rounds(ws.id), encodeRounds(ws, rounds));
      else s.removeItem(KEYS.rounds(ws.id));
      return 'saved';
    } catch (error) {
      return isQuotaError(error) ? 'quota' : 'unavailable';
    }
  }

  return { read, load, save, quarantine };
}
export type RoundsStorage = ReturnType<typeof createRoundsStorage>;

/** True when a copy of `raw` is set aside for the worksheet (throws as the storage does). */
function isSetAside(s: Storage, id: string, raw: string): boolean {
  const prefix = KEYS.roundsQuarantinePrefix(id);
  return storageKeys(s).some((key) => key.startsWith(prefix) && s.getItem(key) === raw);
}

export type RoundsState = { rounds: Round[]; status: RoundsLoadStatus; save: RoundsSaveStatus | 'idle'; detail?: string | undefined };

/**
 * The rounds of one worksheet on its page: every change is merged with what is stored at that moment and
 * written; a change from another tab is merged in. Listeners hear every new state.
 */
export function createRoundsStore(ws: Worksheet, storage: RoundsStorage, now: () => number = Date.now) {
  const loaded = storage.load(ws);
  let base = loaded.rounds;
  let state: RoundsState = { rounds: loaded.rounds, status: loaded.status, save: 'idle', detail: loaded.detail };
  const listeners = new Set<(s: RoundsState) => void>();
  const set = (next: Partial<RoundsState>) => {
    state = { ...state, ...next };
    for (const l of listeners) l(state);
  };

  /** Merges with what is stored now and saves; `storage.save` refuses when what is stored must not be replaced. */
  function commit(mine: Round[]): RoundsSaveStatus {
    const stored = storage.read(ws);
    const theirs = stored.state === 'ok' ? stored.rounds : stored.state === 'empty' ? [] : base;
    const merged = mergeRounds(base, mine, theirs);
    const result = storage.save(ws, merged);
    if (result === 'saved') base = merged;
    set({ rounds: merged, save: result });
    return result;
  }

  return {
    get: () => state,
    subscribe(listener: (s: RoundsState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Saves the current ratings as a round; undefined when nothing is rated. */
    add(answers: Answers, name?: string): Round | undefined {
      const at = now();
      const round = makeRound(ws, answers, new Date(at), newRoundId(state.rounds, at), name);
      if (!round) return undefined;
      commit(sortRounds([...state.rounds, round]));
      return round;
    },
    rename(id: string, name: string): void {
      const clean = cleanName(name);
      const round = state.rounds.find((r) => r.id === id);
      if (!round || !clean) return;
      commit(state.rounds.map((r) => (r.id === id ? { ...r, name: clean } : r)));
    },
    /** Deletes a round and returns a function that puts it back (once). */
    remove(id: string): () => void {
      const round = state.rounds.find((r) => r.id === id);
      commit(state.rounds.filter((r) => r.id !== id));
      let used = false;
      return () => {
        if (used || !round) return;
        used = true;
        commit(sortRounds([...state.rounds, round]));
      };
    },
    /** Another tab changed the stored rounds (the `storage` event): merge them in. */
    external(): void {
      const stored = storage.read(ws);
      if (stored.state === 'too-new') {
        set({ status: 'too-new' });
        return;
      }
      if (stored.state !== 'ok' && stored.state !== 'empty') return;
      const theirs = stored.state === 'ok' ? stored.rounds : [];
      const merged = mergeRounds(base, state.rounds, theirs);
      base = theirs;
      const unsaved = JSON.stringify(merged) !== JSON.stringify(sortRounds(theirs));
      if (unsaved) {
        const result = storage.save(ws, merged);
        if (result === 'saved') base = merged;
        set({ rounds: merged, save: result });
      } else set({ rounds: merged });
    },
  };
}
export type RoundsStore = ReturnType<typeof createRoundsStore>;

/** The rounds a chart shows: the latest `SHOWN_ROUNDS`, oldest first, and how many earlier ones are left out. */
export function shownRounds(rounds: readonly Round[]): { shown: Round[]; hidden: number } {
  const sorted = sortRounds(rounds);
  return { shown: sorted.slice(-SHOWN_ROUNDS), hidden: Math.max(0, sorted.length - SHOWN_ROUNDS) };
}

/** A change in points: "+1", "−2", "0"; "–" when either side is missing. */
export function changeText(from: number | undefined, to: number | undefined): string {
  if (from === undefined || to === undefined) return '–';
  const d = to - from;
  return d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '0';
}

/** 1 December 2026. */
export function roundDate(r: Round): string {
  return longDate(new Date(r.saved));
}

/** A round as legends and tables name it: its name, with its date when the name does not already say it. */
export function roundLabel(r: Round): string {
  const date = roundDate(r);
  return r.name.includes(date) ? r.name : `${r.name} (${date})`;
}

/**
 * The axes a set of rounds covers, in order: the worksheet's axes with today's ratings first, then table rows
 * only earlier rounds have (named as they were when last saved).
 */
export function coveredAxes(ws: Worksheet, answers: Answers, rounds: readonly Round[]): RoundAxis[] {
  const axes = roundAxes(ws, answers);
  const rules = axisRules(ws);
  const seen = new Set(axes.map((a) => a.id));
  for (const r of [...sortRounds(rounds)].reverse()) {
    for (const id of Object.keys(r.values)) {
      if (seen.has(id)) continue;
      const rule = ruleOf(rules, id);
      if (!rule) continue;
      seen.add(id);
      axes.push({ id, label: r.labels?.[id] ?? rule.label, min: rule.min, max: rule.max, row: true });
    }
  }
  return axes;
}
