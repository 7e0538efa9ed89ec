/**
 * Guidance page frontmatter and glossary entries: what the build accepts and refuses. Astro adds the
 * file's name to the message; these tests show the field is named.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { glossarySchema, pageSchema } from '../../src/data/schemas';
import { ROOT } from './worksheet-files';

const valid = {
  title: 'Trust is the currency of change',
  description: 'How to build trust across a public system.',
  section: 'muscles',
  order: 2,
  muscles: ['trust'],
};

const fieldsOf = (data: unknown) => {
  const result = pageSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

function mdxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? mdxFiles(path) : name.endsWith('.mdx') ? [path] : [];
  });
}

describe('page frontmatter', () => {
  it('accepts a complete page', () => {
    expect(fieldsOf(valid)).toEqual([]);
  });

  it.each([
    ['a missing title', { ...valid, title: undefined }, 'title'],
    ['a description that is not a full sentence', { ...valid, description: 'How to build trust across a public system' }, 'description'],
    ['an unknown section', { ...valid, section: 'elsewhere' }, 'section'],
    ['a negative order', { ...valid, order: -1 }, 'order'],
    ['an unknown muscle id', { ...valid, muscles: ['trusst'] }, 'muscles.0'],
    ['an unknown level id', { ...valid, levels: ['nation'] }, 'levels.0'],
    ['a field the schema does not know', { ...valid, author: 'someone' }, ''],
  ])('refuses %s and names the field', (_what, data, field) => {
    const fields = fieldsOf(data);
    expect(fields.length).toBeGreaterThan(0);
    expect(fields).toContain(field);
  });

  // Session plans have a schema of their own (src/facilitate/session-schema.ts, tested in tests/content/sessions.test.ts).
  const guidePages = mdxFiles(join(ROOT, 'content')).filter(
    (f) => !relative(ROOT, f).split(sep).join('/').startsWith('content/facilitate/sessions/'),
  );
  it.each(guidePages.map((f) => [relative(ROOT, f), f]))('%s has valid frontmatter', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
    expect(match, 'frontmatter between --- lines').not.toBeNull();
    expect(fieldsOf(parse(match![1]!))).toEqual([]);
  });
});

describe('glossary entries', () => {
  it('accepts every entry of content/glossary.yaml', () => {
    const entries = parse(readFileSync(join(ROOT, 'content', 'glossary.yaml'), 'utf8')) as unknown[];
    for (const entry of entries) expect(glossarySchema.safeParse(entry).success, JSON.stringify(entry)).toBe(true);
  });

  it('refuses an entry with no phrases to match', () => {
    const result = glossarySchema.safeParse({
      id: 'npm',
      term: 'New Public Management',
      match: [],
      definition: 'A way of running public services.',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('match');
  });
});
