/**
 * Stored answers outlive the code that wrote them. A record frozen as version 1 wrote it must still
 * load; answers must follow a worksheet through renamed, removed and changed prompts; and the storage
 * format migrations run in order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { migrateAnswers } from '../../src/worksheets/answers';
import { parseWorksheet, type Worksheet } from '../../src/worksheets/schema';
import {
  MIGRATIONS,
  STORAGE_VERSION,
  TooNewError,
  UnreadableError,
  createWorksheetStorage,
  decode,
  encode,
  runMigrations,
  type Migration,
  type StoredRecord,
} from '../../src/worksheets/storage';
import { MemoryStorage, ROOT, loadExample, loadWorksheet, rawWorksheet } from './worksheet-files';

/** The key version 1 of the guide wrote trust-inventory answers under. Deliberately not KEYS.worksheet(): it must not move. */
const V1_KEY = 'psfg:v1:ws:trust-inventory';
/** The one key per worksheet of storage version 2. */
const V2_KEY = 'psfg:ws:trust-inventory';
const V1_TEXT = readFileSync(join(ROOT, 'tests', 'fixtures', 'storage', 'trust-inventory.v1.json'), 'utf8');
const V1 = JSON.parse(V1_TEXT) as StoredRecord;

interface RawPrompt {
  id: string;
  kind: string;
  [key: string]: unknown;
}
interface RawWorksheet {
  sections: { prompts: RawPrompt[] }[];
  renamed?: Record<string, string>;
  [key: string]: unknown;
}

/** A real worksheet changed by `edit`, as an author would change its YAML file. */
function changed(id: string, edit: (raw: RawWorksheet) => void): Worksheet {
  const raw = rawWorksheet(id) as RawWorksheet;
  edit(raw);
  return parseWorksheet(raw, `worksheets/${id}.yaml (changed)`);
}
const findPrompt = (raw: RawWorksheet, id: string): RawPrompt => {
  const p = raw.sections.flatMap((s) => s.prompts).find((x) => x.id === id);
  if (!p) throw new Error(`no prompt ${id}`);
  return p;
};
/** Removes a prompt, and its section when nothing is left in it. */
const removePrompt = (raw: RawWorksheet, id: string) => {
  for (const s of raw.sections) s.prompts = s.prompts.filter((p) => p.id !== id);
  raw.sections = raw.sections.filter((s) => s.prompts.length > 0);
};

/** Loads `text` stored under the v1 key against `ws`, as the page does on opening. */
function loadStored(ws: Worksheet, text: string = V1_TEXT) {
  const storage = new MemoryStorage();
  storage.setItem(V1_KEY, text);
  storage.writes = [];
  const result = createWorksheetStorage(() => storage).load(ws);
  return { result, storage };
}

describe('a version 1 record frozen as the guide writes it today', () => {
  const ws = loadWorksheet('trust-inventory');

  it('loads with status ok and every answer unchanged', () => {
    const { result } = loadStored(ws);
    expect(result.status).toBe('ok');
    expect(result.record.answers).toEqual(V1.answers);
    expect(result.record.earlier).toEqual(V1.earlier);
    expect(result.record).toMatchObject({ worksheet: 'trust-inventory', rev: 12, updated: '2026-11-22T14:02:11.000Z' });
  });

  it('is read without writing anything to storage', () => {
    const { storage } = loadStored(ws);
    expect(storage.writes).toEqual([]);
    expect(storage.snapshot()).toEqual({ [V1_KEY]: V1_TEXT });
  });

  it('encodes back to the same record, moved to version 2 and marked as absorbed from the legacy key', () => {
    // If this fails, the record format changed: bump STORAGE_VERSION, add a migration and freeze a new fixture.
    expect(STORAGE_VERSION).toBe(2);
    const v1 = JSON.parse(V1_TEXT) as Record<string, unknown>;
    expect(encode(loadStored(ws).result.record)).toBe(JSON.stringify({ ...v1, version: 2, absorbed: `${V1.rev}|${V1.updated}` }));
  });

  it('is a record that decode accepts directly', () => {
    const record = decode(V1_TEXT, ws);
    expect(record.version).toBe(2);
    expect(record.answers).toEqual(V1.answers);
  });
});

describe('answers when the worksheet definition changes', () => {
  it('follows a renamed prompt to its new id', () => {
    const ws = changed('trust-inventory', (raw) => {
      findPrompt(raw, 'commitment').id = 'this-month';
      raw.renamed = { commitment: 'this-month' };
    });
    const { result } = loadStored(ws);
    expect(result.status).toBe('ok');
    expect(result.record.answers['this-month']).toBe(V1.answers['commitment']);
    expect(result.record.answers).not.toHaveProperty('commitment');
    expect(result.record.earlier).toEqual(V1.earlier);
  });

  it('keeps the answer under the new id, and the old one as an earlier answer, when both were stored', () => {
    const ws = changed('trust-inventory', (raw) => {
      findPrompt(raw, 'commitment').id = 'this-month';
      raw.renamed = { commitment: 'this-month' };
    });
    const { answers, earlier } = migrateAnswers(ws, { commitment: 'Old wording', 'this-month': 'New wording' });
    expect(answers).toEqual({ 'this-month': 'New wording' });
    expect(earlier).toEqual([{ id: 'commitment', text: 'Old wording' }]);
  });

  it('keeps answers to a removed table prompt as an earlier answer, one line per row', () => {
    const ws = changed('trust-inventory', (raw) => removePrompt(raw, 'relationships'));
    const { result } = loadStored(ws);
    expect(result.record.answers).not.toHaveProperty('relationships');
    expect(result.record.earlier).toEqual([
      ...V1.earlier,
      {
        id: 'relationships',
        text: [
          'Deputy director, primary health | 4 | We kept the pilot quiet until she was ready to announce it | The new clinic schedule is not working for mothers who travel far',
          'Budget officer | 2 | Our budget request was padded last year, and we would like to start again',
          'District nurse supervisors | Listening first and acting on what they told us about rotas',
        ].join('\n'),
      },
    ]);
  });

  it('keeps answers to removed list prompts as earlier answers, one line per item', () => {
    const example = loadExample('coalition-map.complete.json');
    const ws = changed('coalition-map', (raw) => {
      removePrompt(raw, 'first-conversations');
      removePrompt(raw, 'coalition-gaps');
    });
    const { answers, earlier } = migrateAnswers(ws, example.answers);
    expect(answers).not.toHaveProperty('first-conversations');
    expect(answers).not.toHaveProperty('coalition-gaps');
    expect(earlier).toContainEqual({ id: 'first-conversations', text: (example.answers['first-conversations'] as string[]).join('\n') });
    expect(earlier).toContainEqual({ id: 'coalition-gaps', text: 'users-missing\nopponents-unheard\nall-like-us\nno-broker' });
  });

  it('keeps the other answers untouched when a prompt is removed', () => {
    const ws = changed('trust-inventory', (raw) => removePrompt(raw, 'gotcha'));
    const { result } = loadStored(ws);
    const { gotcha, ...rest } = V1.answers;
    expect(result.record.answers).toEqual(rest);
    expect(result.record.earlier).toContainEqual({ id: 'gotcha', text: gotcha });
  });

  it('keeps old text as an earlier answer when a text prompt becomes a scale', () => {
    const ws = changed('trust-inventory', (raw) => {
      const p = findPrompt(raw, 'commitment');
      delete p['help'];
      Object.assign(p, { kind: 'scale', label: 'How committed are you?', minLabel: 'Not yet', maxLabel: 'Fully' });
    });
    const { result } = loadStored(ws);
    expect(result.record.answers).not.toHaveProperty('commitment');
    expect(result.record.earlier).toContainEqual({ id: 'commitment', text: V1.answers['commitment'] });
  });

  it('keeps a chosen option that was removed from a choice as an earlier answer', () => {
    const ws = changed('trust-inventory', (raw) => {
      const p = findPrompt(raw, 'accountability-now');
      p['options'] = (p['options'] as { value: string }[]).filter((o) => o.value !== 'compliance');
    });
    const { result } = loadStored(ws);
    expect(result.record.answers).not.toHaveProperty('accountability-now');
    expect(result.record.earlier).toContainEqual({ id: 'accountability-now', text: 'compliance' });
  });

  it('keeps a rating that no longer fits a narrower scale as an earlier answer', () => {
    const ws = changed('trust-inventory', (raw) => Object.assign(findPrompt(raw, 'bad-news-safe'), { min: 3, max: 7 }));
    const { result } = loadStored(ws);
    expect(result.record.answers).not.toHaveProperty('bad-news-safe');
    expect(result.record.earlier).toContainEqual({ id: 'bad-news-safe', text: '2' });
  });

  it('keeps earlier answers already stored, and does not add the same one twice', () => {
    const ws = changed('trust-inventory', (raw) => removePrompt(raw, 'gotcha'));
    const stored = { ...V1, earlier: [...V1.earlier, { id: 'gotcha', text: V1.answers['gotcha'] as string }] };
    const { result } = loadStored(ws, JSON.stringify(stored));
    expect(result.record.earlier).toEqual(stored.earlier);
  });

  it('keeps two different earlier answers stored under the same id', () => {
    const ws = changed('trust-inventory', (raw) => removePrompt(raw, 'gotcha'));
    const stored = { ...V1, earlier: [{ id: 'gotcha', text: 'An older answer' }] };
    const { result } = loadStored(ws, JSON.stringify(stored));
    expect(result.record.earlier).toEqual([
      { id: 'gotcha', text: 'An older answer' },
      { id: 'gotcha', text: V1.answers['gotcha'] },
    ]);
  });

  it('stores the earlier answers on the next save, so a second load finds them once', () => {
    const ws = changed('trust-inventory', (raw) => removePrompt(raw, 'relationships'));
    const storage = new MemoryStorage();
    storage.setItem(V1_KEY, V1_TEXT);
    const store = createWorksheetStorage(() => storage);
    const first = store.load(ws).record;
    expect(store.save({ ...first, rev: first.rev + 1 })).toBe('saved');
    const stored = JSON.parse(storage.getItem(V2_KEY)!) as StoredRecord;
    expect(storage.getItem(V1_KEY), 'the legacy key is never written').toBe(V1_TEXT);
    expect(stored.answers).not.toHaveProperty('relationships');
    expect(stored.earlier.map((e) => e.id)).toEqual(['who-to-call', 'relationships']);
    expect(store.load(ws).record.earlier).toEqual(first.earlier);
  });

  it('drops invalid entries in a stored earlier list but keeps the valid ones', () => {
    const ws = loadWorksheet('trust-inventory');
    const stored = { ...V1, earlier: [{ id: 'a', text: 'kept' }, { id: 3, text: 'x' }, 'loose', null, { id: 'b' }] };
    const { result } = loadStored(ws, JSON.stringify(stored));
    expect(result.status).toBe('ok');
    expect(result.record.earlier).toEqual([{ id: 'a', text: 'kept' }]);
  });
});

describe('storage format migrations', () => {
  const toV2: Migration = (r) => ({ ...r, answers: r['data'], data: undefined, steps: ['v1->v2'] });
  const toV3: Migration = (r) => ({ ...r, steps: [...(r['steps'] as string[]), 'v2->v3'] });

  it('applies each step in order and sets the version', () => {
    const out = runMigrations({ version: 1, data: { a: 'x' } }, 1, 3, [toV2, toV3]);
    expect(out).toMatchObject({ version: 3, answers: { a: 'x' }, steps: ['v1->v2', 'v2->v3'] });
  });

  it('starts from the version the record has', () => {
    const first = vi.fn(toV2);
    const out = runMigrations({ version: 2, steps: [] }, 2, 3, [first, toV3]);
    expect(first).not.toHaveBeenCalled();
    expect(out).toEqual({ version: 3, steps: ['v2->v3'] });
  });

  it('does not change the record it is given', () => {
    const input = Object.freeze({ version: 1, data: Object.freeze({ a: 'x' }) });
    runMigrations(input, 1, 3, [toV2, toV3]);
    expect(input).toEqual({ version: 1, data: { a: 'x' } });
  });

  it('returns the record as it is when it is already current', () => {
    const input = { version: 3, anything: true };
    expect(runMigrations(input, 3, 3, [toV2, toV3])).toBe(input);
  });

  it('throws when a step is missing', () => {
    expect(() => runMigrations({ version: 1, data: {} }, 1, 3, [toV2])).toThrow('no migration from storage version 2 to 3');
  });

  it('has one migration per version step', () => {
    expect(MIGRATIONS).toHaveLength(1);
    expect(STORAGE_VERSION).toBe(MIGRATIONS.length + 1);
  });

  it('refuses a record with no valid version as unreadable', () => {
    const ws = loadWorksheet('trust-inventory');
    for (const version of [0, -1, 1.5, '1', null, undefined]) {
      expect(() => decode(JSON.stringify({ ...V1, version }), ws)).toThrow(UnreadableError);
    }
  });

  it('reports a record from a newer format as too new, without reading its answers', () => {
    const ws = loadWorksheet('trust-inventory');
    expect(() => decode(JSON.stringify({ ...V1, version: STORAGE_VERSION + 1, answers: 'a shape from the future' }), ws)).toThrow(
      TooNewError,
    );
  });
});
