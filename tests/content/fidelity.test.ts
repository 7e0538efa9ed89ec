/**
 * Fidelity to the five sources, read from the build: every "On a Tuesday" story is labelled as an
 * illustration; every source carries a date and its context on /sources/; the paradigm table on the level
 * pages and the paradigm audit's principles are one list; every citation beyond the five sources points at
 * an entry that exists; the level-to-muscle lists say they are the guide's reading.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeType, parse as parseHtml, type HTMLElement, type Node } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { BEYOND } from '../../src/data/beyond-sources';
import { LEVELS } from '../../src/data/frameworks';
import { PARADIGM_PRINCIPLES } from '../../src/data/paradigm';
import { SOURCES } from '../../src/data/sources';
import { guideUrl } from '../../src/lib/urls';
import { GENERATED, PARADIGM_AUDIT } from '../../src/worksheets/generated';
import type { Worksheet } from '../../src/worksheets/schema';
import { listHtmlFiles, siteDir, urlPathOf } from '../support/site';
import { mustPage, sourcePages, textOf, worksheetsDir } from './helpers';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every built page as [url, parsed document]. */
function builtPages(): [string, HTMLElement][] {
  const dir = siteDir();
  return listHtmlFiles(dir).map((file) => [urlPathOf(dir, file), parseHtml(readFileSync(file, 'utf8'))]);
}

/** Text nodes under `root` that match `pattern` and have no ancestor with class `cls`. */
function outside(root: Node, pattern: RegExp, cls: string): string[] {
  const found: string[] = [];
  const walk = (node: Node, inside: boolean): void => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      if (!inside && pattern.test(node.text)) found.push(squash(node.text).slice(0, 90));
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const el = node as HTMLElement;
    if (['script', 'style', 'template'].includes(el.tagName?.toLowerCase() ?? '')) return;
    const here = inside || el.classList.contains(cls);
    for (const child of el.childNodes) walk(child, here);
  };
  walk(root, false);
  return found;
}

describe('"On a Tuesday" stories', () => {
  it('checks a page whose story sits outside an illustration, and one whose story sits inside', () => {
    const bare = parseHtml('<main><p>On a Tuesday, a team meets.</p></main>');
    const labelled = parseHtml('<main><aside class="illustration"><p>On a Tuesday, a team meets.</p></aside></main>');
    expect(outside(bare, /on a tuesday/i, 'illustration')).toHaveLength(1);
    expect(outside(labelled, /on a tuesday/i, 'illustration')).toEqual([]);
  });

  it('places every "On a Tuesday" story of every built page inside a labelled illustration', () => {
    const bare = builtPages().flatMap(([url, page]) => {
      const main = page.querySelector('main');
      return main ? outside(main, /\bon (a|an ordinary) tuesday\b/i, 'illustration').map((t) => `${url}: ${t}`) : [];
    });
    expect(bare, `stories not labelled as illustrations:\n${bare.join('\n')}`).toEqual([]);
  });

  it('labels every illustration as an invented example', () => {
    const unlabelled = builtPages().flatMap(([url, page]) =>
      page
        .querySelectorAll('main .illustration')
        .filter((el) => squash(el.querySelector('.illustration__label .illustration__tag')?.text ?? '') !== 'Illustration' || !/invented example/i.test(el.text))
        .map(() => url),
    );
    expect(unlabelled).toEqual([]);
  });
});

describe('the sources, with dates and context', () => {
  const fields = ['title', 'author', 'date', 'dateBasis', 'kind', 'setting', 'audience', 'sponsor', 'contributes'] as const;

  it.each(SOURCES.map((s) => [s.id, s]))('gives %s a date, what the date rests on, and its context', (_id, s) => {
    for (const f of fields) expect(s[f].trim(), `${s.id}.${f}`).not.toBe('');
    expect(['stated', 'inferred']).toContain(s.dateKind);
    expect(s.date, `${s.id}: the date names a year or a period`).toMatch(/\d{4}|undated/i);
  });

  it.each(SOURCES.map((s) => [s.id, s]))('shows %s on /sources/ with its date and every part of its context', (_id, s) => {
    const entry = mustPage('/sources/').querySelector(`li[id="${s.id}"]`);
    expect(entry, `/sources/ has no entry #${s.id}`).not.toBeNull();
    const text = squash(textOf(entry!));
    for (const f of fields) expect(text, `${s.id}: ${f}`).toContain(squash(s[f]));
    if (s.dateKind === 'inferred') expect(text).toContain('date inferred from the text');
  });
});

describe('beyond the five sources', () => {
  it('lists every entry on /sources/ under its own heading, after the five sources, at #beyond-<id>', () => {
    const page = mustPage('/sources/');
    const heading = page.querySelector('main h2[id="beyond-the-five-sources"]');
    expect(heading, '/sources/ has no "Beyond the five sources" heading').not.toBeNull();
    const list = page.querySelector('main .source-list--beyond');
    expect(list).not.toBeNull();
    const ids = list!.childNodes.filter((n): n is HTMLElement => n.nodeType === NodeType.ELEMENT_NODE && (n as HTMLElement).tagName === 'LI').map((li) => li.getAttribute('id'));
    expect(ids).toEqual(BEYOND.map((b) => `beyond-${b.id}`));
    for (const s of SOURCES) expect(list!.querySelector(`[id="${s.id}"]`), `${s.id} listed as beyond the sources`).toBeNull();
  });

  it('points every citation beyond the five sources at an entry that exists', () => {
    const targets = new Set(BEYOND.map((b) => `/sources/#beyond-${b.id}`));
    const cited = builtPages().flatMap(([url, page]) =>
      page.querySelectorAll('main a[href^="/sources/#beyond-"]').map((a) => [url, a.getAttribute('href') ?? ''] as const),
    );
    expect(cited.length, 'no page cites anything beyond the five sources').toBeGreaterThan(0);
    expect(cited.filter(([, href]) => !targets.has(href)).map(([url, href]) => `${url} -> ${href}`)).toEqual([]);
  });

  it('cites each entry on exactly the pages its usedOn names', () => {
    for (const b of BEYOND) {
      const citing = builtPages()
        .filter(([, page]) => page.querySelector(`main cite a[href="/sources/#beyond-${b.id}"]`))
        .map(([url]) => url)
        .filter((url) => url !== '/sources/')
        .sort();
      expect(citing, b.id).toEqual(b.usedOn.map(guideUrl).sort());
    }
  });
});

describe('the canonical paradigm table', () => {
  /** The definition the built form page embeds, as the reader's browser gets it. */
  function builtAudit(): Worksheet {
    const html = readFileSync(join(siteDir(), 'worksheets', PARADIGM_AUDIT.worksheet, 'index.html'), 'utf8');
    const m = /<script\b[^>]*\bdata-worksheet-definition\b[^>]*>([\s\S]*?)<\/script>/.exec(html);
    if (!m?.[1]) throw new Error('the paradigm audit page embeds no worksheet definition');
    return JSON.parse(m[1]) as Worksheet;
  }

  it('renders the same rows, in the same order, on /levels/ and /levels/paradigm/', () => {
    for (const url of ['/levels/', '/levels/paradigm/']) {
      const rows = mustPage(url).querySelectorAll('main .paradigm-table tbody tr');
      expect(
        rows.map((tr) => tr.querySelectorAll('th, td').map((c) => squash(c.text))),
        url,
      ).toEqual(PARADIGM_PRINCIPLES.map((p) => [p.name, p.npm, p.systemic]));
      expect(mustPage(url).querySelectorAll('main .prose table').length, `${url} has another table beside the canonical one`).toBe(1);
    }
  });

  it('says on both pages that the guide assembled the table from the essay', () => {
    for (const url of ['/levels/', '/levels/paradigm/'])
      expect(squash(mustPage(url).querySelector('main .paradigm-table .paradigm-table__note')?.text ?? ''), url).toMatch(/assembled these rows from the essay's prose/);
  });

  it("offers the table's principles, one row each, in the built paradigm audit", () => {
    const prompt = builtAudit()
      .sections.flatMap((s) => s.prompts)
      .find((p) => p.id === PARADIGM_AUDIT.prompt);
    expect(prompt?.kind).toBe('table');
    if (prompt?.kind !== 'table') return;
    const column = prompt.columns.find((c) => c.id === PARADIGM_AUDIT.column);
    expect(column?.kind).toBe('choice');
    if (column?.kind !== 'choice') return;
    expect(column.options).toEqual(PARADIGM_PRINCIPLES.map((p) => ({ value: p.id, label: p.name })));
    expect(prompt.rows).toBe(PARADIGM_PRINCIPLES.length);
  });

  it('leaves the list out of the worksheet file, which asks for it to be generated', () => {
    const yaml = readFileSync(join(worksheetsDir, `${PARADIGM_AUDIT.worksheet}.yaml`), 'utf8');
    expect(yaml).toMatch(new RegExp(`- id: ${PARADIGM_AUDIT.column}\\n\\s+label: .+\\n\\s+kind: choice\\n\\s+options: ${GENERATED}\\n`));
    for (const p of PARADIGM_PRINCIPLES) expect(yaml).not.toContain(p.name);
  });

  it('keeps the principle ids stable and unique, since answers store them', () => {
    const ids = PARADIGM_PRINCIPLES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(8);
    expect(ids.length).toBeLessThanOrEqual(12);
  });
});

describe("the guide's own readings", () => {
  it.each(LEVELS.map((l) => [l.href]))("labels the list of muscles on %s as the guide's reading", (url) => {
    const note = mustPage(url).querySelector('main .reading-note');
    expect(squash(note?.text ?? '')).toMatch(/^The guide's reading\..*neither source links them/);
    expect(mustPage(url).querySelector('main .reading-note + ul[data-reading="guide"]')).not.toBeNull();
  });

  it('has a page for every level (the list above is complete)', () => {
    const levelPages = sourcePages().filter((p) => p.frontmatter['section'] === 'levels' && !p.id.endsWith('index'));
    expect(levelPages.map((p) => p.url).sort()).toEqual(LEVELS.map((l) => l.href).sort());
  });
});
