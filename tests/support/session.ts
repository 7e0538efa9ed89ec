/**
 * One served site and one browser for a whole test file: registers the hooks that start them before
 * the file's tests and close them after. Read `env.site` and `env.browser` inside tests.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startSite, type Site } from './site.ts';

export interface Session {
  browser: Browser;
  site: Site;
}

export function useSiteAndBrowser(dir: string): Session {
  const env = {} as Session;
  beforeAll(async () => {
    env.site = await startSite(dir);
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.site?.close();
  });
  return env;
}
