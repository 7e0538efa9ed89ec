import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { rewriteHtml, rewriteUrl, rootPrefix, targetFile, type RewriteOptions } from '../../src/offline/rewrite.ts';
import { indexScript, pageRecord } from '../../src/offline/search-index.ts';
import { reproducibleZip } from '../../src/offline/zip.ts';
import { excerpt } from '../../src/client/offline-search.ts';
import { diskPath } from '../../src/lib/urls.ts';
import {
  loadSearch,
  loadSearchSliced,
  makeSearch,
  packSearch,
  pagefindWords,
  runSearch,
  searchWord,
  type PackedIndex,
} from '../../src/offline/search-engine.ts';

const opts: RewriteOptions = { base: '/', siteUrl: 'https://example.org/', date: '2026-12-01', worksheets: new Set(['trust-inventory']) };

describe('link rewriting', () => {
  it('turns directory links into relative links to index.html, anchor kept', () => {
    expect(rewriteUrl('/muscles/trust/#why', 'index.html', opts)).toBe('muscles/trust/index.html#why');
    expect(rewriteUrl('/muscles/trust/#why', 'levels/paradigm/index.html', opts)).toBe('../../muscles/trust/index.html#why');
    expect(rewriteUrl('/', 'muscles/trust/index.html', opts)).toBe('../../index.html');
    expect(rewriteUrl('/_client/site.js', 'about/index.html', opts)).toBe('../_client/site.js');
    expect(rewriteUrl('/favicon.svg', 'index.html', opts)).toBe('favicon.svg');
  });
  it('points worksheets and the workbook into app.html', () => {
    expect(rewriteUrl('/worksheets/trust-inventory/', 'muscles/trust/index.html', opts)).toBe('../../app.html#trust-inventory');
    expect(rewriteUrl('/worksheets/trust-inventory/#trust-inventory-people', 'index.html', opts)).toBe('app.html#trust-inventory-people');
    expect(rewriteUrl('/workbook/', 'app.html', opts)).toBe('app.html#workbook');
    // The printable blank page stays a file of its own.
    expect(rewriteUrl('/worksheets/trust-inventory/print/', 'app.html', opts)).toBe('worksheets/trust-inventory/print/index.html');
    expect(targetFile('/worksheets/unknown/', opts.worksheets).file).toBe('worksheets/unknown/index.html');
  });
  it('leaves other sites, anchors and mail alone, and honours a base path', () => {
    for (const u of ['https://example.org/x/', '#top', 'mailto:a@b.c', '//cdn.example/x.js', 'data:image/png;base64,AA']) {
      expect(rewriteUrl(u, 'muscles/trust/index.html', opts)).toBe(u);
    }
    const sub = { ...opts, base: '/field-guide/' };
    expect(rewriteUrl('/field-guide/muscles/trust/', 'about/index.html', sub)).toBe('../muscles/trust/index.html');
    expect(rewriteUrl('/field-guide', 'about/index.html', sub)).toBe('../index.html');
    expect(rewriteUrl('/elsewhere/', 'about/index.html', sub)).toBe('/elsewhere/');
  });
  it('rewrites a page: src, srcset, action, data-base, no integrity, banner, offline search first, inline scripts untouched', () => {
    const html =
      '<!doctype html><html lang="en-GB" data-base="/" data-after-paint="site sw worksheet"><head><meta http-equiv="content-security-policy" content="script-src \'self\' \'sha256-x\'">' +
      '<link rel="icon" href="/favicon.svg"><script src="/_client/site.js" defer integrity="sha384-abc" crossorigin="anonymous"></script>' +
      '<script>var a = "/muscles/trust/";</script></head><body><header class="site-header"><form action="/search/"></form></header>' +
      '<img src="/a.png" srcset="/a.png 1x, /a@2x.png 2x"><a href="/workbook/">W</a></body></html>';
    const out = rewriteHtml(html, 'muscles/trust/index.html', opts);
    expect(out).toContain('data-base="../../"');
    expect(out).toContain('href="../../favicon.svg"');
    // The head script loads these after the first paint, the offline search first (src/client/theme.ts).
    expect(out).toContain('data-after-paint="offline-search site sw worksheet"');
    expect(out).toContain('<script src="../../_client/site.js" defer>');
    expect(out).not.toMatch(/integrity|crossorigin/);
    expect(out).toContain('<script>var a = "/muscles/trust/";</script>');
    expect(out).toContain('action="../../search/index.html"');
    expect(out).toContain('srcset="../../a.png 1x, ../../a@2x.png 2x"');
    expect(out).toContain('href="../../app.html#workbook"');
    expect(out).toContain("content=\"script-src 'self' 'sha256-x'\"");
    expect(out).toMatch(/<p class="offline-banner"[^>]*>This is a copy .*1 December 2026.*https:\/\/example\.org\/.*<\/p><header/);
    expect(rootPrefix('index.html')).toBe('./');
  });
});

describe('links made in the browser of the copy (href with a relative base)', () => {
  it('name the same files as the rewritten pages', () => {
    for (const path of [
      '/muscles/trust/#why',
      '/',
      '/worksheets/trust-inventory/',
      '/workbook/',
      '/worksheets/trust-inventory/print/',
      '/favicon.svg',
    ]) {
      expect(`/${targetFile(path, opts.worksheets).file}${targetFile(path, opts.worksheets).hash}`).toBe(diskPath(path));
    }
    expect(diskPath('https://example.org/')).toBe('https://example.org/');
  });
});

describe('the search index writer', () => {
  const page =
    '<html><head><title>T | Site</title></head><body><nav>Menu words</nav><main data-pagefind-body><h1 data-pagefind-meta="title">Buurtzorg &amp; care</h1>' +
    '<div data-pagefind-ignore>Hidden words</div><h2>Small teams</h2><p>Nurses work</p><p>in teams.</p><script>var x = 1;</script></main></body></html>';
  it('takes main without ignored parts, the title and the headings', () => {
    const rec = pageRecord(page, 'levels/paradigm/index.html', 0);
    expect(rec).toEqual({
      id: 0,
      url: 'levels/paradigm/index.html',
      title: 'Buurtzorg & care',
      headings: 'Small teams',
      text: 'Buurtzorg & care Small teams Nurses work in teams.',
    });
    expect(pageRecord('<html><body><main>x</main></body></html>', 'a.html', 1)).toBeNull();
  });
  it('writes a classic script that parses the ready index and the text, safe for any text', () => {
    const rec = pageRecord(page, 'x/index.html', 0);
    if (!rec) throw new Error('no record');
    const tricky = { ...rec, text: `quotes " ' back\\slash backslash </script> line\u2028end` };
    const script = indexScript([tricky]);
    expect(script).toMatch(/^window\.__psfgSearchIndex=JSON\.parse\(".*"\);\nwindow\.__psfgSearchText=".*";\n$/);
    const win: { __psfgSearchIndex?: PackedIndex; __psfgSearchText?: string } = {};
    new Function('window', script)(win);
    if (!win.__psfgSearchIndex) throw new Error('no index');
    const ms = loadSearch(win.__psfgSearchIndex);
    const hit = runSearch(ms, 'backslash')[0];
    expect(hit?.['url']).toBe('x/index.html');
    // The text for excerpts ships beside the index, by id, and not inside it.
    expect(hit?.['text']).toBeUndefined();
    expect(JSON.stringify(win.__psfgSearchIndex)).not.toContain('back\\\\slash backslash');
    expect(win.__psfgSearchText?.split('\u0000')[Number(hit?.id)]).toBe(tricky.text);
    // Texts in order of id, one per page, ids without a page left empty.
    const two = { __psfgSearchText: '' };
    new Function(
      'window',
      indexScript([
        { ...tricky, id: 2 },
        { ...tricky, id: 0, text: 'first' },
      ]),
    )(two);
    expect(two.__psfgSearchText.split('\u0000')).toEqual(['first', '', tricky.text]);
    expect(() => indexScript([{ ...tricky, text: 'a\u0000b' }])).toThrow(/NUL/);
    expect(runSearch(ms, 'Buurtzorg')[0]?.['title']).toBe('Buurtzorg & care');
  });
  describe('the packed index', () => {
    const words = ['trust', 'teams', 'nurses', 'budget', 'audit', 'paradigm', 'mission', 'people', 'power', 'learning'];
    // 300 pages of varied words, so that terms are spread over many pages, fields and ids.
    const pages = Array.from({ length: 300 }, (_, id) => ({
      id,
      url: `p${id}.html`,
      title: `${words[id % 10]} ${words[(id * 7) % 10]} page ${id}`,
      headings: id % 3 ? `${words[(id * 3) % 10]} heading` : '',
      text: Array.from({ length: 40 }, (_, i) => `${words[(id * i + i) % 10]}${(id + i) % 13} ${words[i % 10]}`).join(' '),
      ...(id % 5 === 0 ? { weight: 0.5 } : {}),
    }));
    const built = makeSearch(pages);
    const packed = packSearch(built);
    const queries = ['trust', 'teams nurses', 'paradigm4', 'budgt', 'power with', 'lear', 'page 17', 'zzz'];
    // Exactly the index that was packed: its contents in the same order, the same results, scores and terms.
    const same = (ms: ReturnType<typeof loadSearch>) => {
      expect(ms.toJSON()).toEqual(built.toJSON());
      for (const q of queries) expect(runSearch(ms, q)).toEqual(runSearch(built, q));
      expect(runSearch(ms, 'trust').length).toBeGreaterThan(10);
    };
    it('loads into the same index as the one packed: same contents, same results and scores', () => {
      expect(packed.ints.every((n) => Number.isInteger(n))).toBe(true);
      same(loadSearch(JSON.parse(JSON.stringify(packed)) as PackedIndex));
    });
    it('loads the same in slices, giving the page back between them', async () => {
      let pauses = 0;
      const ms = await loadSearchSliced(
        packed,
        () => 0,
        () => {
          pauses++;
          return Promise.resolve();
        },
      );
      same(ms);
      expect(pauses).toBeGreaterThan(2);
    });
    it('refuses postings that do not match the terms, and an empty index loads', () => {
      expect(() => loadSearch({ ...packed, ints: [...packed.ints, 1] })).toThrow(/do not match/);
      const empty = packSearch(makeSearch([]));
      expect(runSearch(loadSearch(empty), 'trust')).toEqual([]);
    });
  });
  it('leaves out what Pagefind never indexes: labels, forms, navigation, drawings', () => {
    const rec = pageRecord(
      '<main data-pagefind-body><h1>Sheet</h1><p>Kept words</p><label>Question label</label><form><p>Form words</p></form>' +
        '<nav>Nav words</nav><svg><text>Drawn words</text></svg><footer>Foot words</footer><noscript>No script</noscript></main>',
      'x.html',
      0,
    );
    expect(rec?.text).toBe('Sheet Kept words');
  });
  it('reads a weight over the whole body, as Pagefind does, and ranks the page lower by its square', () => {
    const body = (attr: string) =>
      `<main data-pagefind-body><article${attr}><h1 data-pagefind-meta="title">Power with</h1><p>Power with the people who use a service.</p></article></main>`;
    const plain = pageRecord(body(''), 'a.html', 0);
    const example = pageRecord(body(' data-pagefind-weight="0.5"'), 'b.html', 1);
    expect(plain?.weight).toBeUndefined();
    expect(example?.weight).toBe(0.5);
    expect(
      pageRecord(body('').replace('<main data-pagefind-body>', '<main data-pagefind-body data-pagefind-weight="2">'), 'c.html', 2)?.weight,
    ).toBe(2);
    if (!plain || !example) throw new Error('no record');
    // Same words: the weighted page comes second whichever is indexed first, at a quarter of the score.
    for (const pages of [
      [plain, example],
      [example, plain],
    ]) {
      const hits = runSearch(makeSearch(pages), 'power with');
      expect(hits.map((h) => h['url'])).toEqual(['a.html', 'b.html']);
      expect(hits[1]?.score).toBeCloseTo((hits[0]?.score ?? 0) / 4, 5);
    }
    // And the same after the index is written and loaded as the copy loads it.
    const win: { __psfgSearchIndex?: PackedIndex } = {};
    new Function('window', indexScript([example, plain]))(win);
    if (!win.__psfgSearchIndex) throw new Error('no index');
    expect(runSearch(loadSearch(win.__psfgSearchIndex), 'power')[0]?.['url']).toBe('a.html');
  });
  it('refuses a weight on part of a page, which the offline index could not mirror', () => {
    const part = '<main data-pagefind-body><h1>T</h1><p data-pagefind-weight="2">Loud</p><p>Quiet</p></main>';
    expect(() => pageRecord(part, 'x.html', 0)).toThrow(/part of the page/);
    expect(() => pageRecord('<main data-pagefind-body data-pagefind-weight="lots"><p>x</p></main>', 'x.html', 0)).toThrow(/0 to 10/);
  });
  it("makes words as Pagefind does: split at spaces, hyphens and quotes dropped, a final 's gone", () => {
    expect(pagefindWords("Person-based care, the minister's (view) and teams' don't 2,000 co-production")).toEqual([
      'personbased',
      'care',
      'the',
      'minister',
      'view',
      'and',
      'teams',
      'dont',
      '2000',
      'coproduction',
    ]);
    expect(pagefindWords(' — … ')).toEqual([]);
    const rec = { id: 0, url: 'a.html', title: 'Care', headings: '', text: 'A person-based paradigm.' };
    const other = { id: 1, url: 'b.html', title: 'Other', headings: '', text: 'A person, and what it is based on.' };
    const ms = makeSearch([rec, other]);
    expect(runSearch(ms, 'person-based').map((r) => r['url'])).toEqual(['a.html']);
    expect(excerpt(rec.text, runSearch(ms, 'person-based')[0]?.terms ?? [])).toBe('A <mark>person-based</mark> paradigm.');
  });
  it('finds by prefix and despite a typo, and marks the matched words', () => {
    const rec = pageRecord(page, 'x/index.html', 0);
    const other = { id: 1, url: 'y/index.html', title: 'Other', headings: '', text: 'Budgets and audits' };
    if (!rec) throw new Error('no record');
    const ms = makeSearch([rec, other]);
    expect(runSearch(ms, 'Buurt')[0]?.['url']).toBe('x/index.html');
    expect(runSearch(ms, 'Buurtzrog')[0]?.['url']).toBe('x/index.html');
    expect(runSearch(ms, 'audits')[0]?.['url']).toBe('y/index.html');
    expect(excerpt('Nurses work in small teams.', ['teams'])).toBe('Nurses work in small <mark>teams.</mark>');
    expect(excerpt('a <b> teams', ['teams'])).toBe('a &lt;b&gt; <mark>teams</mark>');
  });
});

describe('excerpts', () => {
  /** The plain way: every word of the text, then the window around the first match. */
  function reference(text: string, terms: string[], words = 30): string {
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const tokens = text.split(/(\s+)/);
    const hit = (w: string) => {
      const bare = searchWord(w);
      return bare !== '' && terms.some((t) => bare === t.toLowerCase() || bare.startsWith(t.toLowerCase()));
    };
    const first = tokens.findIndex((t, i) => i % 2 === 0 && hit(t));
    const start = Math.max(0, (first < 0 ? 0 : first) - 10);
    const html = tokens
      .slice(start, start + words * 2)
      .map((t, i) => (i % 2 === 0 && hit(t) ? `<mark>${esc(t)}</mark>` : esc(t)))
      .join('');
    return `${start > 0 ? '… ' : ''}${html}${start + words * 2 < tokens.length ? ' …' : ''}`;
  }
  it('shows the words around the first match, marked, with … where the text goes on', () => {
    const text = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');
    expect(excerpt(text, ['w20'])).toBe(
      `… ${Array.from({ length: 30 }, (_, i) => (i === 5 ? '<mark>w20</mark>' : `w${i + 15}`)).join(' ')}  …`,
    );
    expect(excerpt('Trust, and trusted teams.', ['trust'])).toBe('<mark>Trust,</mark> and <mark>trusted</mark> teams.');
    expect(excerpt('', ['x'])).toBe('');
    expect(excerpt('no match here', ['zzz'])).toBe('no match here');
  });
  it('gives what cutting the whole text into words gives, for any text', () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
    const vocab = ['trust', 'Trusted,', 'teams', '(budget)', 'a', 'B&amp;', '<b>', 'audit.', 'x'];
    for (let k = 0; k < 300; k++) {
      const n = rnd(80);
      const text = Array.from({ length: n }, () => vocab[rnd(vocab.length)]).join(rnd(2) ? ' ' : '  ');
      const terms = [vocab[rnd(vocab.length)]?.replace(/[^a-z]/gi, '').toLowerCase() ?? 'x'];
      expect(excerpt(text, terms)).toBe(reference(text, terms));
    }
  });
});

describe('the zip', () => {
  it('gives the same bytes for the same files, in any order, and holds them sorted under one folder', () => {
    const enc = new TextEncoder();
    const a = new Map([
      ['index.html', enc.encode('<p>home</p>')],
      ['_client/site.js', enc.encode('x()')],
    ]);
    const b = new Map([...a].reverse());
    const one = reproducibleZip(a, 'copy');
    const two = reproducibleZip(b, 'copy');
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(true);
    const files = unzipSync(one);
    expect(Object.keys(files)).toEqual(['copy/_client/site.js', 'copy/index.html']);
    expect(new TextDecoder().decode(files['copy/index.html'])).toBe('<p>home</p>');
    const changed = reproducibleZip(new Map([...a, ['index.html', enc.encode('<p>new</p>')]]), 'copy');
    expect(Buffer.from(changed).equals(Buffer.from(one))).toBe(false);
  });
});
