/**
 * The two collections: guidance pages (MDX in content/) and worksheets (YAML in worksheets/).
 * An invalid file fails the build; Astro's message names the file and the field.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { LEVEL_IDS, MUSCLE_IDS } from './data/frameworks';
import { worksheetSchema } from './worksheets/schema';

export const SECTIONS = ['home', 'start', 'gaps', 'muscles', 'levels', 'practices', 'reference'] as const;

/** Ids are the file's path without extension ("muscles/trust", "gaps/index"); urls.ts maps them to URLs. */
const pathId = ({ entry }: { entry: string }) => entry.replace(/\.(mdx?|ya?ml)$/, '');

const guide = defineCollection({
  loader: glob({ base: './content', pattern: '**/*.mdx', generateId: pathId }),
  schema: z
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
    .strict(),
});

const worksheets = defineCollection({
  loader: glob({ base: './worksheets', pattern: '*.yaml', generateId: pathId }),
  schema: worksheetSchema,
});

const glossary = defineCollection({
  loader: file('./content/glossary.yaml'),
  schema: z
    .object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      term: z.string().min(1),
      /** Phrases that count as a use of the term; the first on each page is linked. */
      match: z.array(z.string().min(2)).min(1),
      definition: z.string().min(10),
      see: z.string().startsWith('/').optional(),
    })
    .strict(),
});

export const collections = { guide, worksheets, glossary };
