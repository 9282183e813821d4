import { THRESHOLD_MS } from './probe.mjs';

/** The figures: what the probes of every run measured, as percentiles per phase. */

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

export function summarize(probes) {
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
