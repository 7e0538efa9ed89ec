/**
 * Page length, counted on the rendered main text (the `.prose` element of the built page, without
 * generated worksheet cards and citations): muscle and
 * level pages are 900-1,600 words, the seven gaps at least 1,200. No page in the navigation is a stub.
 */
import { describe, expect, it } from 'vitest';
import { LEVELS, MUSCLES } from '../../src/data/frameworks';
import { countWords, mustPage, prose, textOf } from './helpers';

/**
 * The author's own words: worksheet cards are generated from the worksheet files (they grow as
 * worksheets are added) and citations are apparatus, so neither counts towards a page's length.
 */
function wordsOn(url: string): number {
  const el = prose(mustPage(url));
  if (!el) throw new Error(`${url} has no .prose element inside main`);
  for (const generated of el.querySelectorAll('.ws-cards, .ws-card, cite.cite')) generated.remove();
  return countWords(textOf(el));
}

describe('word counts', () => {
  it('counts words as runs of non-space characters that hold a letter or a digit', () => {
    expect(countWords('Trust is the currency — of change, 2024 (53 initiatives) ...')).toBe(9);
  });

  it.each(MUSCLES.map((m) => [m.href]))('has between 900 and 1,600 words of main text on the muscle page %s', (url) => {
    const words = wordsOn(url);
    expect(words, `${url} has ${words} words`).toBeGreaterThanOrEqual(900);
    expect(words, `${url} has ${words} words`).toBeLessThanOrEqual(1600);
  });

  it.each(LEVELS.map((l) => [l.href]))('has between 900 and 1,600 words of main text on the level page %s', (url) => {
    const words = wordsOn(url);
    expect(words, `${url} has ${words} words`).toBeGreaterThanOrEqual(900);
    expect(words, `${url} has ${words} words`).toBeLessThanOrEqual(1600);
  });

  it('has at least 1,200 words of main text on the seven gaps page', () => {
    const words = wordsOn('/gaps/');
    expect(words, `/gaps/ has ${words} words`).toBeGreaterThanOrEqual(1200);
  });
});
