#!/usr/bin/env node
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
/**
 * A second build of the guide under a path, as GitHub Pages publishes a project site, for the tests:
 * BASE_PATH=/field-guide/ into dist-subpath/ (git-ignored), then its Pagefind index and service worker.
 *
 *   npm run build:subpath      # npm test runs it after the main build
 */
import { spawnSync } from 'node:child_process';
import { ZIP_NAME as ZIP } from '../src/offline/names.ts';

export const SUBPATH_BASE = '/field-guide/';
export const SUBPATH_DIR = 'dist-subpath';

function run(command, args, env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  if (result.error) console.error(`build-subpath: ${command}: ${result.error.message} (run it with npm run build:subpath)`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('astro', ['build', '--outDir', SUBPATH_DIR, '--silent'], { BASE_PATH: SUBPATH_BASE });
run('pagefind', ['--site', SUBPATH_DIR, '--silent'], {});
// The offline zip is made once, by the default build; the copy under a path offers the same file.
if (existsSync(join('dist', ZIP))) copyFileSync(join('dist', ZIP), join(SUBPATH_DIR, ZIP));
run('node', ['scripts/sw.mjs', SUBPATH_DIR], {});
