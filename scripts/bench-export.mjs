/**
 * npm run bench:export [-- --runs N]
 *
 * Writes the bureau workbook of the largest sample (an inspection with a 1,000-row register) with
 * our writer (electron/services/workbook/workbook-write.ts), and in the same run has openpyxl
 * (Debian's /usr/bin/python3) write a workbook of the same cells (the same sheets, values, number
 * formats, column widths, autofilters and hidden data sheet), in its normal mode and in its
 * write_only mode. Each is timed N times in its own process, in rounds of ours then openpyxl's,
 * each after warm-up runs (Python's timing is taken inside Python, so its start is not counted);
 * the medians and the ratios are printed against the aim: ours at least 2x faster than openpyxl.
 * Plain JavaScript because no TypeScript runner is installed for scripts: Vite bundles the app's
 * code for Node first (scripts/bench-export/load.mjs), so no `npm run build` is needed.
 * Benchmarks never fail the build: exit 0 whatever the figures, 1 only if it could not run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { largestInspection, REGISTER_ROWS } from './bench-export/fixture.mjs';
import { loadAppCode } from './bench-export/load.mjs';
import { pythonCells } from './bench-export/python-cells.mjs';

const USAGE = `usage: npm run bench:export [-- --runs N]

  --runs N   how many measured runs of each writer (default 20), in 4 rounds`;

const WARMUP = 3;
const ROUNDS = 4;
const AIM = 2;
const PYTHON = '/usr/bin/python3';
const OPENPYXL_WRITE = fileURLToPath(new URL('./bench-export/openpyxl_write.py', import.meta.url));

function optionsOf() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        runs: { type: 'string', default: '20' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`bench:export: ${error.message}\n\n${USAGE}`);
    return { exit: 2 };
  }
  if (values.help) {
    console.log(USAGE);
    return { exit: 0 };
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < ROUNDS || runs > 500) {
    console.error(`bench:export: --runs must be a whole number from ${ROUNDS} to 500\n\n${USAGE}`);
    return { exit: 2 };
  }
  return { runs };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Our writer: warm-up runs, then `runs` timed ones, in this process. */
function measureOurs(write, model, runs) {
  let bytes;
  for (let i = 0; i < WARMUP; i += 1) bytes = write(model);
  const ms = [];
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    write(model);
    ms.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { ms, bytes: bytes.length };
}

/** openpyxl's two modes, timed inside Python (scripts/bench-export/openpyxl_write.py). */
function measureOpenpyxl(job, runs) {
  writeFileSync(job.file, JSON.stringify({ warmup: WARMUP, runs, sheets: job.sheets }));
  const result = spawnSync(PYTHON, [OPENPYXL_WRITE, job.file], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (result.error?.code === 'ENOENT')
    throw new Error(`${PYTHON} was not found: install python3 and python3-openpyxl`);
  if (result.error) throw new Error(`${PYTHON} could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`openpyxl failed:\n${result.stderr}`);
  return JSON.parse(result.stdout);
}

/**
 * The runs are split into rounds, ours then openpyxl's in each, so that a change in what else
 * the machine is doing falls on both alike rather than on whichever ran at the time.
 */
function measureBoth(app, model, runs) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qinglang-bench-export-'));
  const job = { file: path.join(dir, 'cells.json'), sheets: pythonCells(app, model) };
  const ours = { ms: [], bytes: 0 };
  let py;
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      const share = Math.floor(runs / ROUNDS) + (round < runs % ROUNDS ? 1 : 0);
      const mine = measureOurs(app.write.writeWorkbook, model, share);
      ours.ms.push(...mine.ms);
      ours.bytes = mine.bytes;
      const theirs = measureOpenpyxl(job, share);
      if (py === undefined) py = theirs;
      else for (const mode of ['normal', 'writeOnly']) py[mode].ms.push(...theirs[mode].ms);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { ours, py };
}

const ms = (value) => `${value.toFixed(1)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

function report({ model, ours, py, runs }) {
  const cells = model.sheets.reduce(
    (sum, s) => sum + s.rows.reduce((n, row) => n + row.filter((c) => c !== null).length, 0),
    0,
  );
  const oursMs = median(ours.ms);
  const lines = [
    `bench:export: node ${process.version}, Python ${py.python}, openpyxl ${py.openpyxl}, ` +
      `${os.cpus().length} CPUs`,
    `workbook: ${model.sheets.length} visible sheets + data sheet, ${cells} data cells, ` +
      `register of ${REGISTER_ROWS} rows; median of ${runs} runs each, in ${ROUNDS} ` +
      `rounds of ours then openpyxl's, each after ${WARMUP} warm-up runs`,
    `  ${'writer'.padEnd(24)} ${'median'.padStart(10)} ${'fastest'.padStart(10)}   size`,
    `  ${'ours (SheetJS + zlib)'.padEnd(24)} ${ms(oursMs).padStart(10)} ` +
      `${ms(Math.min(...ours.ms)).padStart(10)}   ${kb(ours.bytes)}`,
  ];
  let worst = Infinity;
  for (const [label, mode] of [
    ['openpyxl (normal)', py.normal],
    ['openpyxl (write_only)', py.writeOnly],
  ]) {
    const ratio = median(mode.ms) / oursMs;
    const fastest = Math.min(...mode.ms) / Math.min(...ours.ms);
    worst = Math.min(worst, ratio);
    lines.push(
      `  ${label.padEnd(24)} ${ms(median(mode.ms)).padStart(10)} ` +
        `${ms(Math.min(...mode.ms)).padStart(10)}   ${kb(mode.bytes)}   ` +
        `ours is ${ratio.toFixed(2)}x faster (${fastest.toFixed(2)}x fastest to fastest)`,
    );
  }
  lines.push(
    '  Both write into memory. Python is timed inside Python (perf_counter): its start and the',
    '  reading of the cells are not counted. openpyxl writes the same cells, number formats, column',
    '  widths, autofilters and hidden data sheet; ours also writes row heights, bold and wrapped',
    '  styles, frozen headers and print setup, and its time includes turning the model into cells.',
    `aim: ours at least ${AIM}x faster than openpyxl in either mode: ` +
      `${worst >= AIM ? 'met' : 'NOT met'} (${worst.toFixed(2)}x against the faster mode)`,
  );
  console.log(lines.join('\n'));
}

async function main() {
  const options = optionsOf();
  if ('exit' in options) return options.exit;
  const app = await loadAppCode();
  const inspection = largestInspection(app);
  // The built-in version the sample was filled against (the latest, since 2026.2).
  const template = app.templates.BUILT_IN_TEMPLATES.find(
    (t) => t.id === inspection.template.id && t.version === inspection.template.version,
  );
  const model = app.model.workbookModel(inspection, template, 'zh-CN', 'bench');
  const { ours, py } = measureBoth(app, model, options.runs);
  report({ model, ours, py, runs: options.runs });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`bench:export could not run: ${error.stack ?? error}`);
    process.exit(1);
  },
);
