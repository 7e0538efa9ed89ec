/**
 * Rounds (src/worksheets/rounds.ts), the edges: which worksheets and axes keep rounds, how table rows are
 * named, what reading drops, what `load` and `save` report, and the store between two tabs (subscribe,
 * rename, undo, another tab's deletion, a newer or unreadable record arriving).
 */
import { describe, expect, it } from 'vitest';
import { KEYS } from '../../src/lib/storage-keys';
import {
  MAX_NAME,
  ROUNDS_FORMAT,
  coveredAxes,
  createRoundsStorage,
  createRoundsStore,
  decodeRounds,
  makeRound,
  mergeRounds,
  roundAxes,
  sortRounds,
  type Round,
  type RoundsState,
} from '../../src/worksheets/rounds';
import { parseWorksheet } from '../../src/worksheets/schema';
import { MemoryStorage, QuotaStorage, allKindsInput, loadWorksheet, roundsShortOfRoom } from './worksheet-files';

const muscles = loadWorksheet('muscles-check');
const trust = loadWorksheet('trust-inventory');
const KEY = KEYS.rounds(muscles.id);
const round = (id: string, saved: string, values: Record<string, number>, name = `Round ${id}`): Round => ({ id, name, saved, values });
const record = (rounds: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: ROUNDS_FORMAT, version: 1, worksheet: muscles.id, rounds, ...extra });
const trustRecord = (rounds: unknown[]) => JSON.stringify({ format: ROUNDS_FORMAT, version: 1, worksheet: trust.id, rounds });
const day = (d: number) => Date.parse(`2026-11-${String(d).padStart(2, '0')}T12:00:00.000Z`);
const rs = (s: Storage, now = () => day(1)) => createRoundsStorage(() => s, now);
const ratings = (store: { get: () => RoundsState }) => store.get().rounds.map((r) => r.values['trust-today']);

/**
 * The every-kind test worksheet under the trust inventory's id (so it keeps rounds) and without a radar, so
 * its ratings are the axes: its actors table names a row by its first text column, which is not its first
 * column, and a second table has no text column at all.
 */
function ratingsWorksheet() {
  const input = allKindsInput();
  const prompts = input.sections[0]!.prompts;
  const actors = prompts.find((p) => p['id'] === 'actors')!;
  const columns = actors['columns'] as Record<string, unknown>[];
  actors['columns'] = [columns[1], columns[0], ...columns.slice(2)];
  prompts.push({
    id: 'scores',
    kind: 'table',
    label: 'Scores',
    columns: [{ id: 'score', label: 'Score', kind: 'scale', minLabel: 'Low', maxLabel: 'High' }],
  });
  input['charts'] = (input['charts'] as { kind: string }[]).filter((c) => c.kind === 'map');
  return parseWorksheet(input, 'every-kind.yaml');
}

describe('which axes a round keeps', () => {
  it('keeps nothing on a worksheet with a radar that does not keep rounds', () => {
    const levels = loadWorksheet('levels-scan');
    const scale = levels.sections.flatMap((s) => s.prompts).find((p) => p.kind === 'scale')!;
    expect(roundAxes(levels, { [scale.id]: 3 })).toEqual([]);
    expect(makeRound(levels, { [scale.id]: 3 }, new Date(day(1)), 'r1')).toBeUndefined();
  });

  it('follows the radar even when another chart comes first', () => {
    const input = allKindsInput();
    (input['charts'] as unknown[]).reverse();
    const ws = parseWorksheet(input, 'every-kind.yaml');
    expect(roundAxes(ws, { now: 2 }).map((a) => [a.id, a.label, a.value])).toEqual([
      ['now', 'A', 2],
      ['later', 'B', undefined],
      ['soon', 'C', undefined],
    ]);
  });

  it('takes only numbers as ratings', () => {
    expect(roundAxes(muscles, { 'trust-today': '4' }).find((a) => a.id === 'trust-today')!.value).toBeUndefined();
    expect(makeRound(muscles, { 'trust-today': '4' }, new Date(day(1)), 'r1')).toBeUndefined();
  });

  it('names each table row by its first text column, trimmed, with the column when a table rates more than one', () => {
    const ws = ratingsWorksheet();
    const axes = roundAxes(ws, {
      now: 3,
      name: 'Not a rating',
      actors: [
        { id: 'a1', cells: { power: 4, who: '  Ana  ', support: 'high' } },
        { id: 'b2', cells: { power: 2, who: '   ' } },
      ],
      scores: [{ id: 's1', cells: { score: 5 } }],
    });
    expect(axes.map((a) => [a.id, a.label, a.value, a.row])).toEqual([
      ['now', 'How strong today?', 3, undefined],
      ['later', 'How strong later?', undefined, undefined],
      ['soon', 'How strong soon?', undefined, undefined],
      ['actors:a1:power', 'Ana: Power', 4, true],
      ['actors:a1:support', 'Ana: Support', undefined, true],
      ['actors:b2:power', 'Row 2: Power', 2, true],
      ['actors:b2:support', 'Row 2: Support', undefined, true],
      ['scores:s1:score', 'Row 1', 5, true],
    ]);
  });

  it('keeps a row’s name with the round, cut to the longest name', () => {
    const long = 'A very long relationship name '.repeat(10);
    const r = makeRound(trust, { relationships: [{ id: 'a1', cells: { person: long, 'trust-today': 3 } }] }, new Date(day(1)), 'r1')!;
    expect(r.labels).toEqual({ 'relationships:a1:trust-today': long.trim().slice(0, MAX_NAME) });
  });
});

describe('reading stored rounds, the edges', () => {
  it('orders rounds saved at the same moment by id, whatever order they come in', () => {
    const a = round('a', '2026-11-01T12:00:00.000Z', {});
    const b = round('b', '2026-11-01T12:00:00.000Z', {});
    const c = round('c', '2026-10-01T12:00:00.000Z', {});
    expect(sortRounds([a, b]).map((r) => r.id)).toEqual(['a', 'b']);
    expect(sortRounds([b, a]).map((r) => r.id)).toEqual(['a', 'b']);
    expect(sortRounds([a, c]).map((r) => r.id)).toEqual(['c', 'a']);
    expect(sortRounds([c, a]).map((r) => r.id)).toEqual(['c', 'a']);
  });

  it('drops entries that are not rounds, and rounds whose id or name is not text or whose date is not an ISO time', () => {
    const good = round('r1', '2026-11-01T12:00:00.000Z', { 'trust-today': 5 });
    const dates = [['2026-11-01T12:00:00.000Z'], 'December 1, 2026', '+002026-11-01T12:00:00.000Z'].map((saved, i) => ({
      ...good,
      id: `d${i}`,
      saved,
    }));
    const { record: r, dropped } = decodeRounds(
      record([
        null,
        ['r9'],
        7,
        { ...good, id: 5 },
        { ...good, id: 'r2', name: 7 },
        { ...good, id: 'r3', values: [] },
        { ...good, id: 'X r9' },
        { ...good, id: 'r9 X' },
        ...dates,
        good,
      ]),
      muscles,
    );
    expect(r.rounds, 'a rating at the top of the scale is kept').toEqual([good]);
    expect(dropped).toBe(11);
  });

  it('drops ratings that are not whole numbers in the scale’s range, and table axes of any other shape', () => {
    const { record: r, dropped } = decodeRounds(
      trustRecord([
        round('r1', '2026-11-01T12:00:00.000Z', {
          'bad-news-safe': 2.5,
          'relationships:b2:trust-today': '3' as unknown as number,
          'relationships:c3:trust-today': 0,
          'relationships:a1:trust-today': 5,
          'relationships:a1:trust-today:extra': 2,
          'more:relationships:a1:trust-today': 2,
          'no-table:a1:trust-today': 2,
          'relationships:a1': 2,
        }),
      ]),
      trust,
    );
    expect(r.rounds[0]!.values).toEqual({ 'relationships:a1:trust-today': 5 });
    expect(dropped).toBe(7);
  });

  it('keeps only row names that are text with something in them, cut to the longest name', () => {
    const values = { 'relationships:a1:trust-today': 2, 'relationships:b2:trust-today': 3, 'relationships:c3:trust-today': 4 };
    const long = 'n'.repeat(MAX_NAME + 30);
    const read = (labels: Record<string, unknown>) =>
      decodeRounds(trustRecord([{ ...round('r1', '2026-11-01T12:00:00.000Z', values), labels }]), trust).record.rounds[0]!;
    expect(
      read({ 'relationships:a1:trust-today': long, 'relationships:b2:trust-today': '   ', 'relationships:c3:trust-today': 7 }).labels,
    ).toEqual({
      'relationships:a1:trust-today': 'n'.repeat(MAX_NAME),
    });
    expect(read({ 'relationships:b2:trust-today': ' ' }), 'no names left: no labels at all').toEqual(
      round('r1', '2026-11-01T12:00:00.000Z', values),
    );
  });

  it('says why a record cannot be read', () => {
    expect(() => decodeRounds('not json', muscles)).toThrow(/^the stored text is not valid JSON$/);
    expect(() => decodeRounds('null', muscles)).toThrow(/^the stored value is not a record of rounds$/);
    expect(() => decodeRounds(record([], { format: 'psfg-worksheet' }), muscles)).toThrow(/^the stored value is not a record of rounds$/);
    expect(() => decodeRounds(record([], { version: 1.5 }), muscles)).toThrow(/^the record has no valid version$/);
  });

  it('keeps a round renamed in another tab though deleted here, and one only the other tab has', () => {
    const a = round('a', '2026-11-01T12:00:00.000Z', { 'trust-today': 1 });
    const b = round('b', '2026-11-02T12:00:00.000Z', { 'trust-today': 2 });
    expect(mergeRounds([a], [], [{ ...a, name: 'Theirs' }])).toEqual([{ ...a, name: 'Theirs' }]);
    expect(mergeRounds([], [], [b])).toEqual([b]);
    expect(mergeRounds([a], [], [a]), 'deleted here, untouched there').toEqual([]);
  });
});

describe('load and save', () => {
  it('reports each state of what is stored, with no rounds unless they were read', () => {
    const s = new MemoryStorage();
    expect(rs(s).load(muscles)).toEqual({ status: 'empty', rounds: [], dropped: 0 });
    const good = round('r1', '2026-11-01T12:00:00.000Z', { 'trust-today': 3, 'no-such': 1 });
    s.setItem(KEY, record([good]));
    expect(rs(s).load(muscles)).toEqual({
      status: 'ok',
      rounds: [round('r1', '2026-11-01T12:00:00.000Z', { 'trust-today': 3 })],
      dropped: 1,
    });
    s.setItem(KEY, record([good], { version: 2 }));
    expect(rs(s).load(muscles)).toEqual({ status: 'too-new', rounds: [], dropped: 0 });
    s.setItem(KEY, record([good], { worksheet: 'gaps-scan' }));
    expect(rs(s, () => 7).load(muscles)).toEqual({
      status: 'quarantined',
      rounds: [],
      dropped: 0,
      quarantineKey: KEYS.roundsQuarantine(muscles.id, 7),
      detail: 'the record belongs to worksheet "gaps-scan"',
    });
    const full = new QuotaStorage(0);
    (full as unknown as { data: Map<string, string> }).data.set(KEY, 'garbage');
    expect(rs(full).load(muscles)).toEqual({ status: 'blocked', rounds: [], dropped: 0, detail: 'the stored text is not valid JSON' });
  });

  it('says storage is unavailable when reading or writing throws something other than a full quota', () => {
    const s = new MemoryStorage();
    s.getItem = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    expect(rs(s).read(muscles)).toEqual({ state: 'unavailable' });
    expect(rs(s).load(muscles).status).toBe('unavailable');
    const w = new MemoryStorage();
    w.setItem = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    expect(rs(w).save(muscles, [round('r1', '2026-11-01T12:00:00.000Z', { 'trust-today': 3 })])).toBe('unavailable');
  });

  it('does not replace unreadable rounds when only other data is set aside', () => {
    const s = new MemoryStorage();
    s.setItem(KEYS.roundsQuarantine(muscles.id, 1), 'older garbage');
    s.setItem(KEY, 'new garbage');
    expect(rs(s).save(muscles, [round('r1', '2026-11-01T12:00:00.000Z', { 'trust-today': 3 })])).toBe('refused');
    expect(s.getItem(KEY)).toBe('new garbage');
  });
});

describe('the rounds store', () => {
  /** A store with two rounds, saved a day apart. */
  function twoRounds() {
    const s = new MemoryStorage();
    let clock = day(1);
    const store = createRoundsStore(muscles, rs(s), () => clock);
    const first = store.add({ 'trust-today': 1 })!;
    clock = day(2);
    const second = store.add({ 'trust-today': 2 })!;
    return { s, store, first, second };
  }

  it('starts idle and tells its listeners every change until they stop listening', () => {
    const s = new MemoryStorage();
    const store = createRoundsStore(muscles, rs(s), () => day(1));
    expect(store.get()).toEqual({ rounds: [], status: 'empty', save: 'idle', detail: undefined });
    const heard: RoundsState[] = [];
    const stop = store.subscribe((state) => heard.push(state));
    const r = store.add({ 'trust-today': 2 })!;
    expect(heard).toEqual([{ rounds: [r], status: 'empty', save: 'saved', detail: undefined }]);
    stop();
    store.rename(r.id, 'Spring');
    expect(heard).toHaveLength(1);
    expect(store.get().rounds[0]!.name).toBe('Spring');
  });

  it('saves nothing when nothing is rated', () => {
    const s = new MemoryStorage();
    const store = createRoundsStore(muscles, rs(s));
    const heard: RoundsState[] = [];
    store.subscribe((state) => heard.push(state));
    expect(store.add({ 'trust-needed': 4 })).toBeUndefined();
    expect(s.writes).toEqual([]);
    expect(heard).toEqual([]);
  });

  it('renames only the round asked for, and ignores a blank name or an unknown round', () => {
    const { s, store, first, second } = twoRounds();
    store.rename(second.id, '  After   the retreat ');
    expect(store.get().rounds.map((r) => r.name)).toEqual([first.name, 'After the retreat']);
    const writes = s.writes.length;
    store.rename(first.id, '   ');
    store.rename('r-none', 'Ghost');
    expect(store.get().rounds.map((r) => r.name)).toEqual([first.name, 'After the retreat']);
    expect(s.writes, 'nothing written').toHaveLength(writes);
  });

  it('puts back the round that was deleted, not another', () => {
    const { s, store, first, second } = twoRounds();
    const undo = store.remove(second.id);
    expect(store.get().rounds).toEqual([first]);
    undo();
    expect(store.get().rounds).toEqual([first, second]);
    expect(decodeRounds(s.getItem(KEY)!, muscles).record.rounds).toEqual([first, second]);
  });

  it('keeps rounds deleted in another tab deleted, here and when this tab saves a new one', () => {
    const s = new MemoryStorage();
    let clock = day(1);
    const one = createRoundsStore(muscles, rs(s), () => clock);
    const two = createRoundsStore(muscles, rs(s), () => clock);
    const r = one.add({ 'trust-today': 1 })!;
    two.external();
    two.remove(r.id);
    expect(s.getItem(KEY)).toBeNull();
    clock = day(2);
    one.add({ 'trust-today': 2 });
    expect(ratings(one)).toEqual([2]);
    one.external();
    expect(ratings(one)).toEqual([2]);
    two.external();
    expect(ratings(two)).toEqual([2]);
    one.remove(one.get().rounds[0]!.id);
    two.external();
    expect(two.get().rounds, 'all deleted there').toEqual([]);
  });

  it('keeps its rounds on the page when the stored value turns unreadable, and does not overwrite it', () => {
    const s = new MemoryStorage();
    let clock = day(1);
    const store = createRoundsStore(muscles, rs(s), () => clock);
    store.add({ 'trust-today': 1 });
    s.setItem(KEY, 'garbage');
    const writes = s.writes.length;
    store.external();
    expect(ratings(store)).toEqual([1]);
    expect(s.writes).toHaveLength(writes);
    clock = day(2);
    store.add({ 'trust-today': 2 });
    expect(store.get().save).toBe('refused');
    expect(ratings(store)).toEqual([1, 2]);
    expect(s.getItem(KEY)).toBe('garbage');
  });

  it('stops writing once another tab stores a newer version, and keeps its rounds on the page', () => {
    const s = new MemoryStorage();
    let clock = day(1);
    const store = createRoundsStore(muscles, rs(s), () => clock);
    store.add({ 'trust-today': 1 });
    const newer = record([], { version: 2 });
    s.setItem(KEY, newer);
    store.external();
    expect(store.get().status).toBe('too-new');
    expect(ratings(store)).toEqual([1]);
    clock = day(2);
    store.add({ 'trust-today': 2 });
    expect(store.get().save).toBe('refused');
    expect(s.getItem(KEY)).toBe(newer);
  });

  it('writes nothing when another tab’s change leaves nothing to add', () => {
    const s = new MemoryStorage();
    const one = createRoundsStore(muscles, rs(s), () => day(1));
    const two = createRoundsStore(muscles, rs(s), () => day(1));
    one.add({ 'trust-today': 1 });
    const writes = s.writes.length;
    two.external();
    expect(ratings(two)).toEqual([1]);
    expect(two.get().save, 'nothing was saved').toBe('idle');
    expect(s.writes).toHaveLength(writes);
  });

  it('keeps a round it could not store through every change from another tab until it is stored', () => {
    const { storage: s, one, two } = roundsShortOfRoom(muscles, day);
    two.external();
    two.rename(two.get().rounds[0]!.id, 'Renamed there');
    one.external(); // still no room
    expect(one.get().save).toBe('quota');
    two.rename(two.get().rounds[0]!.id, 'Again');
    one.external();
    expect(ratings(one), 'the unsaved round is still here').toEqual([1, 2]);
    s.limit = 1e9;
    two.rename(two.get().rounds[0]!.id, 'Once more');
    one.external(); // now it is stored
    expect(one.get().save).toBe('saved');
    two.external();
    two.remove(two.get().rounds[1]!.id);
    one.external();
    expect(ratings(one), 'then deleted there, it goes').toEqual([1]);
  });

  it('saves again once another tab has set the unreadable rounds aside', () => {
    const s = new QuotaStorage(0);
    (s as unknown as { data: Map<string, string> }).data.set(KEY, 'garbage');
    const one = createRoundsStore(muscles, rs(s), () => day(1));
    expect(one.get().status).toBe('blocked');
    s.limit = 1e9;
    const two = createRoundsStore(muscles, rs(s), () => day(2));
    expect(two.get().status).toBe('quarantined');
    one.add({ 'trust-today': 3 });
    expect(one.get().save).toBe('saved');
    expect(decodeRounds(s.getItem(KEY)!, muscles).record.rounds.map((r) => r.values)).toEqual([{ 'trust-today': 3 }]);
  });
});

describe('the axes a set of rounds covers', () => {
  it('adds rows only earlier rounds have, once each, named as they were last saved', () => {
    const older = round('r1', '2026-10-01T12:00:00.000Z', { 'relationships:gone:trust-today': 2, 'relationships:old:trust-today': 1 });
    const newer: Round = {
      ...round('r2', '2026-11-01T12:00:00.000Z', { 'relationships:gone:trust-today': 3, 'no-such': 2 }),
      labels: { 'relationships:gone:trust-today': 'New name' },
    };
    const axes = coveredAxes(trust, { relationships: [{ id: 'now', cells: { person: 'Ana', 'trust-today': 4 } }] }, [newer, older]);
    expect(axes.filter((a) => a.row)).toEqual([
      { id: 'relationships:now:trust-today', label: 'Ana', min: 1, max: 5, value: 4, row: true },
      { id: 'relationships:gone:trust-today', label: 'New name', min: 1, max: 5, row: true },
      { id: 'relationships:old:trust-today', label: 'Trust today', min: 1, max: 5, row: true },
    ]);
    expect(axes.map((a) => a.id)).not.toContain('no-such');
  });
});
