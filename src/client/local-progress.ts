/**
 * What the home page and the finder know of a reader's stored answers: read-only, in one place.
 *
 * Reading goes through the storage module's side-effect-free `read(ws)`, so the format is checked the
 * same way the form checks it; nothing here ever writes, moves or quarantines: a record that cannot be
 * read is simply left out (the worksheet's own page deals with it). A record still under the legacy key,
 * not yet absorbed by the form, counts as the reader's answers.
 *
 * The pages carry only a slim copy of each definition (`slimDefinition`): ids, kinds and ranges of
 * the prompts, the charts, the title; none of the wording. It is enough for `decode` and progress.
 */
import { progress, type Answers } from '../worksheets/answers';
import { createWorksheetStorage, type StoredRecord } from '../worksheets/storage';
import type { Worksheet } from '../worksheets/schema';

export interface Started {
  id: string;
  title: string;
  answered: number;
  total: number;
  /** ISO time of the last save, '' when the record does not say. */
  updated: string;
  answers: Answers;
}

type Json = Record<string, unknown>;
const TEXT_KEYS = new Set(['label', 'help', 'minLabel', 'maxLabel', 'placeholder', 'intro', 'rowName', 'itemName']);

/** A definition without its wording, for pages that only count answers (built at build time). */
export function slimDefinition(ws: Worksheet): Json {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (TEXT_KEYS.has(k) ? [] : [[k, strip(v)]])));
  };
  return {
    id: ws.id,
    version: ws.version,
    title: ws.title,
    renamed: ws.renamed,
    sections: ws.sections.map((s) => ({ id: s.id, prompts: strip(s.prompts) })),
    // Only radars: the home page routes from the muscles check's; other pictures are not needed.
    charts: ws.charts.filter((c) => c.kind === 'radar'),
  };
}

/** Serialised for a `<script type="application/json">`: `<` escaped so no text can close the element. */
export const definitionsJson = (sheets: Worksheet[]): string => JSON.stringify(sheets.map(slimDefinition)).replace(/</g, '\\u003c');

/** The slim definitions embedded in the page by `definitionsJson`, or none. */
export function pageDefinitions(doc: Document = document): Worksheet[] {
  try {
    const raw = doc.querySelector('script[data-progress-definitions]')?.textContent;
    const data: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(data) ? (data as Worksheet[]) : [];
  } catch {
    return [];
  }
}

/** The stored record of one worksheet, or undefined when there is none or it cannot be read. */
export function readRecord(ws: Worksheet, storage: () => Storage = () => window.localStorage): StoredRecord | undefined {
  const { current, legacyRecord } = createWorksheetStorage(storage).read(ws);
  if (current.state === 'ok') return current.record;
  return current.state === 'empty' ? legacyRecord : undefined;
}

/** The worksheets with at least one answer, most recently saved first. */
export function startedWorksheets(sheets: Worksheet[], storage?: () => Storage): Started[] {
  const out: Started[] = [];
  for (const ws of sheets) {
    const record = readRecord(ws, storage);
    if (!record) continue;
    const p = progress(ws, record.answers);
    if (p.answered === 0) continue;
    out.push({ id: ws.id, title: ws.title, ...p, updated: record.updated, answers: record.answers });
  }
  return out.sort((a, b) => b.updated.localeCompare(a.updated));
}
