/**
 * Three projects:
 * - unit:    framework-free modules in Node (`*.test.ts`)
 * - dom:     components in happy-dom (`*.dom.test.ts(x)`), JSX for Preact
 * - browser: the built site in Chromium (`*.browser.test.ts`), one file at a time
 *
 * A plain Vitest config (no Astro `getViteConfig`): the modules under test import nothing from Astro's
 * virtual modules, and `astro/zod` is an ordinary package import.
 *
 *   npx vitest run --project unit --project dom     # fast
 *   npm run build && npx vitest run --project browser
 */
import { configDefaults, defineConfig } from 'vitest/config';

const exclude = [
  ...configDefaults.exclude,
  '**/node_modules/**',
  '**/dist/**',
  '**/dist-offline/**',
  '**/dist-subpath/**',
  '**/.astro/**',
  '**/coverage/**',
  '**/.stryker-tmp/**',
  '**/reports/**',
];

export default defineConfig({
  test: {
    exclude,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: [...exclude, '**/*.dom.test.*', '**/*.browser.test.*'],
          environment: 'node',
        },
      },
      {
        extends: true,
        // Vite 8 transforms TypeScript and JSX with Oxc (its `esbuild` option is deprecated).
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          name: 'dom',
          include: ['**/*.dom.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['**/*.browser.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
