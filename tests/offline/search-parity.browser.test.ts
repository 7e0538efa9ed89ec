/**
 * The offline search gives the same first result as Pagefind for the same 20 queries: Pagefind in the
 * hosted build, in Chromium; the offline index of the copy (dist-offline/) with the same MiniSearch
 * code the copy's bundle runs. Needs a fresh `npm run build`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteDir } from '../support/site.ts';
import { useSiteAndBrowser } from '../support/session.ts';
import { loadSearch, runSearch } from '../../src/offline/search-engine.ts';
import { targetFile } from '../../src/offline/rewrite.ts';
import { COPY_DIR } from './walk.ts';

export const QUERIES = [
  'Buurtzorg',
  'trust',
  'paradigm',
  'co-production',
  'politics',
  'outcomes',
  'action learning',
  'three horizons',
  'state capability',
  'funding',
  'frontline',
  'power with',
  'relational accountability',
  'privacy',
  'reporting',
  'minister',
  'purpose',
  'organisaton',
  'politcs',
  'Buurtzorgs',
];

const env = useSiteAndBrowser(siteDir());

function offlineIndex() {
  const script = readFileSync(join(COPY_DIR, '_client', 'search-index.js'), 'utf8');
  const win: { __psfgSearchIndex?: unknown } = {};
  new Function('window', script)(win);
  if (!win.__psfgSearchIndex) throw new Error('no offline index');
  return loadSearch(win.__psfgSearchIndex);
}

describe('offline search against Pagefind', () => {
  it('gives the same first result for each of 20 queries', async () => {
    const ms = offlineIndex();
    const worksheets = new Set(JSON.parse(readFileSync(join(siteDir(), '..', 'dist-offline', 'worksheets.json'), 'utf8')) as string[]);
    await env.withPage({}, async (page) => {
      await page.goto(new URL('/', env.site.url).href, { waitUntil: 'networkidle' });
      // A string, so Vitest leaves the page's own import() alone.
      const hosted = (await page.evaluate(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        const out = [];
        for (const q of ${JSON.stringify(QUERIES)}) {
          const { results } = await pagefind.search(q);
          out.push(results[0] ? (await results[0].data()).url : null);
        }
        return out;
      })()`)) as (string | null)[];
      // A worksheet and its worked example share nearly all their words: either counts as the same result.
      const same = (url: string | null) => url?.replace(/^worksheets\/([a-z0-9-]+)\/example\/index\.html$/, 'app.html#$1') ?? null;
      const rows = QUERIES.map((q, i) => {
        const url = hosted[i];
        const expected = url ? (({ file, hash }) => file + hash)(targetFile(url, worksheets)) : null;
        return { q, pagefind: same(expected), offline: same((runSearch(ms, q)[0]?.['url'] as string | undefined) ?? null) };
      });
      expect(rows.filter((r) => r.pagefind !== r.offline)).toEqual([]);
      expect(rows.every((r) => r.pagefind !== null)).toBe(true);
    });
  }, 120_000);
});
