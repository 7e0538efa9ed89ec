/**
 * Printable worksheets fit both A4 and US Letter: at the printable width of each (page width less the
 * 14 mm side margins of the print stylesheet) nothing is wider than the page.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteDir } from '../support/site.ts';
import { useSiteAndBrowser } from '../support/session.ts';
import { overflowing, printableWidth } from '../support/print.ts';

const dir = siteDir();
const env = useSiteAndBrowser(dir);
const ids = readdirSync(join(dir, 'worksheets'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const PAPERS = [
  { paper: 'A4', width: printableWidth(210) },
  { paper: 'US Letter', width: printableWidth(215.9) },
];

describe.each(PAPERS)('on $paper paper', ({ width }) => {
  it.each(ids)('the blank %s worksheet is no wider than the printable area', async (id) => {
    await env.withPage({ viewport: { width, height: 1000 } }, async (page) => {
      await page.emulateMedia({ media: 'print' });
      await page.goto(new URL(`/worksheets/${id}/print/`, env.site.url).href, { waitUntil: 'networkidle' });
      const overflow = await overflowing(page);
      expect(overflow).toEqual([]);
    });
  });
});
