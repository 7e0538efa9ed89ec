/**
 * The PDF renderer: worksheet documents (the document model, src/worksheets/document.ts; the group picture
 * is one too, src/facilitate/group-document.ts) in, a tagged, accessible PDF out. It draws with pdfkit and
 * tags as it draws, so the structure tree follows the reading order exactly:
 *
 *   Document
 *     Sect (cover) · TOC / TOCI / Link         the workbook only
 *     Sect per worksheet
 *       H1 title (H2 in the workbook) · P purpose · P date and progress
 *       Sect per section: H2 · P intro · per prompt: H3 label, then its answer:
 *         P (text, scale, choice, "Not answered") · L / LI / Lbl + LBody (lists)
 *         Table / THead / TBody / TR / TH + TD (tables: the header repeats on every page as an artifact)
 *       Figure with Alt (radar, map; a radar's optional band is shaded under its lines) followed by its values as a Table
 *       Sect earlier answers
 *     P note on characters the font could not draw (once, at the end)
 *
 * Borders, backgrounds and the footer ("2 of 5", the guide's name) are artifacts, outside the tree.
 * Renderers switch on `display.type`, never on prompt kinds. Nothing here touches the DOM: the same
 * function runs in Node (the tests) and in the browser (the pdf bundle).
 */
import PDFDocument from 'pdfkit';
import { create } from 'fontkit';
import type { DocChart, DocMap, DocRadar, DocTable, WorksheetDocument } from '../worksheets/document';
import type { Display } from '../worksheets/kinds';
import { scaleText } from '../worksheets/kinds';
import { pdfWords, rounds as roundWords, t } from '../lib/strings';
import { columnWidths, drawable, PLACEHOLDER, splitToFit } from './text';
import { longDate } from '../lib/strings';

export interface PdfInput {
  docs: WorksheetDocument[];
  /** True for the whole workbook: a cover, contents and each worksheet on a new page. */
  workbook: boolean;
  date: Date;
  guideName: string;
  version?: string | undefined;
}

export interface PdfFontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
}

export type RenderPdf = (input: PdfInput) => Promise<Uint8Array>;

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };
const BODY_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#8a949e';
const HEAD_FILL = '#e8edf3';
const SERIES = ['#1f5fae', '#b8430b', '#207a3c', '#7a3e9d'];
/** Saved rounds: each its own colour and dash, as on screen (worksheet.css). */
const ROUND_STYLE: { colour: string; dash: number[] }[] = [
  { colour: '#6b4fa0', dash: [9, 3] },
  { colour: '#7f5a00', dash: [2, 2.5] },
  { colour: '#a3245c', dash: [8, 3, 2, 3] },
  { colour: '#1f6d8c', dash: [13, 3, 3, 3, 3, 3] },
  { colour: '#4a5550', dash: [4, 5] },
];
const SIZE = { h1: 20, h2: 15, h3: 11, body: 10.5, small: 9, table: 9, hint: 7.5, footer: 8 };

/** A dash pattern of several lengths: pdfkit takes an array, though its types name only one length. */
function dashPattern(doc: Doc, lengths: number[]): void {
  (doc as unknown as { dash(lengths: number[]): Doc }).dash(lengths);
}

/** A renderer over the given fonts (TrueType bytes of Noto Sans regular and bold, subset at build time). */
export function createRenderer(fonts: PdfFontBytes): RenderPdf {
  // Only to ask which characters the font has. Each PDF parses its own copies of the fonts: a parsed
  // font shared between two documents lost glyphs in the second ("Every" came out as "very").
  const face = create(fonts.regular);
  const glyphs = new GlyphCache((cp) => face.hasGlyphForCodePoint(cp));
  return (input) => render(input, fonts, glyphs);
}

/** Whether the font has a glyph, remembered per code point (a table for the common plane, a map beyond). */
class GlyphCache {
  private readonly bmp = new Uint8Array(0x10000);
  private readonly astral = new Map<number, boolean>();
  constructor(private readonly look: (cp: number) => boolean) {}
  has(cp: number): boolean {
    const look = this.look;
    if (cp < 0x10000) {
      const v = this.bmp[cp]!;
      if (v) return v === 1;
      const found = look(cp);
      this.bmp[cp] = found ? 1 : 2;
      return found;
    }
    let v = this.astral.get(cp);
    if (v === undefined) this.astral.set(cp, (v = look(cp)));
    return v;
  }
}

async function render(input: PdfInput, fonts: PdfFontBytes, glyphs: GlyphCache): Promise<Uint8Array> {
  const { docs, workbook, date, guideName } = input;
  const title =
    workbook || docs.length !== 1
      ? `${pdfWords.workbookTitle} – ${guideName}`
      : (docs[0]!.pdfTitle ?? `${docs[0]!.title}: ${t.yourAnswers.toLowerCase()}`);
  const doc = new PDFDocument({
    size: 'A4',
    // The default font, instead of Helvetica, which pdfkit's browser build does not carry.
    font: fonts.regular.slice(),
    margins: MARGIN,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    displayTitle: true,
    lang: 'en-GB',
    subset: 'PDF/UA',
    info: {
      Title: title,
      Author: guideName,
      Subject: workbook ? pdfWords.workbookSubject : (docs[0]?.purpose ?? ''),
      Creator: input.version ? `${guideName} ${input.version}` : guideName,
      CreationDate: date,
    },
    ...(workbook ? { pageMode: 'UseOutlines' } : {}),
    // @types/pdfkit describes 0.17, which had no 'PDF/UA' subset.
  } as unknown as PDFKit.PDFDocumentOptions);
  const chunks: Uint8Array[] = [];
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', (e: unknown) => reject(e instanceof Error ? e : new Error(String(e))));
  });

  // Copies: pdfkit is given bytes it may keep.
  doc.registerFont('Body', fonts.regular.slice() as unknown as string);
  doc.registerFont('Bold', fonts.bold.slice() as unknown as string);
  doc.font('Body');
  const has = (cp: number) => glyphs.has(cp);
  const w = new Writer(doc, has);

  const root = doc.struct('Document');
  doc.addStructure(root);

  if (workbook) {
    w.cover(root, guideName, date, docs.length);
    doc.addPage();
    doc.outline.addItem(pdfWords.contents);
    const contentsPage = w.pageIndex();
    const contentsPages = Math.max(1, Math.ceil(docs.length / 30));
    for (let i = 1; i < contentsPages; i++) doc.addPage();
    const toc = doc.struct('TOC');
    root.add(toc);
    const starts: number[] = [];
    docs.forEach((d, i) => {
      doc.addPage();
      starts.push(w.pageIndex());
      doc.addNamedDestination(`ws-${i}`);
      w.worksheet(root, d, date, 1);
    });
    w.contents(toc, docs, starts, contentsPage);
    toc.end();
  } else {
    docs.forEach((d, i) => {
      if (i > 0) doc.addPage();
      w.worksheet(root, d, date, 0);
    });
  }
  if (w.missing) w.missingNote(root);
  root.end();
  w.footers(guideName);
  doc.end();
  await done;
  let length = 0;
  for (const c of chunks) length += c.byteLength;
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

interface Cell {
  text: string;
  hint?: string | undefined;
  header?: 'Column' | 'Row' | undefined;
}

/** Draws and tags; keeps the state of one document (whether a glyph was missing, the outline). */
class Writer {
  missing = false;
  constructor(
    private readonly doc: Doc,
    private readonly has: (cp: number) => boolean,
  ) {}

  /** Text as the font can draw it, noting once that something was replaced. */
  clean(text: string): string {
    const r = drawable(text, this.has);
    if (r.missing) this.missing = true;
    return r.text;
  }

  pageIndex(): number {
    const r = this.doc.bufferedPageRange();
    return r.start + r.count - 1;
  }

  maxY(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` points are left on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.maxY()) this.doc.addPage();
  }

  /** Drawing outside the structure tree (borders, fills, the repeated table header, the footer). */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** One structure element of text: a heading or paragraph. */
  text(
    parent: Struct,
    tag: string,
    text: string,
    o: { font?: string; size?: number; color?: string; gap?: number; x?: number; width?: number } = {},
  ): void {
    const doc = this.doc;
    const s = doc.struct(tag);
    parent.add(s);
    const x = o.x ?? MARGIN.left;
    const width = o.width ?? BODY_WIDTH - (x - MARGIN.left);
    const clean = this.clean(text) || ' ';
    s.add(() => {
      doc
        .font(o.font ?? 'Body')
        .fontSize(o.size ?? SIZE.body)
        .fillColor(o.color ?? INK)
        .text(clean, x, doc.y, { width, lineGap: 1.5 });
    });
    s.end();
    doc.y += o.gap ?? 4;
  }

  heading(parent: Struct, level: number, text: string, size: number, keep: number): void {
    this.doc.font('Bold').fontSize(size);
    const h = this.doc.heightOfString(this.clean(text), { width: BODY_WIDTH });
    this.ensure(h + keep);
    this.text(parent, `H${Math.min(6, level)}`, text, { font: 'Bold', size, gap: size > 12 ? 6 : 3 });
  }

  cover(root: Struct, guideName: string, date: Date, count: number): void {
    const doc = this.doc;
    const sect = doc.struct('Sect');
    root.add(sect);
    doc.y = 240;
    this.text(sect, 'H1', pdfWords.workbookTitle, { font: 'Bold', size: 30, gap: 10 });
    this.text(sect, 'P', guideName, { size: 15, gap: 18 });
    this.text(sect, 'P', pdfWords.savedOn(longDate(date)), { size: SIZE.body, color: MUTED, gap: 4 });
    this.text(sect, 'P', pdfWords.worksheetCount(count), { size: SIZE.body, color: MUTED, gap: 4 });
    sect.end();
    doc.outline.addItem(pdfWords.workbookTitle);
  }

  /** The contents, drawn last on the pages kept for it, once every worksheet's first page is known. */
  contents(toc: Struct, docs: WorksheetDocument[], starts: number[], first: number): void {
    const doc = this.doc;
    let page = first;
    doc.switchToPage(page);
    doc.y = MARGIN.top;
    this.text(toc, 'H2', pdfWords.contents, { font: 'Bold', size: SIZE.h2, gap: 10 });
    docs.forEach((d, i) => {
      doc.font('Body').fontSize(SIZE.body);
      const label = this.clean(d.title);
      const h = doc.heightOfString(label, { width: BODY_WIDTH - 60 }) + 8;
      if (doc.y + h > this.maxY()) {
        doc.switchToPage(++page);
        doc.y = MARGIN.top;
      }
      const item = doc.struct('TOCI');
      toc.add(item);
      const link = doc.struct('Link');
      item.add(link);
      const y = doc.y;
      const number = String(starts[i]! + 1);
      link.add(() => {
        doc.font('Body').fontSize(SIZE.body).fillColor(INK);
        doc.text(label, MARGIN.left, y, { width: BODY_WIDTH - 60, goTo: `ws-${i}` } as PDFKit.Mixins.TextOptions);
        const end = doc.y;
        doc.text(number, MARGIN.left + BODY_WIDTH - 50, y, { width: 50, align: 'right', goTo: `ws-${i}` } as PDFKit.Mixins.TextOptions);
        doc.y = Math.max(end, doc.y);
      });
      link.end();
      item.end();
      doc.y += 6;
    });
  }

  worksheet(root: Struct, d: WorksheetDocument, date: Date, offset: number): void {
    const doc = this.doc;
    const sect = doc.struct('Sect');
    root.add(sect);
    const bookmark = doc.outline.addItem(this.clean(d.title));
    this.heading(sect, 1 + offset, d.title, offset ? SIZE.h1 - 2 : SIZE.h1, 40);
    this.text(sect, 'P', d.purpose, { color: MUTED, gap: 4 });
    this.text(sect, 'P', `${pdfWords.savedOn(longDate(date))} · ${d.status ?? t.progress(d.progress.answered, d.progress.total)}`, {
      size: SIZE.small,
      color: MUTED,
      gap: 14,
    });
    for (const s of d.sections) {
      const part = doc.struct('Sect');
      sect.add(part);
      this.heading(part, 2 + offset, s.title, SIZE.h2, 50);
      bookmark.addItem(this.clean(s.title));
      if (s.intro) this.text(part, 'P', s.intro, { size: SIZE.small, color: MUTED, gap: 8 });
      for (const p of s.prompts) {
        this.heading(part, 3 + offset, p.label, SIZE.h3, 30);
        this.answer(part, p.display);
        doc.y += 8;
      }
      part.end();
      doc.y += 6;
    }
    for (const c of d.charts) this.chart(sect, c, 2 + offset);
    if (d.rounds) {
      const part = doc.struct('Sect');
      sect.add(part);
      this.heading(part, 2 + offset, d.rounds.title, SIZE.h2, 80);
      if (d.rounds.note) this.text(part, 'P', d.rounds.note, { size: SIZE.small, color: MUTED, gap: 6 });
      if (d.rounds.values) this.dataTable(part, d.rounds.values);
      this.heading(part, 3 + offset, roundWords.changesTitle, SIZE.h3, 60);
      this.dataTable(part, d.rounds.changes);
      part.end();
    }
    if (d.earlier.length) {
      const part = doc.struct('Sect');
      sect.add(part);
      this.heading(part, 2 + offset, t.earlierTitle, SIZE.h2, 40);
      this.text(part, 'P', pdfWords.earlierIntro, { size: SIZE.small, color: MUTED, gap: 8 });
      for (const e of d.earlier) {
        this.heading(part, 3 + offset, e.id, SIZE.h3, 20);
        this.text(part, 'P', e.text, { gap: 8 });
      }
      part.end();
    }
    sect.end();
  }

  answer(parent: Struct, d: Display): void {
    switch (d.type) {
      case 'empty':
        this.text(parent, 'P', t.notAnswered, { color: MUTED });
        return;
      case 'text':
        this.text(parent, 'P', d.text);
        return;
      case 'scale':
        this.text(parent, 'P', scaleText(d));
        return;
      case 'choice':
        this.text(parent, 'P', d.label);
        return;
      case 'list':
        this.list(parent, d.items, d.ordered);
        return;
      case 'table':
        this.table(
          parent,
          d.columns.map((c) => ({ text: c.label, hint: c.hint || undefined, header: 'Column' as const })),
          d.rows.map((r) => r.cells.map((text) => ({ text }))),
        );
        return;
    }
  }

  list(parent: Struct, items: string[], ordered: boolean): void {
    const doc = this.doc;
    const l = doc.struct('L');
    parent.add(l);
    const indent = ordered ? 22 : 14;
    items.forEach((item, i) => {
      doc.font('Body').fontSize(SIZE.body);
      this.ensure(doc.currentLineHeight(true) + 2);
      const li = doc.struct('LI');
      l.add(li);
      const y = doc.y;
      const lbl = doc.struct('Lbl');
      li.add(lbl);
      lbl.add(() => {
        doc
          .font(ordered ? 'Bold' : 'Body')
          .fontSize(SIZE.body)
          .fillColor(INK);
        doc.text(ordered ? `${i + 1}.` : '•', MARGIN.left, y, { width: indent - 4, lineBreak: false });
      });
      lbl.end();
      const body = doc.struct('LBody');
      li.add(body);
      const text = this.clean(item) || ' ';
      body.add(() => {
        doc.font('Body').fontSize(SIZE.body).fillColor(INK);
        doc.text(text, MARGIN.left + indent, y, { width: BODY_WIDTH - indent, lineGap: 1.5 });
      });
      body.end();
      li.end();
      doc.y += 3;
    });
    l.end();
  }

  /**
   * A table drawn and tagged row by row. The header row is tagged once (THead) and drawn again, as an
   * artifact, at the top of every page the table continues on. A row taller than what is left of a page
   * is split between pages, each cell's text flowing on; nothing is cut off.
   */
  table(parent: Struct, head: Cell[], rows: Cell[][], caption?: string): void {
    const doc = this.doc;
    const pad = 4;
    const table = doc.struct('Table');
    parent.add(table);
    if (caption) {
      this.ensure(60);
      this.text(table, 'Caption', caption, { font: 'Bold', size: SIZE.small, gap: 4 });
    }
    const headClean = head.map((c) => ({ ...c, text: this.clean(c.text), hint: c.hint ? this.clean(c.hint) : undefined }));
    const rowsClean = rows.map((r) => r.map((c) => ({ ...c, text: this.clean(c.text) })));
    const widths = columnWidths(
      [headClean.map((c) => c.text), ...rowsClean.map((r) => r.map((c) => c.text))],
      BODY_WIDTH,
      Math.min(60, BODY_WIDTH / Math.max(1, head.length)),
    );
    const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const fontOf = (c: Cell) => (c.header ? 'Bold' : 'Body');
    const measure = (c: Cell, text: string, i: number) => {
      doc.font(fontOf(c)).fontSize(SIZE.table);
      return doc.heightOfString(text || ' ', { width: widths[i]! - 2 * pad, lineGap: 1 });
    };
    const hintHeight = (c: Cell, i: number) => {
      if (!c.hint) return 0;
      doc.font('Body').fontSize(SIZE.hint);
      return doc.heightOfString(c.hint, { width: widths[i]! - 2 * pad }) + 2;
    };
    const headHeight = Math.max(...headClean.map((c, i) => measure(c, c.text, i) + hintHeight(c, i))) + 2 * pad;

    const frame = (y: number, h: number, fill: boolean, cells: number) =>
      this.artifact(() => {
        doc.lineWidth(0.5).strokeColor(RULE);
        for (let i = 0; i < cells; i++) {
          if (fill) doc.rect(xs[i]!, y, widths[i]!, h).fillAndStroke(HEAD_FILL, RULE);
          else doc.rect(xs[i]!, y, widths[i]!, h).stroke();
        }
      });
    const drawCell = (c: Cell, text: string, i: number, y: number) => {
      doc.font(fontOf(c)).fontSize(SIZE.table).fillColor(INK);
      doc.text(text || ' ', xs[i]! + pad, y + pad, { width: widths[i]! - 2 * pad, lineGap: 1 });
      if (c.hint) {
        doc.font('Body').fontSize(SIZE.hint).fillColor(MUTED);
        doc.text(c.hint, xs[i]! + pad, doc.y + 2, { width: widths[i]! - 2 * pad });
      }
    };
    const drawHead = (tagged: boolean) => {
      const y = doc.y;
      frame(y, headHeight, true, headClean.length);
      if (tagged) {
        const thead = doc.struct('THead');
        table.add(thead);
        const tr = doc.struct('TR');
        thead.add(tr);
        headClean.forEach((c, i) => {
          const th = doc.struct('TH', { scope: 'Column' } as PDFKit.Mixins.StructureElementOptions);
          tr.add(th);
          th.add(() => drawCell(c, c.text, i, y));
          th.end();
        });
        tr.end();
        thead.end();
      } else this.artifact(() => headClean.forEach((c, i) => drawCell(c, c.text, i, y)), 'Pagination');
      doc.y = y + headHeight;
    };
    const newPage = () => {
      doc.addPage();
      drawHead(false);
    };

    this.ensure(headHeight + 30);
    drawHead(true);
    const tbody = doc.struct('TBody');
    table.add(tbody);
    const pageRoom = this.maxY() - MARGIN.top - headHeight;
    for (const row of rowsClean) {
      const tr = doc.struct('TR');
      tbody.add(tr);
      const cells = row.map((c) => {
        const s = doc.struct(c.header ? 'TH' : 'TD', (c.header ? { scope: c.header } : {}) as PDFKit.Mixins.StructureElementOptions);
        tr.add(s);
        return s;
      });
      let left = row.map((c) => c.text);
      for (;;) {
        const y = doc.y;
        const room = this.maxY() - y;
        const need = Math.max(...row.map((c, i) => measure(c, left[i]!, i))) + 2 * pad;
        if (need <= room) {
          frame(y, need, false, row.length);
          row.forEach((c, i) => {
            const text = left[i]!;
            if (text) cells[i]!.add(() => drawCell({ ...c, hint: undefined }, text, i, y));
          });
          doc.y = y + need;
          break;
        }
        if (need <= pageRoom && y > MARGIN.top + headHeight + 1) {
          newPage();
          continue;
        }
        // Taller than a page, or too little room: draw what fits here, then carry on over the page.
        const parts = row.map((c, i) => splitToFit(left[i]!, room - 2 * pad, (s) => measure(c, s, i)));
        if (parts.every(([head]) => head === '') && left.some((s) => s !== '')) {
          newPage();
          continue;
        }
        frame(y, room, false, row.length);
        row.forEach((c, i) => {
          const text = parts[i]![0];
          if (text) cells[i]!.add(() => drawCell({ ...c, hint: undefined }, text, i, y));
        });
        left = parts.map(([, rest]) => rest.replace(/^\s+/, ''));
        newPage();
      }
      cells.forEach((c) => c.end());
      tr.end();
    }
    tbody.end();
    table.end();
    doc.y += 6;
  }

  chart(parent: Struct, c: DocChart, level: number): void {
    const doc = this.doc;
    const part = doc.struct('Sect');
    parent.add(part);
    const height = c.type === 'radar' ? 300 : 280;
    this.heading(part, level, c.title, SIZE.h2, height);
    const y = doc.y;
    const fig = doc.struct('Figure', {
      alt: c.summary,
      bbox: [MARGIN.left, y, MARGIN.left + BODY_WIDTH, y + height],
      placement: 'Block',
    } as PDFKit.Mixins.StructureElementOptions);
    part.add(fig);
    fig.add(() => {
      if (c.type === 'radar') this.radar(c, y);
      else this.map(c, y);
    });
    fig.end();
    doc.y = y + height + 8;
    this.text(part, 'P', c.summary, { size: SIZE.small, color: MUTED, gap: 6 });
    this.dataTable(part, c.table);
    part.end();
  }

  dataTable(parent: Struct, table: DocTable): void {
    this.table(
      parent,
      table.head.map((text) => ({ text: text || ' ', header: 'Column' as const })),
      table.rows.map((r) => [{ text: r.header, header: 'Row' as const }, ...r.cells.map((text) => ({ text }))]),
      table.caption,
    );
  }

  radar(c: DocRadar, top: number): void {
    const doc = this.doc;
    const n = c.axes.length;
    if (n === 0) return;
    const r = 100;
    const cx = MARGIN.left + 170;
    const cy = top + 145;
    const min = c.axes[0]?.min ?? 1;
    const max = c.axes[0]?.max ?? 5;
    const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
    const at = (i: number, v: number) => {
      const k = max === min ? 1 : (v - min + 1) / (max - min + 1);
      return [cx + Math.cos(angle(i)) * r * k, cy + Math.sin(angle(i)) * r * k] as const;
    };
    doc.lineWidth(0.5).strokeColor('#c3cad2');
    for (let v = min; v <= max; v++) {
      for (let i = 0; i < n; i++) {
        const [x, y] = at(i, v);
        if (i === 0) doc.moveTo(x, y);
        else doc.lineTo(x, y);
      }
      doc.closePath().stroke();
    }
    for (let i = 0; i < n; i++) {
      const [x, y] = at(i, max);
      doc.moveTo(cx, cy).lineTo(x, y).stroke();
    }
    if (c.band) {
      // The outline of the highs with the lows cut out (even-odd), lightly filled in its line's colour.
      const band = c.band;
      doc.save();
      doc.fillOpacity(0.2);
      doc.polygon(...band.high.map((v, i) => [...at(i, v)] as [number, number]));
      doc.polygon(...band.low.map((v, i) => [...at(i, v)] as [number, number]));
      doc.fill(SERIES[band.series % SERIES.length]!, 'even-odd');
      doc.restore();
    }
    c.rounds.forEach((round, k) => {
      const style = ROUND_STYLE[k % ROUND_STYLE.length]!;
      const known = round.values.flatMap((v, i) => (v == null ? [] : [at(i, v)]));
      if (!known.length) return;
      doc.lineWidth(1.2).strokeColor(style.colour);
      dashPattern(doc, style.dash);
      known.forEach(([x, y], i) => (i === 0 ? doc.moveTo(x, y) : doc.lineTo(x, y)));
      if (known.length > 2) doc.closePath();
      doc.stroke().undash();
      for (const [x, y] of known) doc.rect(x - 2, y - 2, 4, 4).fill(style.colour);
    });
    c.series.forEach((_, s) => {
      const colour = SERIES[s % SERIES.length]!;
      const pts = c.axes.map((a, i) => (a.values[s] == null ? null : at(i, a.values[s]!)));
      const known = pts.filter((p): p is readonly [number, number] => p !== null);
      if (!known.length) return;
      doc.lineWidth(1.6).strokeColor(colour);
      if (s % 2 === 1) doc.dash(4, { space: 3 });
      known.forEach(([x, y], i) => (i === 0 ? doc.moveTo(x, y) : doc.lineTo(x, y)));
      if (known.length > 2) doc.closePath();
      doc.stroke().undash();
      for (const [x, y] of known) doc.circle(x, y, 2.4).fill(colour);
    });
    doc.font('Body').fontSize(7.5).fillColor(INK);
    c.axes.forEach((a, i) => {
      const [x, y] = at(i, max + 0.9);
      const cos = Math.cos(angle(i));
      const width = 78;
      const label = this.clean(a.label);
      const h = doc.heightOfString(label, { width });
      const lx = Math.abs(cos) < 0.2 ? x - width / 2 : cos > 0 ? x : x - width;
      const align = Math.abs(cos) < 0.2 ? 'center' : cos > 0 ? 'left' : 'right';
      doc.text(label, lx, y - h / 2, { width, align });
    });
    // Legend, to the right.
    const lx = MARGIN.left + 330;
    let ly = top + 40;
    doc.font('Bold').fontSize(SIZE.small).fillColor(INK).text(pdfWords.legend, lx, ly, { width: 150 });
    ly = doc.y + 4;
    c.series.forEach((name, s) => {
      const colour = SERIES[s % SERIES.length]!;
      doc.lineWidth(1.6).strokeColor(colour);
      if (s % 2 === 1) doc.dash(4, { space: 3 });
      doc
        .moveTo(lx, ly + 5)
        .lineTo(lx + 22, ly + 5)
        .stroke()
        .undash();
      doc
        .font('Body')
        .fontSize(SIZE.small)
        .fillColor(INK)
        .text(this.clean(name), lx + 28, ly, { width: 122 });
      ly = doc.y + 4;
    });
    if (c.band) {
      doc.save();
      doc
        .fillOpacity(0.2)
        .rect(lx, ly + 1, 22, 9)
        .fill(SERIES[c.band.series % SERIES.length]!);
      doc.restore();
      doc
        .font('Body')
        .fontSize(SIZE.small)
        .fillColor(INK)
        .text(this.clean(c.band.label), lx + 28, ly, { width: 122 });
      ly = doc.y + 4;
    }
    c.rounds.forEach((round, k) => {
      const style = ROUND_STYLE[k % ROUND_STYLE.length]!;
      doc.lineWidth(1.2).strokeColor(style.colour);
      dashPattern(doc, style.dash);
      doc
        .moveTo(lx, ly + 5)
        .lineTo(lx + 22, ly + 5)
        .stroke()
        .undash();
      doc.rect(lx + 9, ly + 3, 4, 4).fill(style.colour);
      doc
        .font('Body')
        .fontSize(SIZE.small)
        .fillColor(INK)
        .text(this.clean(round.label), lx + 28, ly, { width: 122 });
      ly = doc.y + 4;
    });
    if (c.empty)
      doc
        .font('Body')
        .fontSize(SIZE.small)
        .fillColor(MUTED)
        .text(t.chartEmpty, lx, ly + 6, { width: 150 });
  }

  map(c: DocMap, top: number): void {
    const doc = this.doc;
    const px = MARGIN.left + 30;
    const pw = 280;
    const ph = 230;
    const py = top + 6;
    // Points stay inside the frame: the scale runs from an inset on each side.
    const inset = 14;
    const sx = (x: number) => px + inset + ((x - c.xMin) / (c.xMax - c.xMin || 1)) * (pw - 2 * inset);
    const sy = (y: number) => py + ph - inset - ((y - c.yMin) / (c.yMax - c.yMin || 1)) * (ph - 2 * inset);
    doc.lineWidth(0.8).strokeColor(RULE).rect(px, py, pw, ph).stroke();
    if (c.quadrants) {
      doc
        .lineWidth(0.5)
        .dash(3, { space: 3 })
        .moveTo(px + pw / 2, py)
        .lineTo(px + pw / 2, py + ph)
        .moveTo(px, py + ph / 2)
        .lineTo(px + pw, py + ph / 2)
        .stroke()
        .undash();
      doc.font('Body').fontSize(7).fillColor(MUTED);
      const q = c.quadrants.map((s) => this.clean(s));
      const qw = pw / 2 - 8;
      doc.text(q[0] ?? '', px + 4, py + 4, { width: qw });
      doc.text(q[1] ?? '', px + pw / 2 + 4, py + 4, { width: qw, align: 'right' });
      doc.text(q[2] ?? '', px + pw / 2 + 4, py + ph - 14, { width: qw, align: 'right' });
      doc.text(q[3] ?? '', px + 4, py + ph - 14, { width: qw });
    }
    doc.font('Body').fontSize(SIZE.small).fillColor(INK);
    doc.text(`${this.clean(c.xLabel)} →`, px, py + ph + 6, { width: pw, align: 'center' });
    doc.save();
    doc.rotate(-90, { origin: [px - 8, py + ph / 2] });
    doc.text(`${this.clean(c.yLabel)} →`, px - 8 - ph / 2, py + ph / 2 - 12, { width: ph, align: 'center' });
    doc.restore();
    // Points: numbered circles, spread a little where several share a place; the key names them.
    const seen = new Map<string, number>();
    c.points.forEach((p, i) => {
      const key = `${p.x},${p.y}`;
      const k = seen.get(key) ?? 0;
      seen.set(key, k + 1);
      const x = sx(p.x) + (k ? Math.cos(k * 2.1) * 10 : 0);
      const y = sy(p.y) + (k ? Math.sin(k * 2.1) * 10 : 0);
      doc.circle(x, y, 7).fill(SERIES[0]!);
      doc
        .font('Bold')
        .fontSize(7)
        .fillColor('#ffffff')
        .text(String(i + 1), x - 7, y - 4.5, { width: 14, align: 'center', lineBreak: false });
    });
    const kx = px + pw + 20;
    let ky = py;
    doc
      .font('Bold')
      .fontSize(SIZE.small)
      .fillColor(INK)
      .text(pdfWords.key, kx, ky, { width: BODY_WIDTH - (kx - MARGIN.left) });
    ky = doc.y + 3;
    c.points.forEach((p, i) => {
      if (ky > top + 270) return;
      doc
        .font('Body')
        .fontSize(7.5)
        .fillColor(INK)
        .text(`${i + 1}  ${this.clean(p.label)}`, kx, ky, { width: BODY_WIDTH - (kx - MARGIN.left) });
      ky = doc.y + 2;
    });
    if (c.empty)
      doc
        .font('Body')
        .fontSize(SIZE.small)
        .fillColor(MUTED)
        .text(t.chartEmpty, px + 10, py + ph / 2 - 6, { width: pw - 20, align: 'center' });
  }

  missingNote(root: Struct): void {
    this.doc.y += 12;
    this.ensure(60);
    this.text(root, 'P', pdfWords.missingGlyphs(PLACEHOLDER), { size: SIZE.small, color: MUTED });
  }

  /** "2 of 5" and the guide's name at the foot of every page, as pagination artifacts. */
  footers(guideName: string): void {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    const name = this.clean(guideName);
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = doc.page.height - 40;
      this.artifact(() => {
        doc.font('Body').fontSize(SIZE.footer).fillColor(MUTED);
        doc.text(name, MARGIN.left, y, { width: BODY_WIDTH / 2, lineBreak: false });
        doc.text(pdfWords.pageOf(i + 1, range.count), MARGIN.left + BODY_WIDTH / 2, y, {
          width: BODY_WIDTH / 2,
          align: 'right',
          lineBreak: false,
        });
      }, 'Pagination');
      doc.page.margins.bottom = bottom;
    }
  }
}
