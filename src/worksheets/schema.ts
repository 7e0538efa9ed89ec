/**
 * The worksheet definition: one zod schema, the single source of truth for every renderer
 * (the form, the printable page, the PDF and the JSON backup).
 *
 * A worksheet file in `worksheets/<id>.yaml` is parsed by `worksheetSchema`. Prompt kinds:
 * text, longtext, scale, choice, checklist, table and ranked. Optional charts draw the answers:
 * a radar of scale prompts and a two-axis map of table rows.
 *
 * `WorksheetInput` is what authors write (defaults optional); `Worksheet` is the parsed value.
 */
import { z } from 'astro/zod';
import { GAP_IDS, LEVEL_IDS, MUSCLE_IDS, WORKSHEET_IDS } from '../data/frameworks';

/** A stable id: lower case letters, digits and hyphens. Answers are stored under prompt ids. */
const idSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens, starting with a letter');

/** A choice option: written as a plain string, or `{ value, label }` when the label may change. */
const optionSchema = z
  .union([z.string().min(1), z.object({ value: idSchema, label: z.string().min(1) }).strict()])
  .transform((o) => (typeof o === 'string' ? { value: o, label: o } : o));

const promptBase = {
  /** Unique within the worksheet; answers are stored under it. Renaming needs an entry in `renamed`. */
  id: idSchema,
  /** The question, as the label of the field. */
  label: z.string().min(1),
  /** An optional hint shown under the label and read by screen readers. */
  help: z.string().optional(),
};

const scaleFields = {
  /** Lowest value. */
  min: z.number().int().default(1),
  /** Highest value. */
  max: z.number().int().default(5),
  /** What the lowest value means, e.g. "Not at all". */
  minLabel: z.string().min(1),
  /** What the highest value means, e.g. "Fully". */
  maxLabel: z.string().min(1),
};

export const textPromptSchema = z.object({ ...promptBase, kind: z.literal('text') }).strict();
export const longTextPromptSchema = z
  .object({
    ...promptBase,
    kind: z.literal('longtext'),
    /** Ruled lines on the printed blank page. */
    lines: z.number().int().min(2).max(30).default(6),
  })
  .strict();
export const scalePromptSchema = z.object({ ...promptBase, kind: z.literal('scale'), ...scaleFields }).strict();
export const choicePromptSchema = z
  .object({ ...promptBase, kind: z.literal('choice'), options: z.array(optionSchema).min(2) })
  .strict();
export const checklistPromptSchema = z
  .object({ ...promptBase, kind: z.literal('checklist'), options: z.array(optionSchema).min(1) })
  .strict();

export const tableColumnSchema = z.discriminatedUnion('kind', [
  z.object({ id: idSchema, label: z.string().min(1), kind: z.literal('text'), help: z.string().optional() }).strict(),
  z.object({ id: idSchema, label: z.string().min(1), kind: z.literal('scale'), help: z.string().optional(), ...scaleFields }).strict(),
  z
    .object({ id: idSchema, label: z.string().min(1), kind: z.literal('choice'), help: z.string().optional(), options: z.array(optionSchema).min(2) })
    .strict(),
]);

export const tablePromptSchema = z
  .object({
    ...promptBase,
    kind: z.literal('table'),
    columns: z.array(tableColumnSchema).min(1).max(8),
    /** Empty rows on the printed blank page, and rows offered at the start of the form. */
    rows: z.number().int().min(1).max(20).default(4),
    /** What one row is, for buttons: "Add an actor". */
    rowName: z.string().min(1).default('row'),
  })
  .strict();

export const rankedPromptSchema = z
  .object({
    ...promptBase,
    kind: z.literal('ranked'),
    /** How many items at most (also the printed lines). */
    max: z.number().int().min(2).max(12).default(5),
    /** What one item is, for buttons: "Add a priority". */
    itemName: z.string().min(1).default('item'),
  })
  .strict();

export const promptSchema = z.discriminatedUnion('kind', [
  textPromptSchema,
  longTextPromptSchema,
  scalePromptSchema,
  choicePromptSchema,
  checklistPromptSchema,
  tablePromptSchema,
  rankedPromptSchema,
]);

export const sectionSchema = z
  .object({
    id: idSchema,
    title: z.string().min(1),
    intro: z.string().optional(),
    prompts: z.array(promptSchema).min(1),
  })
  .strict();

export const radarChartSchema = z
  .object({
    kind: z.literal('radar'),
    id: idSchema,
    title: z.string().min(1),
    /** One series per line drawn, e.g. "Today" and "Where it needs to be". */
    series: z.array(z.string().min(1)).min(1).max(3),
    /** One axis per spoke; `prompts` names one scale prompt per series, in series order. */
    axes: z
      .array(
        z
          .object({
            label: z.string().min(1),
            prompts: z.array(idSchema).min(1),
            /** A page to read when this axis shows the widest gap between the first two series. */
            href: z.string().startsWith('/').optional(),
          })
          .strict(),
      )
      .min(3),
  })
  .strict();

export const mapChartSchema = z
  .object({
    kind: z.literal('map'),
    id: idSchema,
    title: z.string().min(1),
    /** The table prompt whose rows are plotted. */
    table: idSchema,
    /** The text column naming each point. */
    label: idSchema,
    /** Scale columns for the two axes. */
    x: idSchema,
    y: idSchema,
    /** Names of the four quadrants, clockwise from top left; optional. */
    quadrants: z.array(z.string()).length(4).optional(),
  })
  .strict();

export const chartSchema = z.discriminatedUnion('kind', [radarChartSchema, mapChartSchema]);

export const worksheetSchema = z
  .object({
    id: z.enum(WORKSHEET_IDS),
    /** Bumped when prompts change; see `renamed` and the answer migrations in answers.ts. */
    version: z.number().int().min(1).default(1),
    title: z.string().min(1),
    /** One or two sentences: what the worksheet helps you do. */
    purpose: z.string().min(1),
    muscles: z.array(z.enum(MUSCLE_IDS)).default([]),
    levels: z.array(z.enum(LEVEL_IDS)).default([]),
    gaps: z.array(z.enum(GAP_IDS)).default([]),
    /** Minutes, each stated: preparing, running, following up. */
    time: z.object({ prep: z.number().int().min(0), run: z.number().int().min(1), followUp: z.number().int().min(0) }).strict(),
    mode: z.enum(['solo', 'group', 'both']),
    /** People in a group session; required unless the worksheet is solo only. */
    groupSize: z.object({ min: z.number().int().min(2), max: z.number().int().min(2) }).strict().optional(),
    materials: z.array(z.string().min(1)).default([]),
    steps: z.array(z.string().min(1)).min(1),
    facilitatorNotes: z.array(z.string().min(1)).default([]),
    sections: z.array(sectionSchema).min(1),
    charts: z.array(chartSchema).default([]),
    /** Earlier prompt ids and the ids they became, so answers follow a renamed prompt. */
    renamed: z.record(z.string(), idSchema).default({}),
  })
  .strict()
  .superRefine((ws, ctx) => {
    const prompts = ws.sections.flatMap((s) => s.prompts);
    const byId = new Map(prompts.map((p) => [p.id, p]));
    const seen = new Set<string>();
    for (const p of prompts) {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', message: `prompt id "${p.id}" is used twice`, path: ['sections'] });
      seen.add(p.id);
      if ((p.kind === 'scale' && p.min >= p.max) || (p.kind === 'table' && p.columns.some((c) => c.kind === 'scale' && c.min >= c.max)))
        ctx.addIssue({ code: 'custom', message: `prompt "${p.id}": min must be below max`, path: ['sections'] });
      if (p.kind === 'table' && new Set(p.columns.map((c) => c.id)).size !== p.columns.length)
        ctx.addIssue({ code: 'custom', message: `prompt "${p.id}": column ids must be unique`, path: ['sections'] });
    }
    const sectionIds = ws.sections.map((s) => s.id);
    if (new Set(sectionIds).size !== sectionIds.length) ctx.addIssue({ code: 'custom', message: 'section ids must be unique', path: ['sections'] });
    for (const id of sectionIds) if (byId.has(id)) ctx.addIssue({ code: 'custom', message: `section id "${id}" is also a prompt id`, path: ['sections'] });
    const chartIds = ws.charts.map((c) => c.id);
    if (new Set(chartIds).size !== chartIds.length) ctx.addIssue({ code: 'custom', message: 'chart ids must be unique', path: ['charts'] });
    if (ws.mode !== 'solo' && !ws.groupSize) ctx.addIssue({ code: 'custom', message: 'groupSize is required when mode is group or both', path: ['groupSize'] });
    if (ws.groupSize && ws.groupSize.min > ws.groupSize.max) ctx.addIssue({ code: 'custom', message: 'groupSize.min must not exceed groupSize.max', path: ['groupSize'] });
    ws.charts.forEach((chart, i) => {
      if (chart.kind === 'radar') {
        for (const axis of chart.axes) {
          if (axis.prompts.length !== chart.series.length)
            ctx.addIssue({ code: 'custom', message: `radar "${chart.id}": axis "${axis.label}" needs one prompt per series`, path: ['charts', i] });
          for (const id of axis.prompts)
            if (byId.get(id)?.kind !== 'scale') ctx.addIssue({ code: 'custom', message: `radar "${chart.id}": "${id}" is not a scale prompt`, path: ['charts', i] });
        }
      } else {
        const table = byId.get(chart.table);
        if (table?.kind !== 'table') {
          ctx.addIssue({ code: 'custom', message: `map "${chart.id}": "${chart.table}" is not a table prompt`, path: ['charts', i] });
          return;
        }
        const col = (id: string) => table.columns.find((c) => c.id === id);
        if (col(chart.label)?.kind !== 'text') ctx.addIssue({ code: 'custom', message: `map "${chart.id}": label "${chart.label}" is not a text column`, path: ['charts', i] });
        if (chart.x === chart.y) ctx.addIssue({ code: 'custom', message: `map "${chart.id}": x and y must be different columns`, path: ['charts', i] });
        for (const axis of [chart.x, chart.y])
          if (col(axis)?.kind !== 'scale') ctx.addIssue({ code: 'custom', message: `map "${chart.id}": "${axis}" is not a scale column`, path: ['charts', i] });
      }
    });
    for (const [from, to] of Object.entries(ws.renamed)) {
      if (!byId.has(to)) ctx.addIssue({ code: 'custom', message: `renamed: "${from}" points to "${to}", which is not a prompt`, path: ['renamed'] });
      if (byId.has(from)) ctx.addIssue({ code: 'custom', message: `renamed: "${from}" is still a prompt id`, path: ['renamed'] });
    }
  });

export type WorksheetInput = z.input<typeof worksheetSchema>;
export type Worksheet = z.output<typeof worksheetSchema>;
export type Section = Worksheet['sections'][number];
export type Prompt = Section['prompts'][number];
export type PromptKind = Prompt['kind'];
export type TableColumn = z.output<typeof tableColumnSchema>;
export type Chart = Worksheet['charts'][number];
export type RadarChart = z.output<typeof radarChartSchema>;
export type MapChart = z.output<typeof mapChartSchema>;

export { allPrompts } from './prompts';

/** Turns a failed parse into one readable message naming the file and each field. */
export function describeIssues(error: z.ZodError, file: string): string {
  const lines = error.issues.map((i) => `  - ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  return `${file} is not a valid worksheet:\n${lines.join('\n')}`;
}

/** Parses a worksheet, throwing an Error whose message names the file and the fields. */
export function parseWorksheet(data: unknown, file: string): Worksheet {
  const result = worksheetSchema.safeParse(data);
  if (!result.success) throw new Error(describeIssues(result.error, file));
  return result.data;
}
