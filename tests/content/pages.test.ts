/**
 * The site map: every page is built at its stable address, is in the navigation, has a title, a
 * one-sentence description and previous / next links, and is marked as British English.
 */
import { describe, expect, it } from 'vitest';
import { LEVELS, MUSCLES } from '../../src/data/frameworks';
import { listPages, siteDir } from '../support/site';
import { builtPage, mustPage, rel, sourcePages } from './helpers';

/** The addresses of the content guide's site map (people bookmark, print and cite them). */
const SITE_MAP = [
  '/',
  '/start/how-to-use/',
  '/start/why-public-systems/',
  '/start/privacy/',
  '/gaps/',
  '/muscles/',
  ...MUSCLES.map((m) => m.href),
  '/levels/',
  ...LEVELS.map((l) => l.href),
  '/practices/service-users/',
  '/practices/outcomes-managers/',
  '/practices/trends/',
  '/glossary/',
  '/sources/',
  '/about/',
  '/worksheets/',
];

const pages = sourcePages();

describe('the site map', () => {
  it('lists the seven muscle pages and the four level pages at their documented addresses', () => {
    expect(MUSCLES.map((m) => m.href)).toEqual([
      '/muscles/state-capability/',
      '/muscles/trust/',
      '/muscles/people-and-relationships/',
      '/muscles/coalitions/',
      '/muscles/reflection/',
      '/muscles/purpose/',
      '/muscles/resourcing/',
    ]);
    expect(LEVELS.map((l) => l.href)).toEqual(['/levels/mission/', '/levels/paradigm/', '/levels/organisation/', '/levels/people-and-communities/']);
  });

  it('has every page of the site map built at its address', () => {
    const missing = SITE_MAP.filter((url) => !builtPage(url));
    expect(missing, `pages missing from dist/: ${missing.join(', ')}`).toEqual([]);
  });

  it('has a source page in content/ for every guidance page of the site map', () => {
    const urls = new Set(pages.map((p) => p.url));
    const missing = SITE_MAP.filter((url) => url !== '/worksheets/' && !urls.has(url));
    expect(missing, `no content/*.mdx gives these addresses: ${missing.join(', ')}`).toEqual([]);
  });

  it('builds every content page at the address urls.ts gives it', () => {
    const built = new Set(listPages(siteDir()));
    const missing = pages.filter((p) => !built.has(p.url)).map((p) => `${rel(p.file)} -> ${p.url}`);
    expect(missing).toEqual([]);
  });

  it('links every page of the site map, except the home page, from the sidebar navigation', () => {
    const links = new Set(mustPage('/').querySelectorAll('nav#site-nav a[href]').map((a) => a.getAttribute('href')));
    const missing = SITE_MAP.filter((url) => url !== '/' && !links.has(url));
    expect(missing, `not in nav#site-nav: ${missing.join(', ')}`).toEqual([]);
  });

  it('links the home page from the site name in the header of every page', () => {
    const without = SITE_MAP.filter((url) => !mustPage(url).querySelector('header a.site-name[href="/"]'));
    expect(without).toEqual([]);
  });

  it('links every content page from the sidebar navigation, so no page is orphaned', () => {
    const links = new Set(mustPage('/').querySelectorAll('nav#site-nav a[href]').map((a) => a.getAttribute('href')));
    const orphans = pages.filter((p) => p.url !== '/' && !links.has(p.url)).map((p) => `${rel(p.file)} (${p.url})`);
    expect(orphans).toEqual([]);
  });

  it('shows the same sidebar navigation on every page of the site map', () => {
    const hrefs = (url: string) =>
      mustPage(url)
        .querySelectorAll('nav#site-nav a[href]')
        .map((a) => a.getAttribute('href'));
    const home = hrefs('/');
    const differing = SITE_MAP.filter((url) => hrefs(url).join(' ') !== home.join(' '));
    expect(differing).toEqual([]);
  });
});

describe('every page', () => {
  it('has a title in its frontmatter', () => {
    const bad = pages.filter((p) => typeof p.frontmatter.title !== 'string' || !p.frontmatter.title.trim()).map((p) => rel(p.file));
    expect(bad).toEqual([]);
  });

  it('has a description in its frontmatter that is exactly one full sentence', () => {
    const problems: string[] = [];
    for (const p of pages) {
      const d = p.frontmatter.description;
      if (typeof d !== 'string' || !d.trim()) {
        problems.push(`${rel(p.file)}: no description`);
        continue;
      }
      const text = d.trim();
      if (!/[.?!]$/.test(text)) problems.push(`${rel(p.file)}: description does not end with a full stop: "${text}"`);
      if (!/^["'‘“(]?[\p{Lu}\p{N}]/u.test(text)) problems.push(`${rel(p.file)}: description does not start with a capital: "${text}"`);
      // A sentence end inside the text: a full stop, question or exclamation mark, then a space and a capital.
      if (/[.?!]["'’”)]?\s+["'‘“(]?\p{Lu}/u.test(text.slice(0, -1)))
        problems.push(`${rel(p.file)}: description has more than one sentence: "${text}"`);
    }
    expect(problems).toEqual([]);
  });

  it('shows its title as the h1, the <title> and the meta description in the built page', () => {
    const problems: string[] = [];
    for (const p of pages) {
      const page = builtPage(p.url);
      if (!page) {
        problems.push(`${p.url}: not built`);
        continue;
      }
      const title = String(p.frontmatter.title ?? '');
      const h1 = page.querySelector('main h1')?.text.trim();
      if (h1 !== title) problems.push(`${p.url}: h1 is "${h1}", frontmatter title is "${title}"`);
      const docTitle = page.querySelector('title')?.text.trim() ?? '';
      if (!docTitle.startsWith(title)) problems.push(`${p.url}: <title> "${docTitle}" does not start with "${title}"`);
      const meta = page.querySelector('meta[name="description"]')?.getAttribute('content');
      if (meta?.trim() !== String(p.frontmatter.description ?? '').trim()) problems.push(`${p.url}: meta description differs from the frontmatter`);
    }
    expect(problems).toEqual([]);
  });

  it('has previous or next links, and they lead to built pages', () => {
    const problems: string[] = [];
    for (const url of SITE_MAP) {
      const page = builtPage(url);
      if (!page) {
        problems.push(`${url}: not built`);
        continue;
      }
      const links = page.querySelectorAll('a[rel=prev], a[rel=next]');
      if (!links.length) problems.push(`${url}: no a[rel=prev] or a[rel=next]`);
      for (const a of links) {
        const href = a.getAttribute('href') ?? '';
        if (!builtPage(href)) problems.push(`${url}: ${a.getAttribute('rel')} link to ${href}, which is not built`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('chains previous and next both ways: the next page of a page has that page as its previous', () => {
    const problems: string[] = [];
    for (const url of SITE_MAP) {
      const next = builtPage(url)?.querySelector('a[rel=next]')?.getAttribute('href');
      if (!next) continue;
      const back = builtPage(next)?.querySelector('a[rel=prev]')?.getAttribute('href');
      if (back !== url) problems.push(`${url} -> next ${next}, whose previous is ${back ?? 'missing'}`);
    }
    expect(problems).toEqual([]);
  });

  it('is marked as British English with lang="en-GB"', () => {
    const dir = siteDir();
    const wrong = listPages(dir).filter((url) => builtPage(url)?.querySelector('html')?.getAttribute('lang') !== 'en-GB');
    expect(wrong, `pages without <html lang="en-GB">: ${wrong.join(', ')}`).toEqual([]);
  });
});
