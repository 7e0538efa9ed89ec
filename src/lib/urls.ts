/**
 * Every URL the guide makes comes from this module, so a copy can be published under any path.
 *
 * Two kinds of address:
 * - a **site path** names a page inside the guide, whatever the base: `/muscles/trust/`. Content, the
 *   navigation and the data (frameworks, worksheet definitions) hold site paths; stable addresses
 *   are site paths (see the content guide).
 * - a **URL** is what goes into an `href` or `src`: the site path under the base path the build was made
 *   for (`/field-guide/muscles/trust/` on GitHub Pages), or absolute for canonical links and previews.
 *
 * The base path and the site URL come from the environment at build time (`BASE_PATH`, `SITE_URL`:
 * astro.config.mjs). On the server they are read from Astro's `import.meta.env`; in the browser the
 * page tells them (`<html data-base>`), so no client script assumes the site sits at `/`.
 * Every URL stays root-absolute with the base, never relative: the copy that opens from disk is made
 * later by rewriting exactly those.
 */

export const DEFAULT_SITE_URL = 'http://localhost:4321';
export const DEFAULT_BASE_PATH = '/';

/** `field-guide`, `/field-guide`, `/field-guide/` -> `/field-guide/`; empty or missing -> `/`. */
export function normaliseBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (!trimmed) return '/';
  if (/[?#\\]|\/\/|(^|\/)\.\.?(\/|$)/.test(trimmed)) throw new Error(`BASE_PATH "${raw}" is not a plain path such as /field-guide/`);
  return `/${trimmed}/`;
}

/** `https://org.github.io/` -> `https://org.github.io`; throws on anything but an http(s) origin with an optional path. */
export function normaliseSite(raw: string | undefined): string {
  const value = (raw ?? '').trim() || DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL "${raw}" is not a URL such as https://example.org`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL "${raw}" must start with https:// or http://`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Where this build will be published, from the environment (`SITE_URL`, `BASE_PATH`). `site` is the
 * origin. A path in `SITE_URL` (GitHub Pages gives `https://org.github.io/field-guide`) is taken as
 * the base path when `BASE_PATH` is not set; when both are set they must agree.
 */
export function publishConfig(vars: Record<string, string | undefined>): { site: string; base: string } {
  const full = normaliseSite(vars['SITE_URL']);
  const site = siteOrigin(full);
  const sitePath = normaliseBase(new URL(full).pathname);
  const raw = vars['BASE_PATH']?.trim();
  if (!raw) return { site, base: sitePath };
  const base = normaliseBase(raw);
  if (sitePath !== '/' && sitePath !== base) {
    throw new Error(`SITE_URL "${vars['SITE_URL']}" ends in ${sitePath} but BASE_PATH is ${base}: give the path in one of them only`);
  }
  return { site, base };
}

/**
 * The site URL may carry a path (GitHub Pages gives `https://org.github.io/field-guide`). The origin
 * alone is what absolute URLs start with: the base path already holds that path.
 */
export const siteOrigin = (site: string): string => new URL(site).origin;

interface Env {
  BASE_URL?: string;
  SITE?: string;
}
/** Astro's `import.meta.env` on the server and in Vitest; absent in the esbuild client bundles. */
const env: Env | undefined = (import.meta as { env?: Env }).env;

/**
 * A base as given, with its trailing slash. Not validated: the page's own `data-base` is trusted as
 * written (the copy on disk may one day give a relative one, such as `../../`).
 */
function slashed(base: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b.startsWith('/') || b.startsWith('.') ? b : `/${b}`;
}

/** The base path of this build: from the page in the browser, from Astro's config on the server. */
export function siteBase(): string {
  const fromPage = typeof document === 'undefined' ? undefined : document.documentElement?.dataset['base'];
  return fromPage ? slashed(fromPage) : normaliseBase(env?.BASE_URL);
}

/** The site URL of this build (server side: canonical links and previews are made at build time). */
export function siteUrl(): string {
  return normaliseSite(env?.SITE);
}

const isSitePath = (path: string): boolean => path.startsWith('/') && !path.startsWith('//');

/** A site path under `base`. Anything else (`#top`, `https://...`, `mailto:`) is returned unchanged. */
export function withBase(path: string, base: string): string {
  if (!isSitePath(path)) return path;
  return `${slashed(base)}${path.slice(1)}`;
}

/** The site path of a URL path under `base`, or null when it lies outside the base. */
export function stripBase(pathname: string, base: string): string | null {
  const b = slashed(base);
  if (b === '/') return pathname;
  if (pathname === b.slice(0, -1)) return '/';
  return pathname.startsWith(b) ? `/${pathname.slice(b.length)}` : null;
}

/**
 * In the copy that opens from disk (its pages give a relative base, `../../`), the file that serves a site
 * path: `/muscles/trust/#x` -> `/muscles/trust/index.html#x`; a worksheet or the workbook -> `/app.html#id`
 * (src/offline/rewrite.ts makes the same links in the pages themselves).
 */
export function diskPath(path: string): string {
  if (!isSitePath(path)) return path;
  const m = /^([^?#]*)([?#].*)?$/.exec(path);
  const p = m?.[1] ?? path;
  const rest = m?.[2] ?? '';
  const ws = /^\/worksheets\/([a-z0-9-]+)\/$/.exec(p);
  if (ws?.[1]) return `/app.html${rest.startsWith('#') ? rest : `#${ws[1]}`}`;
  if (p === '/workbook/') return `/app.html${rest.startsWith('#') ? rest : '#workbook'}`;
  if (p.endsWith('/')) return `${p}index.html${rest}`;
  return path;
}

/** The URL for a site path, under this build's base path: what goes into `href` and `src`. */
export const href = (path: string): string => {
  const base = siteBase();
  return withBase(base.startsWith('.') ? diskPath(path) : path, base);
};

/** The site path of the current page's URL path (`Astro.url.pathname`), with its trailing slash. */
export function pagePath(pathname: string): string {
  const path = stripBase(pathname, siteBase()) ?? pathname;
  return path.endsWith('/') || /\.[a-z0-9]+$/i.test(path) ? path : `${path}/`;
}

/** An absolute URL for a site path: canonical links, Open Graph, the sitemap. */
export function absoluteUrl(path: string, site: string = siteUrl(), base: string = siteBase()): string {
  return new URL(withBase(path, base), `${siteOrigin(site)}/`).href;
}

/** The web app manifest (none yet: for the offline work to come). */
export const manifestUrl = (): string => href('/manifest.webmanifest');
/** The scope a service worker is registered with: the whole guide, and nothing outside its base. */
export const swScope = (): string => siteBase();
/** Pagefind's bundle, which the client search loads on first use. */
export const searchBundleUrl = (): string => href('/pagefind/');
/** A classic script built by src/build/client-bundles.ts. */
export const clientScriptUrl = (name: string): string => href(`/_client/${name}.js`);
/** The social preview image of a page type (src/pages/og/[type].png.ts). */
export const previewImagePath = (type: string): string => `/og/${type}.png`;

/** One place that maps content ids to site paths, so addresses stay stable (see the content guide). */
export function guideUrl(id: string): string {
  const path = id.replace(/^reference\//, '').replace(/(^|\/)index$/, '');
  return path ? `/${path}/` : '/';
}

export const worksheetUrl = (id: string): string => `/worksheets/${id}/`;
export const worksheetPrintUrl = (id: string): string => `/worksheets/${id}/print/`;
export const workbookUrl = (): string => '/workbook/';

/** "15 min", "1 h 30 min". */
export function minutes(n: number): string {
  if (n < 60) return `${n} min`;
  const h = Math.floor(n / 60);
  const m = n % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}
export const worksheetExampleUrl = (id: string): string => `/worksheets/${id}/example/`;
