/**
 * The glossary: enough terms, every term used somewhere in the guide, and on every page the first use
 * of a term linked to its entry (`<a class="term" href="/glossary/#id">`, added by the glossary linker).
 */
import { NodeType, type HTMLElement, type Node } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPage, glossaryTerms, mustPage, prose, sourcePages, type GlossaryTerm } from './helpers';

const terms = glossaryTerms();
const GLOSSARY_URL = '/glossary/';
const pageUrls = sourcePages()
  .map((p) => p.url)
  .filter((url) => url !== GLOSSARY_URL);

/** Text the linker leaves alone: links, headings, code, citations, quotations, captions, summaries. */
const SKIP_TAGS = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'cite', 'blockquote', 'script', 'style', 'summary', 'caption']);
/**
 * Text that components generate from data or attributes (worksheet cards, gap and muscle link lists,
 * the gap x muscle table, shifts, box titles): not MDX prose, so the linker never sees it.
 */
const GENERATED = ['shift', 'ws-cards', 'ws-card', 'link-list', 'matrix', 'glossary', 'source-list', 'callout__title', 'questions__title', 'paradigm-table', 'reading-note', 'session-list', 'session-facts', 'session-roles', 'session-materials', 'session-print', 'run-sheet', 'opening-question'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-word patterns for a term's phrases: acronyms (all capitals) exactly, other phrases ignoring case. */
function patterns(phrases: string[]): RegExp[] {
  const group = (ps: string[], flags: string) =>
    ps.length ? [new RegExp(`(?<![\\p{L}\\p{N}])(?:${ps.map(escape).join('|')})(?![\\p{L}\\p{N}])`, flags)] : [];
  const acronyms = phrases.filter((p) => p === p.toUpperCase());
  return [...group(acronyms, 'u'), ...group(phrases.filter((p) => p !== p.toUpperCase()), 'iu')];
}

type Event = { kind: 'text'; value: string } | { kind: 'term'; id: string; text: string };

/** The page's prose in reading order: plain text the linker could link, and the term links it made. */
function events(root: HTMLElement): Event[] {
  const out: Event[] = [];
  const walk = (node: Node, skipped: boolean): void => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      if (!skipped) out.push({ kind: 'text', value: node.text });
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const el = node as HTMLElement;
    const tag = el.tagName.toLowerCase();
    const href = el.getAttribute('href') ?? '';
    if (tag === 'a' && el.classList.contains('term') && href.startsWith(`${GLOSSARY_URL}#`)) {
      out.push({ kind: 'term', id: href.slice(GLOSSARY_URL.length + 1), text: el.text });
      return;
    }
    const skip = skipped || SKIP_TAGS.has(tag) || GENERATED.some((c) => el.classList.contains(c));
    for (const child of el.childNodes) walk(child, skip);
  };
  walk(root, false);
  return out;
}

interface Use {
  url: string;
  /** Whether the first use on the page is the term's link. */
  linked: boolean;
  /** The text of the first use. */
  first: string;
  /** How many links to the term the page has. */
  links: number;
}

/** For each term, every page that uses it, with what its first use is. */
function uses(): Map<string, Use[]> {
  const byTerm = new Map<string, Use[]>(terms.map((t) => [t.id, []]));
  for (const url of pageUrls) {
    const page = builtPage(url);
    const el = page && prose(page);
    if (!el) continue;
    const evs = events(el);
    for (const t of terms) {
      const ps = patterns(t.match);
      let first: Use | undefined;
      for (const ev of evs) {
        if (ev.kind === 'term' && ev.id === t.id) {
          first = { url, linked: true, first: ev.text, links: 0 };
          break;
        }
        if (ev.kind === 'text') {
          const m = ps.map((p) => p.exec(ev.value)).find(Boolean);
          if (m) {
            const at = m.index;
            first = { url, linked: false, first: `…${ev.value.slice(Math.max(0, at - 30), at + m[0].length + 30).trim()}…`, links: 0 };
            break;
          }
        }
      }
      const links = evs.filter((ev) => ev.kind === 'term' && ev.id === t.id).length;
      if (first) byTerm.get(t.id)?.push({ ...first, links });
    }
  }
  return byTerm;
}

let termUses: Map<string, Use[]>;

describe('the glossary', () => {
  beforeAll(() => {
    termUses = uses();
  });

  it('has at least 30 terms', () => {
    expect(terms.length).toBeGreaterThanOrEqual(30);
  });

  it('gives every term a unique id and at least one match phrase', () => {
    const ids = terms.map((t) => t.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(terms.filter((t: GlossaryTerm) => !Array.isArray(t.match) || !t.match.length).map((t) => t.id)).toEqual([]);
  });

  it('has an entry with the id of every term on the built glossary page', () => {
    const page = mustPage(GLOSSARY_URL);
    const missing = terms.filter((t) => !page.querySelector(`[id="${t.id}"]`)).map((t) => t.id);
    expect(missing).toEqual([]);
  });

  it('points every "see" of a term at a built page', () => {
    const see = (t: GlossaryTerm) => (t as GlossaryTerm & { see?: string }).see;
    const broken = terms.filter((t) => see(t) && !builtPage(see(t) ?? '')).map((t) => `${t.id}: ${see(t)}`);
    expect(broken).toEqual([]);
  });

  it('has every term used in the prose of some page other than the glossary', () => {
    const unused = terms.filter((t) => !termUses.get(t.id)?.length).map((t) => `${t.id} (${t.match.join(', ')})`);
    expect(unused, `glossary terms never used in page prose:\n${unused.join('\n')}`).toEqual([]);
  });

  it('links the first use of every term on every page that uses it to the glossary entry', () => {
    const unlinked = [...termUses.entries()].flatMap(([id, list]) =>
      list.filter((u) => !u.linked).map((u) => `${u.url}: first use of "${id}" is not linked: ${u.first}`),
    );
    expect(unlinked).toEqual([]);
  });

  it('links each term at most once per page', () => {
    const repeated = [...termUses.entries()].flatMap(([id, list]) =>
      list.filter((u) => u.links > 1).map((u) => `${u.url}: ${u.links} links to /glossary/#${id}`),
    );
    expect(repeated).toEqual([]);
  });

  it('links only terms that are in the glossary', () => {
    const ids = new Set(terms.map((t) => t.id));
    const unknown = pageUrls.flatMap((url) => {
      const page = builtPage(url);
      return (page?.querySelectorAll('a.term[href]') ?? [])
        .map((a) => a.getAttribute('href') ?? '')
        .filter((href) => !ids.has(href.replace(/^\/glossary\/#/, '')))
        .map((href) => `${url}: ${href}`);
    });
    expect(unknown).toEqual([]);
  });

  it('does not link terms on the glossary page itself', () => {
    expect(mustPage(GLOSSARY_URL).querySelectorAll('main a.term').length).toBe(0);
  });
});
