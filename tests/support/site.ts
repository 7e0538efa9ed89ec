/**
 * Where the built site is, which pages it has, and a server for it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The build of the real site; throws with what to do when it is missing. */
export function siteDir(): string {
  const dir = process.env.SITE_DIR ? resolve(process.env.SITE_DIR) : join(root, 'dist');
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`No built site at ${dir} (index.html missing). Run \`npm run build\` first, then run the browser tests again.`);
  }
  return dir;
}

/** The same site built under a path, as GitHub Pages serves a project site (scripts/build-subpath.mjs). */
export const SUBPATH_BASE = '/field-guide/';
export function subpathSiteDir(): string {
  const dir = join(root, 'dist-subpath');
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`No build under ${SUBPATH_BASE} at ${dir}. Run \`npm run build:subpath\` first (npm test does).`);
  }
  return dir;
}

export const fixtureDir = (name: string): string => join(root, 'tests', 'fixtures', name);

/** Folders of assets that are not pages, relative to the site root. */
const NOT_PAGES = new Set(['pagefind', '_client', '_astro']);

/** Every HTML file under dir (absolute paths), sorted; assets folders skipped. */
export function listHtmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string, top: boolean): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (top && NOT_PAGES.has(entry.name)) continue;
        walk(full, false);
      } else if (entry.isFile() && entry.name.endsWith('.html')) {
        out.push(full);
      }
    }
  };
  walk(dir, true);
  return out.sort();
}

/** The URL path of a built HTML file: `muscles/trust/index.html` -> `/muscles/trust/`; `404.html` -> `/404.html`. */
export function urlPathOf(dir: string, file: string): string {
  const rel = relative(dir, file).split(sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

/** The file behind a URL path of the site (inverse of urlPathOf). */
export function fileOf(dir: string, urlPath: string): string {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  const full = join(dir, clean);
  if (clean.endsWith('/')) return join(full, 'index.html');
  if (existsSync(full) && statSync(full).isDirectory()) return join(full, 'index.html');
  return full;
}

/** Every built page's URL path (`/`, `/muscles/trust/`, `/404.html`, ...), sorted. */
export function listPages(dir: string): string[] {
  return listHtmlFiles(dir)
    .map((file) => urlPathOf(dir, file))
    .sort();
}

export interface Site {
  /** Base URL with a trailing slash, e.g. http://localhost:41234/ (or .../field-guide/ under a base path) */
  url: string;
  origin: string;
  close: () => Promise<void>;
}

/** Serves dir with scripts/serve.mjs on a free port, under `base` when given (404 outside it). */
export async function startSite(dir: string, base = '/'): Promise<Site> {
  const server = await startServer(dir, 0, { base });
  return { url: server.url, origin: new URL(server.url).origin, close: server.close };
}
