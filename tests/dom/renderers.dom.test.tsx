/**
 * Every worksheet x every example fixture (and empty answers) through every renderer of answers: the
 * document model itself, the answers view (print copy, worked examples) and the conflict message. Each
 * answer's text must appear, in the definition's order. The expected strings are worked out here from the
 * raw fixture and the definition, independently of the model.
 */
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/lib/strings';
import { AnswersView } from '../../src/islands/AnswersView';
import type { AnswerValue, TableRow } from '../../src/worksheets/answers';
import { worksheetDocument } from '../../src/worksheets/document';
import { displayAnswer, displayText } from '../../src/worksheets/kinds';
import type { Prompt, Worksheet } from '../../src/worksheets/schema';
import { exampleFiles, loadExample, loadWorksheet, worksheetFiles } from '../unit/worksheet-files';

const label = (options: { value: string; label: string }[], v: string) => options.find((o) => o.value === v)?.label ?? v;

/** What a reader must be able to read of one answer, in order. */
function expectedTexts(p: Prompt, v: AnswerValue | undefined): string[] {
  if (v === undefined) return [];
  switch (p.kind) {
    case 'text':
    case 'longtext':
      return (v as string).trim() ? [v as string] : [];
    case 'scale':
      return [String(v), p.minLabel, p.maxLabel];
    case 'choice':
      return [label(p.options, v as string)];
    case 'checklist':
      return (v as string[]).map((x) => label(p.options, x));
    case 'ranked':
      return (v as string[]).filter((s) => s.trim());
    case 'table':
      return (v as TableRow[]).flatMap((row) =>
        p.columns.flatMap((c) => {
          const cell = row.cells[c.id];
          if (cell === undefined || String(cell).trim() === '') return [];
          return [c.kind === 'choice' ? label(c.options, String(cell)) : String(cell)];
        }),
      );
  }
}

/** Text of rendered HTML, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Asserts that every string appears in `text`, each after the one before. */
function expectInOrder(text: string, strings: string[], where: string): void {
  let at = 0;
  for (const s of strings) {
    const i = text.indexOf(norm(s), at);
    expect(i, `${where}: "${s.slice(0, 60)}" missing or out of order`).toBeGreaterThanOrEqual(0);
    at = i + norm(s).length;
  }
}

const cases: { ws: Worksheet; name: string; answers: Record<string, AnswerValue> }[] = worksheetFiles().flatMap((f) => {
  const ws = loadWorksheet(f.replace(/\.yaml$/, ''));
  const fixtures = exampleFiles()
    .map(loadExample)
    .filter((e) => e.worksheet === ws.id);
  return [{ ws, name: 'empty answers', answers: {} }, ...fixtures.map((e) => ({ ws, name: e.file, answers: e.answers }))];
});

describe('the document model and every renderer, for every worksheet and example', () => {
  it('covers every worksheet with at least two example fixtures', () => {
    expect(new Set(cases.map((c) => c.ws.id)).size).toBe(18);
    expect(cases.length).toBeGreaterThanOrEqual(18 * 3);
  });

  for (const { ws, name, answers } of cases) {
    describe(`${ws.id}, ${name}`, () => {
      const prompts = ws.sections.flatMap((s) => s.prompts);
      const doc = worksheetDocument(ws, answers);

      it('has every prompt of the definition, in order, marked answered exactly when it has an answer', () => {
        expect(doc.sections.flatMap((s) => s.prompts.map((p) => p.id))).toEqual(prompts.map((p) => p.id));
        for (const p of doc.sections.flatMap((s) => s.prompts)) {
          const want = expectedTexts(
            prompts.find((x) => x.id === p.id)!,
            answers[p.id],
          );
          expect(p.answered, p.id).toBe(want.length > 0);
          expect(p.display.type === 'empty', p.id).toBe(want.length === 0);
        }
        expect(doc.progress).toEqual({
          answered: prompts.filter((p) => expectedTexts(p, answers[p.id]).length > 0).length,
          total: prompts.length,
        });
      });

      it('shows each answer in the answers view, in the order of the definition', () => {
        const text = textOf(render(<AnswersView ws={ws} answers={answers} />));
        const expected = prompts.flatMap((p) => [p.label, ...expectedTexts(p, answers[p.id])]);
        expectInOrder(text, expected, 'answers view');
        const empty = prompts.filter((p) => expectedTexts(p, answers[p.id]).length === 0).length;
        expect(text.split(t.noAnswer).length - 1).toBe(empty);
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
        for (const c of doc.charts) {
          expect(c.table.rows.length, c.id).toBe(c.type === 'radar' ? c.axes.length : c.points.length);
          expect(c.summary.length).toBeGreaterThan(20);
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
});
