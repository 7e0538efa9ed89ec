// The copy that opens from disk, made from the hosted build in dist/ (after Astro and Pagefind).
// See src/offline/build.ts. The date is the last commit's, so the same sources give the same zip.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { writeCopy, formatSize, ZIP_NAME } from '../src/offline/build.ts';
import { publishConfig } from '../src/lib/urls.ts';

const dist = process.argv[2] ?? 'dist';
const out = process.argv[3] ?? 'dist-offline';
const { site, base } = publishConfig(process.env);

function buildDate() {
  if (process.env.SOURCE_DATE_EPOCH) return new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000).toISOString().slice(0, 10);
  try {
    return execFileSync('git', ['log', '-1', '--format=%cs'], { encoding: 'utf8' }).trim();
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

const hasApp = existsSync(`${dist}/app/index.html`);
const worksheets = new Set(
  hasApp
    ? readdirSync(`${dist}/worksheets`, { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(`${dist}/worksheets/${e.name}/index.html`))
        .map((e) => e.name)
    : [],
);
// The worksheet ids that live in app.html, for the tests.
mkdirSync(out, { recursive: true });
writeFileSync(`${out}/worksheets.json`, JSON.stringify([...worksheets].sort()));
const result = await writeCopy(dist, out, { base, siteUrl: new URL(base, `${site}/`).href, date: buildDate(), worksheets });
console.log(
  `offline copy: ${result.files.size} files, ${result.pages.length} pages indexed, ${dist}/${ZIP_NAME} ${formatSize(result.zip.length)}`,
);
