/**
 * The printable blank page of every worksheet, read from the build: every prompt of the definition in
 * order, each with the answer space the document model gives it (scale values with their end labels,
 * options by label, table columns with what they expect, ruled lines and numbered slots).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { worksheetDocument } from '../../src/worksheets/document';
import { fileOf, siteDir } from "../support/site";
import { loadWorksheet, worksheetFiles } from '../unit/worksheet-files';

for (const file of worksheetFiles()) {
  const ws = loadWorksheet(file.replace(/\.yaml$/, ''));
  describe(`/worksheets/${ws.id}/print/`, () => {
    const html = parse(readFileSync(fileOf(siteDir(), `/worksheets/${ws.id}/print/`), "utf8"));
    const prompts = [...html.querySelectorAll('.print-prompt')];
    const doc = worksheetDocument(ws, {}, { blank: true });
    const model = doc.sections.flatMap((s) => s.prompts);

    it('prints every prompt of the definition, in order', () => {
      expect(prompts.map((p) => p.querySelector('.print-prompt__label')?.text.trim())).toEqual(ws.sections.flatMap((s) => s.prompts.map((p) => p.label)));
    });

    it('gives each prompt the answer space of its blank form', () => {
      model.forEach((p, i) => {
        const el = prompts[i]!;
        const b = p.blank;
        const where = `${ws.id} ${p.id}`;
        if (b.type === 'lines') expect(el.querySelectorAll('.ruled > span').length, where).toBe(b.lines);
        if (b.type === 'scale') {
          expect(el.querySelectorAll('.print-box').map((x) => Number(x.text)), where).toEqual(b.values);
          expect(el.querySelectorAll('.print-scale__end').map((x) => x.text.trim()), where).toEqual([b.minLabel, b.maxLabel]);
        }
        if (b.type === 'options') {
          expect(el.querySelectorAll('.print-options li').map((x) => x.text.trim()), where).toEqual(b.options);
          expect(el.querySelectorAll('.print-check--round').length, where).toBe(b.multiple ? 0 : b.options.length);
        }
        if (b.type === 'slots') expect(el.querySelectorAll('.print-ranked li').length, where).toBe(b.count);
        if (b.type === 'grid') {
          const heads = el.querySelectorAll('thead th');
          expect(heads.map((h) => h.childNodes[0]?.text.trim()), where).toEqual(b.columns.map((c) => c.label));
          b.columns.forEach((c, j) => {
            if (c.hint) expect(heads[j]!.querySelector('.print-table__scale')?.text.trim(), where).toBe(c.hint);
          });
          expect(el.querySelectorAll('tbody tr').length, where).toBe(b.rows);
        }
      });
    });
  });
}
