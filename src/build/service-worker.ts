/**
 * The service worker of the hosted site, generated with workbox-build's `generateSW` after
 * `astro build` and Pagefind (scripts/sw.mjs), so the search index is in the precache list.
 *
 * It precaches every page, the styles, scripts, icons and the whole Pagefind index, so after one
 * visit the guide works with the network off, an unvisited page and search too. Navigations to
 * directory URLs are answered from `index.html` (`/muscles/trust/` -> `muscles/trust/index.html`).
 * The worker sits at the base path and its scope is the base, so a copy under `/field-guide/`
 * caches only its own files (workbox names its caches after the scope).
 *
 * Updates: a new build gives a new worker, which waits. The page offers to reload (src/client/sw.ts);
 * on "reload" it posts `SKIP_WAITING`, the new worker takes over and the page reloads. Answers are in
 * localStorage, which the worker never reads or writes.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { GenerateSWOptions } from 'workbox-build';
import { SW_FILE } from './pwa.ts';

/** What is precached: pages, styles, scripts, images, the manifest, and Pagefind's index. */
export const PRECACHE_PATTERNS = [
  '**/*.{html,css,js,svg,png,webmanifest}',
  'pagefind/*.{json,pagefind}',
  'pagefind/**/*.{pf_meta,pf_index,pf_fragment}',
];

/** Never precached: files for hosts and crawlers, social preview images, downloads, and Pagefind's unused UIs. */
export const PRECACHE_IGNORES = [
  '_headers',
  '_redirects',
  SW_FILE,
  'og/**',
  '**/*.zip',
  '**/*.map',
  'pagefind/pagefind-*ui.*',
  'pagefind/pagefind-highlight.js',
];

/**
 * Query parameters the cache ignores: Pagefind's cache-busting `ts` on its entry file (so search
 * works offline), the search page's `q`, and the tracking parameters workbox ignores by default.
 */
export const IGNORED_PARAMETERS = [/^utm_/, /^fbclid$/, /^ts$/, /^q$/];

/** Files whose names carry a content hash need no revision: Astro's bundles and Pagefind's index chunks. */
export const HASHED = /(^|\/)_astro\/|\.pf_(fragment|index|meta)$/;

/**
 * Top-level folders that hold a whole copy of the site of their own (the copy for disk ships its
 * own `_client/` scripts): they are downloads, not pages of this site, and are left out.
 */
export function copiesInside(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('_') && statSync(join(dir, name)).isDirectory())
    .filter((name) => existsSync(join(dir, name, '_client')) || existsSync(join(dir, name, '_astro')))
    .map((name) => `${name}/**`);
}

/** Which files of the build in `dir` are precached, and how: shared by `generateSW` and `precacheList`. */
function globOptions(dir: string) {
  return {
    globDirectory: dir,
    globPatterns: PRECACHE_PATTERNS,
    globIgnores: [...PRECACHE_IGNORES, ...copiesInside(dir)],
    globFollow: false,
    dontCacheBustURLsMatching: HASHED,
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
  };
}

/** The options `generateSW` is called with for the build in `dir`. */
export function swOptions(dir: string): GenerateSWOptions {
  return {
    ...globOptions(dir),
    swDest: join(dir, SW_FILE),
    mode: 'production',
    sourcemap: false,
    inlineWorkboxRuntime: true,
    // The new worker waits for the reader's word (a SKIP_WAITING message); the first one takes control at once.
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    directoryIndex: 'index.html',
    ignoreURLParametersMatching: IGNORED_PARAMETERS,
    disableDevLogs: true,
  };
}

/** The precache list `generateSW` writes for the build in `dir`: URLs relative to the worker, sorted. */
export async function precacheList(dir: string): Promise<string[]> {
  const { getManifest } = await import('workbox-build');
  const { manifestEntries } = await getManifest(globOptions(dir));
  return (manifestEntries ?? []).map((e) => e.url).sort();
}

/** Generates `sw.js` in `dir`, the finished build (after Pagefind): how many files it precaches, and their bytes. */
export async function generateServiceWorker(dir: string): Promise<{ count: number; size: number }> {
  const { generateSW } = await import('workbox-build');
  const { count, size, warnings } = await generateSW(swOptions(dir));
  for (const warning of warnings) console.warn(`sw: ${warning}`);
  return { count, size };
}
