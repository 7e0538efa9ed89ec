/**
 * The PDF engine in Node: its pure layout helpers, then real PDFs rendered with the real subset fonts and
 * read back with poppler (pdftotext, pdfinfo) and pdfjs-dist.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfFonts } from '../../src/build/pdf-fonts';
import { pdfWords, t } from '../../src/lib/strings';
import { createRenderer, type RenderPdf } from '../../src/pdf/render';
import { columnWidths, drawable, isoDay, pdfFileName, PLACEHOLDER, splitToFit } from '../../src/pdf/text';
import { worksheetDocument, type WorksheetDocument } from '../../src/worksheets/document';
import { decodeRatings, encodeRatings, schemeFor } from '../../src/facilitate/codes';
import { groupDocument } from '../../src/facilitate/group-document';
import { groupStats } from '../../src/facilitate/stats';
import { longAnswer, NON_ASCII, NOT_IN_FONT, NOT_IN_FONT_DRAWN, richAnswers, TABLE_ROWS } from '../support/pdf-fixtures';
import { allNodes, expectedTexts, firstOutOfOrder, pdfInfo, pdfStructText, pdfStructure, pdfText, squeezed } from '../support/pdf';
import { exampleFiles, loadExample, loadWorksheet } from './worksheet-files';
import { create } from 'fontkit';

const GUIDE = 'Public Systems Field Guide';
const DATE = new Date(2026, 11, 1, 10, 30);

/** The texts a document must show, squeezed, as the embedded font draws them (placeholders included). */
async function expectedDrawn(doc: WorksheetDocument): Promise<string[]> {
  const face = create((await pdfFonts()).regular);
  return expectedTexts(doc).map((s) => drawable(s, (cp) => face.hasGlyphForCodePoint(cp)).text.replace(/\s+/g, ''));
}

describe('PDF layout helpers', () => {
  it('names files by worksheet id and local date', () => {
    expect(pdfFileName('coalition-map', DATE)).toBe('coalition-map-2026-12-01.pdf');
    expect(pdfFileName('workbook', new Date(2027, 0, 9))).toBe('field-guide-workbook-2027-01-09.pdf');
    expect(pdfFileName('../odd id', DATE)).toBe('odd-id-2026-12-01.pdf');
    expect(isoDay(new Date(2026, 2, 5, 23, 59))).toBe('2026-03-05');
  });

  const latinGreekCyrillic = (cp: number) => cp < 0x2200 && !(cp >= 0x0600 && cp < 0x1e00);

  it('keeps every character the font has, composed', () => {
    expect(drawable(NON_ASCII, latinGreekCyrillic)).toEqual({ text: NON_ASCII, missing: false });
    // "Tiếng" typed with combining marks comes out precomposed.
    expect(drawable('Tie\u0302\u0301ng', latinGreekCyrillic).text).toBe('Tiếng');
    expect(drawable('a\tb\u0007c\r\nd', latinGreekCyrillic).text).toBe('a    bc\nd');
  });

  it('draws one placeholder per missing character, an emoji with its modifiers and joiners counting once', () => {
    expect(drawable(NOT_IN_FONT, latinGreekCyrillic)).toEqual({ text: NOT_IN_FONT_DRAWN, missing: true });
    expect(drawable('a👨‍👩‍👧b❤️c', latinGreekCyrillic).text).toBe(`a${PLACEHOLDER}b${PLACEHOLDER}c`);
  });

  it('splits a text at the last word that fits and carries the rest', () => {
    const lines = (s: string) => Math.ceil(s.length / 10) * 12; // 10 characters a line, 12 points a line
    const text = 'aaaa bbbb cccc dddd eeee ffff';
    const [head, rest] = splitToFit(text, 24, lines);
    expect(lines(head)).toBeLessThanOrEqual(24);
    expect(`${head} ${rest}`.replace(/\s+/g, ' ')).toBe(text);
    expect(head).toBe('aaaa bbbb cccc dddd');
    expect(splitToFit(text, 1000, lines)).toEqual([text, '']);
    // One giant word is cut by characters rather than dropped.
    const [h2, r2] = splitToFit('x'.repeat(50), 24, lines);
    expect(h2).toBe('x'.repeat(20));
    expect(r2).toBe('x'.repeat(30));
    expect(splitToFit('word', 5, lines)).toEqual(['', 'word']);
  });

  it('gives long columns more room without crushing short ones', () => {
    const w = columnWidths(
      [
        ['Name', 'Score', 'What they said'],
        ['Ann', '5', 'A long answer that goes on and on about many things at once'],
      ],
      480,
      60,
    );
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(480, 6);
    expect(Math.min(...w)).toBeGreaterThanOrEqual(60 - 1e-9);
    expect(w[2]).toBeGreaterThan(w[0]!);
  });
});

describe('PDF of a worksheet', () => {
  let render: RenderPdf;
  let doc: WorksheetDocument;
  let bytes: Uint8Array;
  beforeAll(async () => {
    render = createRenderer(await pdfFonts());
    doc = worksheetDocument(loadWorksheet('coalition-map'), richAnswers(), {
      earlier: [{ id: 'old-question', text: 'An answer to a question since removed' }],
    });
    bytes = await render({ docs: [doc], workbook: false, date: DATE, guideName: GUIDE });
  }, 120_000);

  it('holds every answer in order, non-Latin scripts included, and the earlier answers', async () => {
    const text = squeezed(pdfText(bytes), GUIDE);
    const expected = await expectedDrawn(doc);
    expect(expected).toContain(NOT_IN_FONT_DRAWN.replace(/\s+/g, ''));
    expect(firstOutOfOrder(text, expected)).toBeUndefined();
    expect(text).toContain(NON_ASCII.replace(/\s+/g, ''));
    expect(pdfText(bytes)).toContain('Saved on 1 December 2026');
  });

  it('flows a 5,000-word answer over several pages, every word kept', () => {
    const pages = Number(pdfInfo(bytes)['Pages']);
    expect(pages).toBeGreaterThanOrEqual(5);
    const pageOf = (word: string) => {
      for (let p = 1; p <= pages; p++) if (new RegExp(`\\b${word}\\b`).test(pdfText(bytes, { first: p, last: p }))) return p;
      return -1;
    };
    const words = longAnswer().split(/\s+/);
    const first = pageOf(words[0]!);
    const last = pageOf(words.at(-1)!);
    expect(first).toBeGreaterThan(0);
    expect(last - first).toBeGreaterThanOrEqual(2);
    // Every word, in order, nothing cut off (line breaks may fall after a word's hyphen).
    expect(squeezed(pdfText(bytes), GUIDE)).toContain(longAnswer().replace(/\s+/g, ''));
    expect(squeezed(pdfText(bytes, { first: first + 1, last: first + 1 }), GUIDE).length).toBeGreaterThan(3000);
  });

  it('repeats the header of a table longer than a page on the next page', () => {
    const pages = Number(pdfInfo(bytes)['Pages']);
    const withRows = Array.from({ length: pages }, (_, i) => pdfText(bytes, { first: i + 1, last: i + 1 })).filter((p) =>
      /Offer \d+/.test(p),
    );
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const page of withRows) {
      expect(page).toContain('What they want');
      expect(page).toContain('The bargain');
      // The header comes before the page's first row.
      expect(page.indexOf('The bargain')).toBeLessThan(page.search(/Offer \d+/));
    }
    expect(pdfText(bytes)).toContain(`Offer ${TABLE_ROWS}`);
  });

  it('is a tagged PDF/UA file in British English with its title shown', async () => {
    const info = pdfInfo(bytes);
    expect(info['Tagged']).toBe('yes');
    expect(info['Title']).toBe('Coalition map: your answers');
    const s = await pdfStructure(bytes);
    expect(s.lang).toBe('en-GB');
    expect(pdfText(bytes)).not.toBe('');
    const struct = pdfStructText(bytes);
    for (const role of [
      'Document',
      'H1',
      'H2',
      'H3',
      'P',
      'L',
      'LI',
      'Lbl',
      'LBody',
      'Table',
      'THead',
      'TBody',
      'TR',
      'TH',
      'TD',
      'Figure',
    ]) {
      expect(struct).toMatch(new RegExp(`^\\s*${role}\\b`, 'm'));
    }
    expect(struct).toContain('/Scope /Column');
  });

  it('tags the map as a figure with alternative text, followed by its values as a table', async () => {
    const s = await pdfStructure(bytes);
    const nodes = s.pages.flatMap(allNodes);
    const figure = nodes.find((n) => n.role === 'Figure');
    expect(figure?.alt).toBe(doc.charts[0]!.summary);
    // The header cells of the value table.
    expect(nodes.filter((n) => n.role === 'TH').length).toBeGreaterThan(6);
  });

  it('shows a placeholder for characters the font lacks and says so once, at the end', () => {
    const text = pdfText(bytes);
    expect(text.replace(/\s+/g, ' ')).toContain(NOT_IN_FONT_DRAWN);
    const note = pdfWords.missingGlyphs(PLACEHOLDER).replace(/\s+/g, '');
    const squeezedText = squeezed(text, GUIDE);
    expect(squeezedText.split(note)).toHaveLength(2);
    expect(squeezedText.endsWith(note)).toBe(true);
  });

  it('draws the same text again in a second PDF from the same renderer', async () => {
    const again = await render({ docs: [doc], workbook: false, date: DATE, guideName: GUIDE });
    expect(pdfText(again)).toBe(pdfText(bytes));
  }, 60_000);

  it('says nothing about missing characters when there are none, and reads "Not answered" for empty prompts', async () => {
    const empty = worksheetDocument(loadWorksheet('coalition-map'), { 'the-change': NON_ASCII });
    const out = await render({ docs: [empty], workbook: false, date: DATE, guideName: GUIDE });
    const text = pdfText(out);
    expect(text).not.toContain(PLACEHOLDER);
    expect(squeezed(text, GUIDE)).not.toContain(pdfWords.missingGlyphs(PLACEHOLDER).replace(/\s+/g, ''));
    expect(text.split(t.notAnswered).length - 1).toBe(empty.progress.total - 1);
    expect(text).toContain('1 of 2');
  }, 60_000);

  it('draws a radar chart as a tagged figure with its values', async () => {
    const ex = loadExample('muscles-check.complete.json');
    const radar = worksheetDocument(loadWorksheet('muscles-check'), ex.answers);
    const out = await render({ docs: [radar], workbook: false, date: DATE, guideName: GUIDE });
    const nodes = (await pdfStructure(out)).pages.flatMap(allNodes);
    expect(nodes.find((n) => n.role === 'Figure')?.alt).toBe(radar.charts[0]!.summary);
    expect(firstOutOfOrder(squeezed(pdfText(out), GUIDE), await expectedDrawn(radar))).toBeUndefined();
  }, 60_000);

  it('draws saved rounds over the radar, names them in the legend and the value table, and prints the change table', async () => {
    const ex = loadExample('muscles-check.complete.json');
    const rounds = [
      {
        id: 'r1',
        name: 'Round of 1 September 2026',
        saved: '2026-09-01T12:00:00.000Z',
        values: { 'trust-today': 1, 'coalitions-today': 2 },
      },
      { id: 'r2', name: 'After the retreat', saved: '2026-10-01T12:00:00.000Z', values: { 'trust-today': 3, 'coalitions-today': 2 } },
    ];
    const doc = worksheetDocument(loadWorksheet('muscles-check'), ex.answers, { rounds });
    const out = await render({ docs: [doc], workbook: false, date: DATE, guideName: GUIDE });
    const text = squeezed(pdfText(out), GUIDE);
    expect(firstOutOfOrder(text, await expectedDrawn(doc))).toBeUndefined();
    // Legend, then the value table's header, then the change table, each naming both rounds.
    expect(
      firstOutOfOrder(text, [
        'Lines',
        'Roundof1September2026',
        'Aftertheretreat(1October2026)',
        ...doc.rounds!.changes.head.slice(1).map((h) => h.replace(/\s+/g, '')),
      ]),
    ).toBeUndefined();
    const nodes = (await pdfStructure(out)).pages.flatMap(allNodes);
    expect(nodes.find((n) => n.role === 'Figure')?.alt).toMatch(/2 saved rounds are drawn/);
    const plain = await render({
      docs: [worksheetDocument(loadWorksheet('muscles-check'), ex.answers)],
      workbook: false,
      date: DATE,
      guideName: GUIDE,
    });
    const tables = async (b: Uint8Array) => (await pdfStructure(b)).pages.flatMap(allNodes).filter((n) => n.role === 'Table').length;
    expect(await tables(out), 'one more table: what changed').toBe((await tables(plain)) + 1);
  }, 60_000);
});

describe('PDF of the group picture', () => {
  it('draws the document with its own title and status line, the radar with its band as a figure, and the table', async () => {
    const render = createRenderer(await pdfFonts());
    const scheme = schemeFor('muscles-check')!;
    const code = (today: number, needed: number, r: number) =>
      decodeRatings(
        encodeRatings(scheme, Object.fromEntries(scheme.prompts.flatMap((ids, s) => ids.map((id) => [id, s ? needed : today]))), () => r),
      );
    const stats = groupStats(scheme, [code(1, 4, 0.1), code(3, 5, 0.2)]);
    const labels = ['Trust', 'Purpose', 'People', 'Coalitions', 'Reflection', 'Method', 'Resourcing'];
    const doc = groupDocument(stats, labels, 'Seven muscles check', 'muscle');
    const bytes = await render({ docs: [doc], workbook: false, date: DATE, guideName: GUIDE });
    expect(pdfInfo(bytes)['Title']).toBe('The group picture: Seven muscles check');
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    expect(text).toContain('Saved on 1 December 2026 · 2 people');
    expect(text).toContain('Range: today');
    expect(text).toContain('Trust 2 1 to 3 1 gave 1, 1 gave 3 4.5 4 to 5 1 gave 4, 1 gave 5');
    expect(text).not.toContain(t.notAnswered);
    const s = await pdfStructure(bytes);
    const figure = s.pages.flatMap(allNodes).find((n) => n.role === 'Figure');
    expect(figure?.alt).toBe(doc.charts[0]!.summary);
  });
});

describe('PDF of the whole workbook', () => {
  let docs: WorksheetDocument[];
  let bytes: Uint8Array;
  beforeAll(async () => {
    const render = createRenderer(await pdfFonts());
    docs = exampleFiles()
      .filter((f) => f.endsWith('.complete.json'))
      .map(loadExample)
      .map((e) => worksheetDocument(loadWorksheet(e.worksheet), e.answers));
    bytes = await render({ docs, workbook: true, date: DATE, guideName: GUIDE });
  }, 120_000);

  it('has a cover, then contents whose page numbers lead to each worksheet, each on a new page', () => {
    expect(docs.length).toBeGreaterThanOrEqual(12);
    const cover = pdfText(bytes, { first: 1, last: 1 });
    expect(cover).toContain(pdfWords.workbookTitle);
    expect(cover).toContain(pdfWords.worksheetCount(docs.length));
    const contents = pdfText(bytes, { first: 2, last: 2 }).replace(/\s+/g, ' ');
    expect(contents).toContain(pdfWords.contents);
    let previous = 2;
    for (const d of docs) {
      const m = new RegExp(`${d.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)`).exec(contents);
      expect(m, d.title).not.toBeNull();
      const page = Number(m![1]);
      expect(page).toBeGreaterThan(previous);
      previous = page;
      // That page begins with the worksheet's title.
      expect(pdfText(bytes, { first: page, last: page }).trimStart().startsWith(d.title)).toBe(true);
    }
  });

  it('has bookmarks for the cover, the contents, every worksheet and its sections', async () => {
    const s = await pdfStructure(bytes);
    expect(s.outline.slice(0, 2)).toEqual([pdfWords.workbookTitle, pdfWords.contents]);
    const titles = docs.map((d) => d.title);
    expect(s.outline.filter((o) => titles.includes(o))).toEqual(titles);
    expect(s.outline).toContain(docs[0]!.sections[0]!.title);
    expect(pdfInfo(bytes)['Tagged']).toBe('yes');
    expect(pdfStructText(bytes)).toMatch(/^\s*TOC\b/m);
  });
});
