/**
 * Accessible beyond axe (issue 14), in real Chromium: pages that reflow at 320 px, a status bar that
 * never hides the focused control at 400% zoom, forced colours, the header's search results and Tab
 * order, and text alternatives of tables and charts as Chromium's accessibility tree exposes them.
 *
 * Runs against the real build (dist/, or SITE_DIR): `npm run build` first.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { listPages, siteDir } from '../support/site.ts';
import { useSiteAndBrowser } from '../support/session.ts';
import {
  allPrompts,
  builtDefinition,
  builtWorksheetIds,
  byId,
  exampleFixtures,
  fieldId,
  fillStorage,
  openForm,
  printPath,
  reachCharts,
  promptBlock,
  seedRecord,
  t,
  type Prompt,
} from './helpers-worksheets.ts';

const dir = siteDir();
const env = useSiteAndBrowser(dir);
const url = (path: string) => new URL(path, env.site.url).href;
const sheets = builtWorksheetIds(dir).map((id) => builtDefinition(dir, id));

describe('reflow', () => {
  const pages = listPages(dir);
  it.each([
    [320, 640],
    [412, 915],
  ])('at %ix%i no built page scrolls sideways: only a table scrolls, inside its own box', async (width, height) => {
    expect(pages.length).toBeGreaterThan(20);
    await env.withPage({ viewport: { width, height } }, async (page) => {
      const wide: string[] = [];
      for (const path of pages) {
        await page.goto(url(path), { waitUntil: 'load' });
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        if (scrollWidth > clientWidth) wide.push(`${path}: ${scrollWidth} px wide in ${clientWidth}`);
      }
      expect(wide).toEqual([]);
    });
  });
});

async function fillQuota(page: Page): Promise<void> {
  expect(await fillStorage(page)).toBeGreaterThan(0);
  const full = await page.evaluate(() => {
    try {
      window.localStorage.setItem('one-more', 'y');
      return false;
    } catch {
      return true;
    }
  });
  expect(full, 'storage is full').toBe(true);
}

/**
 * Whether the focused element can be seen: the element drawn at its centre is the element itself
 * (or inside it, or its label), not the status bar or anything else over it.
 */
const focusedIsOnTop = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { ok: false, what: 'body' };
    // A link that wraps has one box per line: the centre of its first line is on the link.
    const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    const labels = el instanceof HTMLInputElement ? [...(el.labels ?? [])] : [];
    const ok = !!hit && (hit === el || el.contains(hit) || labels.some((l) => l.contains(hit)));
    const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    return {
      ok,
      what: ok ? what : `${what} at (${Math.round(x)}, ${Math.round(y)}) lies under ${hit?.tagName.toLowerCase()}.${hit?.className}`,
    };
  });

/** Tabs from the top of the page to the end, then Shift+Tabs back: the stops where the control was hidden. */
async function everyTabStop(page: Page): Promise<{ stops: number; hidden: string[] }> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  const hidden: string[] = [];
  const seen: string[] = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const r = await focusedIsOnTop(page);
    if (r.what === 'body' || seen.includes(r.what)) break;
    seen.push(r.what);
    if (!r.ok) hidden.push(`Tab: ${r.what}`);
  }
  for (let i = 0; i < seen.length - 1; i++) {
    await page.keyboard.press('Shift+Tab');
    const r = await focusedIsOnTop(page);
    if (!r.ok) hidden.push(`Shift+Tab: ${r.what}`);
  }
  return { stops: seen.length, hidden };
}

describe('the status bar', () => {
  it.each(sheets.map((ws) => [ws.id, ws] as const))(
    'on %s, zoomed to 400 per cent (320x225 CSS px at device scale 4) with the storage full: the bar takes at most half the screen, and every Tab and Shift+Tab stop is in sight',
    async (_, ws) => {
      await env.withPage({ viewport: { width: 320, height: 225 }, deviceScaleFactor: 4 }, async (page) => {
        await page.goto(env.site.url);
        await fillQuota(page);
        await openForm(page, env.site.url, ws.id);
        const text = allPrompts(ws).find((p) => p.kind === 'text' || p.kind === 'longtext')!;
        await page.locator(byId(fieldId(ws.id, text.id))).pressSequentially('No room');
        await page.locator('[data-warning="quota"]').waitFor({ state: 'visible', timeout: 5_000 });
        const bar = page.locator('.ws-status');
        expect(await bar.locator('[data-warning]').count(), 'warnings stay out of the bar').toBe(0);
        const box = (await bar.boundingBox())!;
        expect(box.height, 'the bar takes at most half the viewport').toBeLessThanOrEqual(225 / 2);

        const { stops, hidden } = await everyTabStop(page);
        expect(stops, 'Tab reached the form').toBeGreaterThan(allPrompts(ws).length);
        expect(hidden).toEqual([]);
      });
    },
  );

  it.each(['coalition-map', 'muscles-check', 'three-horizons', 'trust-inventory'])(
    'at 412x915, where it sticks, on %s: scroll-padding matches it, and no Tab or Shift+Tab stop is under it',
    async (id) => {
      await env.withPage({ viewport: { width: 412, height: 915 } }, async (page) => {
        await openForm(page, env.site.url, id);
        const bar = page.locator('.ws-status');
        expect(await bar.evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
        const height = (await bar.boundingBox())!.height;
        const padding = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop));
        expect(padding, 'scroll-padding-top clears the bar').toBeGreaterThanOrEqual(height);
        expect(padding, 'and no more than it needs').toBeLessThanOrEqual(height + 24);
        const { stops, hidden } = await everyTabStop(page);
        expect(stops).toBeGreaterThan(10);
        expect(hidden).toEqual([]);
      });
    },
  );
});

describe('the charts drawn as they come near', () => {
  it.each(['levels-scan', 'muscles-check'])(
    'on %s at 320x225, do not push the button that has focus below them out of sight',
    async (id) => {
      await env.withPage({ viewport: { width: 320, height: 225 } }, async (page) => {
        await openForm(page, env.site.url, id);
        const charts = page.locator('[data-ws-part="charts"]');
        expect(await charts.getAttribute('data-drawn'), 'not drawn while far from the screen').toBeNull();
        // Focus jumps to the first button after the charts (as Tab does), which brings the charts near.
        const button = page.locator('[data-ws-part="end"] button').first();
        await button.focus();
        await page.locator('[data-ws-part="charts"][data-drawn="true"]').waitFor({ state: 'attached' });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
        expect(await page.evaluate(() => document.activeElement?.closest('[data-ws-part="end"]') !== null)).toBe(true);
        const box = (await button.boundingBox())!;
        expect(box.y, 'the button is still on screen').toBeGreaterThanOrEqual(0);
        expect(box.y + box.height, 'the button is still on screen').toBeLessThanOrEqual(225);
      });
    },
  );
});

describe('the status bar’s height', () => {
  it('follows the bar as it grows, and restyles the page’s root alone, not every element of the page', async () => {
    await env.withPage({ viewport: { width: 412, height: 915 } }, async (page) => {
      await openForm(page, env.site.url, 'muscles-check');
      const bar = page.locator('.ws-status');
      const before = (await bar.boundingBox())!.height;
      const cdp = await page.context().newCDPSession(page);
      const events: { name: string; args?: { elementCount?: number } }[] = [];
      cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
      await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
      // The bar grows, as it does when its text wraps; the form's observer then writes the padding.
      await bar.evaluate((el) => (el.style.paddingBottom = '40px'));
      const grown = (await bar.boundingBox())!.height;
      expect(grown).toBeGreaterThan(before + 20);
      await page.waitForFunction((h) => parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) >= h, grown - 0.5);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
      const ended = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.end');
      await ended;
      const padding = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop));
      expect(padding, 'the padding clears the grown bar, by no more than it needs').toBeLessThanOrEqual(grown + 24);
      const restyled = events.filter((e) => e.name === 'UpdateLayoutTree').map((e) => e.args?.elementCount ?? 0);
      expect(restyled.length, 'the change was restyled').toBeGreaterThan(0);
      // A custom property written on <html> (the old way) restyled all of the page's ~420 elements here.
      expect(Math.max(...restyled), `elements restyled per step: ${restyled.join(', ')}`).toBeLessThan(20);
    });
  });
});

/** PNG bytes to the distinct colours in them, decoded by the browser itself. */
const colours = (page: Page, png: Buffer): Promise<number> =>
  page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const set = new Set<number>();
    for (let i = 0; i < data.length; i += 4) set.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return set.size;
  }, png.toString('base64'));

describe('forced colours', () => {
  const scales = sheets.flatMap((ws) => {
    const p = allPrompts(ws).find((x): x is Extract<Prompt, { kind: 'scale' }> => x.kind === 'scale');
    return p ? [[ws.id, ws, p] as const] : [];
  });
  it.each(scales)('%s: a checked scale value is drawn differently from an unchecked one', async (_, ws, p) => {
    await env.withPage({}, async (page) => {
      await page.emulateMedia({ forcedColors: 'active' });
      await openForm(page, env.site.url, ws.id);
      expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
      const value = p.min + 1;
      const label = promptBlock(page, p.id).locator(`label[for="${ws.id}-${p.id}-${value}"]`);
      await label.scrollIntoViewIfNeeded();
      const before = await label.screenshot();
      await promptBlock(page, p.id).locator(`input[value="${value}"]`).check();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const after = await label.screenshot();
      expect(after.equals(before), 'checking a value changes how it is drawn').toBe(false);
    });
  });

  const radars = sheets.filter((ws) => ws.charts.some((c) => c.kind === 'radar' && c.series.length > 1));
  it.each(radars.map((ws) => [ws.id] as const))('%s: the radar legend keeps a visible swatch per line, each line its own', async (id) => {
    await env.withPage({}, async (page) => {
      await page.emulateMedia({ forcedColors: 'active' });
      await openForm(page, env.site.url, id);
      await reachCharts(page);
      const swatches = page.locator('.ws-form__screen .chart__legend .chart__swatch');
      const n = await swatches.count();
      expect(n).toBeGreaterThan(1);
      const shots: Buffer[] = [];
      for (let i = 0; i < n; i++) {
        const shot = await swatches.nth(i).screenshot();
        expect(await colours(page, shot), `swatch ${i + 1} is more than its background`).toBeGreaterThan(1);
        expect(
          shots.some((s) => s.equals(shot)),
          `swatch ${i + 1} differs from the others`,
        ).toBe(false);
        shots.push(shot);
      }
    });
  });
});

describe('the header search', () => {
  const results = (page: Page) => page.locator('[data-search-results]');
  async function search(page: Page): Promise<void> {
    await page.goto(url('/muscles/trust/'), { waitUntil: 'networkidle' });
    await page.fill('[data-search-input]', 'trust');
    await expect.poll(() => page.locator('[data-search-list] a').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    expect(await results(page).isVisible()).toBe(true);
  }

  it('closes on the first Escape from a result, stays closed, and keeps the query', async () => {
    await env.withPage({}, async (page) => {
      await search(page);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('search-result');
      await page.keyboard.press('Escape');
      expect(await results(page).isVisible(), 'Escape closes the results').toBe(false);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
      expect(await page.inputValue('[data-search-input]'), 'and keeps the query').toBe('trust');
      // The down arrow brings them back.
      await page.keyboard.press('ArrowDown');
      expect(await results(page).isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      expect(await results(page).isVisible()).toBe(false);
      expect(await page.inputValue('[data-search-input]')).toBe('trust');
    });
  });

  it('closes when focus leaves the search, so nothing focused sits under it', async () => {
    await env.withPage({}, async (page) => {
      await search(page);
      // Tab on from the box: past the submit button and out of the search.
      await page.focus('[data-search-input]');
      const results = page.locator('[data-search-results]');
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        const inside = await page.evaluate(() => !!document.activeElement?.closest('[data-search]'));
        if (!inside) break;
      }
      expect(await page.evaluate(() => !!document.activeElement?.closest('[data-search]'))).toBe(false);
      expect(await results.isVisible(), 'focus left the search: the results close').toBe(false);
      // Back into the box: the results open again.
      await page.focus('[data-search-input]');
      expect(await results.isVisible()).toBe(true);
      // Shift+Tab out of the top of the search closes them too.
      await page.keyboard.press('Shift+Tab');
      expect(await results.isVisible()).toBe(false);
    });
  });
});

describe('the header’s Tab order', () => {
  it.each([
    [320, 640],
    [412, 915],
    [800, 900],
    [1280, 900],
  ])('at %ix%i follows the order on screen', async (width, height) => {
    await env.withPage({ viewport: { width, height } }, async (page) => {
      await page.goto(url('/muscles/trust/'), { waitUntil: 'networkidle' });
      const stops = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.site-header a, .site-header button, .site-header input')]
          .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
          .map((el, i) => {
            const r = el.getBoundingClientRect();
            return { i, top: r.top, left: r.left, bottom: r.bottom, name: el.textContent?.trim() || el.getAttribute('placeholder') || '' };
          }),
      );
      expect(stops.length).toBeGreaterThan(2);
      // Reading order: a control is read before another when it is on an earlier line, or on the
      // same line and further left.
      for (let k = 1; k < stops.length; k++) {
        const a = stops[k - 1]!;
        const b = stops[k]!;
        const sameLine = b.top < a.bottom && a.top < b.bottom;
        expect(sameLine ? b.left > a.left : b.top >= a.bottom, `"${a.name}" comes before "${b.name}" on screen`).toBe(true);
      }
    });
  });
});

/** Chromium's accessibility tree of the page, as roles, names and descriptions. */
async function axNodes(page: Page): Promise<{ role: string; name: string; description: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { role?: { value?: string }; name?: { value?: string }; description?: { value?: string } }[];
  };
  await cdp.detach();
  return nodes.map((n) => ({ role: n.role?.value ?? '', name: n.name?.value ?? '', description: n.description?.value ?? '' }));
}

describe('text alternatives', () => {
  const tables = sheets.flatMap((ws) =>
    allPrompts(ws).flatMap((p) => (p.kind === 'table' ? [[`${ws.id} / ${p.id}`, ws, p] as const] : [])),
  );
  it.each(tables)('the table of %s is named, and its cells carry the column help', async (_, ws, p) => {
    await env.withPage({}, async (page) => {
      await openForm(page, env.site.url, ws.id);
      const nodes = await axNodes(page);
      expect(nodes.filter((n) => n.role === 'table' && n.name === p.label)).toHaveLength(1);
      for (const c of p.columns) {
        if (!c.help) continue;
        const name = `${c.label}, ${t.rowLabel(p.rowName, 1)}`;
        const cell = nodes.find((n) => n.name === name && (n.role === 'textbox' || n.role === 'combobox'));
        expect(cell, name).toBeDefined();
        expect(cell!.description, `${name}: described by the column help`).toContain(c.help);
      }
    });
  });

  const maps = exampleFixtures().filter(
    (f) => f.name.endsWith('.complete.json') && builtDefinition(dir, f.worksheet).charts.some((c) => c.kind === 'map'),
  );
  it.each(maps.map((f) => [f.worksheet, f] as const))('the map of %s says which quadrant each point is in', async (_, f) => {
    const ws = builtDefinition(dir, f.worksheet);
    await env.withPage({}, async (page) => {
      await seedRecord(page, env.site.url, ws.id, f.answers);
      await openForm(page, env.site.url, ws.id);
      await reachCharts(page);
      for (const chart of ws.charts) {
        if (chart.kind !== 'map' || !chart.quadrants) continue;
        const image = (await axNodes(page)).find((n) => n.role === 'image' && n.name === chart.title);
        expect(image, chart.title).toBeDefined();
        const placed = chart.quadrants.filter((q) => image!.description.includes(t.inQuadrant(q)));
        expect(placed.length, `the description names quadrants: ${image!.description}`).toBeGreaterThan(0);
      }
    });
  });

  const radarSheets = sheets.filter((ws) => ws.charts.some((c) => c.kind === 'radar'));
  it.each(radarSheets.map((ws) => [ws.id, ws] as const))('the radar of %s is described by its values in words', async (_, ws) => {
    const f = exampleFixtures().find((x) => x.name === `${ws.id}.complete.json`)!;
    await env.withPage({}, async (page) => {
      await seedRecord(page, env.site.url, ws.id, f.answers);
      await openForm(page, env.site.url, ws.id);
      await reachCharts(page);
      const nodes = await axNodes(page);
      for (const chart of ws.charts) {
        if (chart.kind !== 'radar') continue;
        const image = nodes.find((n) => n.role === 'image' && n.name === chart.title);
        expect(image, chart.title).toBeDefined();
        for (const s of chart.series) expect(image!.description).toContain(`${s}: `);
        for (const a of chart.axes) expect(image!.description).toContain(a.label);
        expect(image!.description).toMatch(/\d of \d/);
      }
    });
  });

  it.each(sheets.filter((ws) => ws.charts.length).map((ws) => [ws.id, ws] as const))(
    'the blank printable page of %s says how to draw the picture, not that it appears as you answer',
    async (_, ws) => {
      await env.withPage({}, async (page) => {
        await page.goto(url(printPath(ws.id)));
        const text = await page.locator('main').innerText();
        expect(text).not.toContain(t.chartEmpty);
        for (const chart of ws.charts) {
          if (chart.kind === 'radar') expect(text).toContain(t.radarBlank);
          else {
            const table = allPrompts(ws).find((p) => p.id === chart.table) as Extract<Prompt, { kind: 'table' }>;
            const col = (id: string) => table.columns.find((c) => c.id === id)!.label;
            expect(text).toContain(t.mapBlank(col(chart.x), col(chart.y)));
          }
        }
      });
    },
  );
});
