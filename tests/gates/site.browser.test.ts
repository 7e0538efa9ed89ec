/**
 * Every gate over every page of the real build (dist/, or SITE_DIR). Run `npm run build` first.
 *
 * Each page is loaded once, with its scripts running, in its own env.browser context; after the network
 * is idle the test collects what the page did and runs axe. One test per page per gate, so a failure
 * names the page and the gate.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newPage, type PageRecords } from '../support/browser.ts';
import { fileOf, listPages, siteDir } from '../support/site.ts';
import { useSiteAndBrowser } from '../support/session.ts';
import { checkAxe, checkHtml, checkLinksByPage, checkMeta, checkPageRecords } from './gates.ts';

const dir = siteDir();
const pages = listPages(dir);

const env = useSiteAndBrowser(dir);

interface Visit {
  status: number | undefined;
  records: PageRecords;
  axe: string[];
}

/** One visit per page, shared by the tests of that page. Visits run one after another. */
const visits = new Map<string, Promise<Visit>>();
function visit(path: string): Promise<Visit> {
  let v = visits.get(path);
  if (!v) {
    v = (async () => {
      const recorded = await newPage(env.browser);
      try {
        const response = await recorded.page.goto(new URL(path, env.site.url).href, { waitUntil: 'networkidle', timeout: 60_000 });
        const records = await recorded.collect();
        const axe = await checkAxe(recorded.page);
        return { status: response?.status(), records, axe };
      } finally {
        await recorded.close();
      }
    })();
    visits.set(path, v);
  }
  return v;
}

let linkProblems: Map<string, string[]> | undefined;
const linksOf = (path: string): string[] => {
  linkProblems ??= checkLinksByPage(dir);
  return linkProblems.get(path) ?? [];
};

it('the build has pages, a home page and a 404 page', () => {
  expect(pages).toContain('/');
  expect(pages).toContain('/404.html');
});

it('the server answers an unknown path with the 404 page and status 404', async () => {
  const response = await fetch(new URL('/this/page/does-not-exist/', env.site.url));
  expect(response.status).toBe(404);
  expect(await response.text()).toBe(readFileSync(fileOf(dir, '/404.html'), 'utf8'));
});

describe.each(pages)('page %s', (path) => {
  it('is valid HTML', async () => {
    const problems = await checkHtml([fileOf(dir, path)], dir);
    expect(problems).toEqual([]);
  });

  it('has lang, title and description', () => {
    const problems = checkMeta(readFileSync(fileOf(dir, path), 'utf8'), path);
    expect(problems).toEqual([]);
  });

  it('has only working internal links and anchors, and loads nothing from outside', () => {
    const problems = linksOf(path);
    expect(problems).toEqual([]);
  });

  it('loads with status 200', async () => {
    const { status } = await visit(path);
    expect(status).toBe(200);
  });

  it('logs no error, throws nothing, breaks no CSP and requests nothing outside the site', async () => {
    const { records } = await visit(path);
    const problems = checkPageRecords(records, env.site.origin);
    expect(problems).toEqual([]);
  });

  it('has no accessibility violations (WCAG 2.2 AA)', async () => {
    const { axe } = await visit(path);
    expect(axe).toEqual([]);
  });
});

describe('search', () => {
  it('typing in the search box loads Pagefind from the site and shows results, with no error, CSP violation or outside request', async () => {
    const recorded = await newPage(env.browser);
    try {
      await recorded.page.goto(new URL('/search/', env.site.url).href, { waitUntil: 'networkidle' });
      const input = recorded.page.locator('[data-search-input]').first();
      await input.fill('trust');
      await recorded.page.locator('[data-search-list] a').first().waitFor({ timeout: 30_000 });
      await recorded.page.waitForLoadState('networkidle');
      const records = await recorded.collect();
      expect(records.requests.some((url) => new URL(url).pathname.startsWith('/pagefind/'))).toBe(true);
      expect(checkPageRecords(records, env.site.origin)).toEqual([]);
    } finally {
      await recorded.close();
    }
  });
});
