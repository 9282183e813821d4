/* global window, document, requestAnimationFrame, Element */
/**
 * npm run bench:ui [-- --runs N] [-- --save-baseline]
 *
 * Opens an inspection whose device register has 1,000 rows, in Debian's Chromium through the
 * browser harness, types into item fields and register cells and switches sections, and prints
 * input latency (Event Timing API) and section-switch time against bench/ui-baseline.json.
 * Plain JavaScript because no TypeScript runner is installed for scripts (Node 20 cannot strip
 * types); it drives the built app (out/), which `npm run bench:ui` builds first.
 * Benchmarks never fail the build: exit 0 whatever the figures, 1 only if it could not run.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import * as prettier from 'prettier';

const checkout = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BASELINE = path.join(checkout, 'bench/ui-baseline.json');
const AIM_MS = 50;
const REGISTER_ROWS = 1000;
const ROWS_PER_PAGE = 25; // as in renderer/pages/walk/RegisterTable.tsx
/** Event Timing reports nothing shorter than this (the smallest threshold Chromium accepts). */
const THRESHOLD_MS = 16;
/** A quick typist: a key held 30 ms, the next one 70 ms later (about ten characters a second). */
const KEY_HOLD_MS = 30;
const KEY_GAP_MS = 70;

const USAGE = `usage: npm run bench:ui [-- --runs N] [-- --save-baseline]

  --runs N          how many times to run the whole measurement (default 3)
  --save-baseline   write this run's figures to bench/ui-baseline.json`;

/** What is typed into item fields, by section: the item, the control, the text. */
const ITEM_TYPING = {
  organisation: [
    { item: 'org_security_admin', field: 'value', texts: ['Wang Li, network administrator'] },
    { item: 'org_leading_group', field: 'note', texts: ['minutes of the 3 March meeting'] },
    { item: 'org_policies', field: 'note', texts: ['policy book kept in the office'] },
  ],
  devices: [
    { item: 'dev_av_coverage', field: 'value', texts: ['85', '90', '95', '98', '100'] },
    { item: 'dev_av_signature_date', field: 'note', texts: ['checked on the console today'] },
    { item: 'dev_firmware_current', field: 'note', texts: ['firmware list from the vendor'] },
    { item: 'dev_register', field: 'note', texts: ['counted in every room on site'] },
  ],
};
/** Register pages visited (1-based, reached with the pager) and cells typed into on each. */
const REGISTER_PAGES = [1, 2, 5, 10, 20];
const CELLS_PER_PAGE = 20;
const CELL_COLUMNS = ['vendor_model', 'firmware', 'signature_version'];
const SECTION_SWITCHES = 20;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const localToday = () => {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

// ---- fixture -----------------------------------------------------------------------------------

/**
 * A data folder holding one sample inspection (the CLI's own demo generator, dated today so the
 * share of flagged rows is the same every day) whose device register is grown to 1,000 rows.
 */
async function writeFixture(dataDir) {
  const samples = path.join(dataDir, 'samples');
  execFileSync(
    process.execPath,
    [
      path.join(checkout, 'out/main/cli.js'),
      ...['demo', '--out', samples, '--count', '1', '--seed', 'bench-ui', '--as-of', localToday()],
    ],
    { env: { ...process.env, QINGLANG_DATA_DIR: dataDir }, stdio: 'pipe' },
  );
  const [file] = await readdir(samples);
  const inspection = JSON.parse(await readFile(path.join(samples, file), 'utf8'));
  const seedRows = inspection.registers.dev_register;
  if (!seedRows?.length) throw new Error('the demo inspection has no device register rows');
  inspection.registers.dev_register = Array.from({ length: REGISTER_ROWS }, (_, i) => {
    const row = seedRows[i % seedRows.length];
    return { ...row, id: `bench-${String(i).padStart(4, '0')}`, evidence: [] };
  });
  await mkdir(path.join(dataDir, 'inspections'));
  await writeFile(
    path.join(dataDir, 'inspections', `${inspection.id}.json`),
    JSON.stringify({ schemaVersion: 1, inspection }),
  );
  await writeFile(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({
      schemaVersion: 2,
      language: 'zh-CN',
      index: {},
      profile: inspection.school,
      inspector: inspection.inspector,
    }),
  );
  await rm(samples, { recursive: true });
  return inspection.id;
}

// ---- harness -----------------------------------------------------------------------------------

/** Starts `node out/main/harness.js --port 0` over the folder and waits for its one line. */
function startHarness(dataDir) {
  const child = spawn(
    process.execPath,
    [path.join(checkout, 'out/main/harness.js'), '--port', '0'],
    {
      env: { ...process.env, QINGLANG_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.removeAllListeners('exit');
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const fail = (message) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${message}\n${out}${err}`));
    };
    const timer = setTimeout(() => fail('the harness did not start within 15 s'), 15_000);
    child.stderr.on('data', (chunk) => (err += chunk));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /^Qinglang Inspector: (http:\/\/127\.0\.0\.1:\d+\/\S*)$/m.exec(out);
      if (!match) return;
      clearTimeout(timer);
      resolve({ url: match[1], stop });
    });
    child.once('exit', (code) => fail(`the harness exited with ${code}`));
  });
}

// ---- in the page -------------------------------------------------------------------------------

/**
 * Installed before the app's own scripts. Keeps every Event Timing entry of the kinds a user's
 * typing and clicking make, phase marks with the page's interaction count, and, for each click on
 * a section link, the time from the click to the first frame drawn with the new section's heading
 * and item cards.
 */
function installProbe(threshold) {
  const kinds = new Set([
    'keydown',
    'keypress',
    'keyup',
    'input',
    'pointerdown',
    'pointerup',
    'click',
  ]);
  const bench = { entries: [], marks: [], switches: [] };
  window.__bench = bench;
  // Where an event landed, in the app's own terms: item, part of the card, register column.
  const where = (node) => {
    if (!(node instanceof Element)) return '';
    const item = node.closest('[data-item-id]')?.getAttribute('data-item-id');
    const part = node.closest('.note-field, .item-field, .register-table, .pager, .section-nav');
    const column = node.getAttribute('data-column');
    return [item, part?.classList[0], column].filter(Boolean).join(' ') || node.localName;
  };
  const keep = (entries) => {
    for (const e of entries) {
      if (!kinds.has(e.name)) continue;
      bench.entries.push({
        name: e.name,
        id: e.interactionId,
        start: e.startTime,
        ms: e.duration,
        where: where(e.target),
      });
    }
  };
  const observer = new PerformanceObserver((list) => keep(list.getEntries()));
  observer.observe({ type: 'event', durationThreshold: threshold, buffered: true });
  bench.flush = () => keep(observer.takeRecords());
  bench.mark = (name) =>
    bench.marks.push({ name, at: performance.now(), count: performance.interactionCount });

  window.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element && event.target.closest('.section-nav a');
      if (!link) return;
      const target = link.getAttribute('href').split('/').pop();
      const title = link.querySelector('.section-title')?.textContent;
      const from = event.timeStamp;
      const check = () => {
        const section = document.querySelector('.walk-section');
        const ready =
          section?.getAttribute('data-section-id') === target &&
          section.querySelector('h2')?.textContent === title &&
          section.querySelector('.item-card') !== null;
        if (!ready) return requestAnimationFrame(check);
        // Called before this frame is drawn: a message posted now is handled once it has been.
        const channel = new MessageChannel();
        channel.port1.onmessage = () =>
          bench.switches.push({ target, at: from, ms: performance.now() - from });
        channel.port2.postMessage(null);
      };
      requestAnimationFrame(check);
    },
    true,
  );
}

// ---- one run -----------------------------------------------------------------------------------

const card = (page, item) => page.locator(`.walk-section .item-card[data-item-id="${item}"]`);

/**
 * Brings a control to the middle of the window, as a user looks at what they use, then clicks it.
 * Left where Playwright's click puts it, a control can end up clipped by a fraction of a pixel at
 * the bottom edge, and there Chromium presents typed frames up to 0.8 s late: a measurement
 * artefact that would drown the app's own figures.
 */
async function clickInView(control) {
  await control.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await sleep(50);
  await control.click();
}

async function typeText(page, text) {
  for (const char of text) {
    await page.keyboard.press(char === ' ' ? 'Space' : char, { delay: KEY_HOLD_MS });
    await sleep(KEY_GAP_MS);
  }
}

/** Lets the page settle (saves, deferred renders, observer callbacks) between phases. */
async function settle(page) {
  await sleep(400);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
}

async function switchSection(page, sectionId) {
  const before = await page.evaluate(() => window.__bench.switches.length);
  await page.locator(`.section-nav a[href$="/${sectionId}"]`).click();
  await page.waitForFunction((n) => window.__bench.switches.length > n, before, {
    timeout: 30_000,
  });
}

async function typeIntoItems(page, plan) {
  for (const { item, field, texts } of plan) {
    const control =
      field === 'note'
        ? card(page, item).locator('.note-field textarea')
        : card(page, item).locator('.item-field input, .item-field textarea').first();
    await clickInView(control);
    for (const text of texts) {
      if (texts.length > 1) await page.keyboard.press('ControlOrMeta+a');
      await typeText(page, text);
      await sleep(150);
    }
  }
}

async function typeIntoRegister(page) {
  const register = card(page, 'dev_register');
  const firstRowNumber = () =>
    register.locator('tbody tr[data-row-id] th.row-number').first().textContent();
  let current = 1;
  for (const target of REGISTER_PAGES) {
    for (; current < target; current++) {
      await clickInView(register.locator('nav.pager button').last());
      const expected = String(current * ROWS_PER_PAGE + 1);
      for (let tries = 0; (await firstRowNumber()) !== expected; tries++) {
        if (tries > 300) throw new Error(`the register did not turn to page ${current + 1}`);
        await sleep(10);
      }
    }
    const rows = register.locator('tbody tr[data-row-id]');
    for (let i = 0; i < CELLS_PER_PAGE; i++) {
      const column = CELL_COLUMNS[i % CELL_COLUMNS.length];
      const cell = rows.nth((i * 7) % ROWS_PER_PAGE).locator(`input[data-column="${column}"]`);
      await clickInView(cell);
      await typeText(page, i % 2 ? 'b2' : 'x1');
      await sleep(100);
    }
  }
}

async function oneRun(browser, run) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'qinglang-bench-ui-'));
  let harness;
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1360, height: 860 },
  });
  try {
    const id = await writeFixture(dataDir);
    harness = await startHarness(dataDir);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.addInitScript(installProbe, THRESHOLD_MS);
    await page.goto(`${harness.url}#/inspections/${id}/organisation`);
    await page
      .locator('.walk-section[data-section-id="organisation"] .item-card')
      .first()
      .waitFor({ timeout: 30_000 });
    if (!(await page.evaluate(() => typeof performance.interactionCount === 'number'))) {
      throw new Error('this Chromium has no performance.interactionCount to count interactions');
    }
    const mark = (name) => page.evaluate((n) => window.__bench.mark(n), name);
    await settle(page);

    await mark('items');
    await typeIntoItems(page, ITEM_TYPING.organisation);
    await settle(page);
    await mark('other');
    await switchSection(page, 'devices');
    await settle(page);
    await mark('items');
    await typeIntoItems(page, ITEM_TYPING.devices);
    await settle(page);

    await mark('register');
    await typeIntoRegister(page);
    await settle(page);

    const sections = await page
      .locator('.section-nav a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href').split('/').pop()));
    const start = sections.indexOf('devices');
    await mark('switches');
    for (let i = 1; i <= SECTION_SWITCHES; i++) {
      await switchSection(page, sections[(start + i) % sections.length]);
      await sleep(300);
    }
    await settle(page);
    await mark('end');
    await page.evaluate(() => window.__bench.flush());
    const probe = await page.evaluate(() => {
      const { entries, marks, switches } = window.__bench;
      return { entries, marks, switches };
    });
    if (errors.length > 0)
      console.warn(`run ${run}: the page reported errors:\n  ${errors.join('\n  ')}`);
    return probe;
  } finally {
    await context.close();
    await harness?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

// ---- other work on the machine ----------------------------------------------------------------

/**
 * CPU time (Linux /proc, in clock ticks) of the whole machine, and of this process with everything
 * it started (harness, Chromium and its renderers). Null where /proc is not available.
 */
async function cpuSample() {
  try {
    const fields = (await readFile('/proc/stat', 'utf8')).split('\n')[0].trim().split(/\s+/);
    // user nice system idle iowait irq softirq steal (guest time is already in user).
    const ticks = fields.slice(1, 9).map(Number);
    const total = ticks.reduce((sum, n) => sum + n, 0);
    const processes = new Map();
    for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
      if (!stat) continue;
      // After "pid (name) ": state, ppid, … utime, stime, cutime, cstime are fields 14–17.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const time = rest.slice(11, 15).reduce((sum, n) => sum + Number(n), 0);
      processes.set(Number(pid), { ppid: Number(rest[1]), time });
    }
    const ours = new Set([process.pid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [pid, { ppid }] of processes) {
        if (ours.has(pid) || !ours.has(ppid)) continue;
        ours.add(pid);
        grew = true;
      }
    }
    const own = [...ours].reduce((sum, pid) => sum + (processes.get(pid)?.time ?? 0), 0);
    return { busy: total - ticks[3] - (ticks[4] ?? 0), total, own };
  } catch {
    return null;
  }
}

/** The share of the machine's CPU that other work used between two samples. */
const otherShare = (before, after) =>
  before && after
    ? Math.max(0, after.busy - before.busy - (after.own - before.own)) /
      (after.total - before.total)
    : NaN;

// ---- figures -----------------------------------------------------------------------------------

/** Nearest-rank percentile of sorted numbers. */
const percentile = (sorted, q) =>
  sorted.length === 0 ? NaN : sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];

/**
 * Interactions per phase. An interaction's latency is its longest event (as INP counts it).
 * Interactions the page counted but Event Timing did not report were under the threshold: they
 * enter the percentiles as THRESHOLD_MS, an upper bound.
 */
function interactionsOf(probe) {
  const phases = new Map();
  for (let i = 0; i < probe.marks.length - 1; i++) {
    const { name, at, count } = probe.marks[i];
    const next = probe.marks[i + 1];
    const longest = new Map();
    for (const e of probe.entries) {
      if (e.id === 0 || e.start < at || e.start >= next.at) continue;
      if (!(longest.get(e.id)?.ms >= e.ms)) longest.set(e.id, { ...e, phase: name });
    }
    const phase = phases.get(name) ?? { reported: [], below: 0 };
    phase.reported.push(...longest.values());
    phase.below += Math.max(0, next.count - count - longest.size);
    phases.set(name, phase);
  }
  return phases;
}

function summarize(probes) {
  const all = { reported: [], below: 0 };
  const byPhase = {};
  for (const probe of probes) {
    for (const [name, { reported, below }] of interactionsOf(probe)) {
      const phase = (byPhase[name] ??= { reported: [], below: 0 });
      phase.reported.push(...reported);
      phase.below += below;
      // The one click that opens the device section for typing is measured as a switch only.
      if (name === 'other') continue;
      all.reported.push(...reported);
      all.below += below;
    }
  }
  const latencies = (phase) =>
    phase
      ? [...phase.reported.map((e) => e.ms), ...Array(phase.below).fill(THRESHOLD_MS)].sort(
          (a, b) => a - b,
        )
      : [];
  const switches = probes.flatMap((p) => {
    const from = p.marks.find((m) => m.name === 'switches').at;
    return p.switches.filter((s) => s.at >= from);
  });
  const times = (list) => list.map((s) => s.ms).sort((a, b) => a - b);
  const intoRegister = times(switches.filter((s) => s.target === 'devices'));
  const others = times(switches.filter((s) => s.target !== 'devices'));
  const allLatencies = latencies(all);
  const metrics = {
    'input latency p95 (ms)': percentile(allLatencies, 0.95),
    'input latency median (ms)': percentile(allLatencies, 0.5),
    'typing in item fields p95 (ms)': percentile(latencies(byPhase.items), 0.95),
    'register cells and pager p95 (ms)': percentile(latencies(byPhase.register), 0.95),
    'section-link clicks p95 (ms)': percentile(latencies(byPhase.switches), 0.95),
    'section switch median (ms)': percentile(times(switches), 0.5),
    'section switch p95 (ms)': percentile(times(switches), 0.95),
    'switch into the register median (ms)': percentile(intoRegister, 0.5),
    'switch elsewhere median (ms)': percentile(others, 0.5),
  };
  for (const [name, value] of Object.entries(metrics)) metrics[name] = Math.round(value * 10) / 10;
  const slowest = [...all.reported].sort((a, b) => b.ms - a.ms).slice(0, 5);
  const counts = {
    interactions: allLatencies.length,
    reported: all.reported.length,
    belowThreshold: all.below,
    sectionSwitches: switches.length,
  };
  return { metrics, counts, slowest };
}

// ---- report ------------------------------------------------------------------------------------

const fmtShare = (share) => (Number.isFinite(share) ? `${Math.round(share * 100)}%` : 'unknown');
const BUSY_SHARE = 0.1;
const fmt = (n) => (Number.isFinite(n) ? (Number.isInteger(n) ? String(n) : n.toFixed(1)) : '—');

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))))
    .map((r) => r.join('  '))
    .join('\n');
}

async function readBaseline() {
  try {
    return JSON.parse(await readFile(BASELINE, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return null;
    throw new Error(`cannot read ${path.relative(checkout, BASELINE)}: ${error.message}`);
  }
}

function report({ metrics, counts, slowest }, baseline, machine, perRun) {
  console.log(
    `\nmachine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, ${machine.platform}, ` +
      `Node ${machine.node}, Chromium ${machine.chromium}`,
  );
  console.log(
    `${machine.runs} runs; ${counts.interactions} interactions measured, ` +
      `${counts.reported} reported by Event Timing (≥ ${THRESHOLD_MS} ms), ` +
      `${counts.belowThreshold} under its ${THRESHOLD_MS} ms threshold, counted as ${THRESHOLD_MS} ms; ` +
      `${counts.sectionSwitches} section switches`,
  );
  console.log(
    `per run, input latency p95: ${perRun.map((r) => fmt(r.metrics['input latency p95 (ms)'])).join(' / ')} ms; ` +
      `CPU used by other work: ${machine.otherWork.map(fmtShare).join(' / ')}`,
  );
  if (machine.otherWork.some((share) => share > BUSY_SHARE)) {
    console.log(
      `WARNING: other work used more than ${fmtShare(BUSY_SHARE)} of the CPU during a run; ` +
        'its figures are slower than this app: run again on a quiet machine',
    );
  }
  console.log(
    `slowest interactions: ${slowest.map((e) => `${fmt(e.ms)} ms ${e.name} in ${e.where} (${e.phase})`).join('; ')}\n`,
  );
  const rows = [['metric', 'baseline', 'current', 'current/baseline']];
  for (const [name, value] of Object.entries(metrics)) {
    const base = baseline?.metrics?.[name];
    const ratio = Number.isFinite(base) && base > 0 ? (value / base).toFixed(2) : '—';
    rows.push([name, fmt(base), fmt(value), ratio]);
  }
  console.log(table(rows));
  if (!baseline) {
    console.log('\nno baseline yet: `npm run bench:ui -- --save-baseline` records one');
  } else {
    console.log(
      `\nbaseline: ${baseline.savedAt}, ${baseline.machine.cores} cores, Chromium ${baseline.machine.chromium}`,
    );
    if (baseline.machine.cores !== machine.cores || baseline.machine.cpu !== machine.cpu) {
      console.log('note: the baseline was taken on another machine; ratios compare machines too');
    }
  }
  const p95 = metrics['input latency p95 (ms)'];
  const shown = p95 <= THRESHOLD_MS ? `≤ ${THRESHOLD_MS}` : fmt(p95);
  console.log(
    `aim: p95 input latency ≤ ${AIM_MS} ms: ${p95 <= AIM_MS ? 'met' : 'NOT met'} (${shown} ms)`,
  );
}

// ---- main --------------------------------------------------------------------------------------

async function main() {
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
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) {
    console.error(`bench:ui: --runs must be a whole number from 1 to 50\n\n${USAGE}`);
    return 2;
  }

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

  if (values['save-baseline']) {
    await mkdir(path.dirname(BASELINE), { recursive: true });
    const saved = {
      savedAt: new Date().toISOString(),
      machine,
      metrics: current.metrics,
      counts: current.counts,
    };
    // Written as Prettier would, so `npm run lint` accepts the committed file as it is.
    const options = { ...(await prettier.resolveConfig(BASELINE)), filepath: BASELINE };
    await writeFile(BASELINE, await prettier.format(JSON.stringify(saved, null, 2), options));
    console.log(`baseline saved to ${path.relative(checkout, BASELINE)}`);
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(`bench:ui could not run: ${error instanceof Error ? error.stack : error}`);
    process.exitCode = 1;
  },
);
