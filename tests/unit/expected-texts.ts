/**
 * Test support (not a test file): what a reader must be able to read of each answer, worked out from the raw
 * fixture and the definition, independently of the document model; and every worksheet x example case.
 */
import { expect } from 'vitest';
import type { AnswerValue, TableRow } from '../../src/worksheets/answers';
import type { Prompt, Worksheet } from '../../src/worksheets/schema';
import { exampleFiles, loadExample, loadWorksheet, worksheetFiles } from './worksheet-files';

const label = (options: { value: string; label: string }[], v: string) => options.find((o) => o.value === v)?.label ?? v;

/** What a reader must be able to read of one answer, in order. */
export function expectedTexts(p: Prompt, v: AnswerValue | undefined): string[] {
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
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
export const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Asserts that every string appears in `text`, each after the one before. */
export function expectInOrder(text: string, strings: string[], where: string): void {
  let at = 0;
  for (const s of strings) {
    const i = text.indexOf(norm(s), at);
    expect(i, `${where}: "${s.slice(0, 60)}" missing or out of order`).toBeGreaterThanOrEqual(0);
    at = i + norm(s).length;
  }
}

export const cases: { ws: Worksheet; name: string; answers: Record<string, AnswerValue> }[] = worksheetFiles().flatMap((f) => {
  const ws = loadWorksheet(f.replace(/\.yaml$/, ''));
  const fixtures = exampleFiles()
    .map(loadExample)
    .filter((e) => e.worksheet === ws.id);
  return [{ ws, name: 'empty answers', answers: {} }, ...fixtures.map((e) => ({ ws, name: e.file, answers: e.answers }))];
});
