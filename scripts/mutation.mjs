#!/usr/bin/env node
/**
 * `npm run test:mutation`: Stryker over src/worksheets/ and src/stores/, in two passes, one score.
 *
 * 1. stryker.config.json: every mutant that runs while a test runs, each against only the tests that
 *    reach it (per-test coverage). Static mutants, in code that runs once when a module loads (the zod
 *    schemas, the table of prompt kinds, constants), are set aside there ("ignoreStatic"): each would
 *    need a fresh load of all 900 unit tests, about 30 s a mutant.
 * 2. For each file with static mutants, Stryker again over just their lines, with static mutants on,
 *    loading only that module's own unit tests (vitest.mutation-static.config.ts, PSFG_MUTATION_TESTS).
 *
 * The second pass's results replace the first pass's "Ignored", so no mutant is left out of the score.
 * Prints the combined score per file and in all, writes reports/mutation/mutation.json (a Stryker report
 * of both passes) and exits 1 below 90%. Both passes are incremental: a rerun tests only what changed.
 * `--skip-first` reuses the first pass's report as it is on disk.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const BREAK = 90;
const REPORT = 'reports/mutation/mutation.json';
const FIRST = 'reports/mutation/runtime.json';

/** The unit tests that exercise each mutated file's load-time code. */
const TESTS = {
  'src/worksheets/schema.ts': ['schema', 'page-schema', 'method-card', 'generated'],
  'src/worksheets/generated.ts': ['generated', 'schema'],
  'src/worksheets/kinds.ts': ['kinds', 'answers', 'answers-edges', 'document'],
  'src/worksheets/prompts.ts': ['kinds', 'answers', 'document'],
  'src/worksheets/answers.ts': ['answers', 'answers-edges', 'document'],
  'src/worksheets/document.ts': ['document', 'chart-blocks'],
  'src/worksheets/charts.ts': ['charts', 'chart-blocks', 'document'],
  'src/worksheets/rounds.ts': ['rounds', 'rounds-edges', 'backup'],
  'src/worksheets/storage.ts': ['storage', 'storage-edges', 'storage-never-overwrites', 'migrations'],
  'src/worksheets/routing.ts': ['routing', 'journey'],
  'src/worksheets/routing-table.ts': ['routing', 'journey'],
  'src/stores/worksheet.ts': ['store'],
};

const BASE = JSON.parse(readFileSync('stryker.config.json', 'utf8'));

/** Runs Stryker with stryker.config.json changed by `over`, written beside the reports (git-ignored). */
function stryker(name, over, env = {}) {
  const file = `reports/stryker-${name}.config.json`;
  writeFileSync(file, JSON.stringify({ ...BASE, ...over }, null, 2));
  const r = spawnSync('npx', ['stryker', 'run', file], { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
const keyOf = (m) =>
  `${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column} ${m.mutatorName} ${m.replacement ?? ''}`;
const isStatic = (m) => m.status === 'Ignored' && /static/i.test(m.statusReason ?? '');

mkdirSync('reports/mutation', { recursive: true });
if (!process.argv.includes('--skip-first')) {
  stryker('runtime', { jsonReporter: { fileName: FIRST } });
} else if (!existsSync(FIRST) && existsSync(REPORT)) {
  writeFileSync(FIRST, readFileSync(REPORT));
}
if (!existsSync(FIRST)) {
  console.error('mutation: the first pass wrote no report');
  process.exit(1);
}
const report = read(FIRST);

// Pass 2: the static mutants, file by file, against that file's own tests.
for (const [file, entry] of Object.entries(report.files)) {
  const left = entry.mutants.filter(isStatic);
  if (!left.length) continue;
  const tests = TESTS[file];
  if (!tests) {
    console.error(`mutation: no tests listed for the static mutants of ${file} (scripts/mutation.mjs, TESTS)`);
    process.exit(1);
  }
  const lines = [
    ...new Set(
      left.flatMap((m) => Array.from({ length: m.location.end.line - m.location.start.line + 1 }, (_, i) => m.location.start.line + i)),
    ),
  ].sort((a, b) => a - b);
  const ranges = [];
  for (const n of lines) {
    const last = ranges.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else ranges.push([n, n]);
  }
  const slug = file.replace(/[^a-z0-9]+/gi, '-');
  const out = `reports/mutation/static-${slug}.json`;
  console.log(`\nmutation: ${left.length} static mutants of ${file}, against ${tests.join(', ')}`);
  stryker(
    `static-${slug}`,
    {
      mutate: ranges.map(([a, b]) => `${file}:${a}-${b}`),
      ignoreStatic: false,
      vitest: { ...BASE.vitest, configFile: 'vitest.mutation-static.config.ts' },
      jsonReporter: { fileName: out },
      incrementalFile: `reports/stryker-static-${slug}.incremental.json`,
      thresholds: { ...BASE.thresholds, break: null },
      reporters: ['json', 'progress'],
      warnings: { slow: false },
    },
    { PSFG_MUTATION_TESTS: tests.join(',') },
  );
  if (!existsSync(out)) {
    console.error(`mutation: the static pass over ${file} wrote no report`);
    process.exit(1);
  }
  const found = new Map(Object.values(read(out).files).flatMap((f) => f.mutants.map((m) => [keyOf(m), m])));
  entry.mutants = entry.mutants.map((m) => {
    if (!isStatic(m)) return m;
    const again = found.get(keyOf(m));
    return again && again.status !== 'Ignored' ? { ...again, id: m.id, static: true } : m;
  });
}

writeFileSync(REPORT, JSON.stringify(report));

// The score: detected (killed, timed out) over valid mutants (detected, survived, not covered).
const rows = [];
const all = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0 };
for (const [file, entry] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const c = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0 };
  for (const m of entry.mutants) {
    const k = { Killed: 'killed', Timeout: 'timeout', Survived: 'survived', NoCoverage: 'noCoverage', Ignored: 'ignored' }[m.status];
    if (k) {
      c[k]++;
      all[k]++;
    }
  }
  rows.push([file, c]);
}
const score = (c) => {
  const valid = c.killed + c.timeout + c.survived + c.noCoverage;
  return valid ? (100 * (c.killed + c.timeout)) / valid : 100;
};
const pad = (s, n) => String(s).padStart(n);
console.log('\nMutation score, both passes (static mutants included)');
console.log(
  `${'file'.padEnd(34)}${pad('score', 8)}${pad('killed', 8)}${pad('timeout', 8)}${pad('survived', 9)}${pad('no cov', 8)}${pad('ignored', 8)}`,
);
for (const [file, c] of [...rows, ['all files', all]]) {
  console.log(
    `${file.padEnd(34)}${pad(score(c).toFixed(2), 8)}${pad(c.killed, 8)}${pad(c.timeout, 8)}${pad(c.survived, 9)}${pad(c.noCoverage, 8)}${pad(c.ignored, 8)}`,
  );
}
const total = score(all);
console.log(`\nmutation score ${total.toFixed(2)}% (break at ${BREAK}%)${all.ignored ? `; ${all.ignored} mutants still ignored` : ''}`);
process.exit(total >= BREAK ? 0 : 1);
