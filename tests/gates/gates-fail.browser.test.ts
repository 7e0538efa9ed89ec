/**
 * The gates catch what they are meant to catch: each page of tests/fixtures/broken-site breaks one
 * gate, and the clean pages pass them all.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newPage, type PageRecords } from '../support/browser.ts';
import { fileOf, fixtureDir, listPages } from '../support/site.ts';
import { useSiteAndBrowser } from '../support/session.ts';
import { checkAxe, checkHtml, checkLinks, checkLinksByPage, checkMeta, checkPageRecords } from './gates.ts';

const dir = fixtureDir('broken-site');
const CLEAN_PAGES = ['/', '/404.html'];

const env = useSiteAndBrowser(dir);

interface Visit {
  records: PageRecords;
  axe: string[];
}

/** Loads a fixture page with its scripts running, waits for the network to settle, runs axe. */
async function visit(path: string): Promise<Visit> {
  const recorded = await newPage(env.browser);
  try {
    await recorded.page.goto(new URL(path, env.site.url).href, { waitUntil: 'networkidle' });
    const records = await recorded.collect();
    const axe = await checkAxe(recorded.page);
    return { records, axe };
  } finally {
    await recorded.close();
  }
}

const html = (path: string): string => readFileSync(fileOf(dir, path), 'utf8');
const matching = (problems: string[], pattern: RegExp): string[] => problems.filter((p) => pattern.test(p));

describe('the fixture site', () => {
  it('lists every page, the 404 page included, and no asset', () => {
    expect(listPages(dir)).toEqual([
      '/',
      '/404.html',
      '/a11y/',
      '/broken-links/',
      '/csp/',
      '/invalid-html/',
      '/no-meta/',
      '/outside-request/',
      '/script-errors/',
    ]);
  });
});

describe('each gate complains about the page that breaks it', () => {
  it('the accessibility gate reports the image without alt text and the button without a name', async () => {
    const { axe } = await visit('/a11y/');
    expect(matching(axe, /^image-alt /)).toHaveLength(1);
    expect(matching(axe, /^button-name /)).toHaveLength(1);
    expect(axe.join('\n')).toContain('img');
  });

  it('the HTML gate reports the misplaced block, the stray end tag and the duplicate id', async () => {
    const problems = await checkHtml([fileOf(dir, '/invalid-html/')], dir);
    expect(problems.every((p) => p.startsWith('invalid-html/index.html:'))).toBe(true);
    expect(matching(problems, /\(no-dup-id\)$/)).not.toHaveLength(0);
    expect(matching(problems, /\(close-order\)$/)).not.toHaveLength(0);
    expect(problems.length).toBeGreaterThanOrEqual(3);
  });

  it('the link gate reports the missing page and both missing anchors, and nothing on other pages but the outside image', () => {
    const byPage = checkLinksByPage(dir);
    const problems = byPage.get('/broken-links/') ?? [];
    expect(matching(problems, /"\/missing-page\/" points to \/missing-page\/, which is not in the build/)).toHaveLength(1);
    expect(matching(problems, /#no-such-section, which is not an id on this page/)).toHaveLength(1);
    expect(matching(problems, /#no-such-heading, which is not an id on \/a11y\//)).toHaveLength(1);
    expect(problems).toHaveLength(3);
    const elsewhere = checkLinks(dir).filter((p) => !p.startsWith('/broken-links/: '));
    expect(elsewhere).toEqual([
      '/outside-request/: <img src> "http://example.invalid/pixel.png" loads a resource from outside the site (http://example.invalid)',
    ]);
  });

  it('the meta gate reports the missing lang, title and description', () => {
    const problems = checkMeta(html('/no-meta/'), '/no-meta/');
    expect(problems).toEqual([
      '/no-meta/: <html> has no lang attribute',
      '/no-meta/: no <title>',
      '/no-meta/: no <meta name="description">',
    ]);
  });

  it('the page records gate reports the console error and the uncaught exception', async () => {
    const { records } = await visit('/script-errors/');
    const problems = checkPageRecords(records, env.site.origin);
    expect(matching(problems, /^console error: Something went wrong in errors\.js/)).toHaveLength(1);
    expect(matching(problems, /^uncaught exception: Error: Uncaught failure in errors\.js/)).toHaveLength(1);
  });

  it('the page records gate reports the request to another site, which the test browser blocked', async () => {
    const { records } = await visit('/outside-request/');
    const problems = checkPageRecords(records, env.site.origin);
    expect(problems).toContain('request outside the site: http://example.invalid/pixel.png');
  });

  it('the page records gate reports the inline script that the page’s CSP blocks', async () => {
    const { records } = await visit('/csp/');
    const problems = checkPageRecords(records, env.site.origin);
    expect(matching(problems, /^CSP violation: script-src(-elem)? blocked inline/)).toHaveLength(1);
    expect(problems.every((p) => p.startsWith('CSP violation: '))).toBe(true);
  });
});

describe.each(CLEAN_PAGES)('the clean page %s', (path) => {
  it('is valid HTML', async () => {
    expect(await checkHtml([fileOf(dir, path)], dir)).toEqual([]);
  });

  it('has lang, title and description', () => {
    expect(checkMeta(html(path), path)).toEqual([]);
  });

  it('has only working links and internal resources', () => {
    expect(checkLinksByPage(dir).get(path)).toEqual([]);
  });

  it('has no accessibility violations and logs no error, breaks no CSP and requests nothing outside the site', async () => {
    const { records, axe } = await visit(path);
    expect(axe).toEqual([]);
    expect(checkPageRecords(records, env.site.origin)).toEqual([]);
    if (path === '/') expect(records.requests).toContain(new URL('/app.js', env.site.url).href);
  });
});

describe('the server', () => {
  it('answers an unknown path with the site’s 404 page and status 404', async () => {
    const response = await fetch(new URL('/no/such/page/', env.site.url));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Page not found');
  });
});
