/**
 * npm run bench:ui [-- --runs N] [-- --save-baseline]
 *
 * Opens an inspection whose device register has 1,000 rows, in Debian's Chromium through the
 * browser harness, types into item fields and register cells and switches sections, and prints
 * input latency (Event Timing API) and section-switch time against bench/ui-baseline.json.
 * Plain JavaScript because no TypeScript runner is installed for scripts (Node 20 cannot strip
 * types); it drives the built app (out/), which `npm run bench:ui` builds first.
 * Benchmarks never fail the build: exit 0 whatever the figures, 1 only if it could not run.
 * This file reads the options and runs the rest: scripts/bench-ui/ holds the fixture, the probe
 * installed in the page, one run's actions, the figures, the report and the baseline.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { readBaseline, saveBaseline } from './bench-ui/baseline.mjs';
import { summarize } from './bench-ui/figures.mjs';
import { cpuSample, otherShare } from './bench-ui/machine.mjs';
import { fmtShare, report } from './bench-ui/report.mjs';
import { oneRun } from './bench-ui/run.mjs';

const USAGE = `usage: npm run bench:ui [-- --runs N] [-- --save-baseline]

  --runs N          how many times to run the whole measurement (default 3)
  --save-baseline   write this run's figures to bench/ui-baseline.json`;

/** The options, or the exit code when there is nothing to run (help, or a usage error). */
function optionsOf() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        runs: { type: 'string', default: '3' },
        'save-baseline': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`bench:ui: ${error.message}\n\n${USAGE}`);
    return { exit: 2 };
  }
  if (values.help) {
    console.log(USAGE);
    return { exit: 0 };
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) {
    console.error(`bench:ui: --runs must be a whole number from 1 to 50\n\n${USAGE}`);
    return { exit: 2 };
  }
  return { runs, saveBaseline: values['save-baseline'] };
}

/** Every run in one browser, each with the share of the CPU that other work took meanwhile. */
async function measure(runs) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const chromiumVersion = browser.version();
  const probes = [];
  const others = [];
  try {
    for (let run = 1; run <= runs; run++) {
      const started = Date.now();
      const before = await cpuSample();
      probes.push(await oneRun(browser, run));
      const other = otherShare(before, await cpuSample());
      others.push(other);
      console.log(
        `run ${run}/${runs} done in ${((Date.now() - started) / 1000).toFixed(0)} s; ` +
          `other work used ${fmtShare(other)} of the CPU`,
      );
    }
  } finally {
    await browser.close().catch(() => undefined);
  }
  return { probes, others, chromiumVersion };
}

async function main() {
  const options = optionsOf();
  if (options.exit !== undefined) return options.exit;
  const { runs } = options;
  const { probes, others, chromiumVersion } = await measure(runs);
  const cpus = os.cpus();
  const machine = {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.versions.node,
    chromium: chromiumVersion,
    runs,
    otherWork: others.map((share) => Math.round(share * 100) / 100),
  };
  const current = summarize(probes);
  const perRun = probes.map((p) => summarize([p]));
  const baseline = await readBaseline();
  report(current, baseline, machine, perRun);

  if (options.saveBaseline) await saveBaseline(current, machine);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(`bench:ui could not run: ${error instanceof Error ? error.stack : error}`);
    process.exitCode = 1;
  },
);
