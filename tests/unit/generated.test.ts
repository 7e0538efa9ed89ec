/**
 * The generated parts of worksheet definitions (src/worksheets/generated.ts): the paradigm audit's
 * principles come from the canonical paradigm table, and nothing else is touched.
 */
import { describe, expect, it } from 'vitest';
import { PARADIGM_PRINCIPLES } from '../../src/data/paradigm';
import { GENERATED, PARADIGM_AUDIT, generatedDigest, withGeneratedParts } from '../../src/worksheets/generated';
import { parseWorksheet } from '../../src/worksheets/schema';
import { loadWorksheet, rawWorksheet } from './worksheet-files';

const audit = () => ({
  id: 'paradigm-audit',
  sections: [
    {
      id: 'principles',
      prompts: [
        {
          id: PARADIGM_AUDIT.prompt,
          kind: 'table',
          rows: GENERATED,
          columns: [
            { id: PARADIGM_AUDIT.column, kind: 'choice', options: GENERATED },
            { id: 'x', kind: 'text' },
          ],
        },
      ],
    },
  ],
});

describe('withGeneratedParts', () => {
  it('fills the principle column and the number of rows from the canonical table', () => {
    const out = withGeneratedParts(audit()) as ReturnType<typeof audit>;
    const prompt = out.sections[0]!.prompts[0]!;
    expect(prompt.rows).toBe(PARADIGM_PRINCIPLES.length);
    expect(prompt.columns[0]!.options).toEqual(PARADIGM_PRINCIPLES.map((p) => ({ value: p.id, label: p.name })));
    expect(prompt.columns[1]).toEqual({ id: 'x', kind: 'text' });
  });

  it('leaves its input unchanged', () => {
    const input = audit();
    withGeneratedParts(input);
    expect(input).toEqual(audit());
  });

  it('leaves other worksheets, and columns that do not ask for generation, as they are', () => {
    const other = { ...audit(), id: 'levels-scan' };
    expect(withGeneratedParts(other)).toEqual(other);
    const written = audit();
    written.sections[0]!.prompts[0]!.columns[0]!.options = 'by hand';
    expect((withGeneratedParts(written) as ReturnType<typeof audit>).sections[0]!.prompts[0]!.columns[0]!.options).toBe('by hand');
    expect(withGeneratedParts('not a worksheet')).toBe('not a worksheet');
  });

  it('fills in only the principle column of the principle table, and the rows only when asked', () => {
    const input = audit();
    const prompts = input.sections[0]!.prompts as Record<string, unknown>[];
    const table = prompts[0]!;
    table['rows'] = 3;
    (table['columns'] as Record<string, unknown>[]).push({ id: 'other', kind: 'choice', options: GENERATED });
    const elsewhere = { ...table, id: 'another-table', rows: GENERATED };
    prompts.push(elsewhere);
    const out = withGeneratedParts(input) as ReturnType<typeof audit>;
    const [filled, untouched] = out.sections[0]!.prompts;
    expect(filled!.rows, 'a number of rows written by hand stays').toBe(3);
    expect(filled!.columns.map((c) => c.options)).toEqual([
      PARADIGM_PRINCIPLES.map((p) => ({ value: p.id, label: p.name })),
      undefined,
      GENERATED,
    ]);
    expect(untouched, 'another table is left for the schema to judge').toEqual(elsewhere);
  });

  it('leaves data of any other shape for the schema to judge, without throwing', () => {
    // An empty YAML file reads as null; a hand-edited one can hold anything.
    for (const data of [null, undefined, 7, [], { id: 'paradigm-audit' }, { id: 'paradigm-audit', sections: 'none' }])
      expect(withGeneratedParts(data)).toEqual(data);
    const odd = {
      id: 'paradigm-audit',
      sections: [
        null,
        'a section',
        { id: 's', prompts: 'none' },
        {
          id: 't',
          prompts: [null, 'a prompt', { id: PARADIGM_AUDIT.prompt, columns: 'none' }, { id: PARADIGM_AUDIT.prompt, columns: [null, 'x'] }],
        },
      ],
    };
    expect(withGeneratedParts(odd)).toEqual(odd);
  });

  it('makes the real paradigm audit valid, which it is not without generation', () => {
    expect(() => loadWorksheet('paradigm-audit')).not.toThrow();
    const { sections, ...rest } = rawWorksheet('paradigm-audit');
    const unfilled = JSON.parse(JSON.stringify({ ...rest, sections })) as Record<string, unknown>;
    const prompt = (unfilled['sections'] as { prompts: { id: string; rows: unknown; columns: { id: string; options?: unknown }[] }[] }[])
      .flatMap((s) => s.prompts)
      .find((p) => p.id === PARADIGM_AUDIT.prompt)!;
    prompt.rows = GENERATED;
    prompt.columns.find((c) => c.id === PARADIGM_AUDIT.column)!.options = GENERATED;
    expect(() => parseWorksheet(unfilled, 'worksheets/paradigm-audit.yaml')).toThrow(/rows|options/);
  });

  it('changes its digest when a principle changes, so cached builds re-read the worksheet', () => {
    expect(generatedDigest()).toContain(PARADIGM_PRINCIPLES[0]!.id);
    expect(generatedDigest()).toContain(PARADIGM_PRINCIPLES[0]!.name);
  });
});
