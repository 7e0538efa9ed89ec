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
import { SOURCE_IDS } from '../data/sources';

/** A stable id: lower case letters, digits and hyphens. Answers are stored under prompt ids. */
const idSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens, starting with a letter');

/** A choice option: written as a plain string, or `{ value, label }` when the label may change. */
const optionSchema = z
  .union([z.string().min(1), z.object({ value: idSchema, label: z.string().min(1) }).strict()])
  .transform((o) => (typeof o === 'string' ? { value: o, label: o } : o));

/** A path on this site ("/muscles/trust/"), never another host ("//host/...") or a scheme. */
export const sitePath = z
  .string()
  .regex(/^\/(?![\/\\])[^\s:]*$/, 'use a path on this site that starts with one "/", such as "/muscles/trust/"');

/** An id from a fixed list, with a message that says what was written and what is allowed. */
const oneOf = <T extends readonly [string, ...string[]]>(ids: T, what: string) =>
  z.enum(ids, { error: (iss) => `${JSON.stringify(iss.input)} is not ${what}; use one of: ${ids.join(', ')}` });

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
            href: sitePath.optional(),
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

/** A non-empty list of short points, each one sentence or two. */
const pointsSchema = z.array(z.string().min(1)).min(1);

/**
 * A real example from one of the five sources. `fit: direct` when the source describes this kind of
 * work; `fit: nearest` when no source does, and the nearest source example is given instead, with
 * `relation` saying how it bears on the worksheet.
 */
export const realExampleSchema = z
  .object({
    /** The source it comes from, by id in `src/data/sources.ts`. */
    source: oneOf(SOURCE_IDS, 'one of the five sources (see SOURCE_IDS in src/data/sources.ts)'),
    /** What the source reports, in the guide's own words. Nothing the source does not say. */
    text: z.string().min(1),
    fit: z.enum(['direct', 'nearest']),
    /** Required when `fit` is `nearest`: how the example relates to this worksheet. */
    relation: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((ex, ctx) => {
    if (ex.fit === 'nearest' && !ex.relation)
      ctx.addIssue({ code: 'custom', message: 'relation is required when fit is "nearest": say how the example relates', path: ['relation'] });
  });

/**
 * The method card, as the best method cards give it (18F, the UK Futures Toolkit): when to use the
 * worksheet and when not to, what you leave with, who to involve, what to watch out for, and a real
 * example. Every field is required, so a worksheet without its card fails the build.
 */
export const methodCardFields = {
  whenToUse: pointsSchema,
  whenNotToUse: pointsSchema,
  /** What a reader holds at the end: the outputs, as things. */
  leaveWith: pointsSchema,
  /** Who should be in the room or be asked. */
  involve: pointsSchema,
  /** Traps and risks. */
  watchOutFor: pointsSchema,
  realExample: realExampleSchema,
};

/**
 * Minutes, each stated: preparing, running, following up. `run` is the solo time, or the only time.
 * `groupRun` is the time for a group of `groupSize.max`, when that differs from `run`; `fieldwork`
 * describes work spread over days, such as interviews, which no minute count captures.
 */
export const timeSchema = z
  .object({
    prep: z.number().int().min(0),
    run: z.number().int().min(1),
    followUp: z.number().int().min(0),
    groupRun: z.number().int().min(1).optional(),
    fieldwork: z.string().min(1).optional(),
  })
  .strict();

export const worksheetSchema = z
  .object({
    id: oneOf(WORKSHEET_IDS, 'a planned worksheet id (see WORKSHEET_IDS in src/data/frameworks.ts)'),
    /** Bumped when prompts change; see `renamed` and the answer migrations in answers.ts. */
    version: z.number().int().min(1).default(1),
    title: z.string().min(1),
    /** One or two sentences: what the worksheet helps you do. */
    purpose: z.string().min(1),
    muscles: z.array(oneOf(MUSCLE_IDS, 'a muscle id')).default([]),
    levels: z.array(oneOf(LEVEL_IDS, 'a level id')).default([]),
    gaps: z.array(oneOf(GAP_IDS, 'a gap id')).default([]),
    time: timeSchema,
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
    ...methodCardFields,
  })
  .strict()
  .superRefine((ws, ctx) => {
    const prompts = ws.sections.flatMap((s, si) => s.prompts.map((p, pi) => ({ p, path: ['sections', si, 'prompts', pi] as (string | number)[] })));
    const byId = new Map(prompts.map(({ p }) => [p.id, p]));
    const seen = new Set<string>();
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', message, path });
    for (const { p, path } of prompts) {
      if (seen.has(p.id)) issue([...path, 'id'], `the prompt id "${p.id}" is used twice; each prompt needs its own id`);
      seen.add(p.id);
      if (p.kind === 'scale' && p.min >= p.max) issue([...path, 'max'], `max (${p.max}) must be greater than min (${p.min})`);
      if (p.kind === 'table') {
        p.columns.forEach((c, ci) => {
          if (c.kind === 'scale' && c.min >= c.max) issue([...path, 'columns', ci, 'max'], `max (${c.max}) must be greater than min (${c.min})`);
        });
        const ids = p.columns.map((c) => c.id);
        ids.forEach((id, ci) => {
          if (ids.indexOf(id) !== ci) issue([...path, 'columns', ci, 'id'], `the column id "${id}" is used twice in this table`);
        });
      }
    }
    ws.sections.forEach((s, si) => {
      if (ws.sections.findIndex((x) => x.id === s.id) !== si) issue(['sections', si, 'id'], `the section id "${s.id}" is used twice`);
      if (byId.has(s.id)) issue(['sections', si, 'id'], `the section id "${s.id}" is also a prompt id; use another`);
    });
    ws.charts.forEach((c, i) => {
      if (ws.charts.findIndex((x) => x.id === c.id) !== i) issue(['charts', i, 'id'], `the chart id "${c.id}" is used twice`);
    });
    if (ws.mode !== 'solo' && !ws.groupSize) issue(['groupSize'], `groupSize ({ min, max }) is required when mode is "${ws.mode}"`);
    if (ws.groupSize && ws.groupSize.min > ws.groupSize.max) issue(['groupSize', 'min'], `min (${ws.groupSize.min}) must not exceed max (${ws.groupSize.max})`);
    if (ws.time.groupRun !== undefined && ws.mode === 'solo') issue(['time', 'groupRun'], 'time.groupRun is for group sessions: remove it, or set mode to group or both');
    if (ws.mode === 'both' && ws.time.groupRun === ws.time.run)
      issue(['time', 'groupRun'], 'time.groupRun equals time.run: leave it out when the group takes the solo time');
    ws.charts.forEach((chart, i) => {
      if (chart.kind === 'radar') {
        chart.axes.forEach((axis, ai) => {
          const at = ['charts', i, 'axes', ai, 'prompts'];
          if (axis.prompts.length !== chart.series.length)
            issue(at, `the axis "${axis.label}" names ${axis.prompts.length} prompt(s); it needs one per series (${chart.series.length}: ${chart.series.join(', ')})`);
          axis.prompts.forEach((id, k) => {
            const kind = byId.get(id)?.kind;
            if (kind !== 'scale') issue([...at, k], kind ? `"${id}" is a ${kind} prompt; a radar axis needs a scale prompt` : `"${id}" is not a prompt of this worksheet`);
          });
        });
      } else {
        const table = byId.get(chart.table);
        if (table?.kind !== 'table') {
          issue(['charts', i, 'table'], table ? `"${chart.table}" is a ${table.kind} prompt; a map needs a table prompt` : `"${chart.table}" is not a prompt of this worksheet`);
          return;
        }
        const col = (id: string) => table.columns.find((c) => c.id === id);
        const describe = (id: string, want: string) => {
          const c = col(id);
          return c ? `the column "${id}" is a ${c.kind} column; expected a ${want} column` : `"${id}" is not a column of the table "${chart.table}"`;
        };
        if (col(chart.label)?.kind !== 'text') issue(['charts', i, 'label'], describe(chart.label, 'text'));
        if (chart.x === chart.y) issue(['charts', i, 'y'], `x and y are both "${chart.x}"; the map needs two different columns`);
        for (const axis of ['x', 'y'] as const) if (col(chart[axis])?.kind !== 'scale') issue(['charts', i, axis], describe(chart[axis], 'scale'));
      }
    });
    for (const [from, to] of Object.entries(ws.renamed)) {
      if (!byId.has(to)) issue(['renamed', from], `"${from}" is renamed to "${to}", which is not a prompt of this worksheet`);
      if (byId.has(from)) issue(['renamed', from], `"${from}" is still a prompt id, so it cannot also be a former id`);
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
export type RealExample = z.output<typeof realExampleSchema>;

export { allPrompts } from './prompts';

/**
 * Where an issue is, in words a writer can find in the YAML file: `section "intro" > prompt "power" > max`
 * for `sections.1.prompts.3.max`, using the ids written in the file where there are any.
 */
export function describePath(path: readonly PropertyKey[], data: unknown): string {
  if (!path.length) return '(the whole file)';
  const parts: string[] = [];
  let node: unknown = data;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const next = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    const id = next !== null && typeof next === 'object' && typeof (next as { id?: unknown }).id === 'string' ? (next as { id: string }).id : undefined;
    // The key before: "sections" for `sections.1`; before the first key there is none ("undefined").
    const container = String(path[i - 1]);
    if (typeof key === 'number') {
      const noun = ({ sections: 'section', prompts: 'prompt', columns: 'column', charts: 'chart', axes: 'axis', options: 'option', steps: 'step' } as Record<string, string>)[container];
      const label = id ?? (next !== null && typeof next === 'object' && typeof (next as { label?: unknown }).label === 'string' ? (next as { label: string }).label : undefined);
      if (noun) parts[parts.length - 1] = label ? `${noun} "${label}"` : `${noun} ${key + 1}`;
      else parts.push(`item ${key + 1}`);
    } else parts.push(String(key));
    node = next;
  }
  return parts.join(' > ');
}

/** Turns a failed parse into one readable message naming the file and, for each issue, where and what was expected. */
export function describeIssues(error: z.ZodError, file: string, data?: unknown): string {
  const lines = error.issues.map((i) => `  - ${describePath(i.path, data)}: ${i.message}`);
  return `${file} is not a valid worksheet:\n${lines.join('\n')}`;
}

/** Parses a worksheet, throwing an Error whose message names the file and the fields. */
export function parseWorksheet(data: unknown, file: string): Worksheet {
  const result = worksheetSchema.safeParse(data);
  if (!result.success) throw new Error(describeIssues(result.error, file, data));
  return result.data;
}
