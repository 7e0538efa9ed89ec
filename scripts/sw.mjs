#!/usr/bin/env node
/**
 * Writes the service worker into a finished build, after `astro build` and Pagefind (see
 * src/build/service-worker.ts). `npm run build` and `npm run build:subpath` run it.
 *
 *   node scripts/sw.mjs [dir]      # default dist
 */
import { resolve } from 'node:path';
import { generateServiceWorker } from '../src/build/service-worker.ts';

const dir = resolve(process.argv[2] ?? 'dist');
try {
  const { count, size } = await generateServiceWorker(dir);
  console.log(`sw.js written: ${count} files precached, ${Math.round(size / 1024)} KB`);
} catch (error) {
  console.error(`sw: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
