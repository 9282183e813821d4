import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';

/**
 * The worker-thread mechanics the bureau's intake pool and the content review's folder scan
 * share: finding a built worker beside the running bundle, and handing tasks 0…total-1 to a few
 * workers, each given the next task when it answers the last (a slow task holds up one worker,
 * not the run). A worker that dies takes only its task with it and is replaced while tasks are
 * left. What a task and its answer are stays with each pool.
 */

/** The built worker `file` next to the running bundle (out/main/, or out/main/ above a chunk). */
export function builtWorkerPath(file: string): string | null {
  const here = import.meta.dirname;
  for (const dir of [here, path.dirname(here)]) {
    const candidate = path.join(dir, file);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

export interface WorkerPoolOptions<Reply extends { readonly index: number }> {
  /** The worker's script. */
  readonly script: string;
  /** What each worker is started with, if anything. */
  readonly workerData?: unknown;
  readonly resourceLimits: ResourceLimits;
  /** Workers started at first. */
  readonly count: number;
  /** How many tasks there are. */
  readonly total: number;
  /** Once aborted, no further task is handed out; the tasks being worked on finish. */
  readonly signal?: AbortSignal;
  /** The message that hands task `index` to a worker (called as it is handed out). */
  readonly task: (index: number) => unknown;
  /** A worker's answer to the task it holds. */
  readonly onReply: (reply: Reply) => void;
  /** The task a worker held when it died (out of memory, a crash). */
  readonly onCrash: (index: number) => void;
}

/** Resolves once every worker has ended: every task answered or crashed, or the run aborted. */
export function runWorkerPool<Reply extends { readonly index: number }>(
  options: WorkerPoolOptions<Reply>,
): Promise<void> {
  const { script, total, signal } = options;
  const workerOptions = {
    resourceLimits: options.resourceLimits,
    ...(options.workerData === undefined ? {} : { workerData: options.workerData }),
  };
  return new Promise((resolve) => {
    let next = 0;
    let running = 0;
    const start = () => {
      const worker = new Worker(script, workerOptions);
      running += 1;
      let current = -1;
      const feed = () => {
        if (signal?.aborted || next >= total) {
          current = -1;
          void worker.terminate();
          return;
        }
        current = next;
        next += 1;
        worker.postMessage(options.task(current));
      };
      worker.on('message', (reply: Reply) => {
        if (reply.index === current) {
          current = -1;
          options.onReply(reply);
        }
        feed();
      });
      // A worker that dies takes its task with it; the others go on, and one replaces it.
      worker.on('error', () => undefined);
      worker.on('exit', () => {
        running -= 1;
        if (current >= 0) {
          const index = current;
          current = -1;
          options.onCrash(index);
          if (!signal?.aborted && next < total) start();
        }
        if (running === 0) resolve();
      });
      feed();
    };
    for (let i = 0; i < options.count; i += 1) start();
  });
}
