/**
 * The muscle cards print through Chromium to exactly seven pages on A4 and on US Letter, one card on
 * each: every word of card N is on page N, in order, and no word of the PDF lies outside its page
 * (or inside the page margins, where printers cut off).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MUSCLES } from '../../src/data/frameworks';
import { siteDir } from '../support/site.ts';
import { useSiteAndBrowser } from '../support/session.ts';

const env = useSiteAndBrowser(siteDir());
const tmp = mkdtempSync(join(tmpdir(), 'muscle-cards-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** 1 mm in PDF points. */
const MM = 72 / 25.4;
/**
 * The words of a text, for comparing the page with the PDF: lower case, without punctuation, and
 * without bare numbers (list markers are in the PDF but not in the page's text).
 */
const words = (text: string): string[] => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !/^\d+$/.test(w));
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string): string => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e] ?? '');

interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Page count and size from pdfinfo, and every word with its box from `pdftotext -bbox`. */
function readPdf(file: string): { pages: number; width: number; height: number; words: PdfWord[]; pageText: (n: number) => string } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const out: PdfWord[] = [];
  html.split('<page ').forEach((chunk, i) => {
    if (i === 0) return;
    for (const m of chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g))
      out.push({ page: i, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: decode(m[5] ?? '') });
  });
  const pageText = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-'], { encoding: 'utf8' });
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]), words: out, pageText };
}

const PAPERS = [
  { paper: 'A4', format: 'A4', width: 595.28, height: 841.89 },
  { paper: 'US Letter', format: 'Letter', width: 612, height: 792 },
] as const;

describe.each(PAPERS)('printed on $paper', ({ paper, format, width, height }) => {
  let pdf: ReturnType<typeof readPdf>;
  let cardWords: string[][] = [];

  it('gives exactly seven pages of the right size', async () => {
    await env.withPage({}, async (page) => {
      await page.goto(new URL('/muscles/cards/', env.site.url).href, { waitUntil: 'networkidle' });
      await page.emulateMedia({ media: 'print' });
      const cardTexts = await page.$$eval('.muscle-card', (cards) => cards.map((c) => (c as HTMLElement).innerText));
      cardWords = cardTexts.map(words);
      const file = join(tmp, `${format}.pdf`);
      writeFileSync(file, await page.pdf({ format, printBackground: true }));
      pdf = readPdf(file);
    });
    expect(cardWords.length).toBe(MUSCLES.length);
    expect(pdf.pages, `${paper} pages`).toBe(7);
    expect(Math.abs(pdf.width - width), 'page width in points').toBeLessThan(2);
    expect(Math.abs(pdf.height - height), 'page height in points').toBeLessThan(2);
  });

  it('puts every word of card N on page N, in order, and nothing else', () => {
    MUSCLES.forEach((m, i) => {
      const onPage = words(
        pdf.words
          .filter((w) => w.page === i + 1)
          .map((w) => w.text)
          .join(' '),
      );
      expect(onPage.join(' '), `page ${i + 1} (${m.id})`).toBe(cardWords[i]!.join(' '));
      expect(pdf.pageText(i + 1)).toContain(m.title);
    });
  });

  it('prints no word outside the page box or within 10 mm of its edge', () => {
    const outside = pdf.words.filter(
      (w) => w.xMin < 10 * MM || w.yMin < 10 * MM || w.xMax > pdf.width - 10 * MM || w.yMax > pdf.height - 10 * MM,
    );
    expect(outside.map((w) => `page ${w.page}: "${w.text}" at ${w.xMin.toFixed(0)},${w.yMin.toFixed(0)}`)).toEqual([]);
    expect(pdf.words.length).toBeGreaterThan(7 * 100);
  });
});
