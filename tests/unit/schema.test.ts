/**
 * The worksheet schema: every real definition parses, every example answer fits its worksheet, and a
 * broken definition fails with a message that names the file and the field.
 */
import { describe, expect, it } from 'vitest';
import { cleanAnswers, progress } from '../../src/worksheets/answers';
import {
  allPrompts,
  describePath,
  parseWorksheet,
  promptSchema,
  sitePath,
  worksheetSchema,
  type PromptKind,
} from '../../src/worksheets/schema';
import { WORKSHEET_IDS } from '../../src/data/frameworks';
import { allKindsInput, exampleFiles, loadExample, loadWorksheet, rawWorksheet, worksheetFiles } from './worksheet-files';

const KINDS: PromptKind[] = ['text', 'longtext', 'scale', 'choice', 'checklist', 'table', 'ranked'];
const FILE = 'worksheets/broken.yaml';

/** The message parseWorksheet throws for `data`, or '' when it parses. */
function failure(data: unknown): string {
  try {
    parseWorksheet(data, FILE);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('the real worksheet definitions', () => {
  it('finds worksheet files to check', () => {
    expect(worksheetFiles().length).toBeGreaterThanOrEqual(10);
  });

  it.each(worksheetFiles())('parses %s', (file) => {
    const id = file.replace(/\.yaml$/, '');
    const ws = loadWorksheet(id);
    expect(ws.id).toBe(id);
    expect(allPrompts(ws).length).toBeGreaterThan(0);
  });

  it('names each worksheet file after a planned worksheet id', () => {
    for (const file of worksheetFiles()) expect(WORKSHEET_IDS).toContain(file.replace(/\.yaml$/, ''));
  });

  it('uses every prompt kind somewhere', () => {
    const used = new Set(worksheetFiles().flatMap((f) => allPrompts(loadWorksheet(f.replace(/\.yaml$/, ''))).map((p) => p.kind)));
    expect([...used].sort()).toEqual([...KINDS].sort());
  });
});

describe('the example answers', () => {
  it('finds a complete and a partial example for several worksheets', () => {
    const files = exampleFiles();
    expect(files.filter((f) => f.endsWith('.complete.json')).length).toBeGreaterThanOrEqual(10);
    expect(files.filter((f) => f.endsWith('.partial.json')).length).toBeGreaterThanOrEqual(10);
  });

  it.each(exampleFiles())('keeps every answer in %s when cleaned against its worksheet', (file) => {
    const example = loadExample(file);
    expect(file.startsWith(`${example.worksheet}.`)).toBe(true);
    const ws = loadWorksheet(example.worksheet);
    const { answers, rejected } = cleanAnswers(ws, example.answers);
    expect(rejected).toEqual({});
    expect(answers).toEqual(example.answers);
  });

  it.each(exampleFiles().filter((f) => f.endsWith('.complete.json')))('answers every prompt in %s', (file) => {
    const example = loadExample(file);
    const { answered, total } = progress(loadWorksheet(example.worksheet), example.answers);
    expect(answered).toBe(total);
  });

  it.each(exampleFiles().filter((f) => f.endsWith('.partial.json')))('leaves some prompts unanswered in %s', (file) => {
    const example = loadExample(file);
    const { answered, total } = progress(loadWorksheet(example.worksheet), example.answers);
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThan(total);
  });
});

describe('each prompt kind', () => {
  it('accepts a worksheet with one prompt of every kind and both chart kinds', () => {
    const ws = parseWorksheet(allKindsInput(), FILE);
    expect(allPrompts(ws).map((p) => p.kind)).toEqual(expect.arrayContaining(KINDS));
    expect(ws.charts.map((c) => c.kind)).toEqual(['radar', 'map']);
  });

  it('fills in the defaults an author may leave out', () => {
    const ws = parseWorksheet(allKindsInput(), FILE);
    const byId = new Map(allPrompts(ws).map((p) => [p.id, p]));
    expect(byId.get('now')).toMatchObject({ kind: 'scale', min: 1, max: 5 });
    expect(byId.get('story')).toMatchObject({ kind: 'longtext', lines: 6 });
    expect(byId.get('actors')).toMatchObject({ kind: 'table', rows: 4, rowName: 'actor' });
    expect(byId.get('next')).toMatchObject({ kind: 'ranked', max: 3, itemName: 'step' });
    expect(ws).toMatchObject({ version: 1, muscles: [], levels: [], gaps: [], materials: [], facilitatorNotes: [], renamed: {} });
  });

  it('turns a plain string option into a value and a label', () => {
    const ws = parseWorksheet(allKindsInput(), FILE);
    const mood = allPrompts(ws).find((p) => p.id === 'mood');
    expect(mood?.kind === 'choice' && mood.options).toEqual([
      { value: 'Calm', label: 'Calm' },
      { value: 'cross', label: 'Cross' },
    ]);
  });

  it.each([
    { id: 'a', kind: 'text', label: 'A' },
    { id: 'a', kind: 'longtext', label: 'A', lines: 3 },
    { id: 'a', kind: 'scale', label: 'A', min: 0, max: 10, minLabel: 'None', maxLabel: 'All' },
    { id: 'a', kind: 'choice', label: 'A', options: ['Yes', 'No'] },
    { id: 'a', kind: 'checklist', label: 'A', options: ['Only one'] },
    { id: 'a', kind: 'table', label: 'A', columns: [{ id: 'c', label: 'C', kind: 'text' }] },
    { id: 'a', kind: 'ranked', label: 'A', max: 12 },
  ])('accepts a $kind prompt on its own', (prompt) => {
    expect(promptSchema.safeParse(prompt).success).toBe(true);
  });

  it('rejects a prompt kind it does not know', () => {
    expect(promptSchema.safeParse({ id: 'a', kind: 'slider', label: 'A' }).success).toBe(false);
  });

  it('rejects a prompt id with capitals or spaces', () => {
    expect(promptSchema.safeParse({ id: 'Your Name', kind: 'text', label: 'A' }).success).toBe(false);
  });

  it('rejects a choice with a single option', () => {
    expect(promptSchema.safeParse({ id: 'a', kind: 'choice', label: 'A', options: ['Only'] }).success).toBe(false);
  });
});

describe('a broken definition', () => {
  it('is reported in a message that starts with the file name and lists the field path', () => {
    const input = allKindsInput();
    input['muscles'] = ['grit'];
    const message = failure(input);
    expect(message).toMatch(/^worksheets\/broken\.yaml is not a valid worksheet:\n/);
    expect(message).toContain('  - muscles > item 1:');
  });

  it('rejects a prompt id used twice', () => {
    const input = allKindsInput();
    input.sections[0]!.prompts.push({ id: 'name', kind: 'text', label: 'Your name again' });
    expect(failure(input)).toMatchInlineSnapshot(`
      "worksheets/broken.yaml is not a valid worksheet:
        - section "all" > prompt "name" > id: the prompt id "name" is used twice; each prompt needs its own id"
    `);
  });

  it('rejects a scale whose min is not below its max', () => {
    const input = allKindsInput();
    Object.assign(input.sections[0]!.prompts[2]!, { min: 5, max: 5 });
    expect(failure(input)).toMatchInlineSnapshot(`
      "worksheets/broken.yaml is not a valid worksheet:
        - section "all" > prompt "now" > max: max (5) must be greater than min (5)"
    `);
  });

  it('rejects a scale table column whose min is above its max', () => {
    const input = allKindsInput();
    const table = input.sections[0]!.prompts[7] as { columns: Record<string, unknown>[] };
    Object.assign(table.columns[1]!, { min: 4, max: 2 });
    expect(failure(input)).toMatchInlineSnapshot(`
      "worksheets/broken.yaml is not a valid worksheet:
        - section "all" > prompt "actors" > column "power" > max: max (2) must be greater than min (4)"
    `);
  });

  it('rejects a scale table column whose min equals its max, and lists every issue on a line of its own', () => {
    const input = allKindsInput();
    const table = input.sections[0]!.prompts[7] as { columns: Record<string, unknown>[] };
    Object.assign(table.columns[1]!, { min: 3, max: 3 });
    Object.assign(table.columns[2]!, { min: 2, max: 1 });
    expect(failure(input)).toBe(
      [
        `${FILE} is not a valid worksheet:`,
        '  - section "all" > prompt "actors" > column "power" > max: max (3) must be greater than min (3)',
        '  - section "all" > prompt "actors" > column "support" > max: max (1) must be greater than min (2)',
      ].join('\n'),
    );
  });

  it('asks how a nearest real example relates to the worksheet', () => {
    const input = allKindsInput();
    input['realExample'] = { source: 'justsystems-2024', text: 'The source reviewed 53 initiatives.', fit: 'nearest' };
    expect(failure(input)).toBe(
      `${FILE} is not a valid worksheet:\n  - realExample > relation: relation is required when fit is "nearest": say how the example relates`,
    );
  });

  it('rejects two table columns with the same id', () => {
    const input = allKindsInput();
    const table = input.sections[0]!.prompts[7] as { columns: Record<string, unknown>[] };
    table.columns.push({ id: 'who', label: 'Who again', kind: 'text' });
    expect(failure(input)).toMatchInlineSnapshot(`
      "worksheets/broken.yaml is not a valid worksheet:
        - section "all" > prompt "actors" > column "who" > id: the column id "who" is used twice in this table"
    `);
  });

  it('rejects two sections with the same id', () => {
    const input = allKindsInput();
    input.sections.push({ id: 'all', title: 'Again', prompts: [{ id: 'more', kind: 'text', label: 'More' }] });
    expect(failure(input)).toMatchInlineSnapshot(`
      "worksheets/broken.yaml is not a valid worksheet:
        - section "all" > id: the section id "all" is used twice"
    `);
  });

  it('rejects a section id that is also a prompt id', () => {
    const input = allKindsInput();
    input.sections.push({ id: 'name', title: 'Names', prompts: [{ id: 'more', kind: 'text', label: 'More' }] });
    expect(failure(input)).toMatchInlineSnapshot(`
      "worksheets/broken.yaml is not a valid worksheet:
        - section "name" > id: the section id "name" is also a prompt id; use another"
    `);
  });

  it('rejects two charts with the same id', () => {
    const input = allKindsInput();
    (input['charts'] as Record<string, unknown>[])[1]!['id'] = 'strength';
    expect(failure(input)).toMatchInlineSnapshot(`
      "worksheets/broken.yaml is not a valid worksheet:
        - chart "strength" > id: the chart id "strength" is used twice"
    `);
  });

  it('rejects a radar axis that points at a prompt that is not a scale', () => {
    const input = allKindsInput();
    const radar = (input['charts'] as { axes: { prompts: string[] }[] }[])[0]!;
    radar.axes[1]!.prompts = ['later', 'story'];
    expect(failure(input)).toMatchInlineSnapshot(`
      "worksheets/broken.yaml is not a valid worksheet:
        - chart "strength" > axis "B" > prompt 2: "story" is a longtext prompt; a radar axis needs a scale prompt"
    `);
  });

  it('rejects a radar axis that points at no prompt at all', () => {
    const input = allKindsInput();
    const radar = (input['charts'] as { axes: { prompts: string[] }[] }[])[0]!;
    radar.axes[0]!.prompts = ['now', 'nowhere'];
    expect(failure(input)).toMatchInlineSnapshot(`
      "worksheets/broken.yaml is not a valid worksheet:
        - chart "strength" > axis "A" > prompt 2: "nowhere" is not a prompt of this worksheet"
    `);
  });

  it('rejects a radar axis without one prompt per series', () => {
    const input = allKindsInput();
    const radar = (input['charts'] as { axes: { prompts: string[] }[] }[])[0]!;
    radar.axes[2]!.prompts = ['soon'];
    expect(failure(input)).toMatchInlineSnapshot(`
      "worksheets/broken.yaml is not a valid worksheet:
        - chart "strength" > axis "C" > prompts: the axis "C" names 1 prompt(s); it needs one per series (2: Today, Later)"
    `);
  });

  it('rejects a map whose axis is not a scale column', () => {
    const input = allKindsInput();
    const map = (input['charts'] as Record<string, unknown>[])[1]!;
    map['y'] = 'side';
    expect(failure(input)).toMatchInlineSnapshot(`
      "worksheets/broken.yaml is not a valid worksheet:
        - chart "actors-map" > y: the column "side" is a choice column; expected a scale column"
    `);
  });

  it('rejects a map whose label is not a text column', () => {
    const input = allKindsInput();
    const map = (input['charts'] as Record<string, unknown>[])[1]!;
    map['label'] = 'power';
    expect(failure(input)).toMatchInlineSnapshot(`
      "worksheets/broken.yaml is not a valid worksheet:
        - chart "actors-map" > label: the column "power" is a scale column; expected a text column"
    `);
  });

  it('rejects a map that names a prompt that is not a table', () => {
    const input = allKindsInput();
    const map = (input['charts'] as Record<string, unknown>[])[1]!;
    map['table'] = 'next';
    expect(failure(input)).toMatchInlineSnapshot(`
      "worksheets/broken.yaml is not a valid worksheet:
        - chart "actors-map" > table: "next" is a ranked prompt; a map needs a table prompt"
    `);
  });

  it('rejects group mode without a group size', () => {
    const input = allKindsInput();
    input['mode'] = 'group';
    expect(failure(input)).toMatchInlineSnapshot(`
      "worksheets/broken.yaml is not a valid worksheet:
        - groupSize: groupSize ({ min, max }) is required when mode is "group""
    `);
  });

  it('accepts group mode with a group size', () => {
    const input = allKindsInput();
    input['mode'] = 'both';
    input['groupSize'] = { min: 2, max: 6 };
    expect(failure(input)).toBe('');
  });

  it('rejects a group size whose min exceeds its max', () => {
    const input = allKindsInput();
    input['mode'] = 'both';
    input['groupSize'] = { min: 8, max: 4 };
    expect(failure(input)).toMatchInlineSnapshot(`
      "worksheets/broken.yaml is not a valid worksheet:
        - groupSize > min: min (8) must not exceed max (4)"
    `);
  });

  it('rejects a muscle id the guide does not know', () => {
    const input = allKindsInput();
    input['muscles'] = ['trust', 'grit'];
    expect(failure(input)).toMatchInlineSnapshot(`
      "worksheets/broken.yaml is not a valid worksheet:
        - muscles > item 2: "grit" is not a muscle id; use one of: state-capability, trust, people-and-relationships, coalitions, reflection, purpose, resourcing"
    `);
  });

  it('rejects a worksheet id the guide does not plan', () => {
    const input = allKindsInput();
    input['id'] = 'not-planned';
    expect(failure(input)).toMatchInlineSnapshot(`
      "worksheets/broken.yaml is not a valid worksheet:
        - id: "not-planned" is not a planned worksheet id (see WORKSHEET_IDS in src/data/frameworks.ts); use one of: muscles-check, gaps-scan, levels-scan, meet-government, politics-map, trust-inventory, lives-not-outputs, coalition-map, step-back, purpose-and-priorities, flexible-resourcing, honest-reporting, three-horizons, paradigm-audit, decision-locus, power-with, action-learning, outcomes-manager"
    `);
  });

  it('rejects a rename that points to no prompt', () => {
    const input = allKindsInput();
    input['renamed'] = { 'old-name': 'nowhere' };
    expect(failure(input)).toMatchInlineSnapshot(`
      "worksheets/broken.yaml is not a valid worksheet:
        - renamed > old-name: "old-name" is renamed to "nowhere", which is not a prompt of this worksheet"
    `);
  });

  it('rejects a rename from an id that is still a prompt', () => {
    const input = allKindsInput();
    input['renamed'] = { story: 'name' };
    expect(failure(input)).toMatchInlineSnapshot(`
      "worksheets/broken.yaml is not a valid worksheet:
        - renamed > story: "story" is still a prompt id, so it cannot also be a former id"
    `);
  });

  it('rejects an unknown key at the top level', () => {
    const input = allKindsInput();
    input['colour'] = 'blue';
    expect(failure(input)).toMatchInlineSnapshot(`
      "worksheets/broken.yaml is not a valid worksheet:
        - (the whole file): Unrecognized key: "colour""
    `);
  });

  it('rejects an unknown key inside a prompt, naming its path', () => {
    const input = allKindsInput();
    input.sections[0]!.prompts[0]!['placeholder'] = 'Jane';
    expect(failure(input)).toMatchInlineSnapshot(`
      "worksheets/broken.yaml is not a valid worksheet:
        - section "all" > prompt "name": Unrecognized key: "placeholder""
    `);
  });

  it('rejects a real worksheet with a misspelt field, naming its file', () => {
    const raw = rawWorksheet('trust-inventory');
    raw['facilitatorNote'] = raw['facilitatorNotes'];
    expect(() => parseWorksheet(raw, 'worksheets/trust-inventory.yaml')).toThrow(
      /^worksheets\/trust-inventory\.yaml is not a valid worksheet:[\s\S]*facilitatorNote/,
    );
  });

  it('leaves the schema usable for a direct safeParse', () => {
    expect(worksheetSchema.safeParse(allKindsInput()).success).toBe(true);
    expect(worksheetSchema.safeParse({}).success).toBe(false);
  });
});

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
