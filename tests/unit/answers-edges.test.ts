/**
 * Answers read from outside: unsafe keys, empty values, text for earlier answers, renamed prompts and
 * value equality.
 */
import { describe, expect, it } from 'vitest';
import { answerText, cleanAnswers, isAnswered, migrateAnswers, sameValue } from '../../src/worksheets/answers';
import { parseWorksheet } from '../../src/worksheets/schema';
import { allKindsInput } from './worksheet-files';

const ws = parseWorksheet({ ...allKindsInput(), renamed: { 'old-name': 'name' } }, 'worksheets/trust-inventory.yaml');

describe('cleanAnswers', () => {
  it('never takes keys that change prototypes, and does not report them', () => {
    const raw = JSON.parse('{"__proto__": "a", "constructor": "b", "prototype": "c", "name": "Ada"}') as unknown;
    const { answers, rejected } = cleanAnswers(ws, raw);
    expect({ ...answers }).toEqual({ name: 'Ada' });
    expect(Object.keys(rejected)).toEqual([]);
  });

  it('drops empty values quietly and reports the rest that do not fit', () => {
    const { answers, rejected } = cleanAnswers(ws, { name: '', story: null, tools: [], now: 9, gone: 'text' });
    expect({ ...answers }).toEqual({});
    expect({ ...rejected }).toEqual({ now: 9, gone: 'text' });
  });
});

describe('answerText', () => {
  it('reads any stored value as text', () => {
    expect(answerText('a')).toBe('a');
    expect(answerText(3)).toBe('3');
    expect(answerText(false)).toBe('false');
    expect(answerText(null)).toBe('');
    expect(answerText(['a', '', 2])).toBe('a\n2');
    expect(
      answerText([
        { id: 'r1', cells: { who: 'Mayor', power: 5 } },
        { id: 'r2', cells: {} },
      ]),
    ).toBe('Mayor | 5');
    expect(answerText([{ who: 'Mayor', power: 5 }])).toBe('Mayor\n5');
    expect(answerText({ a: 'x', b: '', c: 2 })).toBe('x\n2');
  });
});

describe('migrateAnswers', () => {
  it('follows a renamed prompt, unless the new id already has an answer', () => {
    expect(migrateAnswers(ws, { 'old-name': 'Ada' })).toEqual({ answers: { name: 'Ada' }, earlier: [] });
    const both = migrateAnswers(ws, { 'old-name': 'Ada', name: 'Grace' });
    expect({ ...both.answers }).toEqual({ name: 'Grace' });
    expect(both.earlier).toEqual([{ id: 'old-name', text: 'Ada' }]);
  });

  it('reads only the worksheet’s own renames, not inherited properties', () => {
    expect(migrateAnswers(ws, { toString: 'x' }).earlier).toEqual([{ id: 'toString', text: 'x' }]);
  });

  it('reads nothing from a value that is not an object', () => {
    expect(migrateAnswers(ws, 'ab')).toEqual({ answers: {}, earlier: [] });
  });

  it('keeps earlier answers once, and no blank ones', () => {
    const earlier = [{ id: 'gone', text: 'kept' }];
    const out = migrateAnswers(ws, { gone: 'kept', other: 'kept', blank: '   ', more: 'new' }, earlier);
    expect(out.earlier).toEqual([
      { id: 'gone', text: 'kept' },
      { id: 'other', text: 'kept' },
      { id: 'more', text: 'new' },
    ]);
    expect(migrateAnswers(ws, { gone: 'changed' }, earlier).earlier).toEqual([
      { id: 'gone', text: 'kept' },
      { id: 'gone', text: 'changed' },
    ]);
  });
});

describe('isAnswered and sameValue', () => {
  it('knows an empty list is not an answer', () => {
    expect(isAnswered([])).toBe(false);
    expect(isAnswered([' '])).toBe(false);
    expect(isAnswered(0)).toBe(true);
  });

  it('compares lists and objects by length and content', () => {
    expect(sameValue([1], [1, 2])).toBe(false);
    expect(sameValue([1, 2], [1])).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue({}, [])).toBe(false);
    expect(sameValue({}, null)).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue({ a: 1, b: [2] }, { b: [2], a: 1 })).toBe(true);
    expect(sameValue({ a: undefined }, { b: undefined })).toBe(false);
  });
});
