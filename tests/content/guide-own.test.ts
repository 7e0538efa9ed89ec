/**
 * What is the guide's own is labelled as such (issue 12), read from the built pages:
 * every "On a Tuesday" story sits inside a labelled illustration; every page that shows the gap-to-muscle
 * mapping says the mapping is the guide's reading; every "Where the sources disagree" note cites at
 * least two different sources; and no page promises a comparison with an earlier round that the
 * product does not keep.
 *
 * Scope: the pages of the fidelity pass, part A (home, the seven gaps, the muscle pages). Widen SCOPE
 * as the other parts of the pass land.
 */
import type { HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { mustPage, prose, sourcePages, textOf } from './helpers';

const SCOPE = (id: string) => id === 'index' || id.startsWith('gaps/') || id.startsWith('muscles/');
const pages = sourcePages().filter((p) => SCOPE(p.id));

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const proseOf = (url: string): HTMLElement => {
  const el = prose(mustPage(url));
  if (!el) throw new Error(`${url} has no .prose element inside main`);
  return el;
};
/** The prose text with the given elements taken out. */
const textWithout = (el: HTMLElement, selector: string): string => {
  const copy = el.clone() as HTMLElement;
  for (const drop of copy.querySelectorAll(selector)) drop.remove();
  return squash(textOf(copy));
};

describe('what is the guide’s own, on the pages of part A', () => {
  it('covers the home page, the seven gaps and all eight muscle pages', () => {
    expect(pages.map((p) => p.id).sort()).toEqual(
      [
        'gaps/index',
        'index',
        'muscles/coalitions',
        'muscles/index',
        'muscles/people-and-relationships',
        'muscles/purpose',
        'muscles/reflection',
        'muscles/resourcing',
        'muscles/state-capability',
        'muscles/trust',
      ].sort(),
    );
  });

  it('puts every "On a Tuesday" story inside a labelled illustration, with no bold lead-in of its own', () => {
    const problems: string[] = [];
    let stories = 0;
    for (const p of pages) {
      const el = proseOf(p.url);
      const outside = textWithout(el, '.illustration');
      if (/on a tuesday/i.test(outside)) problems.push(`${p.url}: "On a Tuesday" outside an illustration`);
      for (const box of el.querySelectorAll('.illustration')) {
        stories++;
        const label = squash(box.querySelector('.illustration__label')?.text ?? '');
        if (!/^Illustration/.test(label) || !/invented example/i.test(label)) problems.push(`${p.url}: unlabelled illustration "${label}"`);
        const body = squash(box.querySelector('.illustration__body')?.text ?? '');
        if (!body) problems.push(`${p.url}: empty illustration`);
        if (/on a tuesday/i.test(body)) problems.push(`${p.url}: illustration repeats "On a Tuesday" in its body`);
      }
      if (/\*\*On a Tuesday/.test(p.body)) problems.push(`${p.url}: bold "On a Tuesday" lead-in in the source`);
    }
    expect(problems).toEqual([]);
    expect(stories).toBeGreaterThanOrEqual(14);
  });

  it('says the gap-to-muscle mapping is the guide’s reading wherever a page shows it', () => {
    const problems: string[] = [];
    for (const p of pages) {
      const el = proseOf(p.url);
      const shows = el.querySelector('table.matrix') || el.querySelectorAll('.link-list a[href^="/gaps/#"]').length > 0;
      if (shows && !/the guide[’']s (own )?reading/i.test(squash(textOf(el)))) problems.push(p.url);
    }
    expect(problems, 'pages that show the mapping without saying it is the guide’s reading').toEqual([]);
  });

  it('cites at least two different sources in every "Where the sources disagree" note', () => {
    const problems: string[] = [];
    let notes = 0;
    for (const p of pages) {
      for (const note of proseOf(p.url).querySelectorAll('.callout--disagree')) {
        notes++;
        const cited = new Set(note.querySelectorAll('cite.cite a[href^="/sources/#"]').map((a) => a.getAttribute('href')));
        if (cited.size < 2) problems.push(`${p.url}: a disagreement note cites ${cited.size} source(s)`);
      }
    }
    expect(problems).toEqual([]);
    expect(notes).toBeGreaterThanOrEqual(5);
  });

  it('never tells the reader to compare with an earlier round', () => {
    const found = pages.flatMap((p) =>
      squash(textOf(proseOf(p.url)))
        .split(/(?<=[.?!])\s+/)
        .filter((s) => /\b(compare|see what has moved|earlier round|previous round)\b/i.test(s) && /\b(again|retake|repeat|come back|round)\b/i.test(s))
        .map((s) => `${p.url}: ${s}`),
    );
    expect(found).toEqual([]);
  });
});
