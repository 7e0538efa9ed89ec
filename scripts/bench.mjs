#!/usr/bin/env node
/**
 * Build time and first-visit weight of the main page types, as JSON lines on stdout
 * (build logs go to stderr).
 *
 *   npm run bench                      # build, then measure dist/ statically
 *   npm run bench -- --no-build        # measure the existing dist/
 *   npm run bench -- --browser         # also load each page in Chromium and sum what was transferred
 *   npm run bench -- --dir some/dist   # measure another build (implies --no-build)
 *   npm run bench -- --lighthouse      # also Lighthouse scores per page type (fetches lighthouse@13 with npx)
 *   npm run bench -- --lighthouse-runs 5  # Lighthouse runs per page and form factor (default 3): the median counts
 *   npm run bench -- --offline-search  # in the browser, only the copy's first search (quick; no Lighthouse)
 *
 * With --browser it also measures the PDF download: the bytes the click loads (pdf.js: pdfkit and the
 * fonts), the time from click to file for a worksheet with a 5,000-word answer (a cold and a warm
 * click), the time to render the workbook of every complete example in the page, and each PDF's size.
 *
 * Lines: {"build": ...}, then {"page": ...} per page type, {"precache": ...} (what the service worker
 * caches: files, KB, KB gzip), then {"goal": ...} per goal. Goals are
 * reported with pass true/false (null when the page does not exist); they never fail the process.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const dir = resolve(root, option('--dir') ?? 'dist');
const doBuild = !flag('--no-build') && !option('--dir');
const withBrowser = flag('--browser');
const withLighthouse = flag('--lighthouse');
/**
 * Lighthouse runs per page type and form factor. Its simulated throttling multiplies what this machine
 * measured, so a shared or throttled host moves the score by several points between runs: the median
 * of a few runs is reported, with every run beside it.
 */
const lighthouseRuns = Math.max(1, Number(option('--lighthouse-runs') ?? 3) || 3);
/** With --browser: measure only the offline copy's first search, not the pages, typing, the PDF or Lighthouse. */
const onlyOfflineSearch = flag('--offline-search');

export const PAGES = [
  { type: 'home', path: '/' },
  { type: 'guidance', path: '/muscles/trust/' },
  { type: 'worksheet', path: '/worksheets/muscles-check/' },
  { type: 'finder', path: '/worksheets/' },
];
/** Lighthouse runs each page type on both form factors: mobile (its default, simulated throttling) and desktop. */
export const FORM_FACTORS = ['mobile', 'desktop'];

export const GOALS = {
  guidanceHtmlCssGzip: 14336,
  worksheetJsGzip: 20480,
  pdfClickGzip: 614400,
  pdfWorksheetMs: 1000,
  pdfWorkbookMs: 3000,
};

const print = (value) => process.stdout.write(`${JSON.stringify(value)}\n`);
const gzipSize = (buffer) => gzipSync(buffer, { level: 9 }).length;

function run(command, commandArgs) {
  const started = performance.now();
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: ['ignore', 2, 2], env: process.env });
  return { ok: result.status === 0, status: result.status, ms: Math.round(performance.now() - started) };
}

function build() {
  const astro = run('npx', ['astro', 'build']);
  if (!astro.ok) return { ok: false, step: 'astro build', astroMs: astro.ms, totalMs: astro.ms };
  const pagefind = run('npx', ['pagefind', '--site', 'dist', '--silent']);
  if (!pagefind.ok) return { ok: false, step: 'pagefind', astroMs: astro.ms, pagefindMs: pagefind.ms, totalMs: astro.ms + pagefind.ms };
  const offline = run('node', ['scripts/offline.mjs']);
  const sw = offline.ok ? run('node', ['scripts/sw.mjs', 'dist']) : { ok: false, ms: 0 };
  return {
    ok: offline.ok && sw.ok,
    ...(offline.ok ? (sw.ok ? {} : { step: 'service worker' }) : { step: 'offline copy' }),
    astroMs: astro.ms,
    pagefindMs: pagefind.ms,
    offlineMs: offline.ms,
    swMs: sw.ms,
    totalMs: astro.ms + pagefind.ms + offline.ms + sw.ms,
  };
}

/** What the service worker precaches on a first visit (src/build/service-worker.ts): files, KB, KB gzip. */
function precacheWeight() {
  const file = join(dir, 'sw.js');
  if (!existsSync(file)) return null;
  const urls = [...readFileSync(file, 'utf8').matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]);
  let bytes = 0;
  let gzip = 0;
  for (const url of urls) {
    const body = readFileSync(join(dir, url));
    bytes += body.length;
    gzip += gzipSize(body);
  }
  return {
    files: urls.length,
    kb: Math.round(bytes / 1024),
    gzipKb: Math.round(gzip / 1024),
    swKb: Math.round(statSync(file).size / 1024),
  };
}

/** Attributes of an HTML start tag, lower-cased names. */
function attributes(tag) {
  const attrs = {};
  for (const m of tag.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = m[1]?.toLowerCase();
    if (!name || name.startsWith('<')) continue;
    attrs[name] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return attrs;
}

/** Framework runtimes recognisable in a bundle. */
export function frameworksIn(code) {
  const found = [];
  const count = (re) => (code.match(re) ?? []).length;
  // Preact 10's mangled vnode fields survive minification: __k (children), __e (dom), __v (original), __c (component).
  if (count(/\.__k\b/g) >= 3 && count(/\.__e\b/g) >= 3 && count(/\.__v\b/g) >= 2) found.push('preact');
  if (/react\.(transitional\.)?element/.test(code)) found.push('react');
  if (
    /customElements\.define\(\s*["']astro-island["']/.test(code) ||
    /class \w+ extends HTMLElement\b[\s\S]{0,400}astro-island/.test(code)
  ) {
    found.push('astro-island');
  }
  return found;
}

function fileForPath(path) {
  const full = join(dir, path);
  return path.endsWith('/') ? join(full, 'index.html') : full;
}

function assetFile(url) {
  const u = new URL(url, 'http://site.invalid/');
  if (u.origin !== 'http://site.invalid') return null;
  const file = join(dir, decodeURIComponent(u.pathname));
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/** Bytes a first visit downloads, from the files in the build (no browser). */
function staticWeight(path) {
  const htmlFile = fileForPath(path);
  if (!existsSync(htmlFile)) return null;
  const html = readFileSync(htmlFile);
  const text = html.toString('utf8');
  const css = [];
  const js = [];
  const missing = [];
  for (const m of text.matchAll(/<link\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    if (!(a.rel ?? '').toLowerCase().split(/\s+/).includes('stylesheet') || !a.href) continue;
    const file = assetFile(a.href);
    if (!file) missing.push(a.href);
    else css.push({ name: a.href, raw: statSync(file).size, gzip: gzipSize(readFileSync(file)) });
  }
  /** A script of the page, from its address in the build; `type` says how the page loads it. */
  const addScript = (src, type) => {
    const file = assetFile(src);
    if (!file) return void missing.push(src);
    const code = readFileSync(file);
    js.push({ name: src, type, raw: code.length, gzip: gzipSize(code), frameworks: frameworksIn(code.toString('utf8')) });
  };
  for (const m of text.matchAll(/<script\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    if (a.src !== undefined) addScript(a.src, a.type === 'module' ? 'module' : 'classic');
  }
  // Scripts the head script loads once the page is drawn (`<html data-after-paint="site sw worksheet">`, Base.astro):
  // not in a tag, but the page's all the same.
  const afterPaint = /<html\b[^>]*\bdata-after-paint="([^"]*)"/i.exec(text)?.[1] ?? '';
  for (const name of afterPaint.split(/\s+/).filter(Boolean)) addScript(`/_client/${name}.js`, 'after-paint');
  for (const m of text.matchAll(/<link\b[^>]*rel=["']?modulepreload[^>]*>/gi)) {
    const a = attributes(m[0]);
    if (a.href && assetFile(a.href)) addScript(a.href, 'modulepreload');
  }
  const inlineScripts = [...text.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1] ?? '');
  const sum = (list, key) => list.reduce((n, item) => n + item[key], 0);
  return {
    html: {
      raw: html.length,
      gzip: gzipSize(html),
      inlineStyleBytes: sumInline(text, 'style'),
      inlineScriptBytes: sumInline(text, 'script'),
    },
    css: { raw: sum(css, 'raw'), gzip: sum(css, 'gzip'), files: css },
    js: { raw: sum(js, 'raw'), gzip: sum(js, 'gzip'), files: js },
    total: { raw: html.length + sum(css, 'raw') + sum(js, 'raw'), gzip: gzipSize(html) + sum(css, 'gzip') + sum(js, 'gzip') },
    scripts: js.map((s) => basename(s.name)),
    frameworks: [...new Set([...js.flatMap((s) => s.frameworks), ...inlineScripts.flatMap((code) => frameworksIn(code))])],
    missing,
  };
}

function sumInline(text, tag) {
  let n = 0;
  for (const m of text.matchAll(new RegExp(`<${tag}\\b(?![^>]*\\bsrc=)[^>]*>([\\s\\S]*?)</${tag}>`, 'gi')))
    n += Buffer.byteLength(m[1] ?? '');
  return n;
}

/** Loads the page in Chromium and sums every response received before any interaction. */
async function browserWeight(browser, origin, path) {
  const { newPage } = await import('../tests/support/browser.ts');
  const recorded = await newPage(browser);
  const responses = [];
  recorded.page.on('requestfinished', async (request) => {
    responses.push(
      (async () => {
        const sizes = await request.sizes().catch(() => null);
        const response = await request.response();
        const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
        return {
          url: request.url(),
          type: request.resourceType(),
          transferred: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : body.length,
          body: body.length,
          gzip: body.length ? gzipSize(body) : 0,
        };
      })(),
    );
  });
  try {
    await recorded.page.goto(new URL(path, origin).href, { waitUntil: 'networkidle' });
    const list = await Promise.all(responses);
    const byType = {};
    for (const r of list) {
      const t = (byType[r.type] ??= { count: 0, transferred: 0, body: 0, gzip: 0 });
      t.count += 1;
      t.transferred += r.transferred;
      t.body += r.body;
      t.gzip += r.gzip;
    }
    const total = list.reduce((n, r) => ({ transferred: n.transferred + r.transferred, body: n.body + r.body, gzip: n.gzip + r.gzip }), {
      transferred: 0,
      body: 0,
      gzip: 0,
    });
    return { requests: list.length, ...total, byType, urls: list.map((r) => new URL(r.url).pathname) };
  } finally {
    await recorded.close();
  }
}

async function main() {
  if (doBuild) {
    const result = build();
    print({ build: result });
    if (!result.ok && !existsSync(join(dir, 'index.html'))) {
      print({ error: `build failed at ${result.step} and there is no previous build in ${dir}` });
      return;
    }
    if (!result.ok) print({ note: `build failed at ${result.step}; measuring the previous build in ${dir}` });
  } else {
    print({ build: { skipped: true, dir } });
  }
  if (!existsSync(join(dir, 'index.html'))) {
    print({ error: `no build in ${dir}: run npm run build first` });
    return;
  }

  const results = {};
  for (const { type, path } of PAGES) {
    const weight = staticWeight(path);
    results[type] = weight;
    print(weight ? { page: type, path, ...weight } : { page: type, path, missing: true });
  }
  print({ precache: precacheWeight() ?? { missing: 'sw.js' } });

  const offline = offlineSizes();
  print({ offline });

  let typing = null;
  let pdf = null;
  let offlineSearchMs = null;
  let offlineSearchAtLoadMs = null;
  const lighthouseScores = {};
  if (withBrowser) {
    const { launchBrowser } = await import('../tests/support/browser.ts');
    const { startServer } = await import('./serve.mjs');
    const server = await startServer(dir, 0);
    const browser = await launchBrowser();
    try {
      for (const { type, path } of onlyOfflineSearch ? [] : PAGES) {
        if (!results[type]) continue;
        print({ page: type, path, browser: await browserWeight(browser, server.url, path) });
      }
      if (results.worksheet && !onlyOfflineSearch) typing = await typingLongTasks(browser, server.url);
      if (results.worksheet && !onlyOfflineSearch) pdf = await pdfBench(browser, server.url);
      if (offline) {
        offlineSearchMs = await offlineFirstSearch(browser, 1000);
        offlineSearchAtLoadMs = await offlineFirstSearch(browser, 0);
      }
      if (withLighthouse && !onlyOfflineSearch) {
        const { findBrowser } = await import('../tests/support/browser.ts');
        for (const formFactor of FORM_FACTORS) {
          for (const { type, path } of PAGES) {
            if (!results[type]) continue;
            const runs = [];
            for (let run = 0; run < lighthouseRuns; run++)
              runs.push(await lighthouse(new URL(path, server.url).href, findBrowser(), formFactor));
            const scores = medianScores(runs);
            lighthouseScores[`${type} ${formFactor}`] = scores;
            print({ page: type, path, formFactor, lighthouse: scores, runs });
          }
        }
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }

  const guidance = results.guidance;
  const worksheet = results.worksheet;
  const guidanceHtmlCss = guidance ? guidance.html.gzip + guidance.css.gzip : null;
  print({
    goal: 'guidance page HTML+CSS gzip <= 14336 bytes',
    path: '/muscles/trust/',
    value: guidanceHtmlCss,
    limit: GOALS.guidanceHtmlCssGzip,
    pass: guidance ? guidanceHtmlCss <= GOALS.guidanceHtmlCssGzip : null,
  });
  print({
    goal: 'guidance page ships no framework JS (no Preact)',
    path: '/muscles/trust/',
    value: guidance ? guidance.frameworks : null,
    scripts: guidance ? guidance.scripts : null,
    pass: guidance ? guidance.frameworks.length === 0 : null,
  });
  print({
    goal: 'worksheet page JS gzip <= 20480 bytes',
    path: '/worksheets/muscles-check/',
    value: worksheet ? worksheet.js.gzip : null,
    limit: GOALS.worksheetJsGzip,
    pass: worksheet ? worksheet.js.gzip <= GOALS.worksheetJsGzip : null,
  });

  const scored = (pick) => {
    const values = Object.fromEntries(Object.entries(lighthouseScores).map(([key, scores]) => [key, pick(scores)]));
    const measured = Object.keys(values).length > 0 && Object.values(values).every((v) => typeof v === 'number');
    return { values, measured };
  };
  const cls = scored((s) => s.cls ?? null);
  print({
    goal: 'cumulative layout shift < 0.01 on every page type, mobile and desktop',
    value: cls.measured ? cls.values : null,
    limit: 0.01,
    pass: cls.measured ? Object.values(cls.values).every((v) => v < 0.01) : null,
    note: cls.measured ? undefined : 'run with --browser --lighthouse to measure',
  });
  const mobile = scored((s) => s.performance ?? null);
  const mobileValues = Object.fromEntries(Object.entries(mobile.values).filter(([key]) => key.endsWith(' mobile')));
  print({
    goal: 'Lighthouse mobile performance >= 98 on every page type',
    value: mobile.measured ? mobileValues : null,
    limit: 98,
    pass: mobile.measured ? Object.values(mobileValues).every((v) => v >= 98) : null,
    note: mobile.measured
      ? `median of ${lighthouseRuns} runs; noisy on a shared machine (see benchmarkIndex), layout shift is not`
      : 'run with --browser --lighthouse to measure',
  });
  // The machine's load when the search was timed (1, 5, 15 min): the figures mean little without it.
  const load = loadavg().map((n) => Math.round(n * 100) / 100);
  for (const [when, timed] of [
    ['typed 1 s after load', offlineSearchMs],
    ['typed the moment the page has loaded', offlineSearchAtLoadMs],
  ]) {
    print({
      goal: `first offline search on a cold page (file://), ${when}: results in under 100 ms (median of 5)`,
      path: 'dist-offline/public-systems-field-guide/index.html',
      value: timed?.median ?? null,
      runsMs: timed?.runs,
      limit: 100,
      pass: timed ? timed.median < 100 : null,
      searchIndexGzip: offline?.searchIndex.gzip ?? null,
      loadAverage: timed ? load : undefined,
      cpus: timed ? cpus().length : undefined,
      note: timed ? undefined : 'run with --browser to measure',
    });
  }

  for (const category of ['accessibility', 'best-practices', 'seo']) {
    const values = Object.fromEntries(Object.entries(lighthouseScores).map(([type, scores]) => [type, scores[category] ?? null]));
    const measured = Object.keys(values).length > 0 && Object.values(values).every((v) => typeof v === 'number');
    print({
      goal: `Lighthouse ${category} 100 on every page type`,
      value: measured ? values : null,
      pass: measured ? Object.values(values).every((v) => v === 100) : null,
      note: measured ? undefined : 'run with --browser --lighthouse to measure',
    });
  }
  const pdfGoal = (goal, value, limit, extra = {}) =>
    print({
      goal,
      value,
      limit,
      pass: value == null ? null : value <= limit,
      ...extra,
      note: pdf ? undefined : 'run with --browser to measure',
    });
  pdfGoal(
    'PDF: bytes loaded on click (code + fonts, gzip) <= 614400, none before the click',
    pdf ? pdf.clickGzip : null,
    GOALS.pdfClickGzip,
    {
      requestsBeforeClick: pdf ? pdf.pdfRequestsBeforeClick : null,
    },
  );
  pdfGoal(
    'PDF: click to file, worksheet with a 5,000-word answer, < 1000 ms (first click)',
    pdf ? pdf.clickToFileMs : null,
    GOALS.pdfWorksheetMs,
    {
      secondClickMs: pdf ? pdf.secondClickMs : null,
    },
  );
  pdfGoal('PDF: workbook of every complete worksheet rendered in the page < 3000 ms', pdf ? pdf.workbookMs : null, GOALS.pdfWorkbookMs, {
    worksheets: pdf ? pdf.workbookWorksheets : null,
  });
  print({
    goal: 'typing into a 5,000-character answer causes no task longer than 50 ms',
    path: '/worksheets/muscles-check/',
    value: typing ? typing.longestTaskMs : null,
    longTasks: typing ? typing.longTasks : null,
    limit: 50,
    pass: typing ? typing.longestTaskMs <= 50 : null,
    note: typing ? undefined : 'run with --browser to measure',
  });
}

const OFFLINE_DIR = resolve(root, 'dist-offline', 'public-systems-field-guide');
const OFFLINE_ZIP = 'public-systems-field-guide-offline.zip';

/** The copy on disk: the zip's size, the unpacked size, and the offline search index (raw and gzip). */
function offlineSizes() {
  const zip = join(dir, OFFLINE_ZIP);
  if (!existsSync(zip) || !existsSync(OFFLINE_DIR)) return null;
  let unpacked = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else unpacked += statSync(join(d, e.name)).size;
    }
  };
  walk(OFFLINE_DIR);
  const index = readFileSync(join(OFFLINE_DIR, '_client', 'search-index.js'));
  const bundle = readFileSync(join(OFFLINE_DIR, '_client', 'offline-search.js'));
  return {
    zipBytes: statSync(zip).size,
    unpackedBytes: unpacked,
    searchIndex: { raw: index.length, gzip: gzipSize(index) },
    searchBundle: { raw: bundle.length, gzip: gzipSize(bundle) },
  };
}

/**
 * The first offline search on a freshly opened page of the copy (from file://), through the header
 * search box: the time from typing "Buurtzorg" (one input event) to its results in the list. `afterMs`
 * is how long after the page's load event the reader types: 1000 (finding the box takes a reader at
 * least that) is the goal's case; 0 is the worst case, typing the instant the page has loaded, when the
 * index may still be loading. The median of five cold pages, and each time in the order measured.
 */
async function offlineFirstSearch(browser, afterMs = 1000) {
  const { pathToFileURL } = await import('node:url');
  const times = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(OFFLINE_DIR, 'index.html')).href, { waitUntil: 'load' });
    if (afterMs) await page.waitForTimeout(afterMs);
    const ms = await page.evaluate(
      () =>
        new Promise((resolvePromise, reject) => {
          const input = document.querySelector('[data-search-input]');
          const list = document.querySelector('[data-search-list]');
          if (!input || !list) return reject(new Error('no search box'));
          let t0 = 0;
          const observer = new MutationObserver(() => {
            if (!list.querySelector('a')) return;
            observer.disconnect();
            resolvePromise(performance.now() - t0);
          });
          observer.observe(list, { childList: true, subtree: true });
          input.focus();
          t0 = performance.now();
          input.value = 'Buurtzorg';
          input.dispatchEvent(new Event('input', { bubbles: true }));
          setTimeout(() => reject(new Error('no result in 10 s')), 10_000);
        }),
    );
    times.push(ms);
    await context.close();
  }
  const round = (n) => Math.round(n * 10) / 10;
  const sorted = [...times].sort((a, b) => a - b);
  return { median: round(sorted[Math.floor(sorted.length / 2)]), runs: times.map(round) };
}

/**
 * Lighthouse scores out of 100 and the cumulative layout shift, for `formFactor` 'mobile' (Lighthouse's
 * default: a phone with simulated throttling) or 'desktop' (its desktop preset), run with npx so it is
 * not a dependency of the project. Asynchronous: the site is served from this same process, which must
 * keep answering meanwhile.
 */
async function lighthouse(url, chromePath, formFactor = 'mobile') {
  const result = await spawnAsync(
    'npx',
    [
      '--yes',
      'lighthouse@13',
      url,
      '--quiet',
      '--output=json',
      ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run',
    ],
    { cwd: root, env: { ...process.env, CHROME_PATH: chromePath } },
  );
  if (result.status !== 0) return { error: (result.stderr || '').trim().split('\n').slice(-3).join(' ') || `exit ${result.status}` };
  const report = JSON.parse(result.stdout);
  const scores = Object.fromEntries(Object.entries(report.categories).map(([id, c]) => [id, Math.round(c.score * 100)]));
  const audit = (id) => report.audits?.[id]?.numericValue;
  const round = (n, digits) => (typeof n === 'number' ? Number(n.toFixed(digits)) : null);
  return {
    ...scores,
    cls: round(audit('cumulative-layout-shift'), 4),
    lcpMs: round(audit('largest-contentful-paint'), 0),
    tbtMs: round(audit('total-blocking-time'), 0),
    // Lighthouse's measure of this machine's speed at the time (a phone is about 1000, this VM 1000 to 2000).
    benchmarkIndex: round(report.environment?.benchmarkIndex, 0),
  };
}

/** Per measure, the median of the runs that did not fail (each run's own figures are printed beside it). */
export function medianScores(runs) {
  const ok = runs.filter((r) => !r.error);
  if (ok.length === 0) return runs[0] ?? { error: 'no run' };
  const keys = [...new Set(ok.flatMap((r) => Object.keys(r)))];
  const median = (values) => {
    const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
    return sorted.length ? sorted[Math.floor(sorted.length / 2)] : null;
  };
  return Object.fromEntries(keys.map((k) => [k, median(ok.map((r) => r[k]))]));
}

function spawnAsync(command, commandArgs, options) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, commandArgs, options);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolvePromise({ status, stdout, stderr }));
    child.on('error', (error) => resolvePromise({ status: -1, stdout, stderr: String(error) }));
  });
}

/**
 * Puts 5,000 characters into a long answer, then types 60 more one key at a time, recording every
 * long task (over 50 ms, the browser's own threshold) while typing.
 */
async function typingLongTasks(browser, origin) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(new URL('/worksheets/muscles-check/', origin).href);
    await page.waitForSelector('[data-ready="true"]');
    const field = page.locator('textarea').first();
    await field.fill('x'.repeat(5000));
    await page.waitForTimeout(600);
    await page.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push(Math.round(entry.duration));
      }).observe({ type: 'longtask' });
    });
    await field.press('End');
    await field.pressSequentially(' and a few more words typed at the end of a long answer.', { delay: 15 });
    await page.waitForTimeout(800);
    const tasks = await page.evaluate(() => window.__longTasks);
    const length = (await field.inputValue()).length;
    return { answerLength: length, longTasks: tasks.length, longestTaskMs: tasks.length ? Math.max(...tasks) : 0 };
  } finally {
    await context.close();
  }
}

/**
 * The PDF download, in Chromium against the build: the complete coalition map example, with a 5,000-word
 * answer in place of one of its answers, is stored, the page opened, Download PDF clicked twice (cold, then warm); then the workbook of every
 * complete example, and each worksheet alone, rendered in the page with `__psfgPdf.renderPdf`.
 */
async function pdfBench(browser, origin) {
  const { build: esbuild } = await import('esbuild');
  const { writeFileSync, mkdtempSync, rmSync, readdirSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  // The document model and the test fixture, bundled so plain Node can run them.
  const out = await esbuild({
    stdin: {
      contents:
        "export { worksheetDocument } from './src/worksheets/document.ts'; export { longAnswer } from './tests/support/pdf-fixtures.ts'; export { KEYS } from './src/lib/storage-keys.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  const tmp = mkdtempSync(join(tmpdir(), 'psfg-bench-'));
  const modFile = join(tmp, 'model.mjs');
  writeFileSync(modFile, out.outputFiles[0].text);
  const { worksheetDocument, longAnswer, KEYS } = await import(modFile);
  rmSync(tmp, { recursive: true, force: true });
  const definition = (id) => {
    const html = readFileSync(join(dir, 'worksheets', id, 'index.html'), 'utf8');
    return JSON.parse(/<script\b[^>]*\bdata-worksheet-definition\b[^>]*>([\s\S]*?)<\/script>/.exec(html)[1]);
  };
  const examples = readdirSync(join(root, 'worksheets', 'examples'))
    .filter((f) => f.endsWith('.complete.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(root, 'worksheets', 'examples', f), 'utf8')));
  const docs = examples.map((e) => worksheetDocument(definition(e.worksheet), e.answers));

  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  try {
    const id = 'coalition-map';
    await page.goto(origin);
    // A record in the shape src/worksheets/storage.ts writes (as tests/browser/helpers-worksheets.ts makes it).
    const record = {
      format: 'psfg-worksheet',
      version: 1,
      worksheet: id,
      worksheetVersion: 1,
      rev: 1,
      updated: new Date().toISOString(),
      answers: { ...examples.find((e) => e.worksheet === id).answers, brokers: longAnswer() },
      earlier: [],
    };
    await page.evaluate(([k, v]) => window.localStorage.setItem(k, v), [KEYS.worksheet(id), JSON.stringify(record)]);
    const before = [];
    const onRequest = (r) => before.push(r.url());
    page.on('request', onRequest);
    await page.goto(new URL(`/worksheets/${id}/`, origin).href, { waitUntil: 'networkidle' });
    await page.waitForSelector('[data-ready="true"]');
    page.off('request', onRequest);
    const loaded = [];
    page.on('requestfinished', (request) =>
      loaded.push(
        (async () => {
          const response = await request.response();
          const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
          return { url: new URL(request.url()).pathname, raw: body.length, gzip: body.length ? gzipSize(body) : 0 };
        })(),
      ),
    );
    const button = page.getByRole('button', { name: 'Download PDF' });
    const click = async () => {
      const started = performance.now();
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
      const path = await download.path();
      return { ms: Math.round(performance.now() - started), bytes: statSync(path).size, name: download.suggestedFilename() };
    };
    const first = await click();
    const second = await click();
    const files = await Promise.all(loaded);
    const pdfFiles = files.filter((f) => f.url.endsWith('/_client/pdf.js'));
    const workbook = await page.evaluate(async (all) => {
      const started = performance.now();
      const bytes = await window.__psfgPdf.renderPdf({
        docs: all,
        workbook: true,
        date: new Date(),
        guideName: 'Public Systems Field Guide',
      });
      const ms = performance.now() - started;
      const each = [];
      for (const d of all) {
        const t0 = performance.now();
        const b = await window.__psfgPdf.renderPdf({
          docs: [d],
          workbook: false,
          date: new Date(),
          guideName: 'Public Systems Field Guide',
        });
        each.push({ id: d.id, bytes: b.length, ms: Math.round(performance.now() - t0) });
      }
      return { ms: Math.round(ms), bytes: bytes.length, each };
    }, docs);
    const result = {
      pdfRequestsBeforeClick: before.filter((u) => u.includes('/_client/pdf.js')).length,
      clickRaw: pdfFiles.reduce((n, f) => n + f.raw, 0),
      clickGzip: pdfFiles.reduce((n, f) => n + f.gzip, 0),
      clickRequests: files.map((f) => f.url),
      clickToFileMs: first.ms,
      secondClickMs: second.ms,
      worksheetPdf: { name: first.name, bytes: first.bytes },
      workbookMs: workbook.ms,
      workbookBytes: workbook.bytes,
      workbookWorksheets: docs.length,
      eachWorksheet: workbook.each,
    };
    print({ pdf: result });
    return result;
  } finally {
    await context.close();
  }
}

main().catch((error) => {
  print({ error: String(error?.stack ?? error) });
  process.exitCode = 1;
});
