/**
 * What each prompt kind means, in one table: how a value read from outside is cleaned, whether it counts as
 * answered, how it reads (the display form every renderer draws) and what the blank printed page offers.
 *
 * `KINDS` is a mapped type over every `PromptKind`, so adding a kind to the schema fails the type check
 * until it is handled here. Nothing else in the code base switches on prompt kinds to show an answer: the
 * form's fields (islands/Prompts.tsx) are editors, everything that shows answers reads the document model
 * (document.ts) built from this table.
 */
import type { AnswerValue, Cell, TableRow } from './answers';
import type { Prompt, PromptKind, TableColumn } from './schema';
import { t } from '../lib/strings';

/** An answer as it is shown: renderers switch on `type`, never on the prompt's kind. */
export type Display =
  | { type: 'empty' }
  | { type: 'text'; text: string }
  | { type: 'scale'; value: number; min: number; max: number; minLabel: string; maxLabel: string }
  | { type: 'choice'; label: string }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'table'; columns: DisplayColumn[]; rows: DisplayRow[] };

export interface DisplayColumn {
  id: string;
  label: string;
  /** What the column expects ("1 Low – 5 High", the options, the help), shown under the header when printed. */
  hint: string;
}
export interface DisplayRow {
  id: string;
  cells: string[];
}

/** The answer space of the blank printed page. */
export type Blank =
  | { type: 'lines'; lines: number }
  | { type: 'scale'; values: number[]; minLabel: string; maxLabel: string }
  | { type: 'options'; options: string[]; multiple: boolean }
  | { type: 'slots'; count: number }
  | { type: 'grid'; columns: DisplayColumn[]; rows: number };

type Of<K extends PromptKind> = Extract<Prompt, { kind: K }>;

interface KindRules<K extends PromptKind> {
  /** A valid value for the prompt, or undefined when the input is empty or does not fit. */
  clean(prompt: Of<K>, v: unknown): AnswerValue | undefined;
  /** The display form of a cleaned value (never called with undefined). */
  display(prompt: Of<K>, v: AnswerValue): Display;
  blank(prompt: Of<K>): Blank;
}

/** Longest text kept in one answer or cell. */
export const MAX_TEXT = 100_000;
/** Stable ids of table rows: letters, digits and hyphens. */
export const ROW_ID = /^[a-z0-9-]{1,40}$/i;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string';
const own = (o: Record<string, unknown>, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
const range = (min: number, max: number): number[] => Array.from({ length: max - min + 1 }, (_, i) => min + i);

function cleanText(v: unknown): string | undefined {
  return str(v) && v !== '' ? v.slice(0, MAX_TEXT) : undefined;
}
/** A whole number (not a string of digits). */
export const isWhole = (v: unknown): v is number => Number.isInteger(v);
function cleanScale(v: unknown, min: number, max: number): number | undefined {
  return isWhole(v) && v >= min && v <= max ? v : undefined;
}
function cleanOption(options: { value: string }[], v: unknown): string | undefined {
  return str(v) && options.some((o) => o.value === v) ? v : undefined;
}
export function optionLabel(options: { value: string; label: string }[], v: string): string {
  return options.find((o) => o.value === v)?.label ?? v;
}

function cleanCell(col: TableColumn, v: unknown): Cell | undefined {
  if (col.kind === 'text') return cleanText(v);
  if (col.kind === 'scale') return cleanScale(v, col.min, col.max);
  return cleanOption(col.options, v);
}

/** A table cell as text: a choice by its label, a scale by its number. */
export function cellText(col: TableColumn, v: Cell | undefined): string {
  if (v === undefined) return '';
  return col.kind === 'choice' ? optionLabel(col.options, String(v)) : String(v);
}

export function columnHint(col: TableColumn): string {
  const parts: string[] = [];
  if (col.kind === 'scale') parts.push(`${col.min} ${col.minLabel} – ${col.max} ${col.maxLabel}`);
  if (col.kind === 'choice') parts.push(col.options.map((o) => o.label).join(' / '));
  if (col.help) parts.push(col.help);
  return parts.join('. ');
}

const columns = (p: Of<'table'>): DisplayColumn[] => p.columns.map((c) => ({ id: c.id, label: c.label, hint: columnHint(c) }));

function textRules<K extends 'text' | 'longtext'>(lines: (p: Of<K>) => number): KindRules<K> {
  return {
    clean: (_p, v) => cleanText(v),
    display: (_p, v) => ({ type: 'text', text: String(v) }),
    blank: (p) => ({ type: 'lines', lines: lines(p) }),
  };
}

export const KINDS: { [K in PromptKind]: KindRules<K> } = {
  text: textRules<'text'>(() => 1),
  longtext: textRules<'longtext'>((p) => p.lines),
  scale: {
    clean: (p, v) => cleanScale(v, p.min, p.max),
    display: (p, v) => ({ type: 'scale', value: v as number, min: p.min, max: p.max, minLabel: p.minLabel, maxLabel: p.maxLabel }),
    blank: (p) => ({ type: 'scale', values: range(p.min, p.max), minLabel: p.minLabel, maxLabel: p.maxLabel }),
  },
  choice: {
    clean: (p, v) => cleanOption(p.options, v),
    display: (p, v) => ({ type: 'choice', label: optionLabel(p.options, String(v)) }),
    blank: (p) => ({ type: 'options', options: p.options.map((o) => o.label), multiple: false }),
  },
  checklist: {
    clean: (p, v) => {
      if (!Array.isArray(v)) return undefined;
      const values = p.options.map((o) => o.value).filter((o) => v.includes(o));
      return values.length ? values : undefined;
    },
    display: (p, v) => ({ type: 'list', ordered: false, items: (v as string[]).map((x) => optionLabel(p.options, x)) }),
    blank: (p) => ({ type: 'options', options: p.options.map((o) => o.label), multiple: true }),
  },
  ranked: {
    clean: (p, v) => {
      if (!Array.isArray(v)) return undefined;
      const items = v.filter(str).map((s) => s.slice(0, MAX_TEXT));
      return items.some((s) => s.trim() !== '') ? items.slice(0, p.max) : undefined;
    },
    display: (_p, v) => ({ type: 'list', ordered: true, items: (v as string[]).filter((s) => s.trim() !== '') }),
    blank: (p) => ({ type: 'slots', count: p.max }),
  },
  table: {
    clean: (p, v) => {
      if (!Array.isArray(v)) return undefined;
      const rows: TableRow[] = [];
      const ids = new Set<string>();
      for (const raw of v) {
        if (!isObj(raw)) continue;
        const rawCells = own(raw, 'cells');
        const cells: Record<string, Cell> = {};
        for (const col of p.columns) {
          const c = isObj(rawCells) ? cleanCell(col, own(rawCells, col.id)) : undefined;
          if (c !== undefined) cells[col.id] = c;
        }
        let id = own(raw, 'id');
        if (!str(id) || !ROW_ID.test(id) || ids.has(id)) {
          let n = rows.length + 1;
          while (ids.has(`r${n}`)) n++;
          id = `r${n}`;
        }
        ids.add(id as string);
        rows.push({ id: id as string, cells });
      }
      return rows.some((r) => Object.keys(r.cells).length) ? rows : undefined;
    },
    display: (p, v) => ({
      type: 'table',
      columns: columns(p),
      rows: (v as TableRow[])
        .filter((r) => Object.keys(r.cells).length > 0)
        .map((r) => ({ id: r.id, cells: p.columns.map((c) => cellText(c, r.cells[c.id])) })),
    }),
    blank: (p) => ({ type: 'grid', columns: columns(p), rows: p.rows }),
  },
};

/** Rules of one prompt's kind, typed for that prompt (the one cast the mapped table needs). */
function rules(prompt: Prompt): KindRules<PromptKind> {
  return KINDS[prompt.kind] as unknown as KindRules<PromptKind>;
}

export function cleanAnswer(prompt: Prompt, v: unknown): AnswerValue | undefined {
  return rules(prompt).clean(prompt as never, v);
}

/** The display form of an answer, after cleaning it against the prompt: anything that does not fit reads as empty. */
export function displayAnswer(prompt: Prompt, v: unknown): Display {
  const clean = cleanAnswer(prompt, v);
  return clean === undefined ? { type: 'empty' } : rules(prompt).display(prompt as never, clean);
}

export function blankAnswer(prompt: Prompt): Blank {
  return rules(prompt).blank(prompt as never);
}

/** A display form as plain text: for conflict messages, the PDF's alternative text and tests. */
export function displayText(d: Display, empty: string): string {
  switch (d.type) {
    case 'empty':
      return empty;
    case 'text':
      return d.text;
    case 'scale':
      return scaleText(d);
    case 'choice':
      return d.label;
    case 'list':
      return d.items.map((item, i) => (d.ordered ? `${i + 1}. ${item}` : item)).join('\n');
    case 'table':
      return d.rows.map((r) => r.cells.map((c, i) => `${d.columns[i]!.label}: ${c || '–'}`).join('; ')).join('\n');
  }
}

export function scaleText(d: Extract<Display, { type: 'scale' }>): string {
  return t.scaleValue(d.value, d.min, d.minLabel, d.max, d.maxLabel);
}
