/**
 * Parts of worksheet definitions that come from the guide's data rather than from the YAML file, filled in
 * before the schema parses the file (by the worksheets loader in src/content.config.ts, and by every test
 * that reads a worksheet), so that each list lives in exactly one place.
 *
 * Today there is one: the principle column of the paradigm audit. Its YAML file declares the column as a
 * choice with `options: generated`; here the options become the rows of the canonical paradigm table
 * (src/data/paradigm.ts), and the table offers one row per principle.
 */
import { PARADIGM_PRINCIPLES } from '../data/paradigm';

/** The marker a YAML file writes where a list is filled in from data. */
export const GENERATED = 'generated';

/** An object or an array: an array has no `id`, `sections`, `prompts` or `columns` of its own, so the checks below leave it alone. */
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The paradigm-audit table prompt and column whose options are the canonical principles. */
export const PARADIGM_AUDIT = { worksheet: 'paradigm-audit', prompt: 'principle-table', column: 'principle' } as const;

/** A fingerprint of the data the generated parts come from, so a cached build notices when it changes. */
export const generatedDigest = (): string => JSON.stringify(PARADIGM_PRINCIPLES.map((p) => [p.id, p.name]));

/**
 * The worksheet data with its generated parts filled in. Pure: returns a new object and leaves `data` alone.
 * Data that is not a worksheet with a generated part comes back unchanged, for the schema to judge.
 */
export function withGeneratedParts<T>(data: T): T {
  if (!isObj(data) || data['id'] !== PARADIGM_AUDIT.worksheet || !Array.isArray(data['sections'])) return data;
  const sections = data['sections'].map((section: unknown) => {
    if (!isObj(section) || !Array.isArray(section['prompts'])) return section;
    const prompts = section['prompts'].map((prompt: unknown) => {
      if (!isObj(prompt) || prompt['id'] !== PARADIGM_AUDIT.prompt || !Array.isArray(prompt['columns'])) return prompt;
      const columns = prompt['columns'].map((col: unknown) =>
        isObj(col) && col['id'] === PARADIGM_AUDIT.column && col['options'] === GENERATED
          ? { ...col, options: PARADIGM_PRINCIPLES.map((p) => ({ value: p.id, label: p.name })) }
          : col,
      );
      return { ...prompt, columns, ...(prompt['rows'] === GENERATED ? { rows: PARADIGM_PRINCIPLES.length } : {}) };
    });
    return { ...section, prompts };
  });
  // The same shape as the input, with two of its values replaced: the schema checks the result.
  return { ...data, sections } as T;
}
