/**
 * Pure helpers of the PDF layout: file names, dates, characters the font cannot draw, and splitting a
 * text so that the part that fits a space is drawn there and the rest flows on. No pdfkit here, so the
 * rules are tested on their own.
 */

/** Drawn in place of a character the embedded font has no glyph for (emoji, Chinese): a question mark in a diamond. */
export const PLACEHOLDER = '\uFFFD';

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-12-01, in the reader's own time zone (the day they saved the file). */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `<worksheet-id>-YYYY-MM-DD.pdf`, or `field-guide-workbook-YYYY-MM-DD.pdf` for the whole workbook. */
export function pdfFileName(id: string, date: Date): string {
  const safe = id === 'workbook' ? 'field-guide-workbook' : id.replace(/[^a-z0-9-]+/gi, '-').replace(/^-+|-+$/g, '') || 'worksheet';
  return `${safe}-${isoDay(date)}.pdf`;
}

/** Code points that take no glyph of their own: joiners and variation selectors. */
const IGNORABLE = /^[\u200b-\u200d\u2060\ufe00-\ufe0f]$/u;

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;

function graphemes(text: string): string[] {
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
}

/**
 * The text as the font can draw it: composed (NFC) so accents typed as combining marks find their
 * precomposed glyphs, control characters other than line breaks removed, tabs as spaces, and each
 * character (grapheme: an emoji with its joiners counts once) the font lacks replaced by one placeholder.
 */
export function drawable(text: string, has: (codePoint: number) => boolean): { text: string; missing: boolean } {
  let out = '';
  let missing = false;
  const normalised = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '');
  // Fast path: every character has a glyph (nearly always), so there is nothing to segment.
  let all = true;
  for (const ch of normalised) {
    const cp = ch.codePointAt(0)!;
    if (cp !== 10 && !has(cp) && !IGNORABLE.test(ch)) {
      all = false;
      break;
    }
  }
  if (all) return { text: normalised, missing: false };
  for (const g of graphemes(normalised)) {
    if (g === '\n') {
      out += g;
      continue;
    }
    let ok = true;
    for (const ch of g) {
      const cp = ch.codePointAt(0)!;
      if (!has(cp) && !IGNORABLE.test(ch)) ok = false;
    }
    if (ok) out += g;
    else {
      out += PLACEHOLDER;
      missing = true;
    }
  }
  return { text: out, missing };
}

/**
 * The longest head of `text`, cut at a word boundary, whose height (as `measure` reports it) fits in
 * `height`, and the rest. A single word too long for the space is cut by characters. An empty head
 * means not even one line fits.
 */
export function splitToFit(text: string, height: number, measure: (s: string) => number): [string, string] {
  if (measure(text) <= height) return [text, ''];
  const breaks: number[] = [];
  for (const m of text.matchAll(/\s+/g)) breaks.push(m.index + m[0].length);
  breaks.push(text.length);
  // Binary search over word ends for the last one whose head fits.
  let lo = 0;
  let hi = breaks.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (measure(text.slice(0, breaks[mid]).trimEnd()) <= height) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best >= 0) {
    const at = breaks[best]!;
    return [text.slice(0, at).trimEnd(), text.slice(at)];
  }
  // Not one word fits: cut the first word by characters (a 2,000-letter "word" must still show).
  const chars = Array.from(text);
  let lo2 = 1;
  let hi2 = chars.length;
  let fit = 0;
  while (lo2 <= hi2) {
    const mid = (lo2 + hi2) >> 1;
    if (measure(chars.slice(0, mid).join('')) <= height) {
      fit = mid;
      lo2 = mid + 1;
    } else hi2 = mid - 1;
  }
  return [chars.slice(0, fit).join(''), chars.slice(fit).join('')];
}

/**
 * Column widths of a table: each column gets a share of `total` by the square root of its longest text
 * (a long column grows, a short one is not crushed), never less than `min`.
 */
export function columnWidths(texts: string[][], total: number, min: number): number[] {
  const n = texts[0]?.length ?? 0;
  if (n === 0) return [];
  const weights = Array.from({ length: n }, (_, i) => Math.sqrt(Math.max(4, ...texts.map((row) => Math.min(400, (row[i] ?? '').length)))));
  const sum = weights.reduce((a, b) => a + b, 0);
  let widths = weights.map((w) => (w / sum) * total);
  // Raise narrow columns to the minimum, taking the difference from the wider ones in proportion.
  const narrow = widths.map((w) => w < min);
  if (narrow.some(Boolean) && min * n <= total) {
    const deficit = widths.reduce((d, w, i) => d + (narrow[i] ? min - w : 0), 0);
    const wide = widths.reduce((s, w, i) => s + (narrow[i] ? 0 : w), 0);
    widths = widths.map((w, i) => (narrow[i] ? min : w - (deficit * w) / wide));
  } else if (min * n > total) widths = widths.map(() => total / n);
  return widths;
}
