/**
 * What hosts and search engines read from the default build (dist/): the sitemap, canonical links,
 * Open Graph and Twitter tags, the preview images, robots.txt, `_headers`, and the version shown.
 * Run `npm run build` first.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT } from '../../src/build/client-bundles.ts';
import { parsePolicy } from '../../src/build/csp.ts';
import { CACHE_HASHED, CACHE_SHORT, MAX_LINE, metaPolicy } from '../../src/build/headers.ts';
import { absoluteUrl, publishConfig } from '../../src/lib/urls.ts';
import { GUIDE_VERSION } from '../../src/lib/version.ts';
import { parseHtml } from '../gates/gates.ts';
import { fileOf, listPages, root, siteDir } from '../support/site.ts';

const dir = siteDir();
// The default build is made without SITE_URL / BASE_PATH, unless the environment sets them.
const { site, base } = publishConfig(process.env);
const pages = listPages(dir);
const html = (path: string) => readFileSync(fileOf(dir, path), 'utf8');
/** Pages for search engines: all but the 404 page and those that ask not to be indexed (the disk copy's app page). */
const indexable = pages.filter((p) => p !== '/404.html' && !/<meta name="robots" content="noindex"/.test(html(p)));
/** Each page is parsed once: several tests read the same pages. */
const parsed = new Map<string, ReturnType<typeof parseHtml>>();
const head = (path: string) => {
  let doc = parsed.get(path);
  if (!doc) parsed.set(path, (doc = parseHtml(html(path))));
  return doc;
};
/** For the tests that read every page. */
const SLOW = 60_000;

/** Every `<loc>` of the sitemap index's sitemaps. */
function sitemapUrls(): string[] {
  const index = readFileSync(join(dir, 'sitemap-index.xml'), 'utf8');
  const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
  return files.flatMap((url) => {
    expect(url.startsWith(`${site}${base}`), `${url} is under the site URL`).toBe(true);
    const xml = readFileSync(join(dir, new URL(url).pathname.slice(base.length)), 'utf8');
    return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
  });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number; signature: string } {
  const bytes = readFileSync(file);
  return { signature: bytes.subarray(1, 4).toString('latin1'), width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The rules of `_headers`: path -> header name -> value. */
function headerRules(): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of readFileSync(join(dir, '_headers'), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      expect(rules.has(line), `${line} has one rule`).toBe(false);
      current = new Map();
      rules.set(line.trim(), current);
      continue;
    }
    const at = line.indexOf(':');
    current?.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
  }
  return rules;
}

describe('the sitemap', () => {
  it('lists every page except the 404 page, each once, with the site URL', () => {
    const urls = sitemapUrls();
    expect(new Set(urls).size).toBe(urls.length);
    expect([...urls].sort()).toEqual(indexable.map((p) => absoluteUrl(p, site, base)).sort());
  });

  it('is named in robots.txt by its absolute address', () => {
    const robots = readFileSync(join(dir, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toContain(`Sitemap: ${site}${base}sitemap-index.xml`);
  });
});

describe.each(indexable)('page %s', (path) => {
  it('has one canonical link: absolute, from the site URL, naming this very page', () => {
    const links = head(path).querySelectorAll('link[rel="canonical"]');
    expect(links).toHaveLength(1);
    const canonical = links[0]?.getAttribute('href') ?? '';
    expect(canonical).toBe(`${site}${base}${path.slice(1)}`);
    // The page the canonical link names is the file that holds it.
    expect(fileOf(dir, new URL(canonical).pathname.slice(base.length - 1))).toBe(fileOf(dir, path));
  });

  it('has Open Graph and Twitter card tags with absolute URLs, and a preview image that is in the build', () => {
    const doc = head(path);
    const meta = (sel: string) => doc.querySelector(`meta[${sel}]`)?.getAttribute('content') ?? '';
    expect(meta('property="og:url"')).toBe(absoluteUrl(path, site, base));
    expect(meta('property="og:title"')).not.toBe('');
    expect(meta('property="og:description"')).toBe(meta('name="description"'));
    expect(meta('name="twitter:card"')).toBe('summary_large_image');
    const image = meta('property="og:image"');
    expect(image).toMatch(new RegExp(`^${site}${base}og/[a-z]+\\.png$`));
    expect(meta('name="twitter:image"')).toBe(image);
    expect(existsSync(join(dir, new URL(image).pathname.slice(base.length)))).toBe(true);
  });
});

describe('the preview images', () => {
  const images = readdirSync(join(dir, 'og')).filter((f) => f.endsWith('.png'));

  it(
    'are PNGs of 1200 x 630, one per page type, all used by some page',
    () => {
      expect(images.length).toBeGreaterThanOrEqual(5);
      for (const name of images) expect(pngSize(join(dir, 'og', name))).toEqual({ signature: 'PNG', width: 1200, height: 630 });
      const used = new Set(pages.map((p) => head(p).querySelector('meta[property="og:image"]')?.getAttribute('content')));
      for (const type of ['home', 'muscles', 'worksheets', 'printable', 'reference'])
        expect(used).toContain(`${site}${base}og/${type}.png`);
    },
    SLOW,
  );

  it('differ by page type (each carries its own label)', () => {
    const bytes = new Set(images.map((name) => readFileSync(join(dir, 'og', name)).toString('base64')));
    expect(bytes.size).toBe(images.length);
  });
});

describe('_headers', () => {
  const rules = headerRules();
  const all = rules.get(`${base}*`);

  it(
    'carries exactly the pages\u2019 Content-Security-Policy, plus frame-ancestors',
    () => {
      expect(all).toBeDefined();
      const header = parsePolicy(all?.get('content-security-policy') ?? '');
      expect(header.get('frame-ancestors')).toEqual(["'none'"]);
      header.delete('frame-ancestors');
      // What every page's meta tag allows, merged: the same directives, the same sources, and the hashes
      // of every page's inline scripts and styles (no more, no fewer).
      const union = new Map<string, Set<string>>();
      for (const path of pages) {
        const text = metaPolicy(html(path));
        expect(text, `${path} has a CSP meta tag`).toBeDefined();
        const policy = parsePolicy(text ?? '');
        expect([...policy.keys()].sort(), `${path}: the same directives`).toEqual([...header.keys()].sort());
        for (const [name, values] of policy) {
          const others = (v: string[]) => v.filter((x) => !x.startsWith("'sha")).sort();
          expect(others(values), `${path}: ${name}`).toEqual(others(header.get(name) ?? []));
          const set = union.get(name) ?? new Set();
          for (const v of values) set.add(v);
          union.set(name, set);
        }
      }
      for (const [name, values] of header) expect([...values].sort(), name).toEqual([...(union.get(name) ?? [])].sort());
    },
    SLOW,
  );

  it('sends the security headers a meta tag cannot', () => {
    expect(all?.get('referrer-policy')).toBe('no-referrer');
    expect(all?.get('x-content-type-options')).toBe('nosniff');
    const permissions = all?.get('permissions-policy') ?? '';
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(permissions).toContain(`${feature}=()`);
    expect(permissions).not.toMatch(/=\([^)]/);
  });

  it('caches hashed /_astro/ files for a year and everything else for no time, with no rule overlapping on Cache-Control', () => {
    expect(rules.get(`${base}_astro/*`)?.get('cache-control')).toBe(CACHE_HASHED);
    expect(all?.has('cache-control')).toBe(false);
    for (const path of [base, `${base}_client/*`, `${base}pagefind/*`, `${base}muscles/*`, `${base}worksheets/*`]) {
      expect(rules.get(path)?.get('cache-control'), path).toBe(CACHE_SHORT);
    }
    // Every file of the build is covered by exactly one Cache-Control rule.
    for (const entry of readdirSync(dir).filter((e) => e !== '_headers')) {
      const covering = [...rules].filter(([p, h]) => h.has('cache-control') && (p === `${base}${entry}` || p === `${base}${entry}/*`));
      expect(covering, entry).toHaveLength(1);
    }
    expect(rules.size).toBeLessThanOrEqual(100);
    // Cloudflare Pages ignores longer lines: the policy grows by one hash per distinct inline block.
    for (const line of readFileSync(join(dir, '_headers'), 'utf8').split('\n')) expect(line.length).toBeLessThanOrEqual(MAX_LINE);
  });

  it('names hashed files only under /_astro/: every file there has a content hash in its name', () => {
    for (const name of readdirSync(join(dir, '_astro'))) expect(name).toMatch(/\.[A-Za-z0-9_-]{8}\.[a-z]+$/);
  });
});

describe('the version', () => {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

  it('is the one in package.json', () => {
    expect(GUIDE_VERSION).toBe(version);
  });

  it(
    'is shown in the footer of every page and on /about/',
    () => {
      for (const path of pages) expect(head(path).querySelector('footer [data-guide-version]')?.textContent, path).toBe(version);
      expect(head('/about/').querySelector('main [data-guide-version]')?.textContent).toBe(version);
    },
    SLOW,
  );

  it('has an entry in CHANGELOG.md', () => {
    expect(readFileSync(join(root, 'CHANGELOG.md'), 'utf8')).toMatch(new RegExp(`^## ${version.replace(/\./g, '\\.')}\\b`, 'm'));
  });
});

describe('the favicon', () => {
  it('is a 32 px PNG on every page, never the SVG (which Chromium draws on the page’s main thread)', () => {
    for (const path of pages) {
      const icons = [...head(path).querySelectorAll('link[rel~="icon"]')];
      expect(
        icons.map((l) => [l.getAttribute('href'), l.getAttribute('type'), l.getAttribute('sizes')]),
        path,
      ).toEqual([[`${base}icons/favicon-32.png`, 'image/png', '32x32']]);
    }
    const png = readFileSync(join(dir, 'icons', 'favicon-32.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([32, 32]);
  });
});

describe('the client bundles', () => {
  const dir = siteDir();
  const code = (name: string) => readFileSync(join(dir, '_client', `${name}.js`), 'utf8');
  it('ask Chromium to compile the worksheet form and the journey code while they stream in, and no others', () => {
    // The hint counts only as the first line of the file.
    for (const name of ['worksheet', 'journey']) expect(code(name).startsWith(COMPILE_HINT), name).toBe(true);
    for (const name of ['site', 'theme', 'pdf', 'workbook']) expect(code(name).includes('allFunctionsCalledOnLoad'), name).toBe(false);
  });
});
