/**
 * The offline search gives the same first result as Pagefind for the same 20 queries: Pagefind in the
 * hosted build, in Chromium; the offline index of the copy (dist-offline/) with the same MiniSearch
 * code the copy's bundle runs, compared as they are (the hosted URL turned into the copy's file, nothing
 * else). Needs a fresh `npm run build`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { siteDir } from '../support/site.ts';
import { useSiteAndBrowser } from '../support/session.ts';
import { loadSearch, runSearch, type PackedIndex } from '../../src/offline/search-engine.ts';
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
  const win: { __psfgSearchIndex?: PackedIndex } = {};
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
          const urls = [];
          for (const r of results.slice(0, 10)) urls.push((await r.data()).url);
          out.push(urls);
        }
        return out;
      })()`)) as string[][];
      const copyFile = (url: string) => (({ file, hash }) => file + hash)(targetFile(url, worksheets));
      const rows = QUERIES.map((q, i) => ({
        q,
        pagefind: (hosted[i] ?? []).map(copyFile),
        offline: runSearch(ms, q)
          .slice(0, 10)
          .map((r) => String(r['url'])),
      }));
      expect(
        rows
          .filter((r) => r.pagefind[0] !== r.offline[0])
          .map(({ q, pagefind, offline }) => ({ q, pagefind: pagefind[0], offline: offline[0] })),
      ).toEqual([]);
      expect(rows.every((r) => r.pagefind.length > 0)).toBe(true);
      // When the query names a worksheet (every word of it is in the title), its worked example comes after
      // it in both lists. (An example can rank first for a word that only its invented answers hold.)
      const titles = new Map(ms.search(MiniSearch.wildcard).map((r) => [String(r['url']), String(r['title']).toLowerCase()]));
      let checked = 0;
      const exampleFirst = rows.flatMap(({ q, pagefind, offline }) => {
        const words = q.toLowerCase().split(/\s+/);
        return [pagefind, offline].flatMap((list) =>
          list.flatMap((url, rank) => {
            const id = /^worksheets\/([a-z0-9-]+)\/example\/index\.html$/.exec(url)?.[1];
            const title = id ? titles.get(`app.html#${id}`) : undefined;
            if (!id || !title || !words.every((w) => title.includes(w))) return [];
            checked++;
            const sheet = list.indexOf(`app.html#${id}`);
            return sheet < 0 || sheet > rank ? [`${q}: ${url} at ${rank}, its worksheet at ${sheet}`] : [];
          }),
        );
      });
      expect(exampleFirst).toEqual([]);
      expect(checked).toBeGreaterThanOrEqual(10);
    });
  }, 120_000);
});
