/**
 * The JSON backup: a real export round-trips; every kind of bad file is refused with a clear message and
 * leaves storage byte for byte as it was; a quota that fills half way through an import changes nothing;
 * delete everything removes the guide's keys and nothing else. Real exports are validated against the
 * published JSON Schema (docs/backup.schema.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { KEYS } from '../../src/lib/storage-keys';
import { createWorksheetStorage, encode, emptyRecord } from '../../src/worksheets/storage';
import {
  BACKUP_VERSION,
  applyImport,
  backupFileName,
  deleteEverything,
  exportBackup,
  jsonDepth,
  parseBackup,
  planImport,
  type Backup,
} from '../../src/workbook/backup';
import { encodeRounds, type Round } from '../../src/worksheets/rounds';
import { encodeRunSheet } from '../../src/facilitate/run-sheet-storage';
import type { RunSheet } from '../../src/facilitate/run-sheet';
import { MemoryStorage, QuotaStorage, ROOT, exampleFiles, loadExample, loadWorksheet, worksheetFiles } from './worksheet-files';

const defs = worksheetFiles().map((f) => loadWorksheet(f.replace(/\.yaml$/, '')));
const NOW = new Date('2026-12-01T10:00:00.000Z');
const bytes = (s: string) => new TextEncoder().encode(s);
const schema = JSON.parse(readFileSync(join(ROOT, 'docs', 'backup.schema.json'), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);

/** A device with every worksheet's complete example stored, and one key of another application. */
function fullDevice(storage: MemoryStorage = new MemoryStorage()) {
  for (const file of exampleFiles().filter((f) => f.endsWith('.complete.json'))) {
    const ex = loadExample(file);
    const ws = loadWorksheet(ex.worksheet);
    storage.setItem(
      KEYS.worksheet(ws.id),
      encode({ ...emptyRecord(ws), rev: 3, updated: '2026-11-30T16:20:00.000Z', answers: ex.answers }),
    );
  }
  storage.setItem('another-app:settings', '{"keep":"me"}');
  return storage;
}
const store = (s: Storage) => createWorksheetStorage(() => s);

const ROUNDS: Round[] = [
  { id: 'r1', name: 'Round of 1 September 2026', saved: '2026-09-01T12:00:00.000Z', values: { 'trust-today': 2, 'coalitions-today': 3 } },
  { id: 'r2', name: 'After the retreat', saved: '2026-11-20T12:00:00.000Z', values: { 'trust-today': 4 } },
];
const TRUST_ROUNDS: Round[] = [
  {
    id: 'r1',
    name: 'Round of 2 November 2026',
    saved: '2026-11-02T12:00:00.000Z',
    values: { 'bad-news-safe': 2, 'relationships:a1:trust-today': 3 },
    labels: { 'relationships:a1:trust-today': 'Finance director' },
  },
];
const SHEET: RunSheet = {
  title: 'Team check-in',
  start: '09:30',
  groupSize: 8,
  plan: 'team-check-in',
  rows: [
    { key: 'a', kind: 'worksheet', worksheet: 'muscles-check', label: 'The seven muscles check', minutes: 30 },
    { key: 'b', kind: 'break', label: 'Break', minutes: 15 },
  ],
  run: null,
};
/** A device with answers, saved rounds of two worksheets and a run-sheet. */
function roundsDevice(storage: MemoryStorage = fullDevice()) {
  storage.setItem(KEYS.rounds('muscles-check'), encodeRounds(loadWorksheet('muscles-check'), ROUNDS));
  storage.setItem(KEYS.rounds('trust-inventory'), encodeRounds(loadWorksheet('trust-inventory'), TRUST_ROUNDS));
  storage.setItem(KEYS.runSheet, encodeRunSheet(SHEET, Date.parse('2026-11-30T08:00:00Z')));
  return storage;
}

/** Parses and, when valid, imports: what the workbook does after the reader confirms. */
function importFile(storage: Storage, file: Uint8Array) {
  const parsed = parseBackup(file, defs);
  if (!parsed.ok) return parsed;
  return applyImport(() => storage, store(storage), defs, parsed.backup, NOW, '0.2.0');
}

describe('export', () => {
  it('writes every stored worksheet, in a file the published JSON Schema accepts', () => {
    const storage = fullDevice();
    const backup = exportBackup(store(storage), defs, NOW, '0.2.0');
    expect(backup.worksheets).toHaveLength(18);
    expect(backup.version).toBe(BACKUP_VERSION);
    expect(validate(JSON.parse(JSON.stringify(backup))), JSON.stringify(validate.errors)).toBe(true);
    expect(backupFileName(NOW)).toBe('field-guide-backup-2026-12-01.json');
  });

  it('reads storage without writing anything', () => {
    const storage = fullDevice();
    storage.writes = [];
    exportBackup(store(storage), defs, NOW, '0.2.0');
    expect(storage.writes).toEqual([]);
  });

  it('round-trips: export, delete everything, import gives identical stored answers', () => {
    const storage = fullDevice();
    const before = exportBackup(store(storage), defs, NOW, '0.2.0');
    const file = bytes(JSON.stringify(before));
    expect(deleteEverything(() => storage)).toBe(18);
    expect(storage.keys()).toEqual(['another-app:settings']);
    const result = importFile(storage, file);
    expect(result.ok).toBe(true);
    for (const ws of defs) {
      const stored = JSON.parse(storage.getItem(KEYS.worksheet(ws.id))!) as { answers: unknown; earlier: unknown; updated: string };
      const original = before.worksheets.find((w) => w.id === ws.id)!;
      expect(stored.answers, ws.id).toEqual(original.answers);
      expect(stored.earlier, ws.id).toEqual(original.earlier);
      expect(stored.updated, ws.id).toBe(original.updated);
    }
  });
});

describe('rounds and the run-sheet (version 2)', () => {
  it('round-trips rounds and the run-sheet, in a file the published JSON Schema accepts', () => {
    const storage = roundsDevice();
    const before = exportBackup(store(storage), defs, NOW, '0.2.0');
    expect(before.rounds).toEqual([
      { worksheet: 'muscles-check', rounds: ROUNDS },
      { worksheet: 'trust-inventory', rounds: TRUST_ROUNDS },
    ]);
    expect(before.runSheet).toEqual(SHEET);
    expect(validate(JSON.parse(JSON.stringify(before))), JSON.stringify(validate.errors)).toBe(true);
    const stored = [KEYS.rounds('muscles-check'), KEYS.rounds('trust-inventory')].map((k) => storage.getItem(k));
    deleteEverything(() => storage);
    expect(storage.keys()).toEqual(['another-app:settings']);
    const result = importFile(storage, bytes(JSON.stringify(before)));
    expect(result).toMatchObject({ ok: true, rounds: ['muscles-check', 'trust-inventory'], runSheet: true });
    expect([KEYS.rounds('muscles-check'), KEYS.rounds('trust-inventory')].map((k) => storage.getItem(k))).toEqual(stored);
    expect(JSON.parse(storage.getItem(KEYS.runSheet)!).sheet).toEqual(SHEET);
    expect(exportBackup(store(storage), defs, NOW, '0.2.0')).toEqual(before);
  });

  it('imports a version 1 file: no rounds, no run-sheet, and the ones on this device stay as they are', () => {
    const storage = roundsDevice();
    const v1 = { ...exportBackup(store(fullDevice()), defs, NOW, '0.1.0'), version: 1, rounds: [] } as Record<string, unknown>;
    delete v1['runSheet'];
    const parsed = parseBackup(bytes(JSON.stringify(v1)), defs);
    expect(parsed.ok && parsed.migrated).toBe(true);
    expect(parsed.ok && parsed.backup).toMatchObject({ version: 2, rounds: [], runSheet: null });
    const keep = [KEYS.rounds('muscles-check'), KEYS.runSheet].map((k) => storage.getItem(k));
    expect(importFile(storage, bytes(JSON.stringify(v1))).ok).toBe(true);
    expect([KEYS.rounds('muscles-check'), KEYS.runSheet].map((k) => storage.getItem(k))).toEqual(keep);
  });

  it('previews rounds and the run-sheet as new, replaced or unchanged, and keeps ones saved by a newer version', () => {
    const file = exportBackup(store(roundsDevice()), defs, NOW, '0.2.0');
    const empty = new MemoryStorage();
    const kinds = (s: Storage) =>
      Object.fromEntries(
        planImport(store(s), defs, file)
          .filter((c) => c.what !== 'answers')
          .map((c) => [c.id, c.change]),
      );
    expect(kinds(empty)).toEqual({ 'rounds:muscles-check': 'new', 'rounds:trust-inventory': 'new', 'run-sheet': 'new' });
    const same = roundsDevice(new MemoryStorage());
    expect(kinds(same)).toEqual({ 'rounds:muscles-check': 'unchanged', 'rounds:trust-inventory': 'unchanged', 'run-sheet': 'unchanged' });
    const other = roundsDevice(new MemoryStorage());
    other.setItem(KEYS.rounds('muscles-check'), encodeRounds(loadWorksheet('muscles-check'), ROUNDS.slice(0, 1)));
    other.setItem(KEYS.runSheet, encodeRunSheet({ ...SHEET, title: 'Another' }, 0));
    const newer = JSON.stringify({ format: 'psfg-rounds', version: 9, worksheet: 'trust-inventory', rounds: [] });
    other.setItem(KEYS.rounds('trust-inventory'), newer);
    expect(kinds(other)).toEqual({ 'rounds:muscles-check': 'replaced', 'rounds:trust-inventory': 'kept', 'run-sheet': 'replaced' });
    expect(importFile(other, bytes(JSON.stringify(file))).ok).toBe(true);
    expect(other.getItem(KEYS.rounds('trust-inventory')), 'a newer record is never rewritten').toBe(newer);
    expect(JSON.parse(other.getItem(KEYS.rounds('muscles-check'))!).rounds).toEqual(ROUNDS);
  });

  it('keeps rounds and the run-sheet in the safety copy, which puts them back', () => {
    const storage = roundsDevice(new MemoryStorage());
    const before = [KEYS.rounds('muscles-check'), KEYS.runSheet].map((k) => storage.getItem(k));
    const file = exportBackup(store(roundsDevice(new MemoryStorage())), defs, NOW, '0.2.0');
    file.rounds[0]!.rounds = [{ ...ROUNDS[1]!, name: 'From the file' }];
    file.runSheet = { ...SHEET, title: 'From the file' };
    expect(importFile(storage, bytes(JSON.stringify(file))).ok).toBe(true);
    expect(storage.getItem(KEYS.rounds('muscles-check'))).toContain('From the file');
    const safety = JSON.parse(storage.getItem(KEYS.safetyCopy)!) as Backup;
    expect(safety.rounds[0]!.rounds).toEqual(ROUNDS);
    expect(safety.runSheet).toEqual(SHEET);
    expect(importFile(storage, bytes(JSON.stringify(safety))).ok).toBe(true);
    expect(storage.getItem(KEYS.rounds('muscles-check'))).toBe(before[0]);
    expect(JSON.parse(storage.getItem(KEYS.runSheet)!).sheet).toEqual(SHEET);
  });

  it('sets unreadable rounds on this device aside before replacing them', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEYS.rounds('muscles-check'), 'broken');
    const file = exportBackup(store(roundsDevice(new MemoryStorage())), defs, NOW, '0.2.0');
    expect(planImport(store(storage), defs, file).find((c) => c.id === 'rounds:muscles-check')!.change).toBe('replaced');
    expect(importFile(storage, bytes(JSON.stringify(file))).ok).toBe(true);
    const aside = storage.keys().filter((k) => k.startsWith('psfg:quarantine-rounds:muscles-check:'));
    expect(aside.map((k) => storage.getItem(k))).toEqual(['broken']);
  });

  it('writes nothing when the quota fills while writing rounds: storage stays exactly as it was', () => {
    const storage = new QuotaStorage(1e9);
    roundsDevice(new MemoryStorage()); // the file's source
    const file = exportBackup(store(roundsDevice(new MemoryStorage())), defs, NOW, '0.2.0');
    file.worksheets = [];
    storage.setItem('another-app:settings', 'y');
    const text = bytes(JSON.stringify(file));
    // Room for the safety copy and the first worksheet's rounds, not for everything.
    storage.limit = 400 + JSON.stringify(ROUNDS).length + 150;
    const before = storage.snapshot();
    const result = importFile(storage, text);
    expect(result.ok).toBe(false);
    expect(storage.snapshot()).toEqual(before);
    expect(
      storage.writes.some((k) => k.startsWith('psfg:rounds:')),
      'it got as far as the rounds',
    ).toBe(true);
  });
});

describe('a bad file', () => {
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  const good = (): Backup => exportBackup(store(fullDevice()), defs, NOW, '0.2.0');
  const withVersion = (v: unknown) => bytes(JSON.stringify({ ...good(), version: v }));
  const utf16 = (() => {
    const s = JSON.stringify(good());
    const out = new Uint8Array(2 + s.length * 2);
    out[0] = 0xff;
    out[1] = 0xfe;
    for (let i = 0; i < s.length; i++) {
      out[2 + i * 2] = s.charCodeAt(i) & 0xff;
      out[3 + i * 2] = s.charCodeAt(i) >> 8;
    }
    return out;
  })();
  const wrongType = () => {
    const b = good();
    const ws = b.worksheets.find((w) => w.id === 'trust-inventory')!;
    ws.answers['bad-news-safe'] = 'very' as never;
    return bytes(JSON.stringify(b));
  };
  const outOfRange = () => {
    const b = good();
    b.worksheets.find((w) => w.id === 'trust-inventory')!.answers['bad-news-safe'] = 9;
    return bytes(JSON.stringify(b));
  };
  const unknownWorksheet = () => {
    const b = good();
    b.worksheets.push({ ...b.worksheets[0]!, id: 'not-a-worksheet' });
    return bytes(JSON.stringify(b));
  };
  const unknownPrompt = () => {
    const b = good();
    b.worksheets[0]!.answers['no-such-question'] = 'x';
    return bytes(JSON.stringify(b));
  };
  const withRounds = (change: (b: Backup) => void) => {
    const b = exportBackup(store(roundsDevice()), defs, NOW, '0.2.0');
    change(b);
    return bytes(JSON.stringify(b));
  };
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const cases: [string, Uint8Array, RegExp][] = [
    ['an empty file', new Uint8Array(), /empty/],
    ['null', bytes('null'), /not a backup/],
    ['[]', bytes('[]'), /not a backup/],
    ['"x"', bytes('"x"'), /not a backup/],
    ['12', bytes('12'), /not a backup/],
    ['truncated JSON', bytes(JSON.stringify(good()).slice(0, 500)), /not valid JSON/],
    ['UTF-16 with a BOM', utf16, /UTF-16/],
    ['60 MB', new Uint8Array(60 * 1024 * 1024), /60\.0 MB/],
    ['nesting 100,000 deep', bytes(deep), /nests/],
    ['a "__proto__" key', bytes(`{"format":"psfg-backup","version":1,"__proto__":{"polluted":1}}`), /"__proto__"/],
    [
      'a "constructor" key deep inside',
      bytes(JSON.stringify({ ...good(), worksheets: [{ constructor: { prototype: 1 } }] })),
      /"constructor"/,
    ],
    ['version 999', withVersion(999), /newer version/],
    ['version -1', withVersion(-1), /no valid version/],
    ['version "1"', withVersion('1'), /no valid version/],
    ['an answer of the wrong type for its kind', wrongType(), /not a valid scale answer/],
    ['a scale answer out of range', outOfRange(), /not a valid scale answer/],
    ['a worksheet this guide does not have', unknownWorksheet(), /does not have/],
    ['an answer to a question the worksheet does not have', unknownPrompt(), /does not have/],
    ['a PNG renamed .json', png, /PNG image/],
    [
      'rounds with a rating out of range',
      withRounds((b) => (b.rounds[0]!.rounds[0]!.values['trust-today'] = 7)),
      /cannot read \(a rating out of range/,
    ],
    [
      'rounds with a question the worksheet does not have',
      withRounds((b) => (b.rounds[0]!.rounds[0]!.values['no-such-today'] = 2)),
      /rounds of “Seven muscles check” hold a round or a rating/,
    ],
    ['rounds without a date', withRounds((b) => (b.rounds[0]!.rounds[0]!.saved = 'last week')), /round without a date/],
    [
      'rounds that are not a list',
      withRounds((b) => ((b as unknown as Record<string, unknown>)['rounds'] = { a: 1 })),
      /rounds in this backup are not a list/,
    ],
    ['rounds of a worksheet that keeps none', withRounds((b) => (b.rounds[0]!.worksheet = 'coalition-map')), /keeps no rounds for/],
    ['the same worksheet’s rounds twice', withRounds((b) => b.rounds.push(b.rounds[0]!)), /twice/],
    [
      'a run-sheet that cannot be read',
      withRounds((b) => (b.runSheet = { ...SHEET, start: 'nine' })),
      /run-sheet in this backup cannot be read: the start time/,
    ],
    [
      'a version 2 file without a run-sheet member',
      withRounds((b) => delete (b as Partial<Backup>).runSheet),
      /whether it holds a run-sheet/,
    ],
    ['another application’s JSON', bytes('{"name":"my-app","version":"1.0.0","dependencies":{}}'), /not made by the guide/],
  ];

  for (const [name, file, message] of cases) {
    it(`is refused with a clear message, and storage stays byte for byte as it was: ${name}`, () => {
      const storage = fullDevice();
      const before = storage.snapshot();
      storage.writes = [];
      const result = importFile(storage, file);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(message);
      expect(storage.snapshot()).toEqual(before);
      expect(storage.writes).toEqual([]);
    });
  }

  it('counts nesting without parsing, and ignores brackets inside strings', () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[["}]}')).toBe(3);
    expect(jsonDepth('"\\"[[["')).toBe(0);
  });
});

describe('older files', () => {
  it('migrates answers saved by storage version 1', () => {
    const b = exportBackup(store(fullDevice()), defs, NOW, '0.1.0');
    for (const w of b.worksheets) w.storageVersion = 1;
    const parsed = parseBackup(bytes(JSON.stringify(b)), defs);
    expect(parsed.ok && parsed.migrated).toBe(true);
    expect(parsed.ok && parsed.backup.worksheets.every((w) => w.storageVersion === 2)).toBe(true);
  });
});

describe('import', () => {
  it('previews new, replaced and unchanged worksheets, and where this device is newer', () => {
    const storage = new MemoryStorage();
    const ws = loadWorksheet('trust-inventory');
    const other = loadWorksheet('coalition-map');
    const mine = { commitment: 'Mine, written later' };
    storage.setItem(KEYS.worksheet(ws.id), encode({ ...emptyRecord(ws), rev: 2, updated: '2026-12-01T09:00:00.000Z', answers: mine }));
    storage.setItem(
      KEYS.worksheet(other.id),
      encode({
        ...emptyRecord(other),
        rev: 1,
        updated: '2026-11-01T09:00:00.000Z',
        answers: loadExample('coalition-map.partial.json').answers,
      }),
    );
    const backup = exportBackup(store(fullDevice()), defs, NOW, '0.2.0');
    backup.worksheets.find((w) => w.id === other.id)!.answers = loadExample('coalition-map.partial.json').answers;
    backup.worksheets.find((w) => w.id === other.id)!.earlier = [];
    const plan = planImport(store(storage), defs, backup);
    const by = new Map(plan.map((p) => [p.id, p]));
    expect(by.get(ws.id)).toMatchObject({ change: 'replaced', localNewer: true });
    expect(by.get(other.id)).toMatchObject({ change: 'unchanged', localNewer: false });
    expect(by.get('muscles-check')).toMatchObject({ change: 'new', localNewer: false });
  });

  it('keeps a safety copy of the answers on this device that restores them', () => {
    const storage = new MemoryStorage();
    const ws = loadWorksheet('trust-inventory');
    storage.setItem(
      KEYS.worksheet(ws.id),
      encode({ ...emptyRecord(ws), rev: 2, updated: '2026-12-01T09:00:00.000Z', answers: { commitment: 'Before the import' } }),
    );
    const backup = exportBackup(store(fullDevice()), defs, NOW, '0.2.0');
    expect(importFile(storage, bytes(JSON.stringify(backup))).ok).toBe(true);
    expect(JSON.parse(storage.getItem(KEYS.worksheet(ws.id))!).answers.commitment).not.toBe('Before the import');
    const safety = storage.getItem(KEYS.safetyCopy)!;
    expect(importFile(storage, bytes(safety)).ok).toBe(true);
    expect(JSON.parse(storage.getItem(KEYS.worksheet(ws.id))!).answers).toEqual({ commitment: 'Before the import' });
  });

  it('writes nothing when the quota fills half way: storage stays exactly as it was', () => {
    const storage = new QuotaStorage(1_000_000);
    storage.setItem(
      KEYS.worksheet('trust-inventory'),
      encode({
        ...emptyRecord(loadWorksheet('trust-inventory')),
        rev: 1,
        updated: '2026-11-01T00:00:00.000Z',
        answers: { commitment: 'x' },
      }),
    );
    storage.setItem('another-app:settings', 'y');
    const backup = exportBackup(store(fullDevice()), defs, NOW, '0.2.0');
    const file = bytes(JSON.stringify(backup));
    // Room for the safety copy and a few worksheets, not for all 18.
    storage.limit = storage.snapshot()[KEYS.worksheet('trust-inventory')]!.length * 2 + file.length / 2;
    const before = storage.snapshot();
    const result = importFile(storage, file);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/not enough room[\s\S]*Nothing was changed/);
    expect(storage.snapshot()).toEqual(before);
    expect(storage.writes.filter((k) => k.startsWith('psfg:ws:')).length, 'it got half way before the quota').toBeGreaterThan(1);
  });
});

describe('delete everything', () => {
  it('removes every key of the guide and leaves another application’s key untouched', () => {
    const storage = fullDevice();
    storage.setItem(KEYS.theme, 'dark');
    storage.setItem(KEYS.quarantine('trust-inventory', 1), 'broken');
    roundsDevice(storage);
    storage.setItem(KEYS.roundsQuarantine('muscles-check', 1), 'broken');
    storage.setItem('psfgx:not-ours', 'keep');
    deleteEverything(() => storage);
    expect(storage.snapshot()).toEqual({ 'another-app:settings': '{"keep":"me"}', 'psfgx:not-ours': 'keep' });
  });
});
