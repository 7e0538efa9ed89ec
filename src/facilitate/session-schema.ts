/**
 * The structured part of a session plan (the frontmatter of content/facilitate/sessions/*.mdx):
 * length, group size, roles, worksheets and copies, and the run-sheet. The prose (purpose, set-up,
 * facilitation notes, debrief, follow-up) is the MDX body.
 *
 * The build fails when a run-sheet's minutes do not add up to the stated length, or when a plan
 * names a worksheet that does not exist. Preparation and follow-up are counted apart.
 */
import { z } from 'astro/zod';
import { WORKSHEET_IDS } from '../data/frameworks';
import { pageSchema } from '../data/schemas';

export const ARRANGEMENTS = ['alone', 'pairs', 'threes', 'fours', 'all'] as const;
export const ARRANGEMENT_LABELS: Record<(typeof ARRANGEMENTS)[number], string> = {
  alone: 'Alone',
  pairs: 'Pairs',
  threes: 'Threes',
  fours: 'Groups of four',
  all: 'Whole group',
};

const minutesSchema = z.number().int().min(1).max(600);

export const runSheetRowSchema = z
  .object({
    /** Minutes this row takes. */
    minutes: minutesSchema,
    activity: z.string().min(1),
    /** Who leads it: "Facilitator", "Everyone", "Timekeeper". */
    who: z.string().min(1),
    /** How people are arranged during it. */
    arrangement: z.enum(ARRANGEMENTS),
    notes: z.string().min(1).optional(),
    /** The worksheet this row uses, if any. */
    worksheet: z.enum(WORKSHEET_IDS).optional(),
    /** A break: shown apart in the run-sheet and the builder. */
    break: z.boolean().default(false),
    /** Day of a multi-day session, from 1; each day starts at the plan's start time. */
    day: z.number().int().min(1).max(5).default(1),
  })
  .strict();

export const sessionSchema = z
  .object({
    title: z.string().min(1),
    /** One sentence, as for guidance pages. */
    description: pageSchema.shape.description,
    /** Place in the list of plans. */
    order: z.number().int().min(1),
    navTitle: z.string().min(1).optional(),
    /** The stated length in minutes of session time (breaks included); the run-sheet must add up to it. */
    length: z.number().int().min(15),
    /** How the length is said in the list: "90 minutes", "Half a day", "Two days". */
    lengthLabel: z.string().min(1),
    days: z.number().int().min(1).max(5).default(1),
    /** A suggested start time for the run-sheet, "09:30". */
    start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use a 24-hour time such as 09:30'),
    prep: z.number().int().min(0),
    followUp: z.number().int().min(0),
    groupSize: z.object({ min: z.number().int().min(2), max: z.number().int().min(2) }).strict(),
    /** The group the print pack is printed for. */
    printFor: z.number().int().min(1).max(30),
    roles: z.array(z.object({ role: z.string().min(1), does: z.string().min(1) }).strict()).min(3),
    /** The exact words that open the session. */
    openingQuestion: z.string().min(10),
    arrangements: z.array(z.enum(ARRANGEMENTS)).min(1),
    materials: z.array(z.string().min(1)).min(1),
    /** Worksheets to print for the group: copies in the print pack, and what the copies are for. */
    worksheets: z
      .array(
        z
          .object({
            id: z.enum(WORKSHEET_IDS),
            copies: z.number().int().min(1).max(30),
            /** "One each", "One per group of four". */
            per: z.string().min(1),
          })
          .strict(),
      )
      .min(1),
    runSheet: z.array(runSheetRowSchema).min(3),
  })
  .strict()
  .superRefine((s, ctx) => {
    const total = s.runSheet.reduce((n, r) => n + r.minutes, 0);
    if (total !== s.length)
      ctx.addIssue({
        code: 'custom',
        path: ['runSheet'],
        message: `the run-sheet adds up to ${total} minutes, but the stated length is ${s.length}`,
      });
    if (s.groupSize.min > s.groupSize.max)
      ctx.addIssue({ code: 'custom', path: ['groupSize'], message: 'groupSize.min must not exceed groupSize.max' });
    const days = s.runSheet.map((r) => r.day);
    if (days.some((d, i) => i > 0 && d < days[i - 1]!))
      ctx.addIssue({ code: 'custom', path: ['runSheet'], message: 'run-sheet days must not go backwards' });
    if (Math.max(...days) !== s.days)
      ctx.addIssue({
        code: 'custom',
        path: ['days'],
        message: `the run-sheet covers ${Math.max(...days)} day(s), the plan says ${s.days}`,
      });
    const printed = new Set(s.worksheets.map((w) => w.id));
    s.runSheet.forEach((r, i) => {
      if (r.worksheet && !printed.has(r.worksheet))
        ctx.addIssue({
          code: 'custom',
          path: ['runSheet', i, 'worksheet'],
          message: `"${r.worksheet}" is used in the run-sheet but not listed under worksheets`,
        });
    });
  });

export type Session = z.output<typeof sessionSchema>;
export type SessionRow = Session['runSheet'][number];

/** The facilitator's notes for a worksheet that its own file does not hold: how the group is arranged. */
export const arrangementSchema = z
  .object({
    id: z.enum(WORKSHEET_IDS),
    /** In words: "Alone for the ratings, then the whole group". */
    arrangement: z.string().min(10),
  })
  .strict();
export type WorksheetArrangement = z.output<typeof arrangementSchema>;
