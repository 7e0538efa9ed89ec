/**
 * The hosted site as an installable app that works offline: the web app manifest and its icons
 * (an Astro integration, at the end of the build), and the service worker (generated after Pagefind,
 * by scripts/sw.mjs, so the search index is in its precache list).
 *
 * The manifest's start URL and scope are the base path. The worker needs no base of its own: it sits
 * at the base, and its precache URLs are relative to itself.
 *
 * Answers live in localStorage, which a service worker never sees: an update replaces cached files
 * only, never what readers typed.
 */
import type { AstroIntegration } from 'astro';
import { Resvg } from '@resvg/resvg-js';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_NAME, APP_SHORT_NAME, BACKGROUND_COLOUR, THEME_COLOUR } from '../lib/app.ts';

export const APP_DESCRIPTION =
  'A field guide, with worksheets, for people who make public systems work better for the people who use them.';
export const MANIFEST_FILE = 'manifest.webmanifest';
export const SW_FILE = 'sw.js';
export const ICON_DIR = 'icons';

/**
 * Icons made from public/favicon.svg: `any` icons at full bleed, a maskable one inside the safe zone, and
 * the page's own favicon as a small PNG. Not the SVG itself: Chromium draws an SVG favicon in the page's
 * own process, as a document of its own (about 15 ms of the main thread on this VM, while the page loads);
 * a PNG is decoded off it.
 */
export const ICONS = [
  { file: 'favicon-32.png', size: 32, purpose: 'favicon' },
  { file: 'icon-192.png', size: 192, purpose: 'any' },
  { file: 'icon-512.png', size: 512, purpose: 'any' },
  { file: 'icon-maskable-512.png', size: 512, purpose: 'maskable' },
  { file: 'apple-touch-icon.png', size: 180, purpose: 'apple' },
] as const;

export interface WebManifest {
  name: string;
  short_name: string;
  description: string;
  lang: string;
  dir: 'ltr';
  start_url: string;
  scope: string;
  id: string;
  display: 'standalone';
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string; purpose: string }[];
}

/** The manifest for a build under `base` (`/` or `/field-guide/`). Icon URLs are relative to the manifest. */
export function webManifest(base: string): WebManifest {
  return {
    name: APP_NAME,
    short_name: APP_SHORT_NAME,
    description: APP_DESCRIPTION,
    lang: 'en-GB',
    dir: 'ltr',
    start_url: base,
    scope: base,
    id: base,
    display: 'standalone',
    theme_color: THEME_COLOUR,
    background_color: BACKGROUND_COLOUR,
    icons: ICONS.filter((i) => i.purpose === 'any' || i.purpose === 'maskable').map((i) => ({
      src: `${ICON_DIR}/${i.file}`,
      sizes: `${i.size}x${i.size}`,
      type: 'image/png',
      purpose: i.purpose,
    })),
  };
}

/** The favicon's drawing, scaled into the middle 80% of a square filled with the theme colour (the maskable safe zone). */
export function maskableSvg(favicon: string): string {
  const inner = favicon.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" fill="${THEME_COLOUR}"/><g transform="translate(4 4)">${inner}</g></svg>`;
}

/** A PNG of `svg` at `size` pixels square. */
export function renderPng(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

/** Writes the icons and the manifest into `dir`, the build of a site under `base`. */
export async function writeManifest(dir: string, base: string, favicon: string): Promise<string[]> {
  await mkdir(join(dir, ICON_DIR), { recursive: true });
  const written: string[] = [];
  for (const icon of ICONS) {
    const svg = icon.purpose === 'maskable' || icon.purpose === 'apple' ? maskableSvg(favicon) : favicon;
    await writeFile(join(dir, ICON_DIR, icon.file), renderPng(svg, icon.size));
    written.push(`${ICON_DIR}/${icon.file}`);
  }
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(webManifest(base), null, 2)}\n`);
  written.push(MANIFEST_FILE);
  return written;
}

export default function pwa(): AstroIntegration {
  let base = '/';
  let publicDir = '';
  return {
    name: 'psfg:pwa',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const favicon = readFileSync(join(publicDir, 'favicon.svg'), 'utf8');
        const written = await writeManifest(fileURLToPath(dir), base, favicon);
        logger.info(`web app manifest and ${written.length - 1} icons written`);
      },
    },
  };
}
