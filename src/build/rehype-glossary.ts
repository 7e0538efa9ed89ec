/**
 * Links the first use of each glossary term on a page to its entry on /glossary/.
 *
 * Terms come from content/glossary.yaml; each has `match` phrases. Text inside links, headings, code,
 * citations and block quotes is left alone. Phrases in capitals (acronyms such as NPM) match exactly;
 * others match case-insensitively, as whole words. The glossary page itself is not linked.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { visitParents } from 'unist-util-visit-parents';
import type { Element, ElementContent, Root, Text } from 'hast';

interface Term {
  id: string;
  match: string[];
}

const SKIP = new Set([
  'a',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'code',
  'pre',
  'cite',
  'blockquote',
  'script',
  'style',
  'summary',
  'caption',
]);

function loadTerms(file: string): Term[] {
  const list = parse(readFileSync(file, 'utf8')) as Term[];
  return list.map((t) => ({ id: t.id, match: [...t.match].sort((a, b) => b.length - a.length) }));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Acronyms (all capitals) match exactly; other phrases ignore case. Both as whole words. */
export function termPatterns(phrases: string[]): RegExp[] {
  const group = (ps: string[], flags: string) =>
    ps.length ? [new RegExp(`(?<![\\p{L}\\p{N}])(?:${ps.map(escape).join('|')})(?![\\p{L}\\p{N}])`, flags)] : [];
  const acronyms = phrases.filter((p) => p === p.toUpperCase());
  const words = phrases.filter((p) => p !== p.toUpperCase());
  return [...group(acronyms, 'u'), ...group(words, 'iu')];
}

function firstMatch(text: string, patterns: RegExp[]): RegExpExecArray | null {
  let best: RegExpExecArray | null = null;
  for (const p of patterns) {
    const m = p.exec(text);
    if (m && (!best || m.index < best.index || (m.index === best.index && m[0].length > best[0].length))) best = m;
  }
  return best;
}

function isSkipped(ancestors: unknown[]): boolean {
  return ancestors.some((a) => {
    const n = a as { type: string; tagName?: string; name?: string };
    return (n.type === 'element' && SKIP.has(n.tagName ?? '')) || (n.type === 'mdxJsxFlowElement' && n.name === 'Cite');
  });
}

/** Wraps the first match of `patterns` in a link; returns whether one was found. */
export function linkFirst(tree: Root, patterns: RegExp[], href: string): boolean {
  let done = false;
  visitParents(tree, 'text', (node: Text, ancestors) => {
    if (done || isSkipped(ancestors)) return;
    const m = firstMatch(node.value, patterns);
    if (!m) return;
    const parent = ancestors[ancestors.length - 1] as Element;
    const index = parent.children.indexOf(node);
    const before = node.value.slice(0, m.index);
    const after = node.value.slice(m.index + m[0].length);
    const link: Element = {
      type: 'element',
      tagName: 'a',
      properties: { href, className: ['term'] },
      children: [{ type: 'text', value: m[0] }],
    };
    const replacement: ElementContent[] = [];
    if (before) replacement.push({ type: 'text', value: before });
    replacement.push(link);
    if (after) replacement.push({ type: 'text', value: after });
    parent.children.splice(index, 1, ...replacement);
    done = true;
  });
  return done;
}

export default function rehypeGlossary(options: { file: string }) {
  let terms: Term[] | undefined;
  return (tree: Root, vfile: { path?: string }) => {
    if (vfile.path?.replace(/\\/g, '/').endsWith('reference/glossary.mdx')) return;
    terms ??= loadTerms(options.file);
    for (const term of terms) linkFirst(tree, termPatterns(term.match), `/glossary/#${term.id}`);
  };
}
