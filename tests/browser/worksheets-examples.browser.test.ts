/**
 * Every example in worksheets/examples/*.json, stored as a reader's saved answers: the form shows
 * every answer, passes the quality gates (axe, and no console error, exception, CSP violation or
 * outside request), and its print copy carries every text answer. Every blank printable page passes
 * axe too.
 *
 * Runs against the real build (dist/, or SITE_DIR): `npx astro build && npx pagefind --site dist`.
 */
import { describe, expect, it } from 'vitest';
import { newPage } from '../support/browser.ts';
import { siteDir } from '../support/site.ts';
import { useSiteAndBrowser } from '../support/session.ts';
import { checkAxe, checkPageRecords } from '../gates/gates.ts';
import {
  builtDefinition,
  builtWorksheetIds,
  exampleFixtures,
  expectFormShows,
  openForm,
  printCopyText,
  printPath,
  seedRecord,
  squash,
  textAnswers,
} from './helpers-worksheets.ts';

const dir = siteDir();
const ids = builtWorksheetIds(dir);
const fixtures = exampleFixtures();
const env = useSiteAndBrowser(dir);

it('every worksheet in the build has an example, and every example a worksheet in the build', () => {
  const withExample = new Set(fixtures.map((f) => f.worksheet));
  expect(ids.filter((id) => !withExample.has(id))).toEqual([]);
  expect(fixtures.filter((f) => !ids.includes(f.worksheet)).map((f) => f.name)).toEqual([]);
});

describe.each(fixtures.map((f) => [f.name, f] as const))('example %s', (_name, fixture) => {
  it('restored from storage, shows every answer, passes the gates and prints every text answer', async () => {
    const ws = builtDefinition(dir, fixture.worksheet);
    const recorded = await newPage(env.browser);
    const { page } = recorded;
    try {
      await seedRecord(page, env.site.url, fixture.worksheet, fixture.answers);
      await openForm(page, env.site.url, fixture.worksheet);
      await page.waitForLoadState('networkidle');
      await expectFormShows(page, ws, fixture.answers);
      expect(await page.locator('[data-warning]').count(), 'no warning').toBe(0);

      expect(await checkAxe(page)).toEqual([]);
      expect(checkPageRecords(await recorded.collect(), env.site.origin)).toEqual([]);

      const texts = textAnswers(ws, fixture.answers);
      const printed = await printCopyText(page);
      for (const { prompt, text } of texts) expect(printed, `print copy: ${prompt.id}`).toContain(squash(text));
    } finally {
      await recorded.close();
    }
  });
});

describe.each(ids)('form page of %s', (id) => {
  it('gives every element of the form a unique id without white space (HTML requires both; labels rely on them)', async () => {
    const recorded = await newPage(env.browser);
    const { page } = recorded;
    try {
      await openForm(page, env.site.url, id);
      const all = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((el) => el.id));
      expect(all.filter((v) => /\s/.test(v) || v === '')).toEqual([]);
      expect(all.filter((v, i) => all.indexOf(v) !== i)).toEqual([]);
    } finally {
      await recorded.close();
    }
  });
});

describe.each(ids)('blank printable page of %s', (id) => {
  it('passes axe and the page gates', async () => {
    const recorded = await newPage(env.browser);
    const { page } = recorded;
    try {
      await page.goto(new URL(printPath(id), env.site.url).href, { waitUntil: 'networkidle' });
      expect(await checkAxe(page)).toEqual([]);
      expect(checkPageRecords(await recorded.collect(), env.site.origin)).toEqual([]);
    } finally {
      await recorded.close();
    }
  });
});
