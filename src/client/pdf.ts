/**
 * Entry of the pdf bundle (a classic script, `_client/pdf.js`), injected by src/client/pdf-loader.ts on the
 * first click of a PDF button and never before. It carries pdfkit and the two subset fonts (base64, from
 * src/build/pdf-fonts.ts at build time: a classic script cannot fetch a font from disk) and defines
 * `window.__psfgPdf`. The fonts are decoded and parsed on the first PDF, not when the script runs.
 */
import { FONTS } from 'virtual:psfg-pdf-fonts';
import type { PdfEngine, RenderPdf } from '../pdf/engine';
import { createRenderer } from '../pdf/render';
import { pdfFileName } from '../pdf/text';

function decode(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

let render: RenderPdf | undefined;

const engine: PdfEngine = {
  renderPdf: (input) => {
    render ??= createRenderer({ regular: decode(FONTS.regular), bold: decode(FONTS.bold) });
    return render(input);
  },
  pdfFileName,
};

window.__psfgPdf = engine;
