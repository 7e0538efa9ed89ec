/** The web app manifest and icons (src/build/pwa.ts) and the service worker's generation (src/build/service-worker.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateServiceWorker, precacheList } from '../../src/build/service-worker.ts';
import { maskableSvg, renderPng, webManifest, writeManifest } from '../../src/build/pwa.ts';
import { BACKGROUND_COLOUR, THEME_COLOUR } from '../../src/lib/app.ts';
import { root } from '../support/site.ts';

const favicon = readFileSync(join(root, 'public', 'favicon.svg'), 'utf8');

/** A small build: pages, assets, Pagefind's files, and what must stay out of the precache. */
const FILES = [
  'index.html',
  '404.html',
  'muscles/trust/index.html',
  'worksheets/coalition-map/index.html',
  '_client/site.js',
  '_client/sw.js',
  '_astro/client.AbC123.js',
  'favicon.svg',
  'pagefind/pagefind.js',
  'pagefind/pagefind-worker.js',
  'pagefind/pagefind-entry.json',
  'pagefind/wasm.en-gb.pagefind',
  'pagefind/pagefind.en-gb_4d61606a.pf_meta',
  'pagefind/index/en-gb_1a2b3c.pf_index',
  'pagefind/fragment/en-gb_9f8e7d.pf_fragment',
  'pagefind/pagefind-ui.js',
  'pagefind/pagefind-ui.css',
  'pagefind/pagefind-component-ui.js',
  'pagefind/pagefind-highlight.js',
  '_headers',
  'robots.txt',
  'sitemap-index.xml',
  'og/home.png',
  'public-systems-field-guide-offline.zip',
  'public-systems-field-guide-offline/index.html',
  'public-systems-field-guide-offline/_client/site.js',
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'psfg-sw-'));
  for (const file of FILES) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), `${file}\n`);
  }
  await writeManifest(dir, '/field-guide/', favicon);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the precache list', () => {
  it('holds every page, script, style, icon, the manifest and the whole Pagefind index', async () => {
    expect(await precacheList(dir)).toEqual(
      [
        '404.html',
        '_astro/client.AbC123.js',
        '_client/site.js',
        '_client/sw.js',
        'favicon.svg',
        'icons/apple-touch-icon.png',
        'icons/favicon-32.png',
        'icons/icon-192.png',
        'icons/icon-512.png',
        'icons/icon-maskable-512.png',
        'index.html',
        'manifest.webmanifest',
        'muscles/trust/index.html',
        'pagefind/fragment/en-gb_9f8e7d.pf_fragment',
        'pagefind/index/en-gb_1a2b3c.pf_index',
        'pagefind/pagefind-entry.json',
        'pagefind/pagefind-worker.js',
        'pagefind/pagefind.en-gb_4d61606a.pf_meta',
        'pagefind/pagefind.js',
        'pagefind/wasm.en-gb.pagefind',
        'worksheets/coalition-map/index.html',
      ].sort(),
    );
  });

  it('leaves out _headers, the zip, the copy for disk, social images, crawler files, Pagefind UIs and the worker itself', async () => {
    const list = await precacheList(dir);
    for (const left of ['_headers', 'robots.txt', 'sitemap-index.xml', 'og/home.png', 'sw.js', 'pagefind/pagefind-ui.js']) {
      expect(list).not.toContain(left);
    }
    expect(list.filter((url) => url.includes('offline'))).toEqual([]);
  });
});

describe('the generated service worker', () => {
  let sw: string;
  let result: { count: number; size: number };
  beforeAll(async () => {
    result = await generateServiceWorker(dir);
    sw = await readFile(join(dir, 'sw.js'), 'utf8');
  });

  it('precaches the list with revisions, except for files with a hash in their name', async () => {
    expect(result.count).toBe((await precacheList(dir)).length);
    expect(sw).toMatch(/\{url:"index\.html",revision:"[0-9a-f]{32}"\}/);
    expect(sw).toContain('{url:"_astro/client.AbC123.js",revision:null}');
    expect(sw).toContain('{url:"pagefind/fragment/en-gb_9f8e7d.pf_fragment",revision:null}');
    // Pagefind's entry file changes with every build, so it keeps a revision.
    expect(sw).toMatch(/\{url:"pagefind\/pagefind-entry\.json",revision:"[0-9a-f]{32}"\}/);
  });

  it('answers directory URLs from index.html and ignores Pagefind’s ts and the search page’s q', () => {
    expect(sw).toContain('directoryIndex:"index.html"');
    expect(sw).toContain('ignoreURLParametersMatching:[/^utm_/,/^fbclid$/,/^ts$/,/^q$/]');
  });

  it('waits for the reader: skipWaiting only on a SKIP_WAITING message; the first worker takes control at once', () => {
    expect(sw).toMatch(/addEventListener\("message",\w+=>\{\w+\.data&&"SKIP_WAITING"===\w+\.data\.type&&self\.skipWaiting\(\)\}\)/);
    expect(sw).not.toMatch(/self\.skipWaiting\(\),/);
    expect(sw).toContain('clients.claim()');
  });

  it('is one self-contained file (nothing to import, every URL relative to its scope) that never touches storage', () => {
    expect(sw).not.toContain('importScripts');
    expect(sw).not.toMatch(/\{url:"(\/|https?:)/);
    expect(sw).not.toMatch(/localStorage|indexedDB\.deleteDatabase/);
  });
});

describe('the web app manifest', () => {
  it('starts and is scoped at the base path, standalone, in the site’s colours', () => {
    const m = webManifest('/field-guide/');
    expect(m).toMatchObject({ start_url: '/field-guide/', scope: '/field-guide/', id: '/field-guide/', display: 'standalone' });
    expect(m.theme_color).toBe(THEME_COLOUR);
    expect(m.background_color).toBe(BACKGROUND_COLOUR);
    expect(webManifest('/').scope).toBe('/');
  });

  it('lists 192 and 512 pixel icons and a maskable one, relative to the manifest, and they exist', async () => {
    const m = JSON.parse(await readFile(join(dir, 'manifest.webmanifest'), 'utf8')) as ReturnType<typeof webManifest>;
    expect(m.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of m.icons) {
      const png = await readFile(join(dir, icon.src));
      const size = Number(icon.sizes.split('x')[0]);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('draws the maskable icon with the favicon inside the safe zone on a full-bleed theme colour', () => {
    const svg = maskableSvg(favicon);
    expect(svg).toContain(`<rect width="40" height="40" fill="${THEME_COLOUR}"/>`);
    expect(svg).toContain('<g transform="translate(4 4)"><rect width="32" height="32"');
    const png = renderPng(svg, 40);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([40, 40]);
  });
});
