import { THRESHOLD_MS } from './probe.mjs';

/** The printed report: the machine and how busy it was, then each figure beside the baseline's. */

const AIM_MS = 50;
export const fmtShare = (share) =>
  Number.isFinite(share) ? `${Math.round(share * 100)}%` : 'unknown';
const BUSY_SHARE = 0.1;
const fmt = (n) => (Number.isFinite(n) ? (Number.isInteger(n) ? String(n) : n.toFixed(1)) : '—');

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))))
    .map((r) => r.join('  '))
    .join('\n');
}

export function report({ metrics, counts, slowest }, baseline, machine, perRun) {
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
