/**
 * The two collections: guidance pages (MDX in content/) and worksheets (YAML in worksheets/).
 * An invalid file fails the build; Astro's message names the file and the field.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { glossarySchema, pageSchema } from './data/schemas';
import { worksheetSchema } from './worksheets/schema';

/** Ids are the file's path without extension ("muscles/trust", "gaps/index"); urls.ts maps them to URLs. */
const pathId = ({ entry }: { entry: string }) => entry.replace(/\.(mdx?|ya?ml)$/, '');

const guide = defineCollection({
  loader: glob({ base: './content', pattern: '**/*.mdx', generateId: pathId }),
  schema: pageSchema,
});

const worksheets = defineCollection({
  loader: glob({ base: './worksheets', pattern: '*.yaml', generateId: pathId }),
  schema: worksheetSchema,
});

const glossary = defineCollection({
  loader: file('./content/glossary.yaml'),
  schema: glossarySchema,
});

export const collections = { guide, worksheets, glossary };
