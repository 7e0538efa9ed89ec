/**
 * Answers: their shape per prompt kind, how they are cleaned, counted and carried across a change
 * of the worksheet's definition.
 *
 * Value per prompt kind:
 *   text, longtext  string
 *   scale           number (an integer within min..max)
 *   choice          string (an option value)
 *   checklist       string[] (option values)
 *   table           TableRow[] (each row has a stable id and a cell per column id)
 *   ranked          string[] (items, most important first)
 * An empty answer is absent from the map. Everything read from outside (storage, imported files)
 * goes through `cleanAnswers`, which builds new objects from whitelisted keys only.
 */
import { allPrompts } from './prompts';
import type { Prompt, TableColumn, Worksheet } from './schema';

export type Cell = string | number;
export interface TableRow {
  id: string;
  cells: Record<string, Cell>;
}
export type AnswerValue = string | number | string[] | TableRow[];
export type Answers = Record<string, AnswerValue>;

/** An answer to a prompt that no longer exists (or changed kind), kept and shown, never dropped. */
export interface EarlierAnswer {
  /** The prompt id it was stored under. */
  id: string;
  /** The answer as readable text. */
  text: string;
}

const MAX_TEXT = 100_000;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string';
const own = (o: Record<string, unknown>, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

function cleanScale(v: unknown, min: number, max: number): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined;
}

function cleanCell(col: TableColumn, v: unknown): Cell | undefined {
  if (col.kind === 'text') return str(v) && v !== '' ? v.slice(0, MAX_TEXT) : undefined;
  if (col.kind === 'scale') return cleanScale(v, col.min, col.max);
  return str(v) && col.options.some((o) => o.value === v) ? v : undefined;
}

/** A valid value for the prompt, or undefined when the input is empty or does not fit. */
export function cleanAnswer(prompt: Prompt, v: unknown): AnswerValue | undefined {
  switch (prompt.kind) {
    case 'text':
    case 'longtext':
      return str(v) && v !== '' ? v.slice(0, MAX_TEXT) : undefined;
    case 'scale':
      return cleanScale(v, prompt.min, prompt.max);
    case 'choice':
      return str(v) && prompt.options.some((o) => o.value === v) ? v : undefined;
    case 'checklist': {
      if (!Array.isArray(v)) return undefined;
      const values = prompt.options.map((o) => o.value).filter((o) => v.includes(o));
      return values.length ? values : undefined;
    }
    case 'ranked': {
      if (!Array.isArray(v)) return undefined;
      const items = v.filter(str).map((s) => s.slice(0, MAX_TEXT));
      return items.length && items.some((s) => s.trim() !== '') ? items.slice(0, prompt.max) : undefined;
    }
    case 'table': {
      if (!Array.isArray(v)) return undefined;
      const rows: TableRow[] = [];
      const ids = new Set<string>();
      for (const raw of v) {
        if (!isObj(raw)) continue;
        const rawCells = own(raw, 'cells');
        const cells: Record<string, Cell> = {};
        for (const col of prompt.columns) {
          const c = isObj(rawCells) ? cleanCell(col, own(rawCells, col.id)) : undefined;
          if (c !== undefined) cells[col.id] = c;
        }
        let id = own(raw, 'id');
        if (!str(id) || !/^[a-z0-9-]{1,40}$/i.test(id) || ids.has(id)) {
          let n = rows.length + 1;
          while (ids.has(`r${n}`)) n++;
          id = `r${n}`;
        }
        ids.add(id as string);
        rows.push({ id: id as string, cells });
      }
      return rows.some((r) => Object.keys(r.cells).length) ? rows : undefined;
    }
  }
}

/** Keeps the answers that fit the worksheet; the rest come back as `rejected` (by prompt id). */
export function cleanAnswers(ws: Worksheet, raw: unknown): { answers: Answers; rejected: Record<string, unknown> } {
  const answers: Answers = {};
  const rejected: Record<string, unknown> = {};
  if (!isObj(raw)) return { answers, rejected };
  const prompts = new Map(allPrompts(ws).map((p) => [p.id, p]));
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    const prompt = prompts.get(key);
    const clean = prompt ? cleanAnswer(prompt, value) : undefined;
    if (clean !== undefined) answers[key] = clean;
    else if (!isEmptyRaw(value)) rejected[key] = value;
  }
  return { answers, rejected };
}

function isEmptyRaw(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Any stored value as readable text (used for answers to earlier questions). */
export function answerText(v: unknown): string {
  if (str(v)) return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    return v
      .map((item) => {
        if (isObj(item) && isObj(item['cells'])) return Object.values(item['cells']).map(answerText).join(' | ');
        return answerText(item);
      })
      .filter(Boolean)
      .join('\n');
  }
  if (isObj(v)) return Object.values(v).map(answerText).filter(Boolean).join('\n');
  return '';
}

/**
 * Carries answers across a change of the definition: renamed prompts follow their new id; answers to
 * prompts that no longer exist or no longer fit (another kind, a removed option) become earlier answers.
 */
export function migrateAnswers(ws: Worksheet, raw: unknown, earlier: EarlierAnswer[] = []): { answers: Answers; earlier: EarlierAnswer[] } {
  const renamed: Record<string, unknown> = {};
  if (isObj(raw)) {
    for (const key of Object.keys(raw)) {
      const to = Object.prototype.hasOwnProperty.call(ws.renamed, key) ? ws.renamed[key] : undefined;
      const target = to ?? key;
      if (to !== undefined && own(raw, target) !== undefined) renamed[`${key}`] = raw[key];
      else renamed[target] = raw[key];
    }
  }
  const { answers, rejected } = cleanAnswers(ws, renamed);
  const out = [...earlier];
  for (const [id, value] of Object.entries(rejected)) {
    const text = answerText(value);
    if (text.trim() && !out.some((e) => e.id === id && e.text === text)) out.push({ id, text });
  }
  return { answers, earlier: out };
}

export function isAnswered(v: AnswerValue | undefined): boolean {
  if (v === undefined) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (typeof v === 'number') return true;
  if (v.length === 0) return false;
  if (typeof v[0] === 'string') return (v as string[]).some((s) => s.trim() !== '');
  return (v as TableRow[]).some((r) => Object.values(r.cells).some((c) => String(c).trim() !== ''));
}

export function progress(ws: Worksheet, answers: Answers): { answered: number; total: number } {
  const prompts = allPrompts(ws);
  return { answered: prompts.filter((p) => isAnswered(answers[p.id])).length, total: prompts.length };
}

/** Whether two answers are the same (used to tell which prompts another tab changed). */
export function sameAnswer(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
