/**
 * The tests of the second Stryker pass (scripts/mutation.mjs): static mutants, those in code that runs once
 * when a module loads (the zod schemas, the table of prompt kinds, constants). Each static mutant needs a fresh
 * load of every test file it runs, so this pass runs, for each mutated file, only the unit tests of that
 * module (a few seconds a load instead of the 30 s of all unit tests).
 */
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The test files to load, from PSFG_MUTATION_TESTS (names under tests/unit/, comma-separated), which
 * scripts/mutation.mjs sets for each file it mutates; all unit tests without it.
 */
const names = (process.env['PSFG_MUTATION_TESTS'] ?? '').split(',').filter(Boolean);
const include = names.length ? names.map((name) => `tests/unit/${name}.test.ts`) : ['tests/unit/**/*.test.ts'];
const exclude = [...configDefaults.exclude, '**/.stryker-tmp/**'];

export default defineConfig({
  test: {
    exclude,
    projects: [{ extends: true, test: { name: 'unit', include, exclude, environment: 'node' } }],
  },
});
