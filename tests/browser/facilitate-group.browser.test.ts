/**
 * The group picture and "Share my ratings", in Chromium against the real build: a code made on the
 * muscles check carries exactly its ratings; the group view counts people, takes the median and the
 * range, refuses a mistyped or repeated code with a message, reads dropped or chosen files, stores
 * nothing, and downloads the picture as a tagged PDF (read with poppler and pdfjs-dist) with no PDF code
 * on the page before the click. And the facilitator view toggle on worksheet pages remembers its choice.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { siteDir } from '../support/site.ts';
import { newPage } from '../support/browser.ts';
import { useSiteAndBrowser } from '../support/session.ts';
import { allNodes, pdfInfo, pdfStructure, pdfText } from '../support/pdf.ts';
import { isoDay } from '../../src/pdf/text.ts';
import { checkPageRecords } from '../gates/gates.ts';
import { decodeRatings, encodeRatings, ratingsFile, schemeFor } from '../../src/facilitate/codes.ts';
import { openForm, optionInput, waitSaved } from './helpers-worksheets.ts';
import { checkAxe } from '../gates/gates.ts';

const env = useSiteAndBrowser(siteDir());
const muscles = schemeFor('muscles-check')!;
const gaps = schemeFor('gaps-scan')!;

const codeFor = (scheme: typeof muscles, values: number[][], r: number) => {
  const answers: Record<string, number> = {};
  scheme.prompts.forEach((ids, s) => ids.forEach((id, a) => (answers[id] = values[s]![a]!)));
  return encodeRatings(scheme, answers, () => r);
};

/** Four people's muscles check ratings (today, then where it needs to be), as the group tests paste them. */
const PEOPLE: number[][][] = [
  [
    [1, 2, 3, 4, 5, 1, 2],
    [5, 5, 5, 5, 5, 5, 5],
  ],
  [
    [3, 2, 3, 4, 5, 5, 2],
    [4, 4, 4, 4, 4, 4, 4],
  ],
  [
    [5, 2, 4, 4, 1, 5, 2],
    [3, 3, 3, 3, 3, 3, 3],
  ],
  [
    [2, 2, 3, 1, 1, 5, 2],
    [5, 5, 5, 5, 5, 5, 5],
  ],
];

/** Each person's share code, each made with its own random draw (0.1, 0.2 ...). */
const codesOf = (people: number[][][]) => people.map((values, i) => codeFor(muscles, values, (i + 1) / 10));

async function openGroup(page: Page): Promise<void> {
  await page.goto(new URL('facilitate/group/', env.site.url).href);
  await page.locator('.fac-group[data-ready="true"]').waitFor({ state: 'attached' });
}

async function paste(page: Page, text: string): Promise<void> {
  await page.getByLabel('Paste ratings codes').fill(text);
  await page.locator('[data-add-codes]').click();
}

const cell = (page: Page, axis: number, series = 0) => page.locator(`[data-group-table] td[data-axis="${axis}"][data-series="${series}"]`);

describe('Share my ratings', () => {
  it('gives a code holding exactly the ratings given on the muscles check, and no text', async () => {
    await env.withPage({}, async (page) => {
      await openForm(page, env.site.url, 'muscles-check');
      const today = [3, 4, 2, 5, 1, 3, 4];
      const needed = [4, 5, 4, 5, 3, 4, 5];
      for (const [a, id] of muscles.prompts[0]!.entries()) await optionInput(page, id, today[a]!).check();
      for (const [a, id] of muscles.prompts[1]!.entries()) if (a !== 6) await optionInput(page, id, needed[a]!).check();
      await page.locator('[id="muscles-check-trust-evidence"]').fill('A private note that must not travel');
      await waitSaved(page);
      await page.locator('[data-share-open]').click();
      const code = (await page.locator('[data-share-code]').textContent()) ?? '';
      expect(code).toMatch(/^M1-3425134-4545340-[0-9A-Z]{4}$/);
      expect(decodeRatings(code).ratings).toEqual([today, [...needed.slice(0, 6), null]]);

      // The code follows a changed rating.
      await optionInput(page, muscles.prompts[1]![6]!, 5).check();
      await expect
        .poll(async () => decodeRatings((await page.locator('[data-share-code]').textContent()) ?? '').ratings[1])
        .toEqual(needed);

      const download = page.waitForEvent('download');
      await page.locator('[data-share-download]').click();
      const file = await download;
      const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
      expect(JSON.parse(text)).toEqual({ format: 'psfg-ratings', version: 1, code: await page.locator('[data-share-code]').textContent() });
      expect(text).not.toContain('private');
      expect(await checkAxe(page), 'the shared code passes axe').toEqual([]);
    });
  });

  it('asks for a rating first when there is none', async () => {
    await env.withPage({}, async (page) => {
      await openForm(page, env.site.url, 'gaps-scan');
      await page.locator('[data-share-open]').click();
      expect(await page.locator('[data-share-empty]').textContent()).toBe('Rate at least one item first, then share.');
    });
  });

  it('is only on the muscles check and the gaps scan', async () => {
    await env.withPage({}, async (page) => {
      await openForm(page, env.site.url, 'coalition-map');
      expect(await page.locator('[data-share]').count()).toBe(0);
    });
  });
});

describe('the group picture', () => {
  it('counts people and gives the median, range and spread for each muscle', async () => {
    await env.withPage({}, async (page) => {
      await openGroup(page);
      const codes = codesOf(PEOPLE);
      await paste(page, `${codes[0]}\n${codes[1]!.toLowerCase()}, ${codes[2]}\n\n${codes[3]!.replace(/-/g, ' ')}`);
      expect(await page.locator('[data-people]').textContent()).toBe('4 people');
      expect(await cell(page, 0).locator('[data-median]').textContent()).toBe('Median 2.5');
      expect(await cell(page, 0).locator('[data-range]').textContent()).toBe('Range 1 to 5');
      expect(await cell(page, 1).locator('[data-range]').textContent()).toBe('Range 2 to 2');
      expect(await cell(page, 4).textContent()).toContain('2 gave 1, 2 gave 5');
      expect(await cell(page, 0, 1).locator('[data-median]').textContent()).toBe('Median 4.5');
      expect(await page.locator('svg.group-radar path.median').count()).toBe(2);
      expect(await page.locator('svg.group-radar path.range').count()).toBe(1);
      expect(await checkAxe(page), 'the group picture passes axe').toEqual([]);
      expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('psfg:')))).toEqual([]);
    });
  });

  it('refuses a mistyped, a repeated and a foreign code, each with a clear message', async () => {
    await env.withPage({}, async (page) => {
      await openGroup(page);
      const good = codeFor(gaps, [[1, 2, 3, 4, 5, 1, 2]], 0.5);
      const typo = good.replace(/^(G1-\d)(\d)/, (_, a, b) => `${a}${b === '5' ? '4' : '5'}`);
      await paste(page, `${good}\n${typo}\n${good}`);
      const problems = await page.locator('[data-problems] li').allTextContents();
      expect(problems).toHaveLength(2);
      expect(problems[0]).toContain('does not check out: a character was probably mistyped');
      expect(problems[1]).toBe(`“${good}” is already in the list, so it was not added again.`);
      await paste(
        page,
        codeFor(
          muscles,
          [
            [1, 1, 1, 1, 1, 1, 1],
            [2, 2, 2, 2, 2, 2, 2],
          ],
          0.5,
        ),
      );
      expect(await page.locator('[data-problems] li').first().textContent()).toContain(
        'is from the Seven muscles check; this picture holds Seven gaps scan codes',
      );
      expect(await page.locator('[data-people]').textContent()).toBe('1 person');
    });
  });

  it('reads several ratings files at once, and saves the codes as a file only when asked', async () => {
    await env.withPage({}, async (page) => {
      await openGroup(page);
      const a = codeFor(gaps, [[1, 1, 1, 1, 1, 1, 1]], 0.1);
      const b = codeFor(gaps, [[5, 5, 5, 5, 5, 5, 5]], 0.2);
      await page.locator('[data-files]').setInputFiles([
        { name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(ratingsFile(a)) },
        { name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(ratingsFile(b)) },
        { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('') },
      ]);
      await expect.poll(() => page.locator('[data-people]').textContent()).toBe('2 people');
      expect(await page.locator('[data-problems] li').allTextContents()).toEqual(['The file “notes.txt” holds no ratings code.']);
      expect(await cell(page, 3).locator('[data-median]').textContent()).toBe('Median 3');

      const download = page.waitForEvent('download');
      await page.locator('[data-save-codes]').click();
      const text = await (await (await download).createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
      expect((JSON.parse(text) as { code: string }[]).map((x) => x.code)).toEqual([a, b]);

      // Dropping the saved file on a fresh page brings the same picture back.
      await page.reload();
      await page.locator('.fac-group[data-ready="true"]').waitFor({ state: 'attached' });
      expect(await page.locator('[data-people]').count()).toBe(0);
      const drop = await page.evaluateHandle((body) => {
        const dt = new DataTransfer();
        dt.items.add(new File([body], 'group.json', { type: 'application/json' }));
        return dt;
      }, text);
      await page.locator('[data-drop]').dispatchEvent('drop', { dataTransfer: drop });
      await expect.poll(() => page.locator('[data-people]').textContent()).toBe('2 people');
    });
  });
});

describe('the group picture as a PDF', () => {
  it('downloads a tagged PDF with the date, the number of people, the radar as a figure and every median, range and spread', async () => {
    const recorded = await newPage(env.browser);
    const { page } = recorded;
    try {
      await openGroup(page);
      // The third person rates the last muscle 3 here: the ranges then differ from muscle to muscle.
      const codes = codesOf([PEOPLE[0]!, PEOPLE[1]!, [[5, 2, 4, 4, 1, 5, 3], PEOPLE[2]![1]!]]);
      await paste(page, codes.join('\n'));
      expect(await page.locator('[data-people]').textContent()).toBe('3 people');
      const pdfScripts = () => recorded.records.requests.filter((u) => /\/_client\/pdf\.js$/.test(u));
      expect(pdfScripts(), 'no PDF code before the click').toEqual([]);
      expect(await page.locator('script[data-psfg-pdf]').count()).toBe(0);
      expect(await page.evaluate(() => 'pdfkit' in window || '__psfgPdf' in window)).toBe(false);

      const button = page.getByRole('button', { name: 'Download the picture as a PDF' });
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
      expect(download.suggestedFilename()).toBe(`group-picture-${isoDay(new Date())}.pdf`);
      const bytes = new Uint8Array(readFileSync(await download.path()));
      await page.locator('[data-pdf-state="done"]').waitFor();
      expect(pdfScripts()).toHaveLength(1);

      const info = pdfInfo(bytes);
      expect(info['Tagged']).toBe('yes');
      expect(info['Title']).toBe('The group picture: Seven muscles check');
      const text = pdfText(bytes).replace(/\s+/g, ' ');
      expect(text).toContain('The group picture: Seven muscles check');
      expect(text).toMatch(/Saved on \d{1,2} [A-Z][a-z]+ \d{4} · 3 people/);
      expect(text).toContain('Median: today');
      expect(text).toContain('Range: today');
      // Per muscle, in the page's order: the median, range and spread of "today", then of "where it needs to be".
      const rows = (await page.locator('[data-group-table] tbody th').allTextContents()).map((l) => l.trim());
      expect(rows).toHaveLength(7);
      expect(text).toContain(`${rows[0]} 3 1 to 5 1 gave 1, 1 gave 3, 1 gave 5 4 3 to 5 1 gave 3, 1 gave 4, 1 gave 5`);
      expect(text).toContain(`${rows[1]} 2 2 to 2 3 gave 2 4 3 to 5`);
      // The last muscle today: 2, 2 and 3 give a median of 2.
      expect(text).toContain(`${rows[6]} 2 2 to 3 2 gave 2, 1 gave 3 4 3 to 5`);

      const s = await pdfStructure(bytes);
      const nodes = s.pages.flatMap(allNodes);
      for (const role of ['H1', 'P', 'Figure', 'Table', 'TH', 'TD'])
        expect(
          nodes.some((n) => n.role === role),
          role,
        ).toBe(true);
      const figure = nodes.find((n) => n.role === 'Figure');
      expect(figure?.alt).toMatch(/^A radar chart of the ratings of 3 people, with one spoke for each of 7 muscles/);
      expect(figure?.alt).toContain('a shaded band for the range of “today”');
      // No codes (nor anything else that could name a person) in the file.
      for (const code of codes) expect(text).not.toContain(code);
      expect(checkPageRecords(await recorded.collect(), env.site.origin)).toEqual([]);
    } finally {
      await recorded.close();
    }
  });
});

describe('the facilitator view on worksheet pages', () => {
  it('switches between the self-guided and the facilitator view and remembers the choice', async () => {
    await env.withPage({}, async (page) => {
      await openForm(page, env.site.url, 'three-horizons');
      const facilitator = page.locator('[data-facilitator-view]');
      const self = page.locator('[data-self-guided]').first();
      await page.locator('button[data-view="self"]').waitFor();
      expect(await facilitator.isVisible()).toBe(false);
      expect(await self.isVisible()).toBe(true);
      await page.locator('button[data-view="facilitator"]').click();
      expect(await page.locator('button[data-view="facilitator"]').getAttribute('aria-pressed')).toBe('true');
      expect(await facilitator.isVisible()).toBe(true);
      expect(await self.isVisible()).toBe(false);
      const text = (await facilitator.textContent()) ?? '';
      expect(text).toContain('In the session');
      expect(text).toContain('How people are arranged');
      expect(text).toContain('Remote variant');
      expect(await checkAxe(page), 'the facilitator view passes axe').toEqual([]);

      await openForm(page, env.site.url, 'power-with');
      await page.locator('button[data-view="facilitator"][aria-pressed="true"]').waitFor();
      expect(await page.locator('[data-facilitator-view]').isVisible()).toBe(true);
    });
  });

  it('shows a remembered facilitator view again after a reload, without a click', async () => {
    await env.withPage({}, async (page) => {
      await openForm(page, env.site.url, 'three-horizons');
      await page.locator('button[data-view="facilitator"]').click();
      await page.reload();
      await page.locator('[data-ready="true"]').waitFor({ state: 'attached' });
      expect(await page.locator('button[data-view="facilitator"]').getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('button[data-view="self"]').getAttribute('aria-pressed')).toBe('false');
      expect(await page.locator('[data-facilitator-view]').isVisible()).toBe(true);
      expect(await page.locator('[data-facilitator-view]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await page.locator('[data-self-guided]').first().isVisible()).toBe(false);
      // Back to self-guided, and that is remembered too.
      await page.locator('button[data-view="self"]').click();
      await page.reload();
      await page.locator('[data-ready="true"]').waitFor({ state: 'attached' });
      expect(await page.locator('[data-self-guided]').first().isVisible()).toBe(true);
      expect(await page.locator('[data-facilitator-view]').isVisible()).toBe(false);
    });
  });

  it('loads the code of "Share my ratings" only on its first click', async () => {
    await env.withPage({}, async (page) => {
      const asked: string[] = [];
      page.on('request', (r) => asked.push(new URL(r.url()).pathname));
      await openForm(page, env.site.url, 'muscles-check');
      await page.waitForLoadState('networkidle');
      expect(asked.filter((p) => p.endsWith('/_client/facilitator.js'))).toEqual([]);
      expect(await page.locator('[data-share-open]').isVisible()).toBe(true);
      await page.locator('[data-share-open]').click();
      await page.locator('[data-share-empty]').waitFor();
      expect(asked.filter((p) => p.endsWith('/_client/facilitator.js'))).toHaveLength(1);
    });
  });

  it('shows both views without JavaScript, the facilitator view folded', async () => {
    await env.withPage({ javaScriptEnabled: false }, async (page) => {
      await page.goto(new URL('worksheets/three-horizons/', env.site.url).href);
      expect(await page.locator('[data-facilitator-view]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(await page.locator('[data-self-guided]').first().isVisible()).toBe(true);
      expect(await page.locator('[data-view-toggle-island]').isVisible()).toBe(false);
    });
  });
});
