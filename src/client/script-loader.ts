/**
 * Loads one of the guide's own classic scripts (`_client/<name>.js`) on demand, by injecting a
 * `<script>` element: dynamic `import()` and `fetch` are blocked in the copy opened from disk, while a
 * classic script loaded by path runs there and under the pages' Content-Security-Policy
 * (`script-src 'self'`). The PDF engine (src/client/pdf-loader.ts) and the facilitator's "Share my
 * ratings" (src/client/facilitator-loader.ts) load this way, so a page holds their code only once asked.
 *
 * The address comes from the page's own bundle (worksheet.js first, any other next): whatever base
 * path the site is served under, or `file://`, the other bundles sit beside it.
 */

const BUNDLE = /(^|\/)_client\/[a-z-]+\.js(?=$|[?#])/;

/** The address of `_client/<name>.js`, beside the page's own client bundle. */
export function clientScriptHref(name: string, doc: Document = document): string {
  const scripts = Array.from(doc.querySelectorAll<HTMLScriptElement>('script[src]'));
  const own =
    scripts.find((s) => /(^|\/)_client\/worksheet\.js(?=$|[?#])/.test(s.getAttribute('src') ?? '')) ??
    scripts.find((s) => BUNDLE.test(s.getAttribute('src') ?? ''));
  if (own) {
    // `.src` is the resolved address (http(s):// or file://), so the result is right under any base.
    const url = new URL(own.src, doc.baseURI);
    url.pathname = url.pathname.replace(/[^/]+\.js$/, `${name}.js`);
    url.search = '';
    url.hash = '';
    return url.href;
  }
  return new URL(`/_client/${name}.js`, doc.baseURI).href;
}

/** Appends `_client/<name>.js` to the page's head as a classic script, and returns the element. */
export function injectClientScript(name: string, doc: Document = document, async = true): HTMLScriptElement {
  const script = doc.createElement('script');
  script.src = clientScriptHref(name, doc);
  script.async = async;
  doc.head.append(script);
  return script;
}

const loading = new Map<string, Promise<void>>();

/**
 * Injects `_client/<name>.js` once and resolves when it has run; `ready` says whether it did what it
 * should (defined its global). A failed load may be tried again by a later call.
 */
export function loadClientScript(name: string, ready: () => boolean, win: Window = window): Promise<void> {
  if (ready()) return Promise.resolve();
  let promise = loading.get(name);
  if (promise) return promise;
  promise = new Promise<void>((resolve, reject) => {
    const script = injectClientScript(name, win.document);
    // `data-psfg-pdf`, `data-psfg-facilitator`: marks what was injected (tests look for it).
    script.setAttribute(`data-psfg-${name}`, '');
    const fail = (error: Error) => {
      // A later call may try again (for example once a flaky connection is back).
      loading.delete(name);
      script.remove();
      reject(error);
    };
    script.addEventListener('load', () => (ready() ? resolve() : fail(new Error(`${script.src} loaded but did not start.`))));
    script.addEventListener('error', () => fail(new Error(`${script.src} could not be loaded.`)));
  });
  loading.set(name, promise);
  return promise;
}
