/**
 * Shared readers for the content tests: the source pages (content/**\/*.mdx), the glossary and the
 * worksheets as data, and the built pages in dist/ as parsed HTML.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseHtml, NodeType, type HTMLElement, type Node } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { guideUrl } from '../../src/lib/urls';
import { fileOf, root, siteDir } from '../support/site';

export const contentDir = join(root, 'content');
export const worksheetsDir = join(root, 'worksheets');

/** Every file under dir whose name passes `keep`, as absolute paths, sorted. */
export function walkFiles(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walkFiles(full, keep));
    else if (entry.isFile() && keep(entry.name)) out.push(full);
  }
  return out.sort();
}

/** A path relative to the repository, with forward slashes, for messages. */
export const rel = (file: string): string => relative(root, file).split(sep).join('/');

export interface SourcePage {
  /** The collection id: the path under content/ without extension ("muscles/trust", "index"). */
  id: string;
  file: string;
  url: string;
  frontmatter: Record<string, unknown>;
  body: string;
}

/** Every guidance page's source, with its frontmatter and its URL (from urls.ts, as the site builds it). */
export function sourcePages(): SourcePage[] {
  return walkFiles(contentDir, (name) => name.endsWith('.mdx')).map((file) => {
    const text = readFileSync(file, 'utf8');
    const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
    const id = relative(contentDir, file).split(sep).join('/').replace(/\.mdx$/, '');
    return {
      id,
      file,
      url: guideUrl(id),
      frontmatter: m ? ((parseYaml(m[1] ?? '') as Record<string, unknown> | null) ?? {}) : {},
      body: m ? text.slice(m[0].length) : text,
    };
  });
}

export interface GlossaryTerm {
  id: string;
  term: string;
  match: string[];
}

export const glossaryFile = join(contentDir, 'glossary.yaml');

export function glossaryTerms(): GlossaryTerm[] {
  return parseYaml(readFileSync(glossaryFile, 'utf8')) as GlossaryTerm[];
}

export interface WorksheetData {
  id: string;
  title: string;
  muscles: string[];
  levels: string[];
}

/** The worksheets (worksheets/*.yaml; the examples folder holds sample answers, not worksheets). */
export function worksheets(): WorksheetData[] {
  return readdirSync(worksheetsDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const data = parseYaml(readFileSync(join(worksheetsDir, name), 'utf8')) as Partial<WorksheetData>;
      return { id: data.id ?? name, title: data.title ?? '', muscles: data.muscles ?? [], levels: data.levels ?? [] };
    });
}

const parsed = new Map<string, HTMLElement | null>();

/** The built page at a URL path, parsed; null when dist/ has no such page. Throws when dist/ is missing. */
export function builtPage(urlPath: string): HTMLElement | null {
  const file = fileOf(siteDir(), urlPath);
  if (!parsed.has(file)) parsed.set(file, existsSync(file) ? parseHtml(readFileSync(file, 'utf8')) : null);
  return parsed.get(file) ?? null;
}

/** Like builtPage, but throws when the page is missing, naming it. */
export function mustPage(urlPath: string): HTMLElement {
  const page = builtPage(urlPath);
  if (!page) throw new Error(`${urlPath} is not in the built site (${rel(fileOf(siteDir(), urlPath))} is missing)`);
  return page;
}

/**
 * The page's own text: the `.prose` element inside `main`, without navigation, the on-page contents or
 * previous / next. Null when the page has no such element.
 */
export function prose(page: HTMLElement): HTMLElement | null {
  const el = page.querySelector('main .prose');
  if (!el) return null;
  const copy = parseHtml(el.outerHTML).querySelector('.prose');
  if (!copy) return null;
  for (const drop of copy.querySelectorAll('nav, .toc, .prev-next, script, style, template')) drop.remove();
  return copy;
}

const BLOCK = new Set(
  'address article aside blockquote br caption dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);

/** Plain text of an element; block elements are separated by spaces so that words do not run together. */
export function textOf(el: Node): string {
  if (el.nodeType === NodeType.TEXT_NODE) return el.text;
  if (el.nodeType !== NodeType.ELEMENT_NODE) return '';
  const tag = (el as HTMLElement).tagName?.toLowerCase() ?? '';
  const inner = el.childNodes.map(textOf).join('');
  return BLOCK.has(tag) ? ` ${inner} ` : inner;
}

/** Words: runs of non-space characters that contain a letter or a digit. */
export function countWords(text: string): number {
  return (text.match(/\S+/g) ?? []).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** The hrefs of every link inside an element. */
export const hrefsIn = (el: HTMLElement): Set<string> =>
  new Set(el.querySelectorAll('a[href]').map((a) => a.getAttribute('href') ?? ''));
