/**
 * npm run bench:aggregate [-- --quick] [-- --count N] [-- --large N]
 *
 * Builds the app, makes (or reuses, from node_modules/.cache/qinglang-bench-aggregate/) N signed
 * sample workbooks of as many schools (default 1,000), and in the same run times
 * `node out/main/cli.js aggregate DIR --out district.xlsx --json report.json` against a baseline:
 * scripts/bench-aggregate/openpyxl_counts.py with Debian's /usr/bin/python3 and openpyxl, which
 * reads the same workbooks (read_only, data_only) and computes the same per-school counts (items
 * by status, open and overdue actions). It checks that both agree, school by school, then prints
 * both times, the ratio (aim: ours at least 5x faster) and our peak memory. Then the large run
 * (default 10,000 workbooks, also cached; aim: peak memory under 512 MB). `--quick`: 100
 * workbooks and no large run. Each is timed twice and the faster taken; ours is the CLI's whole
 * process (start, reading, merging, writing the summary and the report), Python's is timed
 * inside Python (its start and import not counted). Peak memory is the CLI process's maximum
 * resident set (/usr/bin/time %M), its worker threads included.
 * Benchmarks never fail the build: exit 0 whatever the figures, 1 only if it could not run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkout } from './bench-ui/checkout.mjs';
import { AS_OF, cacheFolder, ensureWorkbooks } from './bench-aggregate/generate.mjs';
import { buildAppCode } from './bench-aggregate/load.mjs';

const USAGE = `usage: npm run bench:aggregate [-- --quick] [-- --count N] [-- --large N]

  --quick     100 workbooks, and no large run
  --count N   workbooks timed against openpyxl (default 1000)
  --large N   workbooks of the memory run (default 10000; 0: none)`;

const PYTHON = '/usr/bin/python3';
const TIME = '/usr/bin/time';
const BASELINE = fileURLToPath(new URL('./bench-aggregate/openpyxl_counts.py', import.meta.url));
const CLI = path.join(checkout, 'out', 'main', 'cli.js');
const TODAY = '2026-12-01';
const AIM_RATIO = 5;
const AIM_MB = 512;
const RUNS = 2;

function optionsOf() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        quick: { type: 'boolean', default: false },
        count: { type: 'string' },
        large: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`bench:aggregate: ${error.message}\n\n${USAGE}`);
    return { exit: 2 };
  }
  if (values.help) {
    console.log(USAGE);
    return { exit: 0 };
  }
  const count = Number(values.count ?? (values.quick ? 100 : 1000));
  const large = Number(values.large ?? (values.quick ? 0 : 10_000));
  const whole = (n, min) => Number.isInteger(n) && n >= min && n <= 100_000;
  if (!whole(count, 1) || !whole(large, 0)) {
    console.error(
      `bench:aggregate: --count and --large must be whole numbers up to 100000\n\n${USAGE}`,
    );
    return { exit: 2 };
  }
  return { count, large };
}

const log = (line) => console.log(line);

function run(command, args, what) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    cwd: checkout,
  });
  if (result.error) throw new Error(`${what} could not run: ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(`${what} failed (exit ${result.status}):\n${result.stderr.slice(-4000)}`);
  return result;
}

/** One timed run of `qinglang aggregate`: wall seconds, peak RSS (MB) and the report. */
function aggregateOnce(folder) {
  const out = mkdtempSync(path.join(os.tmpdir(), 'qinglang-bench-aggregate-'));
  try {
    const args = ['-f', '%e %M', process.execPath, CLI, 'aggregate', folder];
    args.push('--out', path.join(out, 'district.xlsx'), '--json', path.join(out, 'report.json'));
    args.push('--today', TODAY);
    const started = process.hrtime.bigint();
    const result = run(TIME, args, 'qinglang aggregate');
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const kb = Number(result.stderr.trim().split('\n').at(-1).split(' ')[1]);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    return { seconds, mb: kb / 1024, report };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function aggregate(folder, runs) {
  const all = Array.from({ length: runs }, () => aggregateOnce(folder));
  const best = all.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { ...best, mb: Math.max(...all.map((r) => r.mb)) };
}

function baseline(folder, runs) {
  const all = Array.from({ length: runs }, () =>
    JSON.parse(run(PYTHON, [BASELINE, folder, TODAY], 'the openpyxl baseline').stdout),
  );
  return all.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

/** Our report's counts per school, as the baseline computes them. */
function oursByCode(report) {
  return Object.fromEntries(
    report.schools.map((s) => [
      s.code,
      { ...s.counts, openActions: s.openActions, overdueActions: s.overdueActions },
    ]),
  );
}

function agreement(ours, theirs, count) {
  const codes = Object.keys(theirs);
  const differing = codes.filter(
    (code) => JSON.stringify(ours[code]) !== JSON.stringify(theirs[code]),
  );
  if (codes.length !== count || Object.keys(ours).length !== count || differing.length > 0) {
    const example = differing[0];
    throw new Error(
      `the counts differ: ours ${Object.keys(ours).length} schools, openpyxl ${codes.length}, ` +
        `${differing.length} differ` +
        (example
          ? ` (e.g. ${example}: ours ${JSON.stringify(ours[example])}, openpyxl ` +
            `${JSON.stringify(theirs[example])})`
          : ''),
    );
  }
  return codes.length;
}

async function main() {
  const options = optionsOf();
  if ('exit' in options) return options.exit;
  log('bench:aggregate: building the app (npm run build)…');
  run('npm', ['run', 'build'], 'npm run build');
  const { version } = JSON.parse(readFileSync(path.join(checkout, 'package.json'), 'utf8'));
  const cacheRoot = path.join(checkout, 'node_modules', '.cache', 'qinglang-bench-aggregate');
  const code = await buildAppCode();
  const processes = Math.max(1, Math.min(os.availableParallelism(), 4));
  const folders = {};
  try {
    for (const count of [options.count, options.large].filter((n) => n > 0)) {
      folders[count] = await cacheFolder(cacheRoot, version, code.dir, count);
      await ensureWorkbooks({ folder: folders[count], count, codeDir: code.dir, processes, log });
    }
  } finally {
    await code.remove();
  }
  const folder = folders[options.count];
  log(`timing qinglang aggregate and openpyxl on ${options.count} workbooks, ${RUNS} runs each…`);
  run(process.execPath, [CLI, 'verify', path.join(folder, 'school-00000.xlsx')], 'qinglang verify');
  const ours = aggregate(folder, RUNS);
  const theirs = baseline(folder, RUNS);
  const agreed = agreement(oursByCode(ours.report), theirs.schools, options.count);
  const ratio = theirs.seconds / ours.seconds;
  const lines = [
    `bench:aggregate: node ${process.version}, Python ${theirs.python}, openpyxl ${theirs.openpyxl}, ` +
      `${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    `${options.count} signed workbooks (2026.2 checklist, as of ${AS_OF}), judged on ${TODAY}; ` +
      `both agree on every school's counts (${agreed} schools)`,
    `  qinglang aggregate   ${ours.seconds.toFixed(2).padStart(7)} s   ` +
      `${((ours.seconds * 1000) / options.count).toFixed(1)} ms/workbook   peak ${ours.mb.toFixed(0)} MB`,
    `  openpyxl baseline    ${theirs.seconds.toFixed(2).padStart(7)} s   ` +
      `${((theirs.seconds * 1000) / options.count).toFixed(1)} ms/workbook`,
    `  ours is ${ratio.toFixed(2)}x faster; aim at least ${AIM_RATIO}x: ${ratio >= AIM_RATIO ? 'met' : 'NOT met'}`,
  ];
  log(lines.join('\n'));
  if (options.large > 0) {
    log(`the large run: qinglang aggregate of ${options.large} workbooks…`);
    const large = aggregateOnce(folders[options.large]);
    const schools = large.report.schools.length;
    log(
      `  ${options.large} workbooks (${schools} schools merged) in ${large.seconds.toFixed(1)} s, ` +
        `peak ${large.mb.toFixed(0)} MB; aim under ${AIM_MB} MB: ${large.mb < AIM_MB ? 'met' : 'NOT met'}`,
    );
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`bench:aggregate could not run: ${error.stack ?? error}`);
    process.exit(1);
  },
);
