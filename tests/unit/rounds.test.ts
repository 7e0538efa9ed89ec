/**
 * Rounds (src/worksheets/rounds.ts): what a round keeps, validation on read, quarantine, a newer version
 * refused, a full quota, another tab's changes merged by id; and the document model's rounds blocks.
 */
import { describe, expect, it } from 'vitest';
import { KEYS, parseQuarantineKey, parseRoundsQuarantineKey, parseSetAsideKey } from '../../src/lib/storage-keys';
import {
  ROUNDS_FORMAT,
  createRoundsStorage,
  createRoundsStore,
  decodeRounds,
  defaultRoundName,
  hasRounds,
  makeRound,
  MAX_NAME,
  MAX_ROUNDS,
  changeText,
  cleanName,
  mergeRounds,
  newRoundId,
  roundAxes,
  roundLabel,
  sortRounds,
  type Round,
} from '../../src/worksheets/rounds';
import { worksheetDocument } from '../../src/worksheets/document';
import { MemoryStorage, QuotaStorage, blockedStorage, loadWorksheet, roundsShortOfRoom, worksheetFiles } from './worksheet-files';

const muscles = loadWorksheet('muscles-check');
const trust = loadWorksheet('trust-inventory');
const KEY = KEYS.rounds(muscles.id);
const at = (day: number) =>
  Date.parse(`2026-${String(day > 31 ? 12 : 11).padStart(2, '0')}-${String(((day - 1) % 31) + 1).padStart(2, '0')}T12:00:00.000Z`);
const round = (id: string, saved: string, values: Record<string, number>, name = `Round ${id}`): Round => ({ id, name, saved, values });
const record = (rounds: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: ROUNDS_FORMAT, version: 1, worksheet: muscles.id, rounds, ...extra });
const rs = (s: Storage, now = () => at(1)) => createRoundsStorage(() => s, now);

describe('what a round keeps', () => {
  it('keeps the radar’s first line, one rating per spoke keyed by its first question, named by the date', () => {
    const r = makeRound(
      muscles,
      { 'trust-today': 2, 'trust-needed': 5, 'coalitions-today': 4, 'step-this-month': 'x' },
      new Date(at(1)),
      'r1',
    )!;
    expect(r.values).toEqual({ 'trust-today': 2, 'coalitions-today': 4 });
    expect(r.name).toBe('Round of 1 November 2026');
    expect(defaultRoundName(new Date('2026-12-01T12:00:00Z'))).toBe('Round of 1 December 2026');
    expect(makeRound(muscles, { 'trust-needed': 5 }, new Date(at(1)), 'r2'), 'nothing rated today').toBeUndefined();
    expect(makeRound(muscles, { 'trust-today': 1 }, new Date(at(1)), 'r3', '  After   the retreat ')!.name).toBe('After the retreat');
  });

  it('keeps the trust inventory’s scale questions and each relationship’s rating, with its name', () => {
    const answers = {
      'bad-news-safe': 3,
      relationships: [
        { id: 'a1', cells: { person: 'Finance director', 'trust-today': 2 } },
        { id: 'b2', cells: { person: '', 'trust-today': 4 } },
        { id: 'c3', cells: { person: 'Not rated yet' } },
      ],
    };
    const r = makeRound(trust, answers, new Date(at(1)), 'r1')!;
    expect(r.values).toEqual({ 'bad-news-safe': 3, 'relationships:a1:trust-today': 2, 'relationships:b2:trust-today': 4 });
    expect(r.labels).toEqual({ 'relationships:a1:trust-today': 'Finance director', 'relationships:b2:trust-today': 'Row 2' });
  });

  it('is offered on the four rated worksheets and no other', () => {
    const ids = worksheetFiles()
      .map((f) => loadWorksheet(f.replace(/\.yaml$/, '')))
      .filter(hasRounds)
      .map((w) => w.id)
      .sort();
    expect(ids).toEqual(['gaps-scan', 'muscles-check', 'outcomes-manager', 'trust-inventory']);
  });
});

describe('small rules', () => {
  it('gives each round a fresh id, orders rounds by date then id, and writes changes with a sign', () => {
    const taken = [
      round(`r${(100).toString(36)}`, '2026-11-01T12:00:00.000Z', {}),
      round(`r${(101).toString(36)}`, '2026-11-01T12:00:00.000Z', {}),
    ];
    expect(newRoundId([], 100)).toBe('r2s');
    expect(newRoundId(taken, 100)).toBe(`r${(102).toString(36)}`);
    const x = round('b', '2026-11-01T12:00:00.000Z', {});
    const y = round('a', '2026-11-01T12:00:00.000Z', {});
    const z = round('c', '2026-10-01T12:00:00.000Z', {});
    expect(sortRounds([x, y, z]).map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect([changeText(1, 3), changeText(4, 2), changeText(2, 2), changeText(undefined, 2), changeText(2, undefined)]).toEqual([
      '+2',
      '−2',
      '0',
      '–',
      '–',
    ]);
    expect(cleanName(`  a\n b ${'x'.repeat(200)}`)).toHaveLength(MAX_NAME);
    expect(roundLabel(round('a', '2026-11-05T12:00:00.000Z', {}, 'Round of 5 November 2026'))).toBe('Round of 5 November 2026');
    expect(roundLabel(round('a', '2026-11-05T12:00:00.000Z', {}, 'Spring'))).toBe('Spring (5 November 2026)');
  });

  it('reads at most MAX_ROUNDS rounds and gives a nameless round the name of its date', () => {
    const many = Array.from({ length: MAX_ROUNDS + 3 }, (_, i) => round(`r${i}`, '2026-11-01T12:00:00.000Z', { 'trust-today': 1 }, ''));
    const { record: r, dropped } = decodeRounds(record(many), muscles);
    expect(r.rounds).toHaveLength(MAX_ROUNDS);
    expect(dropped).toBe(3);
    expect(r.rounds[0]!.name).toBe('Round of 1 November 2026');
  });

  it('refuses records that are not rounds of this worksheet', () => {
    expect(() => decodeRounds('[]', muscles)).toThrow(/not a record of rounds/);
    expect(() => decodeRounds(record([], { version: 0 }), muscles)).toThrow(/no valid version/);
    expect(() => decodeRounds(record([], { version: '1' }), muscles)).toThrow(/no valid version/);
    expect(() => decodeRounds(record([], { worksheet: 'gaps-scan' }), muscles)).toThrow(/belongs to worksheet "gaps-scan"/);
    expect(() => decodeRounds(record([], { rounds: {} }), muscles)).toThrow(/not a list/);
  });
});

describe('reading stored rounds', () => {
  it('drops bad rounds and values, and keeps out axes the worksheet does not have', () => {
    const raw = record([
      round('r1', '2026-11-01T12:00:00.000Z', {
        'trust-today': 3,
        'trust-needed': 5,
        'no-such': 2,
        'coalitions-today': 9,
        'reflection-today': 2.5,
      }),
      { id: 'BAD ID', name: 'x', saved: '2026-11-01T12:00:00.000Z', values: {} },
      { id: 'r2', name: 'no date', saved: 'yesterday', values: {} },
      round('r1', '2026-11-02T12:00:00.000Z', { 'trust-today': 1 }),
      'not a round',
    ]);
    const { record: r, dropped } = decodeRounds(raw, muscles);
    expect(r.rounds).toEqual([round('r1', '2026-11-01T12:00:00.000Z', { 'trust-today': 3 })]);
    expect(dropped).toBe(8);
    // A table-row axis of the trust inventory is accepted only in its own shape.
    const t = decodeRounds(
      JSON.stringify({
        format: ROUNDS_FORMAT,
        version: 1,
        worksheet: trust.id,
        rounds: [
          {
            ...round('r1', '2026-11-01T12:00:00.000Z', {
              'relationships:a1:trust-today': 2,
              'relationships:a1:person': 2,
              'relationships:a 1:trust-today': 2,
            }),
            labels: { 'relationships:a1:trust-today': 'Ana', other: 'x' },
          },
        ],
      }),
      trust,
    );
    expect(t.record.rounds[0]).toEqual({
      ...round('r1', '2026-11-01T12:00:00.000Z', { 'relationships:a1:trust-today': 2 }),
      labels: { 'relationships:a1:trust-today': 'Ana' },
    });
  });

  it('reads without writing anything', () => {
    const s = new MemoryStorage();
    s.setItem(KEY, 'not json');
    s.writes = [];
    expect(rs(s).read(muscles).state).toBe('unreadable');
    expect(s.writes).toEqual([]);
  });

  it('sets unreadable rounds aside once, under a key of their own, and never overwrites them in place before that', () => {
    const s = new MemoryStorage();
    s.setItem(KEY, '{"format":"psfg-rounds"');
    const first = rs(s, () => 5).load(muscles);
    expect(first.status).toBe('quarantined');
    expect(first.quarantineKey).toBe('psfg:quarantine-rounds:muscles-check:5');
    expect(s.getItem(first.quarantineKey!)).toBe('{"format":"psfg-rounds"');
    expect(s.getItem(KEY), 'left in place until the next save').toBe('{"format":"psfg-rounds"');
    const again = rs(s, () => 9).load(muscles);
    expect(again.quarantineKey, 'an identical copy is reused').toBe(first.quarantineKey);
    expect(s.keys().filter((k) => k.startsWith('psfg:quarantine-rounds:'))).toHaveLength(1);
    // The workbook's list of worksheets set aside does not mistake it for a worksheet.
    expect(parseQuarantineKey(first.quarantineKey!)).toBeUndefined();
    expect(parseRoundsQuarantineKey(first.quarantineKey!)).toEqual({ id: 'muscles-check', at: 5 });
    // …but lists it, with its own label, among the data set aside.
    expect(parseSetAsideKey(first.quarantineKey!)).toEqual({ what: 'rounds', id: 'muscles-check', at: 5 });
    // Once set aside, a save may replace it.
    expect(rs(s).save(muscles, [round('r1', '2026-11-01T12:00:00.000Z', { 'trust-today': 3 })])).toBe('saved');
  });

  it('writes nothing when unreadable rounds cannot be set aside', () => {
    const s = new QuotaStorage(0);
    (s as unknown as { data: Map<string, string> }).data.set(KEY, 'garbage');
    const store = createRoundsStore(muscles, rs(s));
    expect(store.get().status).toBe('blocked');
    store.add({ 'trust-today': 3 });
    expect(store.get().save).toBe('refused');
    expect(s.getItem(KEY)).toBe('garbage');
    s.limit = 1e9;
    expect(rs(s).save(muscles, []), 'storage refuses too, while nothing is set aside').toBe('refused');
    expect(s.getItem(KEY)).toBe('garbage');
  });

  it('refuses a newer version and never rewrites it', () => {
    const s = new MemoryStorage();
    const newer = record([], { version: 2 });
    s.setItem(KEY, newer);
    const store = createRoundsStore(muscles, rs(s));
    expect(store.get().status).toBe('too-new');
    store.add({ 'trust-today': 3 });
    expect(store.get().save).toBe('refused');
    expect(rs(s).save(muscles, [round('r1', '2026-11-01T12:00:00.000Z', { 'trust-today': 3 })])).toBe('refused');
    expect(s.getItem(KEY)).toBe(newer);
  });

  it('says when storage is blocked, and keeps rounds on the page', () => {
    const store = createRoundsStore(muscles, createRoundsStorage(blockedStorage));
    expect(store.get().status).toBe('unavailable');
    store.add({ 'trust-today': 3 });
    expect(store.get().save).toBe('unavailable');
    expect(store.get().rounds).toHaveLength(1);
  });

  it('reports a full quota and leaves the stored rounds as they were', () => {
    const s = new QuotaStorage(1e9);
    const store = createRoundsStore(muscles, rs(s), () => at(1));
    store.add({ 'trust-today': 3 });
    const before = s.getItem(KEY);
    s.limit = before!.length + KEY.length;
    store.add({ 'trust-today': 4 });
    expect(store.get().save).toBe('quota');
    expect(s.getItem(KEY)).toBe(before);
    expect(store.get().rounds, 'the new round stays on the page').toHaveLength(2);
  });
});

describe('two tabs', () => {
  it('merges by round id: rounds added on either side are kept, deletions and renames carry over', () => {
    const a = round('a', '2026-11-01T12:00:00.000Z', { 'trust-today': 1 });
    const b = round('b', '2026-11-02T12:00:00.000Z', { 'trust-today': 2 });
    const c = round('c', '2026-11-03T12:00:00.000Z', { 'trust-today': 3 });
    expect(mergeRounds([a], [a, b], [a, c])).toEqual([a, b, c]);
    expect(mergeRounds([a, b], [a, b], [b]), 'deleted there').toEqual([b]);
    expect(mergeRounds([a, b], [b], [a, b]), 'deleted here').toEqual([b]);
    expect(mergeRounds([a], [a], [{ ...a, name: 'Theirs' }])).toEqual([{ ...a, name: 'Theirs' }]);
    expect(mergeRounds([a], [{ ...a, name: 'Mine' }], [{ ...a, name: 'Theirs' }])).toEqual([{ ...a, name: 'Mine' }]);
    expect(mergeRounds([a], [{ ...a, name: 'Mine' }], []), 'renamed here, deleted there: kept').toEqual([{ ...a, name: 'Mine' }]);
  });

  it('never loses a round saved in this tab when another tab saves one', () => {
    const s = new MemoryStorage();
    let clock = at(1);
    const one = createRoundsStore(muscles, rs(s), () => clock);
    const two = createRoundsStore(muscles, rs(s), () => clock);
    one.add({ 'trust-today': 1 });
    clock = at(2);
    two.add({ 'trust-today': 2 }); // this tab never saw the first round, yet keeps it
    expect(decodeRounds(s.getItem(KEY)!, muscles).record.rounds.map((r) => r.values['trust-today'])).toEqual([1, 2]);
    one.external();
    expect(one.get().rounds.map((r) => r.values['trust-today'])).toEqual([1, 2]);
    one.remove(one.get().rounds[0]!.id);
    two.external();
    expect(two.get().rounds.map((r) => r.values['trust-today'])).toEqual([2]);
  });

  it('keeps a round this tab could not store (quota) when another tab’s change arrives, and stores it once there is room', () => {
    const { storage: s, one, two } = roundsShortOfRoom(muscles, at);
    expect(one.get().save).toBe('quota');
    s.limit = 1e9;
    two.external();
    two.rename(two.get().rounds[0]!.id, 'Renamed there');
    one.external();
    expect(one.get().rounds.map((r) => [r.name, r.values['trust-today']])).toEqual([
      ['Renamed there', 1],
      ['Round of 2 November 2026', 2],
    ]);
    expect(decodeRounds(s.getItem(KEY)!, muscles).record.rounds).toHaveLength(2);
  });

  it('deletes with one undo', () => {
    const s = new MemoryStorage();
    const store = createRoundsStore(muscles, rs(s), () => at(1));
    const r = store.add({ 'trust-today': 1 })!;
    const undo = store.remove(r.id);
    expect(store.get().rounds).toEqual([]);
    expect(s.getItem(KEY), 'no rounds: the key goes').toBeNull();
    undo();
    expect(store.get().rounds).toEqual([r]);
    store.remove(r.id);
    undo();
    expect(store.get().rounds, 'the undo works once').toEqual([]);
  });
});

describe('the document model', () => {
  const rounds = [
    round('r1', '2026-09-01T12:00:00.000Z', { 'trust-today': 1, 'coalitions-today': 2 }, 'Round of 1 September 2026'),
    round('r2', '2026-10-01T12:00:00.000Z', { 'trust-today': 3 }, 'After the retreat'),
  ];
  const answers = { 'trust-today': 4, 'trust-needed': 5, 'coalitions-today': 2 };

  it('draws the rounds over the radar, names them in its text table, and says what changed', () => {
    const doc = worksheetDocument(muscles, answers, { rounds });
    const radar = doc.charts[0]!;
    expect(radar.type === 'radar' && radar.rounds.map((r) => r.label)).toEqual([
      'Round of 1 September 2026',
      'After the retreat (1 October 2026)',
    ]);
    expect(radar.table.head).toEqual([
      '',
      'Today',
      'Where it needs to be',
      'Round of 1 September 2026',
      'After the retreat (1 October 2026)',
    ]);
    expect(radar.table.rows.find((r) => r.header === 'Trust')!.cells).toEqual(['4 of 5', '5 of 5', '1 of 5', '3 of 5']);
    expect(radar.summary).toMatch(/2 saved rounds are drawn/);
    const changes = doc.rounds!.changes;
    expect(changes.head).toEqual([
      '',
      'Round of 1 September 2026 to After the retreat (1 October 2026)',
      'Round of 1 September 2026 to now',
    ]);
    expect(changes.rows.find((r) => r.header === 'Trust')!.cells).toEqual(['+2', '+3']);
    expect(changes.rows.find((r) => r.header === 'Coalitions')!.cells).toEqual(['–', '0']);
    expect(doc.rounds!.values, 'the radar shows the values').toBeUndefined();
  });

  it('shows the latest five of more rounds and says so; the first-to-now change starts at the very first', () => {
    const many = Array.from({ length: 7 }, (_, i) => round(`r${i}`, `2026-0${i + 1}-15T12:00:00.000Z`, { 'trust-today': (i % 5) + 1 }));
    const doc = worksheetDocument(muscles, { 'trust-today': 5 }, { rounds: many });
    const radar = doc.charts[0]!;
    expect(radar.type === 'radar' && radar.rounds.map((r) => r.id)).toEqual(['r2', 'r3', 'r4', 'r5', 'r6']);
    expect(doc.rounds!.note).toBe('The radar and the tables show your latest 5 rounds of 7.');
    expect(doc.rounds!.changes.head.at(-1)).toBe('Round r0 (15 January 2026) to now');
    expect(doc.rounds!.changes.rows[1]!.cells.at(-1)).toBe('+4');
  });

  it('gives the trust inventory a table of values, and leaves rounds out of the blank page', () => {
    const t = [
      {
        ...round('r1', '2026-11-01T12:00:00.000Z', { 'bad-news-safe': 2, 'relationships:gone:trust-today': 3 }),
        labels: { 'relationships:gone:trust-today': 'A former ally' },
      },
    ];
    const doc = worksheetDocument(trust, { 'bad-news-safe': 4 }, { rounds: t });
    expect(doc.rounds!.values!.rows.map((r) => [r.header, ...r.cells])).toEqual([
      [trust.sections.flatMap((s) => s.prompts).find((p) => p.id === 'bad-news-safe')!.label, '2 of 5', '4 of 5'],
      ['A former ally', '3 of 5', '–'],
    ]);
    expect(worksheetDocument(muscles, answers, { rounds, blank: true }).rounds).toBeUndefined();
    expect(worksheetDocument(muscles, answers).rounds).toBeUndefined();
  });

  it('lists the axes with today’s ratings', () => {
    expect(roundAxes(muscles, answers).find((a) => a.id === 'trust-today')).toMatchObject({ label: 'Trust', value: 4, min: 1, max: 5 });
  });
});
