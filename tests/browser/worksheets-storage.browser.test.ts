/**
 * Worksheets when storage misbehaves: blocked, full, or holding data that cannot be read. In each
 * case the page says so, typing still works, and nothing stored earlier is lost.
 *
 * Runs against the real build (dist/, or SITE_DIR): `npx astro build && npx pagefind --site dist`.
 */
import { expect, it } from 'vitest';
import { newPage } from '../support/browser.ts';
import { siteDir } from '../support/site.ts';
import { useSiteAndBrowser } from '../support/session.ts';
import { checkPageRecords } from '../gates/gates.ts';
import {
  KEYS,
  byId,
  fieldId,
  fillStorage,
  keysWithPrefix,
  openForm,
  readRaw,
  seedRaw,
  seedRecord,
  t,
  waitSaved,
} from './helpers-worksheets.ts';

const dir = siteDir();
const env = useSiteAndBrowser(dir);

const id = 'coalition-map';
const warning = (kind: string) => `.ws-form[data-ready="true"] [data-warning="${kind}"]`;

it('works in memory and says answers will not be kept when reading localStorage throws a SecurityError', async () => {
  const recorded = await newPage(env.browser);
  const { page, context } = recorded;
  try {
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    });
    await openForm(page, env.site.url, id);
    const notice = page.locator(warning('unavailable'));
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toBe(t.unavailable);
    expect(await notice.getAttribute('role')).toBe('alert');

    const field = page.locator(byId(fieldId(id, 'the-change')));
    await field.pressSequentially('Typed with storage blocked');
    await page.waitForTimeout(600);
    expect(await field.inputValue()).toBe('Typed with storage blocked');
    expect(await page.getAttribute('[data-save-state]', 'data-save-state')).toBe('memory');
    expect(await page.locator('[data-warning]').count(), 'one warning, no other').toBe(1);
    const records = await recorded.collect();
    expect(records.pageErrors).toEqual([]);
    expect(checkPageRecords(records, env.site.origin)).toEqual([]);
  } finally {
    await recorded.close();
  }
});

it('says the storage is full, keeps the text on the page and leaves the earlier record untouched when the quota is reached', async () => {
  const recorded = await newPage(env.browser);
  const { page } = recorded;
  try {
    const earlier = await seedRecord(page, env.site.url, id, { 'the-change': 'Saved before the storage filled up' });
    // Fill the origin's storage until not even one more character fits.
    const junkKeys = await fillStorage(page);
    expect(junkKeys).toBeGreaterThan(0);
    expect(
      await page.evaluate(() => {
        try {
          window.localStorage.setItem('one-more', 'y');
          return 'stored';
        } catch (e) {
          return (e as DOMException).name;
        }
      }),
      'storage is full',
    ).toBe('QuotaExceededError');

    await openForm(page, env.site.url, id);
    expect(await page.inputValue(byId(fieldId(id, 'the-change'))), 'the earlier record loads').toBe('Saved before the storage filled up');
    const field = page.locator(byId(fieldId(id, 'shared-goal')));
    const text = 'A goal typed when there is no room left';
    await field.pressSequentially(text);

    const notice = page.locator(warning('quota'));
    await notice.waitFor({ state: 'visible', timeout: 5_000 });
    expect(await notice.textContent()).toBe(t.quota);
    expect(await page.getAttribute('[data-save-state]', 'data-save-state')).toBe('quota');
    expect(await field.inputValue()).toBe(text);
    expect(await readRaw(page, KEYS.worksheet(id)), 'the earlier record is byte for byte what it was').toBe(earlier);
    expect(checkPageRecords(await recorded.collect(), env.site.origin)).toEqual([]);
  } finally {
    await recorded.close();
  }
});

it('keeps unreadable stored data aside under a quarantine key, byte for byte, says where, and does not overwrite it on load', async () => {
  const recorded = await newPage(env.browser);
  const { page } = recorded;
  try {
    const key = KEYS.worksheet(id);
    // Truncated JSON, with characters that any re-encoding would change.
    const corrupt =
      '{"format":"psfg-worksheet","version":1,"worksheet":"coalition-map","answers":{"the-change":"half-writ ünï\u2028 \\u00e9 </script> \u{1F600}';
    await seedRaw(page, env.site.url, { [key]: corrupt });
    const prefix = 'psfg:quarantine:';
    expect(await keysWithPrefix(page, prefix)).toEqual([]);

    await openForm(page, env.site.url, id);
    const notice = page.locator(warning('quarantined'));
    await notice.waitFor({ state: 'visible' });
    const quarantined = await keysWithPrefix(page, prefix);
    expect(quarantined).toHaveLength(1);
    const qKey = quarantined[0]!;
    expect(qKey.startsWith(`${prefix}${id}:`)).toBe(true);
    expect(await notice.textContent()).toBe(t.quarantined(qKey));
    expect(await readRaw(page, qKey), 'the quarantine copy is byte for byte the stored text').toBe(corrupt);
    expect(await readRaw(page, key), 'loading does not overwrite the worksheet key').toBe(corrupt);
    expect(await page.inputValue(byId(fieldId(id, 'the-change'))), 'the form starts empty').toBe('');

    // Typing afterwards saves a fresh record; the quarantined copy stays.
    await page.fill(byId(fieldId(id, 'the-change')), 'A fresh start');
    await waitSaved(page);
    expect(await readRaw(page, qKey)).toBe(corrupt);
    expect(JSON.parse((await readRaw(page, key))!)).toMatchObject({ format: 'psfg-worksheet', answers: { 'the-change': 'A fresh start' } });
    expect(checkPageRecords(await recorded.collect(), env.site.origin)).toEqual([]);
  } finally {
    await recorded.close();
  }
});
