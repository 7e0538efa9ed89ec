/**
 * Every worksheet x every example fixture (and empty answers) through the answers view (print copy, worked
 * examples, workbook print), which renders the document model: each answer's text must appear, in the
 * definition's order. The model itself and the conflict message are checked in tests/unit/document.test.ts.
 */
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/lib/strings';
import { AnswersView } from '../../src/islands/AnswersView';
import { cases, expectInOrder, expectedTexts, textOf } from '../unit/expected-texts';

describe('the answers view, for every worksheet and example', () => {
  for (const { ws, name, answers } of cases) {
    it(`${ws.id}, ${name}: shows each answer in the order of the definition`, () => {
      const prompts = ws.sections.flatMap((s) => s.prompts);
      const text = textOf(render(<AnswersView ws={ws} answers={answers} />));
      expectInOrder(
        text,
        prompts.flatMap((p) => [p.label, ...expectedTexts(p, answers[p.id])]),
        'answers view',
      );
      const empty = prompts.filter((p) => expectedTexts(p, answers[p.id]).length === 0).length;
      expect(text.split(t.noAnswer).length - 1).toBe(empty);
    });
  }
});
