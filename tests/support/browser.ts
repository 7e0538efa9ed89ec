/**
 * The one module that finds and launches a browser for the tests.
 *
 * Order: Playwright's own Chromium (when `npx playwright install chromium` put it in place), then the
 * system's: /usr/bin/chromium, or `chromium`, `chromium-browser`, `google-chrome` on PATH. With none,
 * `findBrowser()` throws an error that says how to install one.
 *
 * `newPage()` records what a page does, for the gates in tests/gates/gates.ts: every request URL,
 * console errors, uncaught exceptions and Content Security Policy violations.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const BROWSER_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The path of a Chromium to drive; throws with install instructions when there is none. */
export function findBrowser(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // playwright-core without a downloaded browser: fall through to the system's.
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of SYSTEM_NAMES) {
    const found = onPath(name);
    if (found) return found;
  }
  throw new Error(
    [
      'No Chromium found for the browser tests.',
      'Install one, then run the tests again:',
      '  Debian/Ubuntu:   apt-get install -y chromium',
      "  or Playwright's: npx playwright install chromium",
      'or point CHROME_PATH at a Chromium or Chrome executable.',
    ].join('\n'),
  );
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findBrowser(), headless: true, args: BROWSER_FLAGS });
}

export interface CspViolation {
  blockedURI: string;
  violatedDirective: string;
  effectiveDirective: string;
  sourceFile: string;
  lineNumber: number;
  sample: string;
}

export interface PageRecords {
  /** Every URL the page requested, in order (including the document itself). */
  requests: string[];
  /** Text of console messages of type "error" (except CSP reports, which go to `cspViolations`). */
  consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections. */
  pageErrors: string[];
  /** CSP violations, from the `securitypolicyviolation` event and from console messages. */
  cspViolations: string[];
}

export interface RecordedPage {
  page: Page;
  context: BrowserContext;
  records: PageRecords;
  /** Adds the CSP violations the page collected in `window.__cspViolations` to `records`. */
  collect: () => Promise<PageRecords>;
  close: () => Promise<void>;
}

declare global {
  interface Window {
    __cspViolations?: CspViolation[];
  }
}

function cspInitScript(): void {
  window.__cspViolations = [];
  document.addEventListener(
    'securitypolicyviolation',
    (event) => {
      window.__cspViolations?.push({
        blockedURI: event.blockedURI,
        violatedDirective: event.violatedDirective,
        effectiveDirective: event.effectiveDirective,
        sourceFile: event.sourceFile,
        lineNumber: event.lineNumber,
        sample: event.sample,
      });
    },
    true,
  );
}

const CSP_CONSOLE = /Content[ -]Security[ -]Policy/i;

function describeViolation(v: CspViolation): string {
  const where = v.sourceFile ? ` at ${v.sourceFile}:${v.lineNumber}` : '';
  const sample = v.sample ? ` (${v.sample})` : '';
  return `${v.effectiveDirective || v.violatedDirective} blocked ${v.blockedURI || 'content'}${where}${sample}`;
}

export interface NewPageOptions extends BrowserContextOptions {
  /**
   * Abort requests to any host other than localhost/127.0.0.1 (they are still recorded), so that no
   * test sends traffic off the machine. Default true.
   */
  blockOutside?: boolean;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A page in its own context (which axe needs) that records what happens on it. */
export async function newPage(browser: Browser, opts: NewPageOptions = {}): Promise<RecordedPage> {
  const { blockOutside = true, ...contextOptions } = opts;
  const context = await browser.newContext(contextOptions);
  await context.addInitScript(cspInitScript);
  if (blockOutside) {
    await context.route(
      (url) => !LOCAL_HOSTS.has(url.hostname) && (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:'),
      (route) => route.abort('blockedbyclient'),
    );
  }
  const page = await context.newPage();
  const records: PageRecords = { requests: [], consoleErrors: [], pageErrors: [], cspViolations: [] };
  page.on('request', (request) => records.requests.push(request.url()));
  page.on('console', (message) => {
    const text = message.text();
    // Chromium reports CSP violations as console errors too: they are filed as CSP violations only.
    if (CSP_CONSOLE.test(text)) records.cspViolations.push(`console: ${text}`);
    else if (message.type() === 'error') {
      const { url, lineNumber } = message.location();
      records.consoleErrors.push(url ? `${text} (${url}:${lineNumber})` : text);
    }
  });
  page.on('pageerror', (error) => records.pageErrors.push(error.stack ?? `${error.name}: ${error.message}`));
  const seen = new Set<string>();
  const collect = async (): Promise<PageRecords> => {
    const found = await page.evaluate(() => window.__cspViolations ?? []).catch(() => [] as CspViolation[]);
    for (const v of found) {
      const text = describeViolation(v);
      if (seen.has(text)) continue;
      seen.add(text);
      records.cspViolations.push(text);
    }
    return records;
  };
  return { page, context, records, collect, close: () => context.close() };
}
