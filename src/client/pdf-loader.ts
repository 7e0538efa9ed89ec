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

const BUNDLE = /(^|\/)_client\/[a-z-]+\.js(?=$|[?#])/;

/** The address of `pdf.js`, beside the page's own client bundle (worksheet.js first, any other next). */
export function pdfScriptUrl(doc: Document = document): string {
  const scripts = Array.from(doc.querySelectorAll<HTMLScriptElement>('script[src]'));
  const own =
    scripts.find((s) => /(^|\/)_client\/worksheet\.js(?=$|[?#])/.test(s.getAttribute('src') ?? '')) ??
    scripts.find((s) => BUNDLE.test(s.getAttribute('src') ?? ''));
  if (own) {
    // `.src` is the resolved address (http(s):// or file://), so the result is right under any base.
    const url = new URL(own.src, doc.baseURI);
    url.pathname = url.pathname.replace(/[^/]+\.js$/, 'pdf.js');
    url.search = '';
    url.hash = '';
    return url.href;
  }
  return new URL('/_client/pdf.js', doc.baseURI).href;
}

let loading: Promise<PdfEngine> | undefined;

/** The engine, loading its script on the first call; later calls share the same promise. */
export function loadPdfEngine(win: Window = window): Promise<PdfEngine> {
  if (win.__psfgPdf) return Promise.resolve(win.__psfgPdf);
  loading ??= new Promise<PdfEngine>((resolve, reject) => {
    const doc = win.document;
    const script = doc.createElement('script');
    script.src = pdfScriptUrl(doc);
    script.async = true;
    script.dataset['psfgPdf'] = '';
    script.addEventListener('load', () => {
      if (win.__psfgPdf) resolve(win.__psfgPdf);
      else fail(new Error('The PDF engine loaded but did not start.'));
    });
    script.addEventListener('error', () => fail(new Error(`The PDF engine could not be loaded from ${script.src}.`)));
    const fail = (error: Error) => {
      // A later click may try again (for example once a flaky connection is back).
      loading = undefined;
      script.remove();
      reject(error);
    };
    doc.head.append(script);
  });
  return loading;
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
