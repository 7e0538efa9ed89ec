/**
 * Builds the browser code as classic IIFE scripts with esbuild, into `_client/` of the build.
 *
 * Why not Astro's own `<script>` and `client:*` islands: those load ES modules and use `import()`,
 * which browsers block for pages opened from disk (file://). Classic scripts loaded by path work
 * in both the hosted site and the copy on disk, so every page uses them. Islands are still rendered
 * on the server by @astrojs/preact; src/islands/mount.tsx (and the workbook's mountWorkbook) mount them.
 */
import type { AstroIntegration } from 'astro';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { minify } from 'terser';
import { pdfFonts } from './pdf-fonts';

export const ENTRIES: Record<string, string> = {
  theme: 'src/client/theme.ts',
  site: 'src/client/site.ts',
  worksheet: 'src/client/worksheet.tsx',
  workbook: 'src/client/workbook.tsx',
  // Loaded only on a click of "Download PDF" (src/client/pdf-loader.ts): pdfkit and the subset fonts.
  pdf: 'src/client/pdf.ts',
  journey: 'src/client/journey.ts',
  // The facilitator's tools, each loaded only by the pages that use it.
  facilitator: 'src/client/facilitator.tsx',
  'run-sheet': 'src/client/run-sheet.tsx',
  group: 'src/client/group.tsx',
  sw: 'src/client/sw.ts',
  // The worksheets and the workbook in one page, by #id (src/pages/app.astro).
  app: 'src/client/app.ts',
  // Only pages of the copy on disk load it (src/offline/rewrite.ts).
  'offline-search': 'src/client/offline-search.ts',
};

/** `virtual:psfg-pdf-fonts`: the PDF's subset fonts as base64 strings, made at build time. */
function pdfFontsPlugin(): Plugin {
  return {
    name: 'psfg-pdf-fonts',
    setup(b) {
      b.onResolve({ filter: /^virtual:psfg-pdf-fonts$/ }, (args) => ({ path: args.path, namespace: 'psfg' }));
      b.onLoad({ filter: /.*/, namespace: 'psfg' }, async () => {
        const fonts = await pdfFonts();
        const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
        return {
          contents: `export const FONTS = ${JSON.stringify({ regular: b64(fonts.regular), bold: b64(fonts.bold) })};`,
          loader: 'js',
        };
      });
    },
  };
}

export function options(entry: string): BuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    define: { 'import.meta.env.SSR': 'false', 'process.env.NODE_ENV': '"production"' },
  };
}

/**
 * A second pass over esbuild's output with terser (two compress passes, safe options only): about 7%
 * less gzip on the worksheet bundle, which counts against the worksheet page's JavaScript budget.
 * Not for the PDF engine, loaded on click, where it would only slow the build.
 */
async function squeeze(code: string): Promise<string> {
  const out = await minify(code, { ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  return out.code ?? code;
}

/**
 * Bundles whose functions nearly all run as the page loads (the worksheet form makes every prompt live;
 * the home page's and the finder's journey code).
 * V8's compile hint `//# allFunctionsCalledOnLoad` has Chromium compile them all while the script streams
 * in, off the main thread, instead of each function on its first call on the main thread: measured on the
 * worksheet page, the first part made live went from 4 to 11 ms to about 2 to 3 ms (CPU not slowed). Other
 * browsers read it as a comment.
 */
const EAGER = new Set(['worksheet', 'journey']);
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

export async function bundle(name: string): Promise<string> {
  const entry = ENTRIES[name];
  if (!entry) throw new Error(`no client bundle named ${name}`);
  const base = options(entry);
  if (name !== 'pdf') {
    const code = await squeeze((await build(base)).outputFiles?.[0]?.text ?? '');
    return EAGER.has(name) ? COMPILE_HINT + code : code;
  }
  const result = await build(
    // pdfkit's browser module builds one URL from import.meta.url when it loads (for PDF/A, unused
    // here); an IIFE has no import.meta, so it gets a stand-in instead of throwing.
    { ...base, plugins: [pdfFontsPlugin()], define: { ...base.define, 'import.meta.url': '"file:///_client/pdf.js"' } },
  );
  return result.outputFiles?.[0]?.text ?? '';
}

export default function clientBundles(): AstroIntegration {
  let base = '/';
  return {
    name: 'psfg:client-bundles',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (req, res, next) => {
          // Pages ask for the bundles under the base path (src/lib/urls.ts, clientScriptUrl).
          const url = req.url ?? '';
          const m = url.startsWith(base) ? /^_client\/([a-z-]+)\.js/.exec(url.slice(base.length)) : null;
          if (!m?.[1] || !ENTRIES[m[1]]) return next();
          try {
            const code = await bundle(m[1]);
            res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
            res.end(code);
          } catch (error) {
            next(error);
          }
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), '_client');
        await mkdir(out, { recursive: true });
        for (const name of Object.keys(ENTRIES)) {
          await writeFile(join(out, `${name}.js`), await bundle(name));
        }
        logger.info(`client bundles written: ${Object.keys(ENTRIES).join(', ')}`);
      },
    },
  };
}
