/**
 * The document model (src/worksheets/document.ts) for every worksheet x every example fixture (and empty
 * answers): every prompt in the definition's order, answered exactly when it has an answer, each answer's
 * text in its display form (labels, not stored values) as the conflict message shows it, chart tables
 * with a row per value drawn; and the blank form of the printable page.
 */
import { describe, expect, it } from 'vitest';
import { t } from '../../src/lib/strings';
import { quadrantText, worksheetDocument } from '../../src/worksheets/document';
import { displayAnswer, displayText } from '../../src/worksheets/kinds';
import { cases, expectInOrder, expectedTexts, norm } from './expected-texts';
import { parseWorksheet } from '../../src/worksheets/schema';
import { allKindsInput, loadExample, loadWorksheet } from './worksheet-files';

describe('the document model, for every worksheet and example', () => {
  it('covers every worksheet with at least two example fixtures', () => {
    expect(new Set(cases.map((c) => c.ws.id)).size).toBe(18);
    expect(cases.length).toBeGreaterThanOrEqual(18 * 3);
  });

  for (const { ws, name, answers } of cases) {
    describe(`${ws.id}, ${name}`, () => {
      const prompts = ws.sections.flatMap((s) => s.prompts);
      const doc = worksheetDocument(ws, answers);

      it('has every prompt of the definition, in order, marked answered exactly when it has an answer', () => {
        expect(doc.id).toBe(ws.id);
        expect(doc.title).toBe(ws.title);
        expect(doc.sections.map((s) => s.id)).toEqual(ws.sections.map((s) => s.id));
        expect(doc.sections.flatMap((s) => s.prompts.map((p) => p.id))).toEqual(prompts.map((p) => p.id));
        for (const p of doc.sections.flatMap((s) => s.prompts)) {
          const want = expectedTexts(
            prompts.find((x) => x.id === p.id)!,
            answers[p.id],
          );
          expect(p.answered, p.id).toBe(want.length > 0);
          expect(p.display.type === 'empty', p.id).toBe(want.length === 0);
          if (want.length) expectInOrder(norm(displayText(p.display, t.notAnswered)), want, `document ${p.id}`);
        }
        expect(doc.progress).toEqual({
          answered: prompts.filter((p) => expectedTexts(p, answers[p.id]).length > 0).length,
          total: prompts.length,
        });
      });

      it('shows each answer in the conflict message as labels, not stored values', () => {
        for (const p of prompts) {
          const want = expectedTexts(p, answers[p.id]);
          const msg = displayText(displayAnswer(p, answers[p.id]), t.noAnswer);
          if (want.length === 0) expect(msg).toBe(t.noAnswer);
          else expectInOrder(norm(msg), want, `conflict message for ${p.id}`);
        }
      });

      it('gives the charts a text table with a row for every value drawn', () => {
        expect(doc.charts.map((c) => c.id)).toEqual(ws.charts.map((c) => c.id));
        for (const c of doc.charts) {
          expect(c.table.rows.length, c.id).toBe(c.type === 'radar' ? c.axes.length : c.points.length);
          expect(c.summary.length).toBeGreaterThan(20);
          expect(c.empty).toBe(c.type === 'radar' ? c.axes.every((a) => a.values.every((v) => v == null)) : c.points.length === 0);
        }
      });
    });
  }
});

describe('the blank document', () => {
  it('ignores answers and offers every prompt an answer space', () => {
    const ws = loadWorksheet('coalition-map');
    const answers = loadExample('coalition-map.complete.json').answers;
    const doc = worksheetDocument(ws, answers, { blank: true, earlier: [{ id: 'x', text: 'y' }] });
    expect(doc.blank).toBe(true);
    expect(doc.earlier).toEqual([]);
    expect(doc.progress.answered).toBe(0);
    for (const p of doc.sections.flatMap((s) => s.prompts)) expect(p.display).toEqual({ type: 'empty' });
    expect(doc.charts.every((c) => c.empty)).toBe(true);
  });

  it('keeps earlier answers in a filled document', () => {
    const ws = loadWorksheet('trust-inventory');
    expect(worksheetDocument(ws, {}, { earlier: [{ id: 'x', text: 'y' }] }).earlier).toEqual([{ id: 'x', text: 'y' }]);
  });
});

describe("quadrants in the map's text table", () => {
  it('names the quadrant, the two either side of a dividing line, or the centre', () => {
    expect(quadrantText({ kind: 'in', quadrant: 'Find the bargain' })).toBe('Find the bargain');
    expect(quadrantText({ kind: 'between', quadrants: ['A', 'B'] })).toBe('Between A and B');
    expect(quadrantText({ kind: 'centre' })).toBe('At the centre');
    expect(quadrantText(undefined)).toBeUndefined();
  });
});

describe('rounds in the document', () => {
  const round = (id: string, saved: string, values: Record<string, number>, name: string) => ({ id, name, saved, values });

  it('draws rounds over the first radar only, and says so after the radar’s own summary', () => {
    const input = allKindsInput();
    const charts = input['charts'] as Record<string, unknown>[];
    charts.push({ ...charts[0], id: 'second', title: 'Second' });
    const ws = parseWorksheet(input, 'every-kind.yaml');
    const rounds = [
      round('r1', '2026-11-01T12:00:00.000Z', { now: 2 }, 'Spring'),
      round('r2', '2026-11-02T12:00:00.000Z', { now: 3 }, 'Summer'),
    ];
    const doc = worksheetDocument(ws, { now: 4 }, { rounds });
    const radars = doc.charts.flatMap((c) => (c.type === 'radar' ? [c] : []));
    expect(radars.map((c) => [c.id, c.rounds.map((r) => r.label)])).toEqual([
      ['strength', ['Spring (1 November 2026)', 'Summer (2 November 2026)']],
      ['second', []],
    ]);
    expect(radars[0]!.summary).toBe(
      'A radar chart with one spoke for each of 3 items, rated from 1 to 5, one line for each of: Today, Later. The table gives every value. 2 saved rounds are drawn over the current ratings, each with its own line.',
    );
    expect(radars[1]!.summary).not.toMatch(/saved round/);
    expect(doc.rounds!.note, 'all rounds are shown').toBeUndefined();
  });

  it('heads the trust inventory’s table of values with each round and now', () => {
    const trust = loadWorksheet('trust-inventory');
    const doc = worksheetDocument(
      trust,
      { 'bad-news-safe': 4 },
      { rounds: [round('r1', '2026-11-01T12:00:00.000Z', { 'bad-news-safe': 2 }, 'Spring')] },
    );
    expect(doc.rounds!.values!.head).toEqual(['', 'Spring (1 November 2026)', 'Now']);
  });
});
