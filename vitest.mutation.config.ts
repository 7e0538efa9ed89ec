/**
 * The tests Stryker runs against each mutant of src/worksheets/ and src/stores/ (`npm run test:mutation`):
 * the unit tests, without the content tests (they read the build, which mutants do not change) and without
 * the DOM tests of the islands (not mutated).
 */
import { configDefaults, defineConfig } from 'vitest/config';

const exclude = [
  ...configDefaults.exclude,
  '**/node_modules/**',
  '**/dist/**',
  '**/.stryker-tmp/**',
  'tests/content/**',
  '**/*.browser.test.*',
];

export default defineConfig({
  test: {
    exclude,
    projects: [{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude, environment: 'node' } }],
  },
});
