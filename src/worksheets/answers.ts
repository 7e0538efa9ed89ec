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
import { cleanAnswer } from './kinds';
import { allPrompts } from './prompts';
import type { Worksheet } from './schema';

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

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string';
const own = (o: Record<string, unknown>, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

export { cleanAnswer };

/** Keys that change prototypes when assigned: never read from outside data. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Keeps the answers that fit the worksheet; the rest come back as `rejected` (by prompt id). */
export function cleanAnswers(ws: Worksheet, raw: unknown): { answers: Answers; rejected: Record<string, unknown> } {
  const answers: Answers = Object.create(null) as Answers;
  const rejected: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  if (!isObj(raw)) return { answers, rejected };
  const prompts = new Map(allPrompts(ws).map((p) => [p.id, p]));
  for (const key of Object.keys(raw)) {
    if (UNSAFE_KEYS.has(key)) continue;
    const value = own(raw, key);
    const prompt = prompts.get(key);
    const clean = prompt ? cleanAnswer(prompt, value) : undefined;
    if (clean !== undefined) answers[key] = clean;
    else if (!isEmptyRaw(value)) rejected[key] = value;
  }
  return { answers, rejected };
}

function isEmptyRaw(v: unknown): boolean {
  return v == null || v === '' || (Array.isArray(v) && v.length === 0);
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
  const renamed: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  if (isObj(raw)) {
    for (const key of Object.keys(raw)) {
      const to = own(ws.renamed, key) as string | undefined;
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
  // A list: of texts, or of table rows (an empty list has neither).
  if (typeof v[0] === 'string') return (v as string[]).some((s) => s.trim() !== '');
  return (v as TableRow[]).some((r) => Object.values(r.cells).some((c) => String(c).trim() !== ''));
}

export function progress(ws: Worksheet, answers: Answers): { answered: number; total: number } {
  const prompts = allPrompts(ws);
  return { answered: prompts.filter((p) => isAnswered(answers[p.id])).length, total: prompts.length };
}

/**
 * Whether two answers are the same value (used to tell which prompts another tab changed): compared by
 * value, so a table whose cells hold the same values in another key order is the same answer.
 */
export function sameAnswer(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  return sameValue(a, b);
}

/** Deep equality of JSON-like values; object key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue(a[k], b[k]));
  }
  return false;
}
