/**
 * Answers: what each prompt kind keeps, what it drops, how progress is counted.
 * Everything read from storage or an imported file goes through cleanAnswer(s), so these tests feed it
 * hostile and malformed values as well as good ones.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  answerText,
  cleanAnswer,
  cleanAnswers,
  isAnswered,
  migrateAnswers,
  progress,
  sameAnswer,
  type TableRow,
} from '../../src/worksheets/answers';
import { allPrompts, parseWorksheet, type Prompt } from '../../src/worksheets/schema';
import { allKindsInput, exampleFiles, loadExample, loadWorksheet } from './worksheet-files';

const ws = parseWorksheet(allKindsInput(), 'all-kinds');
const prompt = (id: string): Prompt => {
  const p = allPrompts(ws).find((x) => x.id === id);
  if (!p) throw new Error(`no prompt ${id}`);
  return p;
};

afterEach(() => {
  // In case a test below did pollute the prototype, do not let it leak into the next one.
  delete (Object.prototype as Record<string, unknown>)['polluted'];
});

describe('cleanAnswer for text and longtext', () => {
  it('keeps a string', () => {
    expect(cleanAnswer(prompt('name'), 'Amina')).toBe('Amina');
    expect(cleanAnswer(prompt('story'), 'Line one\nLine two')).toBe('Line one\nLine two');
  });

  it('drops an empty string and values that are not strings', () => {
    expect(cleanAnswer(prompt('name'), '')).toBeUndefined();
    expect(cleanAnswer(prompt('name'), 42)).toBeUndefined();
    expect(cleanAnswer(prompt('name'), ['Amina'])).toBeUndefined();
    expect(cleanAnswer(prompt('name'), { toString: () => 'x' })).toBeUndefined();
    expect(cleanAnswer(prompt('name'), null)).toBeUndefined();
  });

  it('keeps markup as plain text, unchanged', () => {
    expect(cleanAnswer(prompt('story'), '<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it('cuts a very long text to 100,000 characters', () => {
    expect((cleanAnswer(prompt('story'), 'a'.repeat(100_050)) as string).length).toBe(100_000);
  });
});

describe('cleanAnswer for a scale', () => {
  it('keeps each whole number from min to max', () => {
    for (const v of [1, 2, 3, 4, 5]) expect(cleanAnswer(prompt('now'), v)).toBe(v);
  });

  it('drops a value out of range', () => {
    expect(cleanAnswer(prompt('now'), 0)).toBeUndefined();
    expect(cleanAnswer(prompt('now'), 6)).toBeUndefined();
    expect(cleanAnswer(prompt('now'), -1)).toBeUndefined();
  });

  it('drops a fraction, a numeric string and NaN', () => {
    expect(cleanAnswer(prompt('now'), 2.5)).toBeUndefined();
    expect(cleanAnswer(prompt('now'), '3')).toBeUndefined();
    expect(cleanAnswer(prompt('now'), Number.NaN)).toBeUndefined();
  });
});

describe('cleanAnswer for a choice', () => {
  it('keeps a known option value', () => {
    expect(cleanAnswer(prompt('mood'), 'cross')).toBe('cross');
    expect(cleanAnswer(prompt('mood'), 'Calm')).toBe('Calm');
  });

  it('drops an unknown option, and a label used in place of its value', () => {
    expect(cleanAnswer(prompt('mood'), 'elated')).toBeUndefined();
    expect(cleanAnswer(prompt('mood'), 'Cross')).toBeUndefined();
  });
});

describe('cleanAnswer for a checklist', () => {
  it('puts the ticked options in the order the worksheet lists them', () => {
    expect(cleanAnswer(prompt('tools'), ['wall', 'pen'])).toEqual(['pen', 'wall']);
  });

  it('drops unknown options and keeps the known ones', () => {
    expect(cleanAnswer(prompt('tools'), ['paper', 'laser', 7])).toEqual(['paper']);
  });

  it('drops a list with no known option, and a value that is not a list', () => {
    expect(cleanAnswer(prompt('tools'), ['laser'])).toBeUndefined();
    expect(cleanAnswer(prompt('tools'), [])).toBeUndefined();
    expect(cleanAnswer(prompt('tools'), 'pen')).toBeUndefined();
  });

  it('lists each ticked option once even when stored twice', () => {
    expect(cleanAnswer(prompt('tools'), ['pen', 'pen'])).toEqual(['pen']);
  });
});

describe('cleanAnswer for a ranked list', () => {
  it('keeps the items in their order', () => {
    expect(cleanAnswer(prompt('next'), ['Call Sam', 'Write to the board'])).toEqual(['Call Sam', 'Write to the board']);
  });

  it('trims the list to the most items allowed', () => {
    expect(cleanAnswer(prompt('next'), ['a', 'b', 'c', 'd', 'e'])).toEqual(['a', 'b', 'c']);
  });

  it('drops items that are not strings', () => {
    expect(cleanAnswer(prompt('next'), ['a', 3, null, { x: 1 }, 'b'])).toEqual(['a', 'b']);
  });

  it('drops a list of blank items', () => {
    expect(cleanAnswer(prompt('next'), ['', '  '])).toBeUndefined();
    expect(cleanAnswer(prompt('next'), 'a')).toBeUndefined();
  });
});

describe('cleanAnswer for a table', () => {
  const actors = () => prompt('actors');

  it('keeps rows with their ids and valid cells', () => {
    const rows = [
      { id: 'r1', cells: { who: 'Finance office', power: 5, support: 2, side: 'in' } },
      { id: 'r2', cells: { who: 'Union' } },
    ];
    expect(cleanAnswer(actors(), rows)).toEqual(rows);
  });

  it('drops cells for unknown columns and cells that do not fit their column', () => {
    const rows = [{ id: 'r1', cells: { who: 'Mayor', power: 9, support: '3', side: 'elsewhere', colour: 'red', notes: 'x' } }];
    expect(cleanAnswer(actors(), rows)).toEqual([{ id: 'r1', cells: { who: 'Mayor' } }]);
  });

  it('drops rows that are not objects', () => {
    expect(cleanAnswer(actors(), ['Mayor', null, 3, [{ who: 'x' }], { id: 'r1', cells: { who: 'Mayor' } }])).toEqual([
      { id: 'r1', cells: { who: 'Mayor' } },
    ]);
  });

  it('drops a table whose rows have no cells left', () => {
    expect(cleanAnswer(actors(), [{ id: 'r1', cells: {} }, { id: 'r2', cells: { colour: 'red' } }, { id: 'r3' }])).toBeUndefined();
  });

  it('replaces a missing, unsafe, too long or repeated row id with a fresh one', () => {
    const rows = [
      { cells: { who: 'a' } },
      { id: 'x"><script>', cells: { who: 'b' } },
      { id: 'r'.repeat(41), cells: { who: 'c' } },
      { id: 'same', cells: { who: 'd' } },
      { id: 'same', cells: { who: 'e' } },
      { id: 12, cells: { who: 'f' } },
    ];
    const clean = cleanAnswer(actors(), rows) as TableRow[];
    expect(clean.map((r) => r.cells['who'])).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(clean[3]!.id).toBe('same');
    for (const row of clean) expect(row.id).toMatch(/^[a-z0-9-]{1,40}$/i);
    expect(new Set(clean.map((r) => r.id)).size).toBe(clean.length);
  });

  it('gives every row a distinct id even when a stored id looks like a generated one', () => {
    // The first row keeps "r2-1"; the second needs a fresh id, which must not be "r2-1" again.
    const clean = cleanAnswer(actors(), [
      { id: 'r2-1', cells: { who: 'a' } },
      { id: 'not valid!', cells: { who: 'b' } },
    ]) as TableRow[];
    expect(clean.map((r) => r.cells['who'])).toEqual(['a', 'b']);
    expect(new Set(clean.map((r) => r.id)).size).toBe(2);
  });

  it('ignores "__proto__" in a row and in its cells, and does not pollute Object.prototype', () => {
    const raw: unknown = JSON.parse(
      '[{"__proto__": {"polluted": 1}, "id": "r1", "cells": {"__proto__": {"polluted": 1}, "who": "Mayor", "constructor": {"prototype": {"polluted": 1}}}}]',
    );
    const clean = cleanAnswer(actors(), raw) as TableRow[];
    expect(clean).toEqual([{ id: 'r1', cells: { who: 'Mayor' } }]);
    expect(Object.keys(clean[0]!.cells)).toEqual(['who']);
    expect(Object.getPrototypeOf(clean[0]!.cells)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(clean[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('does not read cells inherited from a prototype', () => {
    const cells = Object.create({ who: 'inherited' }) as Record<string, unknown>;
    cells['power'] = 2;
    expect(cleanAnswer(actors(), [{ id: 'r1', cells }])).toEqual([{ id: 'r1', cells: { power: 2 } }]);
  });
});

describe('cleanAnswers for a whole worksheet', () => {
  it('keeps answers that fit and returns the rest as rejected, by prompt id', () => {
    const { answers, rejected } = cleanAnswers(ws, { name: 'Amina', now: 9, gone: 'old text', mood: 'cross' });
    expect(answers).toEqual({ name: 'Amina', mood: 'cross' });
    expect(rejected).toEqual({ now: 9, gone: 'old text' });
  });

  it('does not count empty values as rejected', () => {
    expect(cleanAnswers(ws, { gone: '', other: null, list: [] }).rejected).toEqual({});
  });

  it('returns nothing for input that is not an object', () => {
    for (const raw of [null, 'answers', 3, ['name']]) expect(cleanAnswers(ws, raw)).toEqual({ answers: {}, rejected: {} });
  });

  it('cleans JSON with a "__proto__" key without polluting Object.prototype', () => {
    const raw: unknown = JSON.parse('{"__proto__": {"polluted": 1}, "name": "Amina"}');
    const { answers } = cleanAnswers(ws, raw);
    expect(answers).toEqual({ name: 'Amina' });
    expect(Object.getPrototypeOf(answers), 'built on a null prototype: no inherited key can be read as an answer').toBeNull();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('migrates JSON with a "__proto__" key without polluting Object.prototype', () => {
    const raw: unknown = JSON.parse('{"__proto__": {"polluted": 1}, "name": "Amina", "constructor": {"prototype": {"polluted": 1}}}');
    const { answers, earlier } = migrateAnswers(ws, raw);
    expect(answers).toEqual({ name: 'Amina' });
    expect(earlier.map((e) => e.id)).not.toContain('__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('answerText', () => {
  it('writes a table as one line per row, cells separated by bars', () => {
    expect(
      answerText([
        { id: 'r1', cells: { who: 'Mayor', power: 4 } },
        { id: 'r2', cells: { who: 'Union' } },
      ]),
    ).toBe('Mayor | 4\nUnion');
  });

  it('writes a list as one line per item, skipping blanks', () => {
    expect(answerText(['first', '', 'second'])).toBe('first\nsecond');
  });

  it('writes numbers and booleans, and nothing for null', () => {
    expect(answerText(3)).toBe('3');
    expect(answerText(true)).toBe('true');
    expect(answerText(null)).toBe('');
  });
});

describe('isAnswered', () => {
  it('counts text with something other than spaces', () => {
    expect(isAnswered('x')).toBe(true);
    expect(isAnswered('  \n ')).toBe(false);
    expect(isAnswered('')).toBe(false);
    expect(isAnswered(undefined)).toBe(false);
  });

  it('counts any number, including zero', () => {
    expect(isAnswered(0)).toBe(true);
    expect(isAnswered(5)).toBe(true);
  });

  it('counts a list with at least one item that is not blank', () => {
    expect(isAnswered(['', 'x'])).toBe(true);
    expect(isAnswered(['', ' '])).toBe(false);
    expect(isAnswered([])).toBe(false);
  });

  it('counts a table with at least one filled cell', () => {
    expect(
      isAnswered([
        { id: 'r1', cells: {} },
        { id: 'r2', cells: { power: 3 } },
      ]),
    ).toBe(true);
    expect(isAnswered([{ id: 'r1', cells: { who: ' ' } }])).toBe(false);
    expect(isAnswered([{ id: 'r1', cells: {} }])).toBe(false);
  });
});

describe('progress', () => {
  it('counts nothing answered on an empty worksheet', () => {
    expect(progress(ws, {})).toEqual({ answered: 0, total: 9 });
  });

  it('counts each answered prompt once, and ignores blank answers and unknown ids', () => {
    expect(progress(ws, { name: 'Amina', story: '   ', now: 3, next: ['', ''], gone: 'x', tools: ['pen'] })).toEqual({
      answered: 3,
      total: 9,
    });
  });

  it.each(exampleFiles())('matches the answered prompts in %s', (file) => {
    const example = loadExample(file);
    const real = loadWorksheet(example.worksheet);
    const answered = allPrompts(real).filter((p) => example.answers[p.id] !== undefined).length;
    expect(progress(real, example.answers)).toEqual({ answered, total: allPrompts(real).length });
  });
});

describe('sameAnswer', () => {
  it('compares by value, treating absent as absent', () => {
    expect(sameAnswer(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameAnswer(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameAnswer(undefined, undefined)).toBe(true);
    expect(sameAnswer('x', undefined)).toBe(false);
    expect(sameAnswer(3, 3)).toBe(true);
  });
});
