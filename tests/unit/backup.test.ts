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
    storage.setItem('psfgx:not-ours', 'keep');
    deleteEverything(() => storage);
    expect(storage.snapshot()).toEqual({ 'another-app:settings': '{"keep":"me"}', 'psfgx:not-ours': 'keep' });
  });
});
