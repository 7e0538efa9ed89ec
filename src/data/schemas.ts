/**
 * The schemas of guidance pages (frontmatter) and glossary entries. Kept out of content.config.ts so
 * tests can check them without Astro's virtual modules; Astro names the file when a page fails them.
 */
import { z } from 'astro/zod';
import { LEVEL_IDS, MUSCLE_IDS } from './frameworks';

export const SECTIONS = ['home', 'start', 'gaps', 'muscles', 'levels', 'practices', 'facilitate', 'reference'] as const;

export const pageSchema = z
  .object({
    /** The page's h1 and the start of its <title>. */
    title: z.string().min(1),
    /** One sentence, for search results, link previews and the meta description. */
    description: z
      .string()
      .min(20)
      .max(220)
      .refine((d) => /[.?!]$/.test(d.trim()), 'the description must be one full sentence ending in a full stop'),
    /** The navigation section the page belongs to. */
    section: z.enum(SECTIONS),
    /** Position within its section (0 for a section's overview page). */
    order: z.number().int().min(0),
    /** A shorter label for the sidebar. */
    navTitle: z.string().min(1).optional(),
    /** Muscles and levels the page is about. */
    muscles: z.array(z.enum(MUSCLE_IDS)).default([]),
    levels: z.array(z.enum(LEVEL_IDS)).default([]),
  })
  .strict();

export const glossarySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    term: z.string().min(1),
    /** Phrases that count as a use of the term; the first on each page is linked. */
    match: z.array(z.string().min(2)).min(1),
    definition: z.string().min(10),
    see: z.string().startsWith('/').optional(),
  })
  .strict();

export type PageFrontmatter = z.output<typeof pageSchema>;
