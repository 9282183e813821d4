/**
 * npm run lint:electron [-- PATH ...]
 *
 * Electronegativity (Doyensec's Electron security linter) over the app's own sources, as the
 * Electron version package.json pins: electron/ (main process and preload), shared/ (bundled into
 * both), renderer/ (the page and its CSP) and package.json (Electron flags in its scripts). It reads
 * TypeScript itself (Babel's typescript plugin), so no build is needed. Given paths, it scans those
 * instead (tests/scripts/electronegativity.test.ts gives it small apps, good and bad).
 *
 * Why a wrapper: the CLI exits 0 whatever it finds and only prints files it could not parse, and
 * on every run it fetches translations (S3) and Electron's release list (GitHub). Here it runs
 * through its documented programmatic API, offline (its HTTP client is replaced by one that fails
 * at once, so a run is the same with or without a network), and exits 1 when a finding remains
 * or a file could not be parsed: a file it cannot parse is a file it did not check.
 *
 * Findings reviewed and explained in docs/security.md are accepted by check id and file
 * (ACCEPTED); the two checks that only work online are not run (NOT_RUN, by class name: `-x` and
 * `excludeFromScan` take class names, not check ids). The same check in another file fails the
 * run, and so does an accepted finding that no longer occurs (its entry and its paragraph go).
 */
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_INPUTS = ['electron', 'shared', 'renderer', 'package.json'];
const DOC = 'docs/security.md';
const SELF = 'scripts/electronegativity.mjs';

/** Findings that stay, each explained under its id in docs/security.md. */
const ACCEPTED = [
  { id: 'CSP_GLOBAL_CHECK', file: 'renderer/index.html' },
  { id: 'AUXCLICK_JS_CHECK', file: 'electron/desktop/window.ts' },
  { id: 'AUXCLICK_JS_CHECK', file: 'electron/desktop/electron-printer.ts' },
  { id: 'PRELOAD_JS_CHECK', file: 'electron/desktop/window.ts' },
];

/** Checks not run: both need the network (docs/security.md, under each id). */
const NOT_RUN = {
  AvailableSecurityFixesGlobalCheck: 'AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK',
  ElectronVersionJSONCheck: 'ELECTRON_VERSION_JSON_CHECK',
};

const require = createRequire(import.meta.url);

/** Replaces the tool's HTTP client (got) with one that fails at once: no request leaves. */
function goOffline() {
  const toolRequire = createRequire(require.resolve('@doyensec/electronegativity'));
  const gotPath = toolRequire.resolve('got');
  const offline = () => Promise.reject(new Error('electronegativity runs offline here'));
  offline.get = offline;
  offline.head = offline;
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.exports = offline;
  stub.loaded = true;
  require.cache[gotPath] = stub;
}

/** The Electron version package.json pins (exactly: a range would make the checks guess). */
function electronVersion() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const version = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  if (!/^\d+\.\d+\.\d+$/.test(version ?? '')) {
    throw new Error(`package.json should pin electron exactly, found ${version}`);
  }
  return version;
}

/**
 * Copies the inputs into one temp folder, so that one run sees the whole app (its global checks
 * look across files: a CSP in the page, navigation limits in the main process) and reports paths
 * as they are in the repository.
 */
function stage(dir, inputs) {
  for (const input of inputs) {
    const absolute = path.resolve(input);
    if (!fs.existsSync(absolute)) throw new Error(`nothing to scan at ${input}`);
    const inside = path.relative(ROOT, absolute);
    const name = inside.startsWith('..') || path.isAbsolute(inside) ? path.basename(input) : inside;
    fs.cpSync(absolute, path.join(dir, name), { recursive: true });
  }
}

/** Runs the tool quietly (it prints a line when the translations cannot be fetched). */
async function scan(dir, version) {
  const run = require('@doyensec/electronegativity');
  const log = console.log;
  console.log = () => {};
  try {
    return await run({
      input: dir,
      isRelative: true,
      electronVersionOverride: version,
      excludeFromScan: Object.keys(NOT_RUN).map((name) => name.toLowerCase()),
    });
  } finally {
    console.log = log;
  }
}

const slash = (file) => file.split(path.sep).join('/');
const isAccepted = (issue) => ACCEPTED.some((a) => a.id === issue.id && a.file === issue.file);

function format(issue) {
  const where = `${issue.file}:${issue.location.line}:${issue.location.column}`;
  const level = `${issue.severity.name} | ${issue.confidence.name}`;
  return `  ${issue.id}  ${where}  (${level})\n    ${issue.description}  ${issue.shortenedURL}\n    > ${issue.sample ?? ''}`;
}

/** What is wrong with the run, as lines for the reader; none when it is clean. */
function problems(result, { dir, whole }) {
  const issues = result.issues.map((issue) => ({ ...issue, file: slash(issue.file) }));
  const lines = [];
  for (const error of result.errors) {
    lines.push(`  could not parse ${slash(path.relative(dir, error.file))}: ${error.message}`);
  }
  for (const issue of issues.filter((i) => !isAccepted(i))) lines.push(format(issue));
  if (!whole) return lines;
  const doc = fs.readFileSync(path.join(ROOT, DOC), 'utf8');
  for (const { id, file } of ACCEPTED) {
    if (!issues.some((i) => i.id === id && i.file === file)) {
      lines.push(`  ${id} in ${file} no longer occurs: take it out of ACCEPTED and ${DOC}`);
    }
  }
  for (const id of [...ACCEPTED.map((a) => a.id), ...Object.values(NOT_RUN)]) {
    if (!doc.includes(`\n#### \`${id}\``))
      lines.push(`  ${id} is accepted or not run, but ${DOC} has no section "#### \`${id}\`"`);
  }
  return lines;
}

async function main(args) {
  const inputs = args.length > 0 ? args : DEFAULT_INPUTS.map((input) => path.join(ROOT, input));
  const version = electronVersion();
  process.env.LANG = 'en-US'; // the tool's texts in English, whatever the machine's locale
  goOffline();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinglang-electronegativity-'));
  try {
    stage(dir, inputs);
    const result = await scan(dir, version);
    const found = problems(result, { dir, whole: args.length === 0 });
    const what = `${result.globalChecks + result.atomicChecks} checks, Electron ${version}`;
    if (found.length > 0) {
      console.error(`electronegativity (${what}): ${found.length} problem(s)\n${found.join('\n')}`);
      console.error(`\nFix each one, or explain it in ${DOC} and accept it in ${SELF}.`);
      return 1;
    }
    const reviewed =
      args.length === 0 ? `; reviewed in ${DOC}: ${ACCEPTED.map((a) => a.id).join(', ')}` : '';
    console.log(`electronegativity (${what}): no findings${reviewed}`);
    return 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((error) => {
  console.error(`electronegativity: ${error.message}`);
  return 1;
});
