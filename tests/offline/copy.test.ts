/**
 * The copy on disk as built by `npm run build` (dist-offline/ and the zip in dist/): every link of every
 * page resolves to a file and every anchor exists (the link checker of tests/gates/), every page keeps
 * its Content-Security-Policy, and making the copy twice gives the same zip.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinksByPage } from '../gates/gates.ts';
import { formatSize, makeCopy, ZIP_NAME } from '../../src/offline/build.ts';
import { COPY_DIR } from './walk.ts';

const htmlFiles = (dir: string, root = dir): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? htmlFiles(p, root) : p.endsWith('.html') ? [p] : [];
  });

describe('the copy on disk', () => {
  it('has every link resolving to a file and every anchor in place', () => {
    expect(existsSync(join(COPY_DIR, 'index.html')), 'run npm run build first').toBe(true);
    const problems = [...checkLinksByPage(COPY_DIR).values()].flat();
    expect(problems).toEqual([]);
  }, 60_000);

  it('links only to .html files, never to a folder, and keeps the policy and the banner on every page', () => {
    const files = htmlFiles(COPY_DIR);
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).toMatch(/<meta http-equiv="content-security-policy" content="[^"]*script-src 'self'/);
      expect(html, file).toContain('data-offline-banner');
      expect(html, file).not.toMatch(/\sintegrity=/);
      for (const [, url] of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        if (!url || /^(https?:|mailto:|#|data:)/.test(url)) continue;
        expect(url, `${file}: ${url}`).not.toMatch(/^\//);
        expect(url, `${file}: ${url}`).not.toMatch(/\/(#|$)/);
      }
    }
  });

  it('makes the same zip twice from the same build', async () => {
    const opts = { base: '/', siteUrl: 'http://localhost:4321/', date: '2026-12-01', worksheets: new Set(['trust-inventory']) };
    const one = await makeCopy('dist', opts);
    const two = await makeCopy('dist', opts);
    expect(Buffer.from(one.zip).equals(Buffer.from(two.zip))).toBe(true);
    expect(existsSync(join('dist', ZIP_NAME))).toBe(true);
  }, 60_000);

  it('says the real size of the zip on the hosted /offline/ page, and the copy offers the zip from the website', () => {
    const hosted = readFileSync(join('dist', 'offline', 'index.html'), 'utf8');
    const size = formatSize(statSync(join('dist', ZIP_NAME)).size);
    expect(hosted).toContain(`<span data-offline-size>${size}</span>`);
    expect(hosted).toMatch(/<span data-offline-date>\d{1,2} [A-Z][a-z]+ \d{4}<\/span>/);
    const copy = readFileSync(join(COPY_DIR, 'offline', 'index.html'), 'utf8');
    expect(copy).toMatch(/href="https?:\/\/[^"]+\/public-systems-field-guide-offline\.zip"/);
  });
});
