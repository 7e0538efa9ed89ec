/**
 * The print packs of the session plans, printed through Chromium's PDF output on A4 and US Letter and
 * read back with poppler (pdftotext): the plan first, then every blank worksheet as many times as the
 * plan lists it, each starting on a new page and taking as many pages as the worksheet's own printable
 * page; page numbers on every page; no empty page; no text outside the page box; nothing wider than
 * the printable area.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { root, siteDir } from '../support/site.ts';
import { useSiteAndBrowser } from '../support/session.ts';
import { overflowing, printableWidth } from '../support/print.ts';

const env = useSiteAndBrowser(siteDir());
const tmp = mkdtempSync(join(tmpdir(), 'psfg-packs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Plan {
  slug: string;
  title: string;
  worksheets: { id: string; copies: number }[];
}
const sessionsDir = join(root, 'content', 'facilitate', 'sessions');
const plans: Plan[] = readdirSync(sessionsDir)
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((f) => {
    const fm = parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(sessionsDir, f), 'utf8'))![1]!) as Plan;
    return { slug: f.replace(/\.mdx$/, ''), title: fm.title, worksheets: fm.worksheets };
  });
const titleOf = (id: string): string => (parse(readFileSync(join(root, 'worksheets', `${id}.yaml`), 'utf8')) as { title: string }).title;

const PAPERS = [
  { paper: 'A4', format: 'A4', widthMm: 210 },
  { paper: 'Letter', format: 'Letter', widthMm: 215.9 },
] as const;

async function printPdf(page: Page, path: string, format: string): Promise<string> {
  await page.goto(new URL(path, env.site.url).href, { waitUntil: 'networkidle' });
  const file = join(tmp, `${path.replace(/\W+/g, '_')}${format}.pdf`);
  writeFileSync(file, await page.pdf({ format, preferCSSPageSize: true }));
  return file;
}

/** The text of each page, in reading order. */
function pageTexts(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** Words whose box leaves the page, as "page n: word". */
function wordsOutside(file: string): string[] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out: string[] = [];
  let n = 0;
  for (const pageMatch of xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    n++;
    const [w, h] = [Number(pageMatch[1]), Number(pageMatch[2])];
    for (const m of pageMatch[3]!.matchAll(/<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/g)) {
      const [x0, y0, x1, y1] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
      if (x0 < 0 || y0 < 0 || x1 > w || y1 > h) out.push(`page ${n}: ${m[5]}`);
    }
  }
  return out;
}

const lines = (page: string): string[] =>
  page
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const BRAND = 'PUBLIC SYSTEMS FIELD GUIDE · WORKSHEET';

it('has a print pack for each of the six plans', () => {
  expect(plans.map((p) => p.slug)).toHaveLength(6);
});

describe.each(PAPERS)('on $paper paper', ({ format, widthMm }) => {
  const standalone = new Map<string, number>();

  it.each(plans.map((p) => [p.slug, p] as const))(
    'the pack of %s prints the plan, then each worksheet copy from a new page',
    async (_slug, plan) => {
      await env.withPage({}, async (page) => {
        for (const w of plan.worksheets) {
          if (!standalone.has(w.id)) standalone.set(w.id, pageTexts(await printPdf(page, `worksheets/${w.id}/print/`, format)).length);
        }
        const file = await printPdf(page, `facilitate/sessions/${plan.slug}/pack/`, format);
        const pages = pageTexts(file);

        // The plan comes first.
        expect(lines(pages[0]!)[0]).toBe('PUBLIC SYSTEMS FIELD GUIDE · SESSION PLAN');
        expect(squash(pages[0]!)).toContain(plan.title);
        const front = pages.findIndex((p) => lines(p)[0]?.startsWith(BRAND));
        expect(front, 'pages of the plan before the first worksheet').toBeGreaterThanOrEqual(2);

        // Then each copy, each from a new page, in the order the plan lists them.
        const expected: { id: string; copy: number; of: number }[] = [];
        for (const w of plan.worksheets) {
          for (let c = 1; c <= w.copies; c++) {
            expected.push({ id: w.id, copy: c, of: w.copies });
          }
        }
        const starts = pages.flatMap((p, i) => (lines(p)[0]?.startsWith(BRAND) ? [i] : []));
        expect(starts.length, 'one start page per worksheet copy').toBe(expected.length);
        expect(starts[0]).toBe(front);
        expected.forEach((e, i) => {
          const at = starts[i]!;
          const head = lines(pages[at]!);
          expect(head[0], `page ${at + 1}`).toBe(e.of > 1 ? `${BRAND} · COPY ${e.copy} OF ${e.of}` : BRAND);
          expect(squash(head.slice(1, 4).join(' ')), `page ${at + 1}`).toContain(titleOf(e.id));
          // A copy takes about as many pages as the worksheet's own printable page (headings one level down in a pack).
          const length = (starts[i + 1] ?? pages.length) - at;
          expect(Math.abs(length - standalone.get(e.id)!), `copy ${e.copy} of ${e.id}: ${length} pages`).toBeLessThanOrEqual(1);
        });

        // Every page is numbered and none is empty, the last one included.
        pages.forEach((p, i) => {
          const text = lines(p);
          expect(text.at(-1), `page ${i + 1}`).toBe(`Page ${i + 1} of ${pages.length}`);
          expect(text.length, `page ${i + 1} has only its number`).toBeGreaterThan(1);
        });

        expect(wordsOutside(file)).toEqual([]);
      });
    },
  );

  it.each(plans.map((p) => [p.slug]))('the pack of %s is no wider than the printable area', async (slug) => {
    const width = printableWidth(widthMm);
    await env.withPage({ viewport: { width, height: 1000 } }, async (page) => {
      await page.emulateMedia({ media: 'print' });
      await page.goto(new URL(`facilitate/sessions/${slug}/pack/`, env.site.url).href, { waitUntil: 'networkidle' });
      const overflow = await overflowing(page);
      expect(overflow).toEqual([]);
    });
  });
});
