/**
 * The words themselves, read from the source files: no placeholder text, and British spelling
 * (organisation, programme, centre), with every American spelling listed as file:line:word.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDir, glossaryFile, rel, walkFiles, worksheetsDir } from './helpers';

const PLACEHOLDER = /(?<![\p{L}\p{N}])(?:todo|lorem|coming soon|tbd)(?![\p{L}\p{N}])/giu;

/** American spellings and their common forms. "program" is allowed in "computer program". */
const AMERICAN = [
  /\borganiz\w*/gi,
  /(?<!\bcomputer\s)\bprograms?\b/gi,
  /\bcent(?:er|ers|ered|ering)\b/gi,
  /\bcolor(?:s|ed|ful|ing)?\b/gi,
  /\bbehavior(?:s|al|ally)?\b/gi,
  /\blabor(?:s|ed|ing|er|ers)?\b/gi,
  /\bprioritiz(?:e|es|ed|ing|ation)\b/gi,
  /\brecogniz(?:e|es|ed|ing|able|ably)\b/gi,
  /\banalyz(?:e|es|ed|ing|er|ers)\b/gi,
];

/** Every match of the patterns in a file's text, as "file:line:word", in reading order. */
function findAll(file: string, text: string, patterns: RegExp[]): string[] {
  return text.split(/\r?\n/).flatMap((line, i) =>
    patterns
      .flatMap((p) => [...line.matchAll(p)])
      .sort((a, b) => a.index - b.index)
      .map((m) => `${rel(file)}:${i + 1}:${m[0]}`),
  );
}

const read = (file: string) => readFileSync(file, 'utf8');

/** The files readers see text from: guidance pages, the glossary, the worksheets. */
const placeholderFiles = [
  ...walkFiles(contentDir, (name) => name.endsWith('.mdx')),
  glossaryFile,
  ...walkFiles(worksheetsDir, (name) => name.endsWith('.yaml')).filter((f) => !f.startsWith(join(worksheetsDir, 'examples'))),
];
/** For spelling, every text file in content/ and worksheets/ (the worksheets' example answers too). */
const spellingFiles = [
  ...walkFiles(contentDir, (name) => /\.(mdx?|ya?ml|json)$/.test(name)),
  ...walkFiles(worksheetsDir, (name) => /\.(ya?ml|json)$/.test(name)),
];

describe('placeholder text', () => {
  it('is found by the check as whole words in any case', () => {
    expect(findAll('x', 'TODO: write\nLorem ipsum\nComing Soon\ntbd.\ntodos, Tbdx, stbd', [PLACEHOLDER])).toHaveLength(4);
  });

  it('appears nowhere in the pages, the glossary or the worksheets', () => {
    expect(placeholderFiles.length).toBeGreaterThan(20);
    const found = placeholderFiles.flatMap((file) => findAll(file, read(file), [PLACEHOLDER]));
    expect(found, `placeholder text:\n${found.join('\n')}`).toEqual([]);
  });
});

describe('British spelling', () => {
  it('is checked by a list that flags American forms and leaves British ones and computer programs alone', () => {
    const text = [
      'The organization organized programs at the center.',
      'Its behavior, color and labor: we prioritize, recognize and analyze.',
      'The organisation runs a programme at the centre; a computer program.',
    ].join('\n');
    expect(findAll('x', text, AMERICAN).map((s) => s.split(':').slice(1).join(':'))).toEqual([
      '1:organization',
      '1:organized',
      '1:programs',
      '1:center',
      '2:behavior',
      '2:color',
      '2:labor',
      '2:prioritize',
      '2:recognize',
      '2:analyze',
    ]);
  });

  it('is used throughout content/ and worksheets/, with no American spellings', () => {
    expect(spellingFiles.length).toBeGreaterThan(20);
    const found = spellingFiles.flatMap((file) => findAll(file, read(file), AMERICAN));
    expect(found, `American spellings (file:line:word):\n${found.join('\n')}`).toEqual([]);
  });
});
