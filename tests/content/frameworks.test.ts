/**
 * The two frameworks link both ways, in the page text itself (not the sidebar, which links everything):
 * muscle pages link their worksheets, the four levels and the gaps they answer; level pages link their
 * worksheets and the muscles that matter most there.
 */
import { describe, expect, it } from 'vitest';
import { GAPS, LEVELS, MUSCLES, WORKSHEET_IDS } from '../../src/data/frameworks';
import { worksheetUrl } from '../../src/lib/urls';
import { listPages, siteDir } from '../support/site';
import { builtPage, hrefsIn, mustPage, prose, worksheets } from './helpers';

const sheets = worksheets();

/** The hrefs of the links in a page's own text. */
function proseLinks(url: string): Set<string> {
  const el = prose(mustPage(url));
  if (!el) throw new Error(`${url} has no .prose element inside main`);
  return hrefsIn(el);
}

describe('the worksheets as data', () => {
  it('uses only planned worksheet ids, each the name of its file', () => {
    const planned = new Set<string>(WORKSHEET_IDS);
    expect(sheets.filter((s) => !planned.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it('builds a page for every worksheet', () => {
    expect(sheets.filter((s) => !builtPage(worksheetUrl(s.id))).map((s) => worksheetUrl(s.id))).toEqual([]);
  });
});

describe('muscle pages', () => {
  it.each(MUSCLES.map((m) => [m.href, m.id]))('%s links every worksheet that serves the muscle', (url, id) => {
    const links = proseLinks(url);
    const missing = sheets.filter((s) => s.muscles.includes(id) && !links.has(worksheetUrl(s.id))).map((s) => worksheetUrl(s.id));
    expect(missing, `${url} does not link ${missing.join(', ')}`).toEqual([]);
  });

  it.each(MUSCLES.map((m) => [m.href]))('%s links all four level pages', (url) => {
    const links = proseLinks(url);
    const missing = LEVELS.filter((l) => !links.has(l.href)).map((l) => l.href);
    expect(missing, `${url} does not link ${missing.join(', ')}`).toEqual([]);
  });

  it.each(MUSCLES.map((m) => [m.href, m.id]))('%s links the sections of the seven gaps page for the gaps it answers', (url, id) => {
    const links = proseLinks(url);
    const missing = GAPS.filter((g) => g.muscles.includes(id) && !links.has(`/gaps/#${g.anchor}`)).map((g) => `/gaps/#${g.anchor}`);
    expect(missing, `${url} does not link ${missing.join(', ')}`).toEqual([]);
  });
});

describe('level pages', () => {
  it.each(LEVELS.map((l) => [l.href, l.id]))('%s links every worksheet that serves the level', (url, id) => {
    const links = proseLinks(url);
    const missing = sheets.filter((s) => s.levels.includes(id) && !links.has(worksheetUrl(s.id))).map((s) => worksheetUrl(s.id));
    expect(missing, `${url} does not link ${missing.join(', ')}`).toEqual([]);
  });

  it.each(LEVELS.map((l) => [l.href, l.muscles]))('%s links the muscles that matter most at the level', (url, muscles) => {
    const links = proseLinks(url);
    const missing = MUSCLES.filter((m) => muscles.includes(m.id) && !links.has(m.href)).map((m) => m.href);
    expect(missing, `${url} does not link ${missing.join(', ')}`).toEqual([]);
  });
});

describe('the seven gaps page', () => {
  it('has a section with the id of every gap anchor', () => {
    const page = mustPage('/gaps/');
    const missing = GAPS.filter((g) => !page.querySelector(`main [id="${g.anchor}"]`)).map((g) => g.anchor);
    expect(missing).toEqual([]);
  });

  it('links every muscle page from its text', () => {
    const links = proseLinks('/gaps/');
    expect(MUSCLES.filter((m) => !links.has(m.href)).map((m) => m.href)).toEqual([]);
  });
});

describe('links to the gaps', () => {
  it('point only at anchors that exist on the seven gaps page, from every built page', () => {
    const gaps = mustPage('/gaps/');
    const broken = listPages(siteDir()).flatMap((url) =>
      [...hrefsIn(mustPage(url))]
        .filter((href) => href.startsWith('/gaps/#'))
        .filter((href) => !gaps.querySelector(`[id="${decodeURIComponent(href.slice('/gaps/#'.length))}"]`))
        .map((href) => `${url}: ${href}`),
    );
    expect(broken).toEqual([]);
  });
});
