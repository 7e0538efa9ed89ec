/**
 * Loads one of the guide's own classic scripts (`_client/<name>.js`) on demand, by injecting a
 * `<script>` element: dynamic `import()` and `fetch` are blocked in the copy opened from disk, while a
 * classic script loaded by path runs there and under the pages' Content-Security-Policy
 * (`script-src 'self'`). The PDF engine (src/client/pdf-loader.ts) and the facilitator's "Share my
 * ratings" (src/client/facilitator-loader.ts) load this way, so a page holds their code only once asked.
 *
 * The address comes from the page's `data-base`, so it is right under any base path and from disk.
 */

/**
 * The address of `_client/<name>.js`, from the page's `data-base` (Base.astro): the base path on the
 * hosted site, the way back to the root of the copy on disk (src/offline/rewrite.ts).
 */
export function clientScriptHref(name: string, doc: Document = document): string {
  const base = doc.documentElement.dataset['base'] ?? '/';
  return new URL(`${base}_client/${name}.js`, doc.baseURI).href;
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
