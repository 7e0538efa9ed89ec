/**
 * What the method cards, the timings and the worked examples look like in the build: each worksheet
 * page and printable page shows its method card with its real example cited, the time line gives the
 * group time and fieldwork where a worksheet has them, and each worksheet has a worked example page,
 * labelled as an illustration, that shows every text answer of its complete fixture.
 */
import { describe, expect, it } from 'vitest';
import { source } from '../../src/data/sources';
import type { Answers, TableRow } from '../../src/worksheets/answers';
import { allPrompts, type Worksheet } from '../../src/worksheets/schema';
import { minutes, worksheetExampleUrl, worksheetPrintUrl, worksheetUrl } from '../../src/lib/urls';
import { loadExample, loadWorksheet, worksheetFiles } from '../unit/worksheet-files';
import { mustPage, textOf } from './helpers';

const ids = worksheetFiles().map((f) => f.replace(/\.yaml$/, ''));
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const text = (url: string, selector = 'main'): string => {
  const el = mustPage(url).querySelector(selector);
  if (!el) throw new Error(`${url} has no ${selector}`);
  return squash(textOf(el));
};

/** Every written answer (text, long text, ranked items, text cells of tables), as the reader typed it. */
function writtenAnswers(ws: Worksheet, answers: Answers): string[] {
  return allPrompts(ws).flatMap((p) => {
    const v = answers[p.id];
    if (v === undefined) return [];
    if (p.kind === 'text' || p.kind === 'longtext') return [String(v)];
    if (p.kind === 'ranked') return (v as string[]).filter((s) => s.trim());
    if (p.kind === 'table') {
      const cols = p.columns.filter((c) => c.kind === 'text').map((c) => c.id);
      return (v as TableRow[]).flatMap((row) => cols.map((c) => row.cells[c]).filter((c): c is string => typeof c === 'string' && c !== ''));
    }
    return [];
  });
}

describe.each(ids)('the worksheet %s', (id) => {
  const ws = loadWorksheet(id);

  it.each([
    ['worksheet page', worksheetUrl(id)],
    ['printable page', worksheetPrintUrl(id)],
  ])('shows the whole method card on its %s, with the example cited', (_, url) => {
    const card = text(url, '.method-card');
    for (const point of [...ws.whenToUse, ...ws.whenNotToUse, ...ws.leaveWith, ...ws.involve, ...ws.watchOutFor]) expect(card).toContain(squash(point));
    expect(card).toContain(squash(ws.realExample.text));
    if (ws.realExample.relation) expect(card).toContain(squash(ws.realExample.relation));
    expect(card).toContain(ws.realExample.fit === 'direct' ? 'A real example' : 'The nearest real example');
    const cite = mustPage(url).querySelector('.method-card cite a');
    expect(cite?.getAttribute('href')).toBe(`/sources/#${ws.realExample.source}`);
    expect(cite?.text).toBe(source(ws.realExample.source).short);
  });

  it('gives the group time and any fieldwork in its time line', () => {
    const meta = text(worksheetUrl(id), '.ws-meta');
    expect(meta).toContain(`${minutes(ws.time.run)} `);
    if (ws.time.groupRun && ws.groupSize) expect(meta).toContain(`${minutes(ws.time.groupRun)} for a group of ${ws.groupSize.max}`);
    if (ws.time.fieldwork) expect(meta).toContain(`Fieldwork ${ws.time.fieldwork}`);
    else expect(meta).not.toContain('Fieldwork');
  });

  it('links a worked example that is labelled as an illustration and shows every answer', () => {
    const link = mustPage(worksheetUrl(id)).querySelector(`main a[href="${worksheetExampleUrl(id)}"]`);
    expect(link, 'link from the worksheet page').not.toBeNull();
    const page = mustPage(worksheetExampleUrl(id));
    expect(page.querySelector('h1')?.text).toBe(`${ws.title}: a worked example`);
    const label = page.querySelector('main .illustration');
    expect(label && squash(textOf(label))).toMatch(/^Illustration ?An invented example, not a case from the sources\. A worked example with invented answers\./);
    const shown = text(worksheetExampleUrl(id), '.worked-example');
    const { answers } = loadExample(`${id}.complete.json`);
    const written = writtenAnswers(ws, answers);
    expect(written.length).toBeGreaterThan(2);
    for (const s of written) expect(shown).toContain(squash(s));
    expect(page.querySelectorAll('main input, main textarea, main select, main form')).toHaveLength(0);
  });
});

describe('the muscle cards page', () => {
  it('is linked from the muscles overview', () => {
    expect(mustPage('/muscles/').querySelector('main .prose a[href="/muscles/cards/"]')).not.toBeNull();
  });

  it('holds seven cards, each with three questions, an action and at least one worksheet', () => {
    const cards = mustPage('/muscles/cards/').querySelectorAll('.muscle-card');
    expect(cards).toHaveLength(7);
    for (const card of cards) {
      expect(card.querySelectorAll('.muscle-card__part ol > li')).toHaveLength(3);
      expect(squash(card.querySelector('.muscle-card__action p')?.text ?? '')).not.toBe('');
      expect(card.querySelectorAll('.muscle-card__sheets > li').length).toBeGreaterThan(0);
      expect(card.querySelector('.muscle-card__note')?.text).toBe("The guide's reading of the sources.");
    }
  });
});
