import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppCore } from '../../../electron/ipc/app-core';
import { confStoreFactory } from '../../../electron/services/json-store';
import { silentLogger } from '../../../electron/services/logger';
import { createRandom } from '../../../shared/random';
import { demo, INSPECTOR, PROFILE } from '../services/inspection-fixtures';
import { useTempDir } from '../temp-dir';
import type { ChildBundle } from './child-bundle';
import { bundleChild } from './child-bundle';
import type { Begin, Ledger, Tally } from './crash-check';
import { acknowledge, checkAfterKill, emptyTally, fileState, leftoverTemps } from './crash-check';
import type { ChildLine } from './crash-protocol';

/*
 * Nothing lost: a process saving inspections is killed (SIGKILL) at random moments, again and
 * again, and after every kill each inspection must be whole, in its previous or its new version.
 *
 * The child (crash-child.ts, bundled once with Vite so plain Node can run it) opens the real
 * services with openAppCore and its lock, as both shells do, and sends a stream of operations
 * through the dispatcher: updates with every kind of change, trash, restore, create, duplicate,
 * purge. Its clock is set per operation, so the parent knows the time the operation in flight
 * writes. It prints a line before each operation and one when it completes, with the hash of the
 * file it left. The parent kills it after a seeded delay, then checks every file against the last
 * acknowledged state or the operation in flight (crash-check.ts), looks for files set aside as
 * corrupt, and opens the folder again through the door, as the next start would.
 */

/** How many times a saving process is killed, over all lanes. */
const KILLS = 200;
/** Data folders killed in parallel (one process each), to use both cores of a small machine. */
const LANES = 2;
/** The longest wait before a kill, after the child says it is ready (it saves all along). */
const MAX_DELAY_MS = 250;
/** One kill in this many comes while the child is still opening the folder. */
const START_UP_ONE_IN = 10;
const HOUR = 3_600_000;
/** The first run's clock; each run starts an hour later, so days (and daily backups) go by. */
const T0 = Date.parse('2026-11-29T08:30:00.000Z');

let child: ChildBundle;
beforeAll(async () => {
  child = await bundleChild(path.join(import.meta.dirname, 'crash-child.ts'));
}, 60_000);
afterAll(() => child?.remove());

interface RunOutcome {
  readonly lines: ChildLine[];
  readonly ready: boolean;
}

/** Starts the child on the folder and kills it after the seeded delay; its complete lines. */
function runAndKill(dataDir: string, seed: string, start: number): Promise<RunOutcome> {
  const rng = createRandom(`kill/${seed}`);
  const early = rng.int(1, START_UP_ONE_IN) === 1;
  const delay = rng.int(0, early ? 400 : MAX_DELAY_MS);
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child.file, dataDir, seed, String(start)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let ready = false;
    const kill = () => proc.kill('SIGKILL');
    const guard = setTimeout(kill, 20_000);
    if (early) setTimeout(kill, delay);
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!ready && out.includes('"t":"ready"')) {
        ready = true;
        if (!early) setTimeout(kill, delay);
      }
    });
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL' && code !== 0) {
        reject(new Error(`child ${seed} exited with ${code}: ${err}`));
        return;
      }
      // Only whole lines: one cut short by the kill was never acknowledged.
      const whole = out.slice(0, out.lastIndexOf('\n') + 1);
      const lines = whole
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as ChildLine);
      resolve({ lines, ready });
    });
  });
}

/** A data folder as a school leaves it: the profile set and six inspections under way. */
function seedFolder(dataDir: string): Ledger {
  const core = openAppCore({
    dataDir,
    version: '0.0.0-crash',
    shell: 'browser',
    storeFactory: confStoreFactory,
    log: silentLogger,
    now: () => new Date(T0 - HOUR),
  });
  core.services.settings.update({ profile: PROFILE, inspector: INSPECTOR });
  const added = core.services.inspections.add(demo(6, `crash/${dataDir}`));
  const files = new Map(added.map((s) => [s.id, fileState(dataDir, s.id)!]));
  return { dataDir, files };
}

/** Kills one folder's process `kills` times, checking after each; the temp files left at the end. */
async function lane(
  index: number,
  kills: number,
  dataDir: string,
  tally: Tally,
): Promise<string[]> {
  const ledger = seedFolder(dataDir);
  for (let run = 0; run < kills; run++) {
    const seed = `crash/${index}/${run}`;
    const start = T0 + run * HOUR;
    const { lines, ready } = await runAndKill(dataDir, seed, start);
    if (!ready) tally.duringStartUp++;
    let inFlight: Begin | null = null;
    try {
      for (const line of lines) {
        if (line.t === 'begin') inFlight = line;
        if (line.t === 'done') {
          acknowledge(ledger, tally, inFlight!, line);
          inFlight = null;
        }
      }
      await checkAfterKill(ledger, tally, inFlight, new Date(start + HOUR - 1000));
    } catch (error) {
      throw new Error(
        `lane ${index}, run ${run} (seed ${seed}, folder ${dataDir}): ${String(error)}`,
      );
    }
  }
  return leftoverTemps(dataDir);
}

describe('killing a saving process at random moments', () => {
  const tempDir = useTempDir();

  it(`keeps every inspection whole, in its old or its new version, over ${KILLS} kills`, async () => {
    const tally = emptyTally();
    const began = performance.now();
    const left = await Promise.all(
      Array.from({ length: LANES }, (_, i) => lane(i, KILLS / LANES, tempDir(), tally)),
    );
    const seconds = (performance.now() - began) / 1000;
    // A kill inside an atomic write leaves its temp file (never read, never cleared): by folder.
    const temps: Record<string, number> = {};
    for (const name of left.flat()) {
      const where = name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '.';
      temps[where] = (temps[where] ?? 0) + 1;
    }
    console.log(
      JSON.stringify({ kills: KILLS, lanes: LANES, seconds: +seconds.toFixed(1), temps, ...tally }),
    );
    // The kills land while operations run, and both outcomes of an interrupted one happen.
    expect(tally.inFlightOld + tally.inFlightNew).toBeGreaterThan(KILLS / 2);
    expect(tally.inFlightNew).toBeGreaterThan(0);
    expect(tally.inFlightOld).toBeGreaterThan(0);
    // Each start of the holder clears what the kill before it left: at most the last kill's.
    expect(left.flat().length).toBeLessThanOrEqual(LANES);
  }, 300_000);
});
