/**
 * The method card and the timings in the worksheet schema: every card field is required, a real example
 * names one of the five sources and says how it relates when it is only the nearest one, and group
 * time and fieldwork are accepted only where they make sense.
 */
import { describe, expect, it } from 'vitest';
import { parseWorksheet } from '../../src/worksheets/schema';
import { SOURCE_IDS } from '../../src/data/sources';
import { runTime, timeLine } from '../../src/lib/timing';
import { allKindsInput, loadWorksheet, worksheetFiles } from './worksheet-files';

const FILE = 'worksheets/broken.yaml';
const CARD_FIELDS = ['whenToUse', 'whenNotToUse', 'leaveWith', 'involve', 'watchOutFor', 'realExample'] as const;
const LIST_FIELDS = CARD_FIELDS.filter((f) => f !== 'realExample');

/** The every-kind worksheet, for groups of up to `max` people. */
function forGroups(max: number): ReturnType<typeof allKindsInput> {
  const input = allKindsInput();
  input['mode'] = 'both';
  input['groupSize'] = { min: 2, max };
  return input;
}

function failure(data: unknown): string {
  try {
    parseWorksheet(data, FILE);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('the method card fields', () => {
  it.each(CARD_FIELDS)('fails the build, naming the field, when %s is missing', (field) => {
    const input = allKindsInput();
    delete input[field];
    expect(failure(input)).toMatch(new RegExp(`^worksheets/broken\\.yaml is not a valid worksheet:[\\s\\S]*  - ${field}: `));
  });

  it.each(LIST_FIELDS)('rejects an empty %s list and an empty point', (field) => {
    const empty = allKindsInput();
    empty[field] = [];
    expect(failure(empty)).toMatch(new RegExp(`  - ${field}: `));
    const blank = allKindsInput();
    blank[field] = ['A point.', ''];
    expect(failure(blank)).toMatch(new RegExp(`  - ${field} > item 2: `));
  });

  it('rejects a real example from a source that is not one of the five', () => {
    const input = allKindsInput();
    input['realExample'] = { source: 'wikipedia', text: 'Something.', fit: 'direct' };
    expect(failure(input)).toMatch(/  - realExample > source: "wikipedia" is not one of the five sources/);
  });

  it('requires a relation when the example is only the nearest one', () => {
    const input = allKindsInput();
    input['realExample'] = { source: 'trends', text: 'Something the blog says.', fit: 'nearest' };
    expect(failure(input)).toMatch(/  - realExample > relation: relation is required when fit is "nearest"/);
    input['realExample'] = { ...(input['realExample'] as object), relation: 'How it bears on the worksheet.' };
    expect(failure(input)).toBe('');
  });

  it('rejects an unknown key in the real example', () => {
    const input = allKindsInput();
    input['realExample'] = { source: 'trends', text: 'Something.', fit: 'direct', page: 4 };
    expect(failure(input)).toMatch(/  - realExample: .*"page"/);
  });

  it.each(worksheetFiles())('gives %s a full card whose example cites one of the five sources', (file) => {
    const ws = loadWorksheet(file.replace(/\.yaml$/, ''));
    for (const field of LIST_FIELDS) expect(ws[field].length, field).toBeGreaterThan(0);
    expect(SOURCE_IDS).toContain(ws.realExample.source);
    if (ws.realExample.fit === 'nearest') expect(ws.realExample.relation).toBeTruthy();
  });
});

describe('the timings', () => {
  it('accepts a group time and a fieldwork note on a worksheet for groups', () => {
    const input = forGroups(12);
    input['time'] = { prep: 5, run: 15, groupRun: 60, followUp: 10, fieldwork: 'Interviews held over one to two weeks' };
    const ws = parseWorksheet(input, FILE);
    expect(ws.time).toEqual({ prep: 5, run: 15, groupRun: 60, followUp: 10, fieldwork: 'Interviews held over one to two weeks' });
  });

  it('leaves both out when a worksheet does not set them', () => {
    const ws = parseWorksheet(allKindsInput(), FILE);
    expect(ws.time.groupRun).toBeUndefined();
    expect(ws.time.fieldwork).toBeUndefined();
  });

  it('rejects a group time on a worksheet for one person', () => {
    const input = allKindsInput();
    input['time'] = { prep: 0, run: 10, groupRun: 30, followUp: 0 };
    expect(failure(input)).toMatch(/  - time > groupRun: time\.groupRun is for group sessions/);
  });

  it('rejects a group time equal to the solo time', () => {
    const input = forGroups(6);
    input['time'] = { prep: 0, run: 30, groupRun: 30, followUp: 0 };
    expect(failure(input)).toMatch(/  - time > groupRun: time\.groupRun equals time\.run/);
  });

  it('rejects a group time below one minute, and an empty fieldwork note', () => {
    const input = forGroups(6);
    input['time'] = { prep: 0, run: 30, groupRun: 0, followUp: 0, fieldwork: '' };
    const message = failure(input);
    expect(message).toMatch(/  - time > groupRun: /);
    expect(message).toMatch(/  - time > fieldwork: /);
  });

  it('gives every worksheet for large groups a group time longer than the solo time', () => {
    for (const file of worksheetFiles()) {
      const ws = loadWorksheet(file.replace(/\.yaml$/, ''));
      if (ws.mode === 'solo' || !ws.groupSize || ws.groupSize.max < 8) continue;
      expect(ws.time.groupRun, ws.id).toBeGreaterThan(ws.time.run);
    }
  });
});

describe('the time line shown on worksheet pages', () => {
  const group = { min: 2, max: 12 };
  it('gives the solo and the group time apart when both are set', () => {
    expect(runTime({ mode: 'both', groupSize: group, time: { prep: 5, run: 15, groupRun: 60, followUp: 15 } })).toBe(
      '15 min on your own, 1 h for a group of 12',
    );
    expect(runTime({ mode: 'group', groupSize: group, time: { prep: 0, run: 45, groupRun: 75, followUp: 0 } })).toBe(
      '45 min to run, 1 h 15 min for a group of 12',
    );
  });

  it('gives one time when there is no group time', () => {
    expect(runTime({ mode: 'both', groupSize: group, time: { prep: 0, run: 40, followUp: 0 } })).toBe('40 min to run');
    expect(runTime({ mode: 'solo', time: { prep: 0, run: 20, followUp: 0 } })).toBe('20 min to run');
  });

  it('adds preparation and follow-up, or says there is none', () => {
    expect(timeLine({ mode: 'solo', time: { prep: 0, run: 20, followUp: 0 } })).toBe('20 min to run; no preparation; no follow-up');
    expect(timeLine({ mode: 'both', groupSize: group, time: { prep: 90, run: 15, groupRun: 60, followUp: 15 } })).toBe(
      '15 min on your own, 1 h for a group of 12; 1 h 30 min to prepare; 15 min to follow up',
    );
  });
});
