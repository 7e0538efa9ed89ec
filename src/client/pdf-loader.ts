/**
 * Loads the PDF engine on first use and saves PDFs. The engine (pdfkit and its fonts, a few hundred KB)
 * is a classic script, `_client/pdf.js`, injected as a `<script>` element on the first click: dynamic
 * `import()` and `fetch` are both blocked in the copy of the guide opened from disk, and a classic script
 * also runs under the pages' Content-Security-Policy (`script-src 'self'`, no 'unsafe-eval'). Until a
 * reader asks for a PDF the page holds no PDF code at all.
 *
 * Its address comes from the page's own worksheet script: whatever base path the site is served under,
 * or `file://`, `pdf.js` sits beside `worksheet.js`.
 */
import type { PdfEngine } from '../pdf/engine';
import type { WorksheetDocument } from '../worksheets/document';
import { clientScriptHref, loadClientScript } from './script-loader';

export type { PdfEngine };

export interface DownloadOptions {
  /** A worksheet's id, or 'workbook' for the whole workbook (cover, contents, every worksheet). */
  id: string;
  workbook?: boolean;
  guideName?: string;
  version?: string;
  date?: Date;
}

export const GUIDE_NAME = 'Public Systems Field Guide';

/** The address of `pdf.js`, beside the page's own client bundle (worksheet.js first, any other next). */
export const pdfScriptUrl = (doc: Document = document): string => clientScriptHref('pdf', doc);

/** The engine, loading its script on the first call; later calls share the same load. */
export async function loadPdfEngine(win: Window = window): Promise<PdfEngine> {
  const engine = () => win.__psfgPdf;
  try {
    await loadClientScript('pdf', () => engine() !== undefined, win);
  } catch {
    throw new Error(`The PDF engine could not be loaded from ${pdfScriptUrl(win.document)}.`);
  }
  return engine() as PdfEngine;
}

/** Hands the bytes to the browser as a download, through an object URL and a clicked `<a download>`. */
export function saveFile(bytes: Uint8Array | Blob, name: string, doc: Document = document): void {
  const blob = bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoked a little later: some browsers start reading the URL only after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Renders the documents to a PDF and saves it; resolves with the file name. */
export async function downloadPdf(docs: WorksheetDocument[], options: DownloadOptions): Promise<string> {
  const engine = await loadPdfEngine();
  const date = options.date ?? new Date();
  const workbook = options.workbook ?? options.id === 'workbook';
  const bytes = await engine.renderPdf({ docs, workbook, date, guideName: options.guideName ?? GUIDE_NAME, version: options.version });
  const name = engine.pdfFileName(workbook ? 'workbook' : options.id, date);
  saveFile(bytes, name);
  return name;
}
