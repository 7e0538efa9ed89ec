/**
 * The prompt kinds table (src/worksheets/kinds.ts): cleaning, the display form, the blank page and the
 * plain-text reading, asserted exactly, since each is what a reader sees on screen, on paper or in the PDF.
 */
import { describe, expect, it } from 'vitest';
import type { Prompt, TableColumn } from '../../src/worksheets/schema';
import { parseWorksheet } from '../../src/worksheets/schema';
import {
  MAX_TEXT,
  blankAnswer,
  cellText,
  cleanAnswer,
  columnHint,
  displayAnswer,
  displayText,
  optionLabel,
} from '../../src/worksheets/kinds';
import { allKindsInput } from './worksheet-files';

const input = allKindsInput();
const prompts = input.sections[0]!.prompts;
prompts.find((p) => p['id'] === 'later')!['min'] = 0;
prompts.find((p) => p['id'] === 'later')!['max'] = 3;
const actors = prompts.find((p) => p['id'] === 'actors')!;
(actors['columns'] as Record<string, unknown>[])[0]!['help'] = 'Name or role';
(actors['columns'] as Record<string, unknown>[])[3]!['help'] = 'Where they sit';
const ws = parseWorksheet(input, 'worksheets/trust-inventory.yaml');
const byId = new Map<string, Prompt>(ws.sections.flatMap((s) => s.prompts).map((p) => [p.id, p]));
const p = (id: string): Prompt => byId.get(id)!;
const table = p('actors') as Extract<Prompt, { kind: 'table' }>;
const col = (id: string): TableColumn => table.columns.find((c) => c.id === id)!;

/** The table's columns as shown: each with what it expects. */
const COLUMNS = [
  { id: 'who', label: 'Who', hint: 'Name or role' },
  { id: 'power', label: 'Power', hint: '1 Low – 5 High' },
  { id: 'support', label: 'Support', hint: '1 Against – 5 For' },
  { id: 'side', label: 'Side', hint: 'Inside / Outside. Where they sit' },
];

describe('the blank page', () => {
  it('offers each kind its own answer space', () => {
    expect(blankAnswer(p('name'))).toEqual({ type: 'lines', lines: 1 });
    expect(blankAnswer(p('story'))).toEqual({ type: 'lines', lines: 6 });
    expect(blankAnswer(p('now'))).toEqual({ type: 'scale', values: [1, 2, 3, 4, 5], minLabel: 'Weak', maxLabel: 'Strong' });
    expect(blankAnswer(p('later'))).toEqual({ type: 'scale', values: [0, 1, 2, 3], minLabel: 'Weak', maxLabel: 'Strong' });
    expect(blankAnswer(p('mood'))).toEqual({ type: 'options', options: ['Calm', 'Cross'], multiple: false });
    expect(blankAnswer(p('tools'))).toEqual({ type: 'options', options: ['A pen', 'Paper', 'A wall'], multiple: true });
    expect(blankAnswer(p('next'))).toEqual({ type: 'slots', count: 3 });
    expect(blankAnswer(p('actors'))).toEqual({
      type: 'grid',
      rows: 4,
      columns: COLUMNS,
    });
  });

  it('hints nothing for a plain text column', () => {
    expect(columnHint({ id: 'x', label: 'X', kind: 'text' } as TableColumn)).toBe('');
  });
});

describe('cleaning', () => {
  it('keeps a scale value only when it is a whole number in range', () => {
    expect(cleanAnswer(p('later'), 0)).toBe(0);
    expect(cleanAnswer(p('later'), 3)).toBe(3);
    expect(cleanAnswer(p('later'), 4)).toBeUndefined();
    expect(cleanAnswer(p('later'), -1)).toBeUndefined();
    expect(cleanAnswer(p('later'), 1.5)).toBeUndefined();
    expect(cleanAnswer(p('later'), '2')).toBeUndefined();
  });

  it('cuts text, ranked items and table text cells to the longest text kept', () => {
    const long = 'a'.repeat(MAX_TEXT + 5);
    expect((cleanAnswer(p('name'), long) as string).length).toBe(MAX_TEXT);
    expect(cleanAnswer(p('next'), [long]) as string[]).toEqual(['a'.repeat(MAX_TEXT)]);
    expect(cleanAnswer(p('actors'), [{ id: 'r1', cells: { who: long } }])).toEqual([{ id: 'r1', cells: { who: 'a'.repeat(MAX_TEXT) } }]);
  });

  it('keeps ranked items in order up to the maximum, drops non-text and refuses a list of blanks', () => {
    expect(cleanAnswer(p('next'), ['one', 2, ' ', 'two', 'three', 'four'])).toEqual(['one', ' ', 'two']);
    expect(cleanAnswer(p('next'), [' ', ''])).toBeUndefined();
    expect(cleanAnswer(p('next'), 'one')).toBeUndefined();
    expect(cleanAnswer(p('next'), [])).toBeUndefined();
  });

  it('keeps checklist values in the order of the options', () => {
    expect(cleanAnswer(p('tools'), ['wall', 'pen', 'nope'])).toEqual(['pen', 'wall']);
    expect(cleanAnswer(p('tools'), ['nope'])).toBeUndefined();
    expect(cleanAnswer(p('tools'), 'pen')).toBeUndefined();
  });

  it('gives table rows stable ids: keeps good ones, renumbers bad or repeated ones past the ids in use', () => {
    expect(
      cleanAnswer(p('actors'), [
        { id: 'r2', cells: { who: 'A' } },
        { id: 'bad id!', cells: { who: 'B' } },
        { id: 'r2', cells: { who: 'C' } },
        { cells: { who: 'D' } },
        'not a row',
        { id: 'keep', cells: 'not cells' },
      ]),
    ).toEqual([
      { id: 'r2', cells: { who: 'A' } },
      { id: 'r3', cells: { who: 'B' } },
      { id: 'r4', cells: { who: 'C' } },
      { id: 'r5', cells: { who: 'D' } },
      { id: 'keep', cells: {} },
    ]);
    expect(
      cleanAnswer(p('actors'), [
        { id: 'a', cells: {} },
        { id: 'b', cells: { power: 9 } },
      ]),
    ).toBeUndefined();
    expect(cleanAnswer(p('actors'), [{ id: 'a', cells: { power: 5, side: 'out', support: 0 } }])).toEqual([
      { id: 'a', cells: { power: 5, side: 'out' } },
    ]);
  });
});

describe('the display form and its text', () => {
  it('reads each kind', () => {
    expect(displayText(displayAnswer(p('name'), 'Ada'), '-')).toBe('Ada');
    expect(displayText(displayAnswer(p('name'), ''), 'not answered')).toBe('not answered');
    expect(displayAnswer(p('now'), 4)).toEqual({ type: 'scale', value: 4, min: 1, max: 5, minLabel: 'Weak', maxLabel: 'Strong' });
    expect(displayText(displayAnswer(p('now'), 4), '-')).toBe('4 on a scale from 1 (Weak) to 5 (Strong)');
    expect(displayAnswer(p('mood'), 'cross')).toEqual({ type: 'choice', label: 'Cross' });
    expect(displayText(displayAnswer(p('mood'), 'cross'), '-')).toBe('Cross');
    expect(displayAnswer(p('tools'), ['wall', 'pen'])).toEqual({ type: 'list', ordered: false, items: ['A pen', 'A wall'] });
    expect(displayText(displayAnswer(p('tools'), ['wall', 'pen']), '-')).toBe('A pen\nA wall');
    expect(displayAnswer(p('next'), ['one', ' ', 'two'])).toEqual({ type: 'list', ordered: true, items: ['one', 'two'] });
    expect(displayText(displayAnswer(p('next'), ['one', ' ', 'two']), '-')).toBe('1. one\n2. two');
  });

  it('shows a table with labelled cells, without empty rows, a dash for a blank cell', () => {
    const d = displayAnswer(p('actors'), [
      { id: 'r1', cells: { who: 'Mayor', power: 5, side: 'in' } },
      { id: 'r2', cells: {} },
      { id: 'r3', cells: { support: 2 } },
    ]);
    expect(d).toEqual({
      type: 'table',
      columns: COLUMNS,
      rows: [
        { id: 'r1', cells: ['Mayor', '5', '', 'Inside'] },
        { id: 'r3', cells: ['', '', '2', ''] },
      ],
    });
    expect(displayText(d, '-')).toBe('Who: Mayor; Power: 5; Support: –; Side: Inside\nWho: –; Power: –; Support: 2; Side: –');
  });

  it('reads a cell by its label, a scale by its number, nothing as empty', () => {
    expect(cellText(col('side'), 'out')).toBe('Outside');
    expect(cellText(col('side'), 'gone')).toBe('gone');
    expect(cellText(col('power'), 3)).toBe('3');
    expect(cellText(col('who'), 'in')).toBe('in');
    expect(cellText(col('side'), undefined)).toBe('');
    expect(optionLabel([{ value: 'a', label: 'Aye' }], 'b')).toBe('b');
  });
});
