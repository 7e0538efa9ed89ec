/**
 * One served site and one browser for a whole test file: registers the hooks that start them before
 * the file's tests and close them after. Read `env.site` and `env.browser` inside tests, or
 * open a page with `env.withPage(options, async (page) => ...)`.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, type NewPageOptions } from './browser.ts';
import { startSite, type Site } from './site.ts';

export interface Session {
  browser: Browser;
  site: Site;
  /** Runs `use` on a fresh recorded page (its own context) and closes it afterwards, pass or fail. */
  withPage: (options: NewPageOptions, use: (page: Page) => Promise<void>) => Promise<void>;
}

export function useSiteAndBrowser(dir: string, base = '/'): Session {
  const env = {
    async withPage(options, use) {
      const { page, close } = await newPage(env.browser, options);
      try {
        await use(page);
      } finally {
        await close();
      }
    },
  } as Session;
  beforeAll(async () => {
    env.site = await startSite(dir, base);
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.site?.close();
  });
  return env;
}
