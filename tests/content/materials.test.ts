/**
 * Every material a worksheet lists is used by one of its steps, so a facilitator never prepares
 * something the session never touches. A material is "used" when one step names every significant
 * word of its head (the words before the first comma, bracket or semicolon), allowing plurals:
 * "Sticky notes in two colours, for a group" needs a step that says "sticky notes in two colours".
 * The worksheet itself ("This worksheet, on screen or printed") is what every step is part of.
 */
import { describe, expect, it } from 'vitest';
import { loadWorksheet, worksheetFiles } from '../unit/worksheet-files';

const STOP = new Set(
  'a an the and or of for to in on at by with from into per if is are be it its this that these those your you our their one each any some all can how what who may there'.split(' '),
);

const stem = (w: string): string => (w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** The significant words of a material's head. */
export function materialKey(material: string): string[] {
  const head = material.split(/[,(;:]/)[0] ?? '';
  return wordsOf(head)
    .filter((w) => !STOP.has(w))
    .map(stem);
}

const isTheWorksheet = (material: string): boolean => materialKey(material).join(' ') === 'worksheet';

/** The first step that names every significant word of the material, or undefined. */
export function stepUsing(material: string, steps: readonly string[]): string | undefined {
  const key = materialKey(material);
  if (key.length === 0) return undefined;
  return steps.find((step) => {
    const words = new Set(wordsOf(step).map(stem));
    return key.every((w) => words.has(w));
  });
}

describe('the material check itself', () => {
  it('finds a material named in a step, allowing plurals', () => {
    expect(stepUsing('Sticky notes in two colours, for a group', ['Use a sticky note in two colours.'])).toBeDefined();
    expect(stepUsing('A pen', ['Circle the number with a pen.'])).toBeDefined();
  });

  it('does not count a material that no step names, or names only in part', () => {
    expect(stepUsing('A pen', ['Write one piece of evidence.'])).toBeUndefined();
    expect(stepUsing('Sticky notes and a large sheet', ['Put sticky notes up.', 'Find a large room.'])).toBeUndefined();
    expect(stepUsing('(in brackets only)', ['in brackets only'])).toBeUndefined();
  });
});

describe('the materials of every worksheet', () => {
  it.each(worksheetFiles())('are each used by a step in %s', (file) => {
    const ws = loadWorksheet(file.replace(/\.yaml$/, ''));
    const unused = ws.materials.filter((m) => !isTheWorksheet(m) && !stepUsing(m, ws.steps));
    expect(unused, `materials of ${ws.id} that no step uses`).toEqual([]);
  });
});
