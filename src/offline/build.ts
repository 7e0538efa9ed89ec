/**
 * Makes the copy that opens from disk from the hosted build (after Astro and Pagefind):
 * `dist-offline/public-systems-field-guide/` and `dist/public-systems-field-guide-offline.zip`, then
 * fills in the zip's size and the build date on the hosted /offline/ page.
 * Run by `npm run build` (scripts/offline.mjs).
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { APP_FILE, copyFileOf, formatDate, rewriteHtml, type RewriteOptions } from './rewrite.ts';
import { INDEX_FILE, indexScript, pageRecord, type IndexedPage } from './search-index.ts';
import { reproducibleZip } from './zip.ts';

import { COPY_NAME, ZIP_NAME } from './names.ts';

export { COPY_NAME, ZIP_NAME };

/** Hosted files the copy leaves out: Pagefind (blocked from disk), host files, previews for other sites. */
export function leftOut(path: string): boolean {
  return (
    /^(pagefind|og)\//.test(path) ||
    ['_headers', 'robots.txt', ZIP_NAME].includes(path) ||
    /^sitemap.*\.xml$/.test(path) ||
    path === 'app/index.html'
  );
}

async function walk(dir: string, root = dir): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p, root)));
    else out.push(relative(root, p).split(sep).join('/'));
  }
  return out.sort();
}

/** `about/index.html` -> `/about/`; `404.html` -> `/404.html`. */
const sitePathOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

export interface OfflineResult {
  files: Map<string, Uint8Array>;
  zip: Uint8Array;
  pages: IndexedPage[];
}

/** Builds the copy's files in memory from the hosted build in `dist`. */
export async function makeCopy(dist: string, opts: RewriteOptions): Promise<OfflineResult> {
  const files = new Map<string, Uint8Array>();
  const pages: IndexedPage[] = [];
  const enc = new TextEncoder();
  for (const path of await walk(dist)) {
    const isApp = path === 'app/index.html';
    if (leftOut(path) && !isApp) continue;
    const data = await readFile(join(dist, path));
    if (!path.endsWith('.html')) {
      files.set(path, data);
      continue;
    }
    const target = isApp ? APP_FILE : copyFileOf(sitePathOf(path), new Set());
    let source = data.toString('utf8');
    if (path === 'offline/index.html') {
      // The copy cannot hold itself: its /offline/ page offers the zip from the website, and says its date.
      source = source
        .replace(/href="[^"]*public-systems-field-guide-offline\.zip"/, `href="${new URL(ZIP_NAME, opts.siteUrl).href}"`)
        .replace(/(<span data-offline-size>)[^<]*(<\/span>)/g, '$1size given on the website$2')
        .replace(/(<span data-offline-date>)[^<]*(<\/span>)/g, `$1${formatDate(opts.date)}$2`);
    }
    const html = rewriteHtml(source, target, opts);
    files.set(target, enc.encode(html));
    // Worksheet pages are indexed under their place in app.html, as the links in the copy are.
    const wsId = /^worksheets\/([a-z0-9-]+)\/index\.html$/.exec(path)?.[1];
    const url =
      wsId && opts.worksheets.has(wsId) ? `${APP_FILE}#${wsId}` : path === 'workbook/index.html' ? `${APP_FILE}#workbook` : target;
    if (!isApp) {
      const rec = pageRecord(data.toString('utf8'), url, pages.length);
      if (rec) pages.push(rec);
    }
  }
  files.set(INDEX_FILE, enc.encode(indexScript(pages)));
  const zip = reproducibleZip(files, COPY_NAME);
  return { files, zip, pages };
}

export const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;

/** Writes the folder and the zip, and fills in /offline/'s size and date in the hosted build. */
export async function writeCopy(dist: string, outRoot: string, opts: RewriteOptions): Promise<OfflineResult> {
  const result = await makeCopy(dist, opts);
  const folder = join(outRoot, COPY_NAME);
  await rm(folder, { recursive: true, force: true });
  for (const [path, data] of result.files) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), data);
  }
  await writeFile(join(dist, ZIP_NAME), result.zip);
  const page = join(dist, 'offline', 'index.html');
  const html = await readFile(page, 'utf8').catch(() => null);
  if (html !== null) {
    await writeFile(
      page,
      html
        .replace(/(<span data-offline-size>)[^<]*(<\/span>)/g, `$1${formatSize(result.zip.length)}$2`)
        .replace(/(<span data-offline-date>)[^<]*(<\/span>)/g, `$1${formatDate(opts.date)}$2`),
    );
  }
  return result;
}
