/**
 * Test support (not a test file): the real worksheet definitions and their example answers, read from
 * disk, plus in-memory stand-ins for the browser's Storage.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Answers } from '../../src/worksheets/answers';
import { withGeneratedParts } from '../../src/worksheets/generated';
import { parseWorksheet, type Worksheet } from '../../src/worksheets/schema';
import { createRoundsStorage, createRoundsStore } from '../../src/worksheets/rounds';
import { KEYS } from '../../src/lib/storage-keys';

export const ROOT = join(import.meta.dirname, '..', '..');
export const WORKSHEET_DIR = join(ROOT, 'worksheets');
export const EXAMPLE_DIR = join(WORKSHEET_DIR, 'examples');

/** `trust-inventory.yaml` and so on, sorted. */
export const worksheetFiles = (): string[] =>
  readdirSync(WORKSHEET_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort();

/**
 * The YAML data of a worksheet before the schema, with its generated parts filled in as the build does
 * (src/worksheets/generated.ts): for building modified copies.
 */
export function rawWorksheet(id: string): Record<string, unknown> {
  return withGeneratedParts(parse(readFileSync(join(WORKSHEET_DIR, `${id}.yaml`), 'utf8')) as Record<string, unknown>);
}

const parsed = new Map<string, Worksheet>();

/** A real worksheet, parsed (cached: treat it as read-only). */
export function loadWorksheet(id: string): Worksheet {
  let ws = parsed.get(id);
  if (!ws) parsed.set(id, (ws = parseWorksheet(rawWorksheet(id), `worksheets/${id}.yaml`)));
  return ws;
}

export interface Example {
  file: string;
  worksheet: string;
  answers: Answers;
}

/** `trust-inventory.complete.json` and so on, sorted. */
export const exampleFiles = (): string[] =>
  readdirSync(EXAMPLE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();

export function loadExample(file: string): Example {
  const data = JSON.parse(readFileSync(join(EXAMPLE_DIR, file), 'utf8')) as { worksheet: string; answers: Answers };
  return { file, worksheet: data.worksheet, answers: data.answers };
}

/** A Map-backed Storage, as localStorage behaves. */
export class MemoryStorage implements Storage {
  protected data = new Map<string, string>();
  /** Every key written, in order, for asserting what was (not) touched. */
  writes: string[] = [];
  [name: string]: unknown;

  get length(): number {
    return this.data.size;
  }
  clear(): void {
    this.data.clear();
  }
  getItem(key: string): string | null {
    return this.data.has(key) ? this.data.get(key)! : null;
  }
  key(index: number): string | null {
    return [...this.data.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
  setItem(key: string, value: string): void {
    this.writes.push(key);
    this.data.set(key, String(value));
  }
  /** All keys and values, for comparing before and after. */
  snapshot(): Record<string, string> {
    return Object.fromEntries(this.data);
  }
  keys(): string[] {
    return [...this.data.keys()];
  }
}

/** Storage that throws QuotaExceededError, as browsers do, once the total size would pass `limit` characters. */
export class QuotaStorage extends MemoryStorage {
  constructor(public limit: number) {
    super();
  }
  override setItem(key: string, value: string): void {
    let size = 0;
    for (const [k, v] of this.data) if (k !== key) size += k.length + v.length;
    if (size + key.length + value.length > this.limit) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    super.setItem(key, value);
  }
}

/** A getter like `() => window.localStorage` when site data is blocked. */
export const blockedStorage = (): Storage => {
  throw new DOMException('The operation is insecure.', 'SecurityError');
};

/**
 * A small valid worksheet, as an author writes it, with one prompt of every kind and both charts.
 * Returns a fresh object each time, so a test can break one field of it.
 */
export function allKindsInput(): Record<string, unknown> & {
  sections: { id: string; title: string; prompts: Record<string, unknown>[] }[];
} {
  return {
    id: 'trust-inventory',
    title: 'Every kind',
    purpose: 'A worksheet with one prompt of each kind.',
    time: { prep: 0, run: 10, followUp: 0 },
    mode: 'solo',
    steps: ['Answer each question.'],
    ...methodCardInput(),
    sections: [
      {
        id: 'all',
        title: 'All kinds',
        prompts: [
          { id: 'name', kind: 'text', label: 'Your name' },
          { id: 'story', kind: 'longtext', label: 'Your story', help: 'A paragraph or two.' },
          { id: 'now', kind: 'scale', label: 'How strong today?', minLabel: 'Weak', maxLabel: 'Strong' },
          { id: 'later', kind: 'scale', label: 'How strong later?', minLabel: 'Weak', maxLabel: 'Strong' },
          { id: 'soon', kind: 'scale', label: 'How strong soon?', minLabel: 'Weak', maxLabel: 'Strong' },
          { id: 'mood', kind: 'choice', label: 'How do you feel?', options: ['Calm', { value: 'cross', label: 'Cross' }] },
          {
            id: 'tools',
            kind: 'checklist',
            label: 'Which tools do you use?',
            options: [
              { value: 'pen', label: 'A pen' },
              { value: 'paper', label: 'Paper' },
              { value: 'wall', label: 'A wall' },
            ],
          },
          {
            id: 'actors',
            kind: 'table',
            label: 'Who is involved?',
            rowName: 'actor',
            columns: [
              { id: 'who', label: 'Who', kind: 'text' },
              { id: 'power', label: 'Power', kind: 'scale', minLabel: 'Low', maxLabel: 'High' },
              { id: 'support', label: 'Support', kind: 'scale', minLabel: 'Against', maxLabel: 'For' },
              {
                id: 'side',
                label: 'Side',
                kind: 'choice',
                options: [
                  { value: 'in', label: 'Inside' },
                  { value: 'out', label: 'Outside' },
                ],
              },
            ],
          },
          { id: 'next', kind: 'ranked', label: 'What comes next?', max: 3, itemName: 'step' },
        ],
      },
    ],
    charts: [
      {
        kind: 'radar',
        id: 'strength',
        title: 'Strength',
        series: ['Today', 'Later'],
        axes: [
          { label: 'A', prompts: ['now', 'later'] },
          { label: 'B', prompts: ['later', 'soon'] },
          { label: 'C', prompts: ['soon', 'now'] },
        ],
      },
      { kind: 'map', id: 'actors-map', title: 'Actors', table: 'actors', label: 'who', x: 'power', y: 'support' },
    ],
  };
}

/** The method-card fields every worksheet must have, as an author writes them (fresh each time). */
export function methodCardInput(): Record<string, unknown> {
  return {
    whenToUse: ['When you want to try every kind of prompt.'],
    whenNotToUse: ['When you need a real worksheet.'],
    leaveWith: ['One answer of each kind.'],
    involve: ['Anyone testing the form.'],
    watchOutFor: ['It proves nothing about content.'],
    realExample: { source: 'justsystems-2024', text: 'The source reviewed 53 initiatives.', fit: 'direct' },
  };
}

/**
 * Two tabs' rounds stores of the muscles check over one storage with room for one round only: tab one
 * stored a round on day one, then could not store the one of day two (quota).
 */
export function roundsShortOfRoom(ws: Worksheet, day: (n: number) => number) {
  const storage = new QuotaStorage(1e9);
  let now = day(1);
  const stores = () =>
    createRoundsStore(
      ws,
      createRoundsStorage(
        () => storage,
        () => day(1),
      ),
      () => now,
    );
  const one = stores();
  const two = stores();
  one.add({ 'trust-today': 1 });
  const key = KEYS.rounds(ws.id);
  storage.limit = storage.getItem(key)!.length + key.length;
  now = day(2);
  one.add({ 'trust-today': 2 });
  return { storage, one, two };
}
