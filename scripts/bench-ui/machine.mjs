import { readFile, readdir } from 'node:fs/promises';

/** Other work on the machine: a busy machine makes the app look slower than it is. */

/**
 * CPU time (Linux /proc, in clock ticks) of the whole machine, and of this process with everything
 * it started (harness, Chromium and its renderers). Null where /proc is not available.
 */
export async function cpuSample() {
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
export const otherShare = (before, after) =>
  before && after
    ? Math.max(0, after.busy - before.busy - (after.own - before.own)) /
      (after.total - before.total)
    : NaN;
