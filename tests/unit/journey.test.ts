/**
 * The reader's journey without a browser: the finder's filters in the address, the CSS that applies
 * them, reading stored progress (read-only) through slim definitions, and the routes as data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILTER_NAMES, NO_FILTER, filterQuery, parseFilter, sameFilter } from '../../src/client/finder';
import { definitionsJson, readRecord, slimDefinition, startedWorksheets } from '../../src/client/local-progress';
import { LEVEL_IDS, MUSCLE_IDS, WORKSHEET_IDS } from '../../src/data/frameworks';
import { ROUTES, nextInRoutes } from '../../src/data/routes';
import { KEYS } from '../../src/lib/storage-keys';
import { progress } from '../../src/worksheets/answers';
import type { Worksheet } from '../../src/worksheets/schema';
import { decode, emptyRecord, encode } from '../../src/worksheets/storage';
import { MemoryStorage, ROOT, blockedStorage, loadExample, loadWorksheet } from './worksheet-files';

const allowed = { muscle: [...MUSCLE_IDS], level: [...LEVEL_IDS], time: ['15', '30', '60'], mode: ['solo', 'group'] };

describe('the finder in the address', () => {
  it('reads every filter from the query', () => {
    expect(parseFilter('?muscle=trust&level=mission&time=30&mode=group', allowed)).toEqual({
      muscle: 'trust',
      level: 'mission',
      time: 30,
      mode: 'group',
    });
  });

  it('drops values that are not options, and unknown names', () => {
    expect(parseFilter('?muscle=courage&time=45&mode=solo&colour=red', allowed)).toEqual({ ...NO_FILTER, mode: 'solo' });
    expect(parseFilter('', allowed)).toEqual(NO_FILTER);
  });

  it('writes a filter back in a fixed order without empty values, so equal filters give equal addresses', () => {
    expect(filterQuery({ muscle: 'trust', level: '', time: 30, mode: '' })).toBe('?muscle=trust&time=30');
    expect(filterQuery(NO_FILTER)).toBe('');
    const f = parseFilter('?time=30&muscle=trust', allowed);
    expect(filterQuery(f)).toBe('?muscle=trust&time=30');
    expect(sameFilter(f, { ...NO_FILTER, muscle: 'trust', time: 30 })).toBe(true);
    expect(sameFilter(f, NO_FILTER)).toBe(false);
  });

  it('has a CSS rule that hides rows for every option of every filter', () => {
    const css = readFileSync(join(ROOT, 'src/styles/finder.css'), 'utf8');
    for (const name of FILTER_NAMES) {
      for (const value of allowed[name]) expect(css, `${name}=${value}`).toContain(`html[data-finder-${name}='${value}']`);
    }
  });
});

const ids = [...WORKSHEET_IDS].filter((id) => {
  try {
    loadWorksheet(id);
    return true;
  } catch {
    return false;
  }
});
const full = ids.map(loadWorksheet);
const slim = JSON.parse(definitionsJson(full)) as Worksheet[];
const store = (id: string, answers: unknown, updated: string) =>
  encode({ ...emptyRecord(loadWorksheet(id)), rev: 2, updated, answers: answers as never });

describe('slim definitions', () => {
  it('carry none of the wording, and escape "<"', () => {
    const text = definitionsJson(full);
    expect(text).not.toContain('<');
    const trust = slim.find((w) => w.id === 'trust-inventory')!;
    expect(JSON.stringify(trust.sections)).not.toMatch(/"(label|help|minLabel|maxLabel)"/);
    expect(text.length).toBeLessThan(JSON.stringify(full).length / 2);
  });

  it('decode every complete example exactly as the full definition does, with the same progress', () => {
    for (const ws of full) {
      const answers = loadExample(`${ws.id}.complete.json`).answers;
      const raw = store(ws.id, answers, '2026-11-01T00:00:00.000Z');
      const light = slim.find((w) => w.id === ws.id)!;
      expect(decode(raw, light).answers, ws.id).toEqual(decode(raw, ws).answers);
      expect(progress(light, decode(raw, light).answers)).toEqual(progress(ws, decode(raw, ws).answers));
    }
  });

  it('keep the radar of the muscles check, which the home page routes from', () => {
    expect(slim.find((w) => w.id === 'muscles-check')!.charts.map((c) => c.kind)).toEqual(['radar']);
    expect(slimDefinition(loadWorksheet('coalition-map')).charts).toEqual([]);
  });
});

describe('reading stored progress', () => {
  it('lists started worksheets, most recently changed first, and skips empty records', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      KEYS.worksheet('muscles-check'),
      store('muscles-check', loadExample('muscles-check.partial.json').answers, '2026-11-20T10:00:00.000Z'),
    );
    storage.setItem(
      KEYS.worksheet('trust-inventory'),
      store('trust-inventory', loadExample('trust-inventory.complete.json').answers, '2026-11-28T10:00:00.000Z'),
    );
    storage.setItem(KEYS.worksheet('coalition-map'), store('coalition-map', {}, '2026-11-29T10:00:00.000Z'));
    const started = startedWorksheets(slim, () => storage);
    expect(started.map((s) => s.id)).toEqual(['trust-inventory', 'muscles-check']);
    const check = started[1]!;
    expect(check.answered).toBe(progress(loadWorksheet('muscles-check'), loadExample('muscles-check.partial.json').answers).answered);
    expect(check.total).toBe(progress(loadWorksheet('muscles-check'), {}).total);
    expect(started[0]!.answered).toBe(started[0]!.total);
  });

  it('leaves out records it cannot read, and never writes to storage', () => {
    const storage = new MemoryStorage();
    storage.setItem(KEYS.worksheet('trust-inventory'), '{not json');
    storage.setItem(
      KEYS.worksheet('muscles-check'),
      JSON.stringify({ format: 'psfg-worksheet', version: 99, worksheet: 'muscles-check', answers: {} }),
    );
    const before = JSON.stringify(
      Object.fromEntries(Array.from({ length: storage.length }, (_, i) => [storage.key(i), storage.getItem(storage.key(i)!)])),
    );
    expect(startedWorksheets(slim, () => storage)).toEqual([]);
    const after = JSON.stringify(
      Object.fromEntries(Array.from({ length: storage.length }, (_, i) => [storage.key(i), storage.getItem(storage.key(i)!)])),
    );
    expect(after).toBe(before);
  });

  it('counts answers still under the first scheme’s key, which the form has not absorbed yet', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      KEYS.legacyWorksheet('trust-inventory'),
      store('trust-inventory', loadExample('trust-inventory.partial.json').answers, '2026-11-02T10:00:00.000Z'),
    );
    const started = startedWorksheets(slim, () => storage);
    expect(started.map((s) => [s.id, s.updated])).toEqual([['trust-inventory', '2026-11-02T10:00:00.000Z']]);
    expect(storage.getItem(KEYS.worksheet('trust-inventory'))).toBeNull();
  });

  it('gives nothing when storage is blocked', () => {
    expect(readRecord(slim[0]!, blockedStorage)).toBeUndefined();
    expect(startedWorksheets(slim, blockedStorage)).toEqual([]);
  });
});

describe('the routes', () => {
  it('name only worksheets that exist, each step with a reason', () => {
    for (const route of ROUTES) {
      expect(route.href.startsWith('/start/how-to-use/#')).toBe(true);
      for (const step of route.steps) {
        expect(step.worksheet ? ids.includes(step.worksheet) : Boolean(step.href && step.title), JSON.stringify(step)).toBe(true);
        expect(step.why.length).toBeGreaterThan(10);
      }
    }
  });

  it('give the next step after a worksheet, in every place it has in a route', () => {
    const trust = nextInRoutes('trust-inventory');
    expect(trust).toHaveLength(1);
    expect(trust[0]!.next?.worksheet).toBe('coalition-map');
    // The check opens the six-week route and closes it.
    const check = nextInRoutes('muscles-check');
    expect(check.map((p) => [p.at, p.next?.worksheet])).toEqual([
      [1, 'gaps-scan'],
      [13, undefined],
    ]);
    expect(nextInRoutes('action-learning')[0]).toMatchObject({ route: { id: 'facilitator' }, next: undefined });
    expect(nextInRoutes('paradigm-audit')).toEqual([]);
  });
});
