/**
 * Page types, for the social preview images (one per type, made at build time by
 * src/pages/og/[type].png.ts) and the Open Graph tags. The type follows from the page's site path.
 */
export const PAGE_TYPES = {
  home: 'Practical help for public systems',
  start: 'Start here',
  gaps: 'The seven gaps',
  muscles: 'The seven muscles',
  levels: 'The four levels',
  practices: 'Practices',
  worksheets: 'Worksheet',
  printable: 'Printable worksheet',
  reference: 'Reference',
  guide: 'Guidance',
} as const;

export type PageType = keyof typeof PAGE_TYPES;

const SECTIONS: readonly PageType[] = ['start', 'gaps', 'muscles', 'levels', 'practices', 'worksheets'];
const REFERENCE = new Set(['glossary', 'sources', 'about']);

/** `/` -> home; `/worksheets/x/print/` -> printable; `/muscles/trust/` -> muscles; `/glossary/` -> reference. */
export function pageType(path: string): PageType {
  const segments = path.split('/').filter(Boolean);
  const [first] = segments;
  if (!first) return 'home';
  if (first === 'worksheets' && segments[2] === 'print') return 'printable';
  if ((SECTIONS as readonly string[]).includes(first)) return first as PageType;
  if (REFERENCE.has(first)) return 'reference';
  return 'guide';
}
