/**
 * Turns one page of the hosted build into its page in the copy that opens from disk.
 *
 * Every URL the hosted build writes is root-absolute under the base path (src/lib/urls.ts). From disk
 * those name the root of the file system, and a directory link opens a folder listing, so each one
 * becomes a relative link to a real `.html` file with its anchor intact. Worksheet pages and the
 * workbook are served by one file in the copy (`app.html`, see src/pages/app.astro), because Firefox
 * keeps storage per file: every link to them points into it.
 */
import { posix } from 'node:path';
import { longDate } from '../lib/strings.ts';

export interface RewriteOptions {
  /** The base path the hosted build was made for: `/` or `/field-guide/`. */
  base: string;
  /** Where the latest version lives, e.g. `https://example.org/field-guide/`. */
  siteUrl: string;
  /** The build date shown on every page, `2026-12-01`. */
  date: string;
  /** Worksheet ids: their pages live in `app.html#id` in the copy. Empty: no app file. */
  worksheets: ReadonlySet<string>;
}

export const APP_FILE = 'app.html';

/** The file in the copy a site path (`/muscles/trust/`) is served by, with its fragment. */
export function targetFile(sitePath: string, worksheets: ReadonlySet<string>): { file: string; hash: string } {
  const m = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(sitePath);
  const path = m?.[1] ?? sitePath;
  const query = m?.[2] ?? '';
  const hash = m?.[3] ?? '';
  if (worksheets.size > 0) {
    const ws = /^\/worksheets\/([a-z0-9-]+)\/$/.exec(path);
    if (ws?.[1] && worksheets.has(ws[1])) return { file: APP_FILE, hash: hash || `#${ws[1]}` };
    if (path === '/workbook/') return { file: APP_FILE, hash: hash || '#workbook' };
    if (path === '/app/') return { file: APP_FILE, hash };
  }
  const rel = path.replace(/^\/+/, '');
  let file: string;
  if (rel === '' || rel.endsWith('/')) file = `${rel}index.html`;
  else if (/\.[a-z0-9]+$/i.test(rel)) file = rel;
  else file = `${rel}/index.html`;
  return { file: file + query, hash };
}

/** Where the page at hosted site path `pagePath` is written in the copy. */
export function copyFileOf(pagePath: string, worksheets: ReadonlySet<string>): string {
  return targetFile(pagePath, worksheets).file;
}

/** `../../` from `muscles/trust/index.html` back to the copy's root (`./` at the root). */
export function rootPrefix(file: string): string {
  const depth = file.split('/').length - 1;
  return depth === 0 ? './' : '../'.repeat(depth);
}

/** One URL as written in the hosted build -> the same URL in the copy, seen from `fromFile`. */
export function rewriteUrl(url: string, fromFile: string, opts: RewriteOptions): string {
  const base = opts.base.endsWith('/') ? opts.base : `${opts.base}/`;
  if (!url.startsWith('/') || url.startsWith('//')) return url;
  let sitePath: string;
  if (base === '/') sitePath = url;
  else if (url.startsWith(base)) sitePath = `/${url.slice(base.length)}`;
  else if (`${url}/` === base) sitePath = '/';
  else return url;
  const { file, hash } = targetFile(sitePath, opts.worksheets);
  const rel = posix.relative(posix.dirname(`/${fromFile}`), `/${file}`) || posix.basename(file);
  // A link to the page itself with an anchor: keep the file name, so it opens from any copy location.
  return rel + hash;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The banner every page of the copy carries: when it was made and where the latest version lives. */
export function banner(opts: RewriteOptions): string {
  const url = escapeHtml(opts.siteUrl);
  return (
    `<p class="offline-banner" data-offline-banner>This is a copy of the guide for offline use, made on ` +
    `<time datetime="${escapeHtml(opts.date)}">${escapeHtml(formatDate(opts.date))}</time>. ` +
    `The latest version is at <a href="${url}">${url}</a>.</p>`
  );
}

export function formatDate(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return longDate(d, true);
}

const URL_ATTRS = /(\s)(href|src|action|poster)=("([^"]*)"|'([^']*)')/g;
const SRCSET = /(\s)(srcset|imagesrcset)=("([^"]*)"|'([^']*)')/g;

/** Rewrites one HTML page of the hosted build, found at `fromFile` in the copy. */
export function rewriteHtml(html: string, fromFile: string, opts: RewriteOptions): string {
  const prefix = rootPrefix(fromFile);
  // Leave inline script and style bodies alone (their hashes are in the policy): rewrite tags only.
  let out = html.replace(/<(?!\/)([a-zA-Z][^\s/>]*)(\s[^>]*)?>/g, (tag, name: string, attrs: string | undefined) => {
    if (!attrs) return tag;
    let a = attrs
      .replace(URL_ATTRS, (_m, sp: string, attr: string, _q, d?: string, s?: string) => {
        const value = d ?? s ?? '';
        return `${sp}${attr}="${rewriteUrl(value, fromFile, opts)}"`;
      })
      .replace(SRCSET, (_m, sp: string, attr: string, _q, d?: string, s?: string) => {
        const value = (d ?? s ?? '')
          .split(',')
          .map((part) => {
            const [u = '', ...rest] = part.trim().split(/\s+/);
            return [rewriteUrl(u, fromFile, opts), ...rest].join(' ');
          })
          .join(', ');
        return `${sp}${attr}="${value}"`;
      })
      .replace(/\s(integrity|crossorigin)(="[^"]*")?/g, '');
    if (name.toLowerCase() === 'html') {
      a = a.replace(/\sdata-base="[^"]*"/, ` data-base="${prefix}"`);
      // The offline search backend must be in place before the site bundle starts the search box: first
      // of the scripts the head script loads after the first paint (src/client/theme.ts).
      a = a.replace(/\sdata-after-paint="([^"]*)"/, (_m, names: string) => ` data-after-paint="offline-search ${names}"`);
    }
    return `<${name}${a}>`;
  });
  out = out.replace(/<html\b/, '<html data-offline=""');
  out = out.replace(/<header class="site-header"/, (m) => `${banner(opts)}${m}`);
  return out;
}
