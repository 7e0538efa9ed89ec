/**
 * The PDF engine's API, as the pdf bundle defines it on `window.__psfgPdf` (src/client/pdf.ts) and the
 * loader hands it out (src/client/pdf-loader.ts). Types only: importing this file ships nothing.
 */
import type { PdfInput, RenderPdf } from './render';

export type { PdfInput, RenderPdf };

export interface PdfEngine {
  renderPdf: RenderPdf;
  /** `<worksheet-id>-YYYY-MM-DD.pdf`, or `field-guide-workbook-YYYY-MM-DD.pdf` for `'workbook'`. */
  pdfFileName: (id: string, date: Date) => string;
}

declare global {
  interface Window {
    __psfgPdf?: PdfEngine | undefined;
  }
}
