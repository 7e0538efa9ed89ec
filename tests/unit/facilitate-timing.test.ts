import { describe, expect, it } from 'vitest';
import {
  MINUTE,
  addTime,
  clock,
  clockWithDay,
  countdown,
  nextActivity,
  parseClock,
  position,
  runStarts,
  schedule,
  startRun,
  totalMinutes,
} from '../../src/facilitate/timing';
import { agenda, emptySheet, moveRow, printList, materialsList, validateSheet, type RunSheet } from '../../src/facilitate/run-sheet';

describe('clock times', () => {
  it('parse 24-hour times and refuse others', () => {
    expect(parseClock('09:30')).toBe(570);
    expect(parseClock('9.05')).toBe(545);
    expect(parseClock('23:59')).toBe(1439);
    expect(parseClock('24:00')).toBeNull();
    expect(parseClock('9:60')).toBeNull();
    expect(parseClock('half nine')).toBeNull();
  });

  it('show times past midnight on the next day', () => {
    expect(clock(1455)).toBe('00:15');
    expect(clockWithDay(1455)).toBe('00:15 (next day)');
    expect(clockWithDay(2 * 1440 + 540)).toBe('09:00 (day 3)');
    expect(clockWithDay(570)).toBe('09:30');
  });
});

describe('a schedule', () => {
  it('runs rows back to back across breaks', () => {
    const rows = [{ minutes: 20 }, { minutes: 15 }, { minutes: 45 }, { minutes: 10 }];
    expect(schedule(570, rows).map((s) => [clock(s.start), clock(s.end)])).toEqual([
      ['09:30', '09:50'],
      ['09:50', '10:05'],
      ['10:05', '10:50'],
      ['10:50', '11:00'],
    ]);
    expect(totalMinutes(rows)).toBe(90);
  });

  it('goes past midnight', () => {
    const slots = schedule(parseClock('23:30')!, [{ minutes: 45 }, { minutes: 30 }]);
    expect(slots.map((s) => clockWithDay(s.end))).toEqual(['00:15 (next day)', '00:45 (next day)']);
  });

  it('starts a new day of a retreat at the start time again', () => {
    const slots = schedule(540, [
      { minutes: 60, day: 1 },
      { minutes: 30, day: 1 },
      { minutes: 60, day: 2 },
    ]);
    expect(slots.map((s) => clockWithDay(s.start))).toEqual(['09:00', '10:00', '09:00 (next day)']);
  });
});

describe('run mode', () => {
  const t0 = Date.UTC(2026, 11, 1, 9, 30);
  const rows = [{ minutes: 10 }, { minutes: 20 }, { minutes: 15 }];

  it('knows the current activity and the time left', () => {
    const run = startRun(rows, t0);
    expect(position(run, t0)).toMatchObject({ index: 0, left: 10 * MINUTE });
    expect(position(run, t0 + 12 * MINUTE)).toMatchObject({ index: 1, left: 18 * MINUTE });
    expect(position(run, t0 + 45 * MINUTE)).toMatchObject({ index: 3, done: true });
  });

  it('shifts the rest by five minutes after "+5 min"', () => {
    const run = addTime(startRun(rows, t0), t0 + 8 * MINUTE);
    expect(run.lengths).toEqual([15 * MINUTE, 20 * MINUTE, 15 * MINUTE]);
    expect(runStarts(run).map((s) => (s - t0) / MINUTE)).toEqual([0, 15, 35]);
    expect(position(run, t0 + 12 * MINUTE)).toMatchObject({ index: 0, left: 3 * MINUTE });
    const twice = addTime(run, t0 + 20 * MINUTE);
    expect(runStarts(twice).map((s) => (s - t0) / MINUTE)).toEqual([0, 15, 40]);
  });

  it('moves on early with "next", bringing the rest forward', () => {
    const run = nextActivity(startRun(rows, t0), t0 + 4 * MINUTE);
    expect(runStarts(run).map((s) => (s - t0) / MINUTE)).toEqual([0, 4, 24]);
    expect(position(run, t0 + 4 * MINUTE).index).toBe(1);
  });

  it('changes nothing once the session is over', () => {
    const run = startRun(rows, t0);
    expect(addTime(run, t0 + 60 * MINUTE)).toBe(run);
  });

  it('counts down in minutes and seconds, rounding up', () => {
    expect(countdown(10 * MINUTE)).toBe('10:00');
    expect(countdown(61_001)).toBe('1:02');
    expect(countdown(2 * 60 * MINUTE + 5000)).toBe('2:00:05');
    expect(countdown(-5)).toBe('0:00');
  });
});

describe('a run-sheet', () => {
  const sheets = [
    { id: 'muscles-check', title: 'Seven muscles check', materials: ['Pens', 'A wall chart'] },
    { id: 'gaps-scan', title: 'Seven gaps scan', materials: ['Pens', 'Flip-chart paper'] },
  ];
  const sheet: RunSheet = {
    ...emptySheet(),
    groupSize: 6,
    rows: [
      { key: 'a', kind: 'worksheet', worksheet: 'muscles-check', label: 'Seven muscles check', minutes: 20 },
      { key: 'b', kind: 'break', label: 'Break', minutes: 15 },
      { key: 'c', kind: 'worksheet', worksheet: 'gaps-scan', label: 'Seven gaps scan', minutes: 30 },
      { key: 'd', kind: 'worksheet', worksheet: 'muscles-check', label: 'Back to the check', minutes: 10 },
    ],
  };

  it('lists each worksheet to print once, a copy per participant and one for the facilitator', () => {
    expect(printList(sheet, sheets)).toEqual([
      { worksheet: 'muscles-check', title: 'Seven muscles check', copies: 7 },
      { worksheet: 'gaps-scan', title: 'Seven gaps scan', copies: 7 },
    ]);
    expect(materialsList(sheet, sheets)).toEqual(['Pens', 'A wall chart', 'Flip-chart paper']);
  });

  it('gives a timed agenda', () => {
    expect(agenda(sheet, 600).map((r) => `${clock(r.start)} ${r.label}`)).toEqual([
      '10:00 Seven muscles check',
      '10:20 Break',
      '10:35 Seven gaps scan',
      '11:05 Back to the check',
    ]);
  });

  it('moves rows up and down, and not past either end', () => {
    expect(moveRow(sheet, 1, -1).rows.map((r) => r.key)).toEqual(['b', 'a', 'c', 'd']);
    expect(moveRow(sheet, 3, 1)).toBe(sheet);
    expect(moveRow(sheet, 0, -1)).toBe(sheet);
  });

  it('survives a round trip through JSON, and refuses malformed data', () => {
    expect(validateSheet(JSON.parse(JSON.stringify(sheet)))).toEqual(sheet);
    expect(() => validateSheet({ ...sheet, rows: [{ ...sheet.rows[0], minutes: -1 }] })).toThrow('length');
    expect(() => validateSheet({ ...sheet, rows: [sheet.rows[0], sheet.rows[0]] })).toThrow('unique');
    expect(() => validateSheet({ ...sheet, run: { startedAt: 1, lengths: [1] } })).toThrow('run');
    expect(() => validateSheet([])).toThrow();
  });

  it('keeps only the fields it knows', () => {
    const parsed = validateSheet(
      JSON.parse(JSON.stringify({ ...sheet, extra: 1, rows: [{ ...sheet.rows[0], __proto__: { x: 1 }, note: 'x' }] })),
    );
    expect(Object.keys(parsed.rows[0]!)).toEqual(['key', 'kind', 'label', 'minutes', 'worksheet']);
    expect('extra' in parsed).toBe(false);
  });
});
