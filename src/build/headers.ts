/**
 * Writes `_headers` into the build, for hosts that read one (Netlify, Cloudflare Pages): the pages'
 * Content-Security-Policy plus what a meta tag cannot carry, the other security headers, and caching.
 *
 * The policy is not written twice by hand: it is read back from the meta tags Astro put into the
 * built pages (from `csp` in src/build/csp.ts), so the header and the pages cannot drift apart.
 * Pages differ only in the hashes of their inline scripts and styles; the header allows all of them
 * (`mergePolicies`), and a browser enforces both, so each page still gets exactly its own policy.
 *
 * Caching: Astro's `/_astro/*` files have content hashes in their names and are kept for a year.
 * Everything else (pages, `/_client/*` scripts, Pagefind's entry files, images) keeps its name from
 * one version to the next, so browsers check for a newer copy on every visit (cheap: ETags).
 * Rules never overlap on a header, because Cloudflare joins the values of overlapping rules.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatPolicy, HEADER_ONLY_DIRECTIVES, mergePolicies } from './csp.ts';
import { ZIP_NAME } from '../offline/names.ts';

export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'bluetooth',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

export const CACHE_HASHED = 'public, max-age=31536000, immutable';
export const CACHE_SHORT = 'public, max-age=0, must-revalidate';
/** Cloudflare Pages reads at most 100 rules, and lines of at most 2,000 characters. */
const MAX_RULES = 100;
export const MAX_LINE = 2000;

const META_CSP = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

/** The CSP meta tag's policy of one page's HTML, or undefined. */
export function metaPolicy(html: string): string | undefined {
  return META_CSP.exec(html)?.[1]
    ?.replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

/** The `_headers` text for a build whose top-level entries are `entries`, under `base`, with `policies` from its pages. */
export function headersFile(base: string, entries: string[], policies: string[]): string {
  const merged = mergePolicies(policies);
  for (const d of HEADER_ONLY_DIRECTIVES) {
    const [name, ...values] = d.split(' ');
    if (name) merged.set(name, values);
  }
  const rule = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
  const rules = [
    rule(`${base}*`, {
      'Content-Security-Policy': formatPolicy(merged),
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Permissions-Policy': PERMISSIONS_POLICY,
    }),
    rule(base, { 'Cache-Control': CACHE_SHORT }),
  ];
  for (const entry of [...entries].sort()) {
    if (entry.startsWith('_headers')) continue;
    const isFile = /\.[a-z0-9]+$/i.test(entry);
    const path = isFile ? `${base}${entry}` : `${base}${entry}/*`;
    rules.push(rule(path, { 'Cache-Control': entry === '_astro' ? CACHE_HASHED : CACHE_SHORT }));
  }
  if (rules.length > MAX_RULES) throw new Error(`_headers would have ${rules.length} rules; Cloudflare Pages reads ${MAX_RULES}`);
  return [
    '# Response headers for Netlify and Cloudflare Pages, written by the build (src/build/headers.ts).',
    "# The Content-Security-Policy is the one in the pages' meta tags, plus frame-ancestors.",
    ...rules,
    '',
  ].join('\n');
}

export default function headers(): AstroIntegration {
  let base = '/';
  return {
    name: 'psfg:headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const policies: string[] = [];
        for (const file of htmlFiles(root)) {
          const policy = metaPolicy(readFileSync(file, 'utf8'));
          if (!policy) throw new Error(`${file} has no Content-Security-Policy meta tag`);
          policies.push(policy);
        }
        // Pagefind writes its folder, scripts/sw.mjs the service worker and scripts/offline.mjs the zip of
        // the copy for disk after this hook; they are named here so their rules exist.
        const entries = [...new Set([...readdirSync(root), 'pagefind', 'sw.js', ZIP_NAME])];
        const text = headersFile(base, entries, policies);
        await writeFile(join(root, '_headers'), text);
        logger.info(`_headers written: one policy from ${policies.length} pages`);
        const longest = Math.max(...text.split('\n').map((l) => l.length));
        if (longest > MAX_LINE) {
          // Each distinct inline <style> or <script> adds a hash: fewer distinct inline blocks shorten it.
          logger.warn(`_headers has a line of ${longest} characters; Cloudflare Pages ignores lines over ${MAX_LINE}`);
        }
      },
    },
  };
}
