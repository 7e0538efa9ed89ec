/** The little of fontkit (a dependency of pdfkit) the renderer uses: parse a font once, ask for glyphs. */
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(data: Uint8Array, postscriptName?: string): Font;
}
