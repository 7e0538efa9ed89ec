/**
 * The collections: guidance pages (MDX in content/), worksheets (YAML in worksheets/) and the glossary.
 * An invalid file fails the build. Worksheets go through the guide's own parser first, so the build
 * stops with the message a writer can act on (file, section, prompt id, field, what was expected).
 */
import { readdir, readFile } from 'node:fs/promises';
import { defineCollection } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { glossarySchema, pageSchema } from './data/schemas';
import { generatedDigest, withGeneratedParts } from './worksheets/generated';
import { parseWorksheet, worksheetSchema } from './worksheets/schema';
import { arrangementSchema, sessionSchema } from './facilitate/session-schema';

/** Ids are the file's path without extension ("muscles/trust", "gaps/index"); urls.ts maps them to URLs. */
const pathId = ({ entry }: { entry: string }) => entry.replace(/\.(mdx?|ya?ml)$/, '');

const guide = defineCollection({
  loader: glob({ base: './content', pattern: ['**/*.mdx', '!facilitate/sessions/**'], generateId: pathId }),
  schema: pageSchema,
});

/**
 * Reads worksheets/*.yaml; a file that does not parse stops the build with describeIssues' message. The
 * generated parts of a worksheet (src/worksheets/generated.ts) are filled in first, and their data is part
 * of the digest, so a change to it is seen even when the YAML file has not changed.
 */
function worksheetLoader(dir = 'worksheets'): Loader {
  return {
    name: 'psfg-worksheets',
    async load({ store, parseData, generateDigest, watcher }) {
      const root = new URL(`../${dir}/`, import.meta.url);
      const load = async () => {
        store.clear();
        const names = (await readdir(root)).filter((n) => n.endsWith('.yaml')).sort();
        for (const name of names) {
          const path = `${dir}/${name}`;
          const text = await readFile(new URL(name, root), 'utf8');
          let raw: unknown;
          try {
            raw = withGeneratedParts(parseYaml(text) as unknown);
          } catch (error) {
            throw new Error(`${path} is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
          }
          parseWorksheet(raw, path); // throws the writer-friendly message
          const id = name.replace(/\.yaml$/, '');
          const data = await parseData({ id, data: raw as Record<string, unknown>, filePath: path });
          store.set({ id, data, digest: generateDigest(text + generatedDigest()), filePath: path });
        }
      };
      await load();
      watcher?.on('change', (changed) => {
        if (changed.includes(`/${dir}/`)) void load();
      });
    },
  };
}

const worksheets = defineCollection({
  loader: worksheetLoader(),
  schema: worksheetSchema,
});

const glossary = defineCollection({
  loader: file('./content/glossary.yaml'),
  schema: glossarySchema,
});

/** Session plans for facilitators: structured frontmatter (run-sheet, copies) and an MDX body. */
const sessions = defineCollection({
  loader: glob({ base: './content/facilitate/sessions', pattern: '*.mdx', generateId: pathId }),
  schema: sessionSchema,
});

/** How each worksheet's group is arranged, for the facilitator view of worksheet pages. */
const arrangements = defineCollection({
  loader: file('./content/facilitate/arrangements.yaml'),
  schema: arrangementSchema,
});

export const collections = { guide, worksheets, glossary, sessions, arrangements };
