/**
 * npm run bench:scan [-- --mb N] [-- --quick]
 *
 * Builds the app, makes (or reuses, from node_modules/.cache/qinglang-bench-scan/) a corpus of
 * mostly Chinese school pages (default 500 MB: five parts of 100 MB; HTML and TXT of 5–200 KB,
 * one in ten HTML pages GBK-encoded) and a 2,000-term word list, then in the same run times:
 *  1. ripgrep: `rg -F -f words -c corpus` (its own threads, as many as there are cores);
 *  2. our word-list pass alone (scripts/bench-scan/word-pass.ts: read, decode, fold and match
 *     every file as the scan's word detector does, in as many worker threads as the scan uses);
 *  3. the whole scan through the built CLI: `node out/main/cli.js scan corpus --words words.txt
 *     --json out.json`, under /usr/bin/time for its wall time and peak resident memory;
 *  4. the same scan of one part (100 MB), to show memory does not grow with the corpus.
 * Each of 1–3 is run twice and the faster taken (the first of ripgrep's warms the page cache).
 * Prints MB/s of each, ours/ripgrep against the aim (at least 0.25), the scan's MB/s (aim at
 * least 20) and peak memory. A benchmark never fails the build: exit 0 whatever the figures,
 * 1 only if it could not run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { checkout } from './bench-ui/checkout.mjs';
import { bundleForNode } from './bench-export/load.mjs';
import { ensureCorpus, PART_MB } from './bench-scan/generate.mjs';

const USAGE = `usage: npm run bench:scan [-- --mb N] [-- --quick]

  --mb N      the corpus, in MB, a multiple of ${PART_MB} (default 500); above ${PART_MB}, one
              part of ${PART_MB} MB is scanned again to compare peak memory
  --quick     --mb 100, one run each`;

const TIME = '/usr/bin/time';
const CLI = path.join(checkout, 'out', 'main', 'cli.js');
const AIM_RATIO = 0.25;
const AIM_MBPS = 20;
const SEED = 'bench-scan';

function optionsOf() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        mb: { type: 'string' },
        quick: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`bench:scan: ${error.message}\n\n${USAGE}`);
    return { exit: 2 };
  }
  if (values.help) {
    console.log(USAGE);
    return { exit: 0 };
  }
  const mb = Number(values.mb ?? (values.quick ? 100 : 500));
  const ok = (n, min) => Number.isInteger(n) && n >= min && n % PART_MB === 0 && n <= 10_000;
  if (!ok(mb, PART_MB)) {
    console.error(`bench:scan: --mb must be a multiple of ${PART_MB}\n\n${USAGE}`);
    return { exit: 2 };
  }
  return { mb, small: mb > PART_MB ? PART_MB : 0, runs: values.quick ? 1 : 2 };
}

const log = (line) => console.log(line);

/** Runs a program; `ok` lists the exit codes that are not failures. */
function run(command, args, what, ok = [0]) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    cwd: checkout,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.error) throw new Error(`${what} could not run: ${result.error.message}`);
  if (!ok.includes(result.status))
    throw new Error(`${what} failed (exit ${result.status}):\n${result.stderr.slice(-4000)}`);
  return { ...result, seconds };
}

const best = (runs, once) =>
  Array.from({ length: runs }, once).reduce((a, b) => (b.seconds < a.seconds ? b : a));

function ripgrep(folder, corpus, runs) {
  const args = ['-F', '-f', path.join(folder, 'words-rg.txt'), '-c', corpus];
  return best(runs, () => run('rg', args, 'ripgrep', [0, 1]));
}

function wordPass(script, folder, corpus, runs, workers) {
  return best(runs, () => {
    const result = run(
      process.execPath,
      [script, corpus, path.join(folder, 'words.txt'), String(workers)],
      'the word pass',
    );
    return { ...result, totals: JSON.parse(result.stdout) };
  });
}

/** One timed `qinglang scan`: wall seconds, peak RSS (MB) and the report. */
function scanOnce(folder, corpus) {
  const out = mkdtempSync(path.join(os.tmpdir(), 'qinglang-bench-scan-'));
  try {
    const json = path.join(out, 'report.json');
    const args = [
      '-f',
      '%e %M',
      process.execPath,
      CLI,
      'scan',
      corpus,
      '--words',
      path.join(folder, 'words.txt'),
      '--json',
      json,
    ];
    const result = run(TIME, args, 'qinglang scan', [0, 1]);
    const kb = Number(result.stderr.trim().split('\n').at(-1).split(' ')[1]);
    return {
      seconds: result.seconds,
      mb: kb / 1024,
      report: JSON.parse(readFileSync(json, 'utf8')),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const rate = (bytes, seconds) => bytes / 1e6 / seconds;
const fixed = (n, digits = 1) => n.toFixed(digits).padStart(7);

async function main() {
  const options = optionsOf();
  if ('exit' in options) return options.exit;
  log('bench:scan: building the app (npm run build)…');
  run('npm', ['run', 'build'], 'npm run build');
  const folder = path.join(
    checkout,
    'node_modules',
    '.cache',
    'qinglang-bench-scan',
    `corpus-${options.mb}`,
  );
  const code = await bundleForNode(
    {
      text: 'scripts/scan-fixtures/planted-text.ts',
      'word-pass': 'scripts/bench-scan/word-pass.ts',
    },
    'qinglang-bench-scan-',
  );
  try {
    const text = await import(pathToFileURL(path.join(code.dir, 'text.mjs')).href);
    ensureCorpus({ folder, parts: options.mb / PART_MB, seed: SEED, text, log });
    const corpus = path.join(folder, 'corpus');
    const workers = Math.min(2, os.availableParallelism());
    log(
      `timing ripgrep, the word pass and qinglang scan on ${options.mb} MB, ${options.runs} run(s) each…`,
    );
    run(
      'rg',
      ['-F', '-f', path.join(folder, 'words-rg.txt'), '-c', corpus],
      'ripgrep (warm-up)',
      [0, 1],
    );
    const rg = ripgrep(folder, corpus, options.runs);
    const pass = wordPass(
      path.join(code.dir, 'word-pass.mjs'),
      folder,
      corpus,
      options.runs,
      workers,
    );
    const scan = best(options.runs, () => scanOnce(folder, corpus));
    const bytes = pass.totals.bytes;
    const ratio = rate(bytes, pass.seconds) / rate(bytes, rg.seconds);
    const scanRate = rate(scan.report.totals.bytes, scan.seconds);
    const rgVersion = run('rg', ['--version'], 'ripgrep').stdout.split('\n')[0];
    log(
      [
        `bench:scan: node ${process.version}, ${rgVersion}, ${os.cpus().length} CPUs, ` +
          `load average ${os
            .loadavg()
            .map((l) => l.toFixed(1))
            .join(' ')}`,
        `corpus: ${pass.totals.files} files, ${(bytes / 1e6).toFixed(0)} MB; word list 2,000 terms; ${workers} worker threads`,
        `  ripgrep -F -f words -c  ${fixed(rg.seconds, 2)} s  ${fixed(rate(bytes, rg.seconds))} MB/s`,
        `  word-list pass (ours)   ${fixed(pass.seconds, 2)} s  ${fixed(rate(bytes, pass.seconds))} MB/s  ` +
          `(${pass.totals.hits} hits)`,
        `  ours/ripgrep ${ratio.toFixed(2)}; aim at least ${AIM_RATIO}: ${ratio >= AIM_RATIO ? 'met' : 'NOT met'}`,
        `  qinglang scan (whole)   ${fixed(scan.seconds, 2)} s  ${fixed(scanRate)} MB/s  peak ${scan.mb.toFixed(0)} MB  ` +
          `(${scan.report.totals.scanned} read, ${scan.report.findings.length + scan.report.findingsDropped} findings)`,
        `  whole scan aim at least ${AIM_MBPS} MB/s: ${scanRate >= AIM_MBPS ? 'met' : 'NOT met'}`,
      ].join('\n'),
    );
    if (options.small > 0) {
      const part = path.join(corpus, 'part-0');
      const small = scanOnce(folder, part);
      log(
        `  memory: ${options.small} MB scanned at peak ${small.mb.toFixed(0)} MB ` +
          `(${fixed(rate(small.report.totals.bytes, small.seconds))} MB/s); ${options.mb} MB at peak ${scan.mb.toFixed(0)} MB`,
      );
    }
  } finally {
    await code.remove();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`bench:scan could not run: ${error.stack ?? error}`);
    process.exit(1);
  },
);
