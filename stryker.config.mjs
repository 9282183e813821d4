// Mutation testing (`npm run test:mutation`): a report of how much of shared/ and
// electron/services/ the unit tests would notice breaking. Not part of `npm test` (a full run
// takes hours on a small machine); see tests/README.md, "Mutation testing".
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: {
    // vitest.config.ts reduced to one project: `node` (shared/, electron/) unless
    // STRYKER_VITEST_PROJECT=dom (to mutate a renderer module such as renderer/stores/autosave.ts).
    configFile: 'vitest.stryker.config.ts',
    // Only the test files that import a mutated module (directly or not) are run.
    related: true,
  },
  // shared/samples/ is seeded sample data, not a rule anybody relies on. The other files all hold
  // code (modules of types alone give no mutants: Stryker does not mutate type annotations).
  mutate: ['shared/**/*.ts', '!shared/samples/**', 'electron/services/**/*.ts'],
  // What the sandbox (a copy of the project) need not hold.
  ignorePatterns: [
    'out',
    'test-results',
    'playwright-report',
    'bench-results',
    '.data',
    'tests/e2e',
    // Randomised crash and fuzz runs (child processes killed at random moments): they measure
    // robustness, take minutes, and a random failure would stop the run.
    'tests/electron/robustness',
    'docs',
  ],
  // Outside the repository, so that `eslint .` and other people's runs never see the sandbox.
  tempDirName: join(tmpdir(), 'qinglang-stryker'),
  coverageAnalysis: 'perTest',
  concurrency: 1,
  // Some tests build 20 MB inspections or stream 50 MB of evidence: a mutant gets this much on
  // top of its tests' own time before it counts as a timeout (an infinite loop).
  timeoutMS: 15000,
  timeoutFactor: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'html', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { allowColor: false, reportTests: false, logTests: false },
  thresholds: { high: 80, low: 60, break: null },
};
