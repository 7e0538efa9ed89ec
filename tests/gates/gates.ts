/**
 * The quality gates. Each returns a list of human-readable problems: an empty list is a pass.
 * They work on any built site directory (the real build in dist/, or tests/fixtures/broken-site).
 *
 * - checkHtml(files): html-validate with its recommended rules (relaxed only where noted)
 * - checkLinks(dir): every internal link and fragment resolves; every loaded resource is internal
 * - checkMeta(html, path): <html lang>, a <title>, a <meta name="description">
 * - checkAxe(page): axe-core, WCAG 2.0/2.1/2.2 A and AA
 * - checkPageRecords(records, origin): no console error, page error, CSP violation or outside request
 */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { Window } from 'happy-dom';
import type { Page } from 'playwright-core';
import type { PageRecords } from '../support/browser.ts';
import { fileOf, listHtmlFiles, urlPathOf } from '../support/site.ts';

/* ------------------------------------------------------------------------------------------------ */
/* HTML validity                                                                                      */
/* ------------------------------------------------------------------------------------------------ */

export const htmlValidateConfig: ConfigData = {
  root: true,
  extends: ['html-validate:recommended'],
  rules: {
    // Heading ids come from the headings' text (github-slugger in Astro's Markdown pipeline), so they
    // may start with a digit ("2-why-it-matters") or hold non-ASCII letters. HTML5 allows any id
    // without whitespace; the strict mode of this rule checks the older HTML4 syntax.
    'valid-id': ['error', { relaxed: true }],
    // `<ul role="list">` is deliberate on lists styled with `list-style: none`: WebKit (Safari with
    // VoiceOver) drops the list semantics of such lists unless the role is restated.
    'no-redundant-role': ['error', { exclude: ['list'] }],
    // Astro's compiler writes void elements as `<input>`, while Preact's server renderer (the worksheet
    // forms) writes `<input/>`; both are valid HTML5, and no single style fits both renderers.
    'void-style': 'off',
  },
};

let validator: HtmlValidate | undefined;
function htmlValidator(): HtmlValidate {
  validator ??= new HtmlValidate(new StaticConfigLoader(htmlValidateConfig));
  return validator;
}

/** Validates HTML files; problems read `file:line:col message (rule)`. */
export async function checkHtml(files: string[], relativeTo: string = process.cwd()): Promise<string[]> {
  const problems: string[] = [];
  const html = htmlValidator();
  for (const file of files) {
    const report = await html.validateFile(file);
    const name = relative(relativeTo, file) || file;
    for (const result of report.results) {
      for (const m of result.messages) {
        problems.push(`${name}:${m.line}:${m.column} ${m.message} (${m.ruleId})`);
      }
    }
  }
  return problems;
}

/* ------------------------------------------------------------------------------------------------ */
/* Parsing helpers                                                                                    */
/* ------------------------------------------------------------------------------------------------ */

type ParsedDocument = ReturnType<InstanceType<Window['DOMParser']>['parseFromString']>;

let parserWindow: Window | undefined;
/** Parses HTML into a DOM without running scripts or loading anything. */
export function parseHtml(html: string): ParsedDocument {
  parserWindow ??= new Window({
    // Scripts, stylesheets and frames are neither run nor loaded (happy-dom's defaults, and script files here).
    settings: { disableJavaScriptFileLoading: true, disableComputedStyleRendering: true },
  });
  return new parserWindow.DOMParser().parseFromString(html, 'text/html');
}

/* ------------------------------------------------------------------------------------------------ */
/* Meta                                                                                               */
/* ------------------------------------------------------------------------------------------------ */

/** `<html lang>`, a non-empty `<title>` and a non-empty `<meta name="description">`. */
export function checkMeta(html: string, path: string): string[] {
  const doc = parseHtml(html);
  const problems: string[] = [];
  const lang = doc.documentElement.getAttribute('lang');
  if (lang === null) problems.push(`${path}: <html> has no lang attribute`);
  else if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang.trim())) problems.push(`${path}: <html lang="${lang}"> is not a language tag`);
  const title = doc.querySelector('head > title') ?? doc.querySelector('title');
  if (!title) problems.push(`${path}: no <title>`);
  else if (!title.textContent?.trim()) problems.push(`${path}: <title> is empty`);
  const descriptions = doc.querySelectorAll('meta[name="description"]');
  if (descriptions.length === 0) problems.push(`${path}: no <meta name="description">`);
  else if (descriptions.length > 1) problems.push(`${path}: ${descriptions.length} <meta name="description"> elements`);
  else if (!descriptions[0]?.getAttribute('content')?.trim()) problems.push(`${path}: <meta name="description"> is empty`);
  return problems;
}

/* ------------------------------------------------------------------------------------------------ */
/* Links                                                                                              */
/* ------------------------------------------------------------------------------------------------ */

/** Any origin stands for the site's own; only the path matters for files in the build. */
const SITE = 'http://site.invalid';

/** <link rel> values that make the browser fetch something. Other rels (canonical, alternate...) are links. */
const FETCHING_RELS = new Set([
  'stylesheet',
  'icon',
  'shortcut',
  'apple-touch-icon',
  'apple-touch-icon-precomposed',
  'mask-icon',
  'manifest',
  'preload',
  'prefetch',
  'modulepreload',
  'preconnect',
  'dns-prefetch',
  'prerender',
]);

interface Ref {
  kind: 'link' | 'resource';
  url: string;
  where: string;
}

function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

function cssUrls(css: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)) {
    const url = m[2] ?? m[4];
    if (url) out.push(url.trim());
  }
  return out;
}

function collectRefs(doc: ParsedDocument): Ref[] {
  const refs: Ref[] = [];
  const add = (kind: Ref['kind'], url: string | null | undefined, where: string): void => {
    if (url === null || url === undefined) return;
    refs.push({ kind, url: url.trim(), where });
  };
  for (const el of doc.querySelectorAll('a[href], area[href]')) add('link', el.getAttribute('href'), `<${el.localName} href>`);
  for (const el of doc.querySelectorAll('form[action]')) add('link', el.getAttribute('action'), '<form action>');
  for (const el of doc.querySelectorAll('link[href]')) {
    const rels = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const fetching = rels.some((r) => FETCHING_RELS.has(r));
    add(fetching ? 'resource' : 'link', el.getAttribute('href'), `<link rel="${el.getAttribute('rel') ?? ''}">`);
  }
  for (const el of doc.querySelectorAll('script[src]')) add('resource', el.getAttribute('src'), '<script src>');
  for (const el of doc.querySelectorAll('img[src], source[src], audio[src], video[src], track[src], iframe[src], embed[src], input[src]')) {
    add('resource', el.getAttribute('src'), `<${el.localName} src>`);
  }
  for (const el of doc.querySelectorAll('img[srcset], source[srcset]')) {
    for (const url of srcsetUrls(el.getAttribute('srcset') ?? '')) add('resource', url, `<${el.localName} srcset>`);
  }
  for (const el of doc.querySelectorAll('video[poster]')) add('resource', el.getAttribute('poster'), '<video poster>');
  for (const el of doc.querySelectorAll('object[data]')) add('resource', el.getAttribute('data'), '<object data>');
  for (const el of doc.querySelectorAll('use, image, feImage')) {
    const href = el.getAttribute('href') ?? el.getAttribute('xlink:href');
    if (href) add('resource', href, `<${el.localName} href>`);
  }
  for (const el of doc.querySelectorAll('style')) {
    for (const url of cssUrls(el.textContent ?? '')) add('resource', url, '<style> url()');
  }
  for (const el of doc.querySelectorAll('[style]')) {
    for (const url of cssUrls(el.getAttribute('style') ?? '')) add('resource', url, 'style="url()"');
  }
  for (const el of doc.querySelectorAll('meta[http-equiv="refresh" i]')) {
    const m = /url\s*=\s*['"]?([^'"]+)/i.exec(el.getAttribute('content') ?? '');
    if (m?.[1]) add('link', m[1], '<meta http-equiv="refresh">');
  }
  return refs;
}

interface PageInfo {
  ids: Set<string>;
  refs: Ref[];
  base: string | null;
}

/**
 * Every internal link of every HTML page in dir resolves to a file of the build, every `#fragment`
 * names an id (or `<a name>`) on the target page, and every resource the pages load (scripts,
 * stylesheets, images, fonts in <style>, icons...) comes from the site itself. Links (`<a href>`) to
 * other sites are allowed; `data:` and `blob:` resources are allowed. Problems are keyed by page path.
 *
 * With `base` (a build published under a path, e.g. `/field-guide/`), pages are read as served under
 * it, and every internal link or resource must stay under it: one that escapes is a problem.
 */
export function checkLinksByPage(dir: string, base = '/'): Map<string, string[]> {
  const files = listHtmlFiles(dir);
  const cache = new Map<string, PageInfo | null>();
  const info = (file: string): PageInfo | null => {
    if (cache.has(file)) return cache.get(file) ?? null;
    let result: PageInfo | null = null;
    if (existsSync(file) && statSync(file).isFile() && file.endsWith('.html')) {
      const doc = parseHtml(readFileSync(file, 'utf8'));
      const ids = new Set<string>();
      for (const el of doc.querySelectorAll('[id]')) ids.add(el.getAttribute('id') ?? '');
      for (const el of doc.querySelectorAll('a[name]')) ids.add(el.getAttribute('name') ?? '');
      result = { ids, refs: collectRefs(doc), base: doc.querySelector('base[href]')?.getAttribute('href') ?? null };
    }
    cache.set(file, result);
    return result;
  };

  const byPage = new Map<string, string[]>();
  for (const file of files) {
    const sitePath = urlPathOf(dir, file);
    const pagePath = `${base}${sitePath.slice(1)}`;
    const problems: string[] = [];
    byPage.set(sitePath, problems);
    const page = info(file);
    if (!page) continue;
    const baseUrl = new URL(page.base ?? '', new URL(pagePath, SITE)).href;
    const seen = new Set<string>();
    for (const ref of page.refs) {
      const key = `${ref.kind} ${ref.url} ${ref.where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const say = (what: string): void => {
        problems.push(`${pagePath}: ${ref.where} "${ref.url}" ${what}`);
      };
      if (ref.url === '') {
        if (ref.kind === 'resource') say('is empty');
        continue;
      }
      let url: URL;
      try {
        url = new URL(ref.url, baseUrl);
      } catch {
        say('is not a valid URL');
        continue;
      }
      if (url.protocol === 'data:' || url.protocol === 'blob:') continue;
      if (url.protocol === 'javascript:') {
        say('is a javascript: URL (blocked by the CSP)');
        continue;
      }
      if (url.origin !== SITE) {
        // Links to other sites are fine; anything the page itself loads must come from the site.
        if (ref.kind === 'resource') say(`loads a resource from outside the site (${url.protocol}//${url.host})`);
        continue;
      }
      if (!url.pathname.startsWith(base)) {
        say(`points to ${url.pathname}, outside the base path ${base}`);
        continue;
      }
      const target = fileOf(dir, `/${url.pathname.slice(base.length)}`);
      if (!existsSync(target)) {
        say(`points to ${url.pathname}, which is not in the build`);
        continue;
      }
      if (!url.pathname.endsWith('/') && target.endsWith('/index.html') && !url.pathname.endsWith('index.html')) {
        say(`points to a directory without its trailing slash (trailingSlash is 'always': use ${url.pathname}/)`);
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && fragment !== 'top') {
        const targetInfo = info(target);
        if (targetInfo && !targetInfo.ids.has(fragment)) {
          const samePage = target === file;
          say(`names #${fragment}, which is not an id on ${samePage ? 'this page' : urlPathOf(dir, target)}`);
        }
      }
    }
  }
  return byPage;
}

/** checkLinksByPage, flattened. */
export function checkLinks(dir: string, base = '/'): string[] {
  return [...checkLinksByPage(dir, base).values()].flat();
}

/* ------------------------------------------------------------------------------------------------ */
/* Accessibility                                                                                      */
/* ------------------------------------------------------------------------------------------------ */

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core on the page as it is now; one problem per violation, with the selectors of its nodes. */
export async function checkAxe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map((v) => {
    const nodes = v.nodes.map((n) => {
      const target = n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' ');
      const summary = n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ').trim()}` : '';
      return `    ${target}${summary}`;
    });
    return [`${v.id} (${v.impact ?? 'n/a'}): ${v.help} [${v.helpUrl}]`, ...nodes].join('\n');
  });
}

/* ------------------------------------------------------------------------------------------------ */
/* What the page did in the browser                                                                   */
/* ------------------------------------------------------------------------------------------------ */

/** No console error, no uncaught exception, no CSP violation, no request to another origin. */
export function checkPageRecords(records: PageRecords, origin: string): string[] {
  const problems: string[] = [];
  for (const e of records.consoleErrors) problems.push(`console error: ${e}`);
  for (const e of records.pageErrors) problems.push(`uncaught exception: ${e}`);
  for (const e of records.cspViolations) problems.push(`CSP violation: ${e}`);
  const outside = new Set<string>();
  for (const request of records.requests) {
    let url: URL;
    try {
      url = new URL(request);
    } catch {
      outside.add(request);
      continue;
    }
    if (url.protocol === 'data:' || url.protocol === 'blob:') continue;
    if (url.origin !== origin) outside.add(request);
  }
  for (const url of outside) problems.push(`request outside the site: ${url}`);
  return problems;
}
