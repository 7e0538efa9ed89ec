/**
 * The PDF's fonts: Noto Sans regular and bold, subset at build time with harfbuzz (`subset-font`) to the
 * scripts readers of this guide type in. Hinting and the OpenType layout tables (GSUB, GPOS, GDEF:
 * ligatures, kerning, mark positioning) are dropped: text is composed to NFC before drawing, so accented
 * letters are single glyphs, and without layout tables pdfkit's shaping of each word is a cmap lookup.
 * Measured: half the CPU time of a PDF with a 5,000-word answer, and a third fewer font bytes, for text
 * set without kerning. The browser bundle embeds the result as base64 (a classic
 * script cannot fetch a font from disk); the Node tests render with exactly the same bytes.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';

/** Unicode ranges kept, inclusive. */
export const PDF_FONT_RANGES: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e], // Basic Latin
  [0x00a0, 0x017f], // Latin-1 Supplement and Latin Extended-A (Polish, Czech, Turkish, most of Europe)
  [0x0180, 0x024f], // Latin Extended-B (Romanian ș ț, Vietnamese ơ ư, Croatian digraphs)
  [0x0300, 0x036f], // combining diacritics, for text typed in decomposed form
  [0x0370, 0x03ff], // Greek
  [0x1f00, 0x1fff], // Greek Extended (polytonic)
  [0x0400, 0x04ff], // Cyrillic
  [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese)
  [0x2000, 0x206f], // punctuation: curly quotes, dashes, ellipsis, bullets
  [0x20a0, 0x20c0], // currency signs, the euro among them
  [0x2100, 0x2122], // letterlike symbols: №, ™
  [0x2190, 0x2193], // arrows
  [0x2212, 0x2212], // minus sign
  [0xfffd, 0xfffd], // the replacement character, drawn where the font has no glyph
];

export const PDF_FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;

export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

export function fontText(ranges = PDF_FONT_RANGES): string {
  let text = '';
  for (const [from, to] of ranges) for (let c = from; c <= to; c++) text += String.fromCodePoint(c);
  return text;
}

let cached: Promise<PdfFonts> | undefined;

/** The two subset fonts as TrueType bytes (computed once per process). */
export function pdfFonts(): Promise<PdfFonts> {
  cached ??= (async () => {
    const require = createRequire(import.meta.url);
    const text = fontText();
    const subset = async (file: string) =>
      new Uint8Array(
        await subsetFont(await readFile(require.resolve(file)), text, {
          targetFormat: 'truetype',
          noHinting: true,
          dropTables: ['GSUB', 'GPOS', 'GDEF'],
        }),
      );
    const [regular, bold] = await Promise.all([subset(PDF_FONT_FILES.regular), subset(PDF_FONT_FILES.bold)]);
    return { regular, bold };
  })();
  return cached;
}
