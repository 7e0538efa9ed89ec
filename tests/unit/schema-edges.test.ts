/**
 * Worksheet schema checks the main schema tests leave open: the id and site-path patterns end to end,
 * defaults, `mode: both`, group sizes, the map's columns, the radar's three axes, and where a message
 * says an issue is.
 */
import { describe, expect, it } from 'vitest';
import { describePath, parseWorksheet, promptSchema, sitePath } from '../../src/worksheets/schema';
import { allKindsInput } from './worksheet-files';

const FILE = 'worksheets/broken.yaml';
function failure(data: unknown): string {
  try {
    parseWorksheet(data, FILE);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}
type Input = ReturnType<typeof allKindsInput>;
const edited = (edit: (input: Input) => void): string => {
  const input = allKindsInput();
  edit(input);
  return failure(input);
};
const charts = (input: Input) => input['charts'] as Record<string, unknown>[];

describe('ids and paths', () => {
  it('accepts an id only when all of it is lower case letters, digits and hyphens', () => {
    expect(promptSchema.safeParse({ id: 'good-id-2', kind: 'text', label: 'A' }).success).toBe(true);
    for (const id of ['good!', 'good id', 'good\n', '2good', '-good'])
      expect(promptSchema.safeParse({ id, kind: 'text', label: 'A' }).success, id).toBe(false);
    expect(edited((i) => (i.sections[0]!.prompts[0]!['id'] = 'name!'))).toBe(
      `${FILE} is not a valid worksheet:\n  - section "all" > prompt "name!" > id: use lower-case letters, digits and hyphens, starting with a letter`,
    );
  });

  it('accepts a site path only when all of it is a path on this site', () => {
    expect(sitePath.safeParse('/muscles/trust/').success).toBe(true);
    expect(sitePath.safeParse('/').success).toBe(true);
    for (const p of ['https://example.org/x', '//example.org/x', '/\\example.org', '/muscles/a b', '/a:b', 'muscles/trust/', 'x/muscles/'])
      expect(sitePath.safeParse(p).success, p).toBe(false);
    expect(sitePath.safeParse('//x').error?.issues[0]?.message).toBe(
      'use a path on this site that starts with one "/", such as "/muscles/trust/"',
    );
  });
});

describe('defaults and limits', () => {
  it('names table rows "row" and ranked items "item" unless told otherwise', () => {
    const input = allKindsInput();
    for (const p of input.sections[0]!.prompts) {
      delete p['rowName'];
      delete p['itemName'];
    }
    const ws = parseWorksheet(input, FILE);
    const prompts = ws.sections[0]!.prompts;
    expect(prompts.find((p) => p.kind === 'table')).toMatchObject({ rowName: 'row', rows: 4 });
    expect(prompts.find((p) => p.kind === 'ranked')).toMatchObject({ itemName: 'item' });
  });

  it('accepts any version from 1 up', () => {
    expect(parseWorksheet({ ...allKindsInput(), version: 3 }, FILE).version).toBe(3);
    expect(failure({ ...allKindsInput(), version: 0 })).not.toBe('');
  });

  it('names the list an unknown level or gap id should come from', () => {
    expect(failure({ ...allKindsInput(), levels: ['moon'] })).toContain('"moon" is not a level id; use one of:');
    expect(failure({ ...allKindsInput(), gaps: ['moon'] })).toContain('"moon" is not a gap id; use one of:');
  });
});

describe('group sessions', () => {
  const group = { min: 3, max: 8 };
  it('accepts a group size of one exact number', () => {
    expect(failure({ ...allKindsInput(), mode: 'group', groupSize: { min: 4, max: 4 } })).toBe('');
  });

  it('requires a group size for mode both, and says which mode', () => {
    expect(failure({ ...allKindsInput(), mode: 'both' })).toBe(
      `${FILE} is not a valid worksheet:\n  - groupSize: groupSize ({ min, max }) is required when mode is "both"`,
    );
  });

  it('takes a separate group time only where it differs, for mode both', () => {
    const time = (groupRun: number) => ({ prep: 0, run: 10, followUp: 0, groupRun });
    expect(failure({ ...allKindsInput(), mode: 'both', groupSize: group, time: time(30) })).toBe('');
    expect(failure({ ...allKindsInput(), mode: 'both', groupSize: group, time: time(10) })).toBe(
      `${FILE} is not a valid worksheet:\n  - time > groupRun: time.groupRun equals time.run: leave it out when the group takes the solo time`,
    );
    expect(failure({ ...allKindsInput(), mode: 'group', groupSize: group, time: time(10) })).toBe('');
    expect(failure({ ...allKindsInput(), mode: 'solo', time: time(30) })).toBe(
      `${FILE} is not a valid worksheet:\n  - time > groupRun: time.groupRun is for group sessions: remove it, or set mode to group or both`,
    );
  });
});

describe('charts', () => {
  it('needs two different columns for the map', () => {
    expect(edited((i) => (charts(i)[1]!['y'] = 'power'))).toBe(
      `${FILE} is not a valid worksheet:\n  - chart "actors-map" > y: x and y are both "power"; the map needs two different columns`,
    );
  });

  it('names a map column that is not in the table, for the label and for an axis', () => {
    expect(edited((i) => (charts(i)[1]!['label'] = 'nobody'))).toBe(
      `${FILE} is not a valid worksheet:\n  - chart "actors-map" > label: "nobody" is not a column of the table "actors"`,
    );
    expect(edited((i) => (charts(i)[1]!['x'] = 'nothing'))).toBe(
      `${FILE} is not a valid worksheet:\n  - chart "actors-map" > x: "nothing" is not a column of the table "actors"`,
    );
  });

  it('names a map table that is not a prompt at all', () => {
    expect(edited((i) => (charts(i)[1]!['table'] = 'nowhere'))).toBe(
      `${FILE} is not a valid worksheet:\n  - chart "actors-map" > table: "nowhere" is not a prompt of this worksheet`,
    );
  });

  it('needs at least three radar axes', () => {
    const two = edited((i) => (charts(i)[0]!['axes'] = (charts(i)[0]!['axes'] as unknown[]).slice(0, 2)));
    expect(two).toMatch(/^worksheets\/broken\.yaml is not a valid worksheet:\n {2}- chart "strength" > axes: /);
    expect(edited(() => {})).toBe('');
  });
});

describe('where an issue is', () => {
  const data = allKindsInput();
  it('names items by id, by label, or by number', () => {
    expect(describePath([], data)).toBe('(the whole file)');
    expect(describePath(['sections', 0, 'prompts', 2, 'max'], data)).toBe('section "all" > prompt "now" > max');
    expect(describePath(['charts', 0, 'axes', 1, 'prompts', 0], data)).toBe('chart "strength" > axis "B" > prompt 1');
    expect(describePath(['steps', 5], data)).toBe('step 6');
    expect(describePath(['muscles', 0], data)).toBe('muscles > item 1');
  });

  it('copes with gaps and odd values in the data', () => {
    expect(describePath(['sections', 0], undefined)).toBe('section 1');
    expect(describePath(['sections', 0, 'id'], { sections: [null] })).toBe('section 1 > id');
    expect(describePath(['a', 'b'], { a: null })).toBe('a > b');
    expect(describePath(['options', 0], { options: [null] })).toBe('option 1');
    expect(describePath(['options', 0], { options: ['Calm'] })).toBe('option 1');
    expect(describePath(['options', 0], { options: [{ label: 5 }] })).toBe('option 1');
    expect(describePath(['options', 0], { options: [{ label: 'Calm' }] })).toBe('option "Calm"');
    expect(describePath(['options', 0], { options: [{ id: 7, label: 'Calm' }] })).toBe('option "Calm"');
  });
});
