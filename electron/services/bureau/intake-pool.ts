import os from 'node:os';
import type { AcceptedIntake, FileIntake, RejectedIntake } from '../../../shared/bureau/intake';
import type { SubmissionTemplate } from '../../../shared/bureau/submission';
import type { Bilingual } from '../../../shared/i18n/locale';
import { rejected } from './intake';
import type { IntakeSource } from './intake-read';
import { intakeSource } from './intake-read';
import { builtWorkerPath, runWorkerPool } from '../worker-pool';

export type { IntakeSource } from './intake-read';

/**
 * Takes in many files at once (the 汇总 page and `qinglang aggregate`): each is read from the
 * disk and checked by a worker thread (out/main/intake-worker.js), at most `workers` files in
 * memory at a time; the outcomes come back in the order the files were given.
 */

export interface IntakeOptions {
  /** The day drafts are judged on (a signed submission is judged on its signing day). */
  readonly today: string;
  /** Worker threads; 0 checks in this thread. Default: min(2, cores). */
  readonly workers?: number;
  /** Stops between files; the run then reports `cancelled`. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number, last: FileIntake) => void;
  /** The worker's script; by default out/main/intake-worker.js beside the running bundle. */
  readonly workerPath?: string;
}

export interface IntakeRun {
  readonly accepted: AcceptedIntake[];
  readonly rejected: RejectedIntake[];
  /** Each checklist met, once per hash. */
  readonly templates: Map<string, SubmissionTemplate>;
  readonly cancelled: boolean;
}

/** What the pool sends a worker: one file. */
export interface WorkerTask {
  readonly index: number;
  readonly file: string;
  readonly path: string;
  readonly today: string;
}

/** What a worker sends back: the file's outcome, and its checklist the first time it is met. */
export interface WorkerReply {
  readonly index: number;
  readonly intake: FileIntake;
  readonly template?: SubmissionTemplate;
}

const WORKER_FILE = 'intake-worker.js';

/**
 * A worker keeps one file at a time, yet V8 lets an idle heap's young generation grow to tens of
 * megabytes before it collects: a small one keeps 2 workers' resident memory low through 10,000
 * files (issue 11: the whole run under 512 MB). The old generation is not capped: a large
 * workbook still gets the memory it needs.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

/** The built worker next to the running bundle (out/main/, or out/main/ above a chunk). */
export function defaultWorkerPath(): string | null {
  return builtWorkerPath(WORKER_FILE);
}

const CRASHED: Bilingual = {
  'zh-CN': '检查此文件时出错，未能读完',
  'en-US': 'checking this file failed before it was finished',
};

class Collector {
  readonly outcomes: (FileIntake | undefined)[];
  readonly templates = new Map<string, SubmissionTemplate>();
  done = 0;

  constructor(
    private readonly sources: readonly IntakeSource[],
    private readonly onProgress: IntakeOptions['onProgress'],
  ) {
    this.outcomes = new Array<FileIntake | undefined>(sources.length);
  }

  add(index: number, intake: FileIntake, template?: SubmissionTemplate): void {
    if (this.outcomes[index]) return;
    this.outcomes[index] = intake;
    if (template && !this.templates.has(template.hash)) this.templates.set(template.hash, template);
    this.done += 1;
    this.onProgress?.(this.done, this.sources.length, intake);
  }

  run(cancelled: boolean): IntakeRun {
    const accepted: AcceptedIntake[] = [];
    const rejectedFiles: RejectedIntake[] = [];
    for (const outcome of this.outcomes) {
      if (outcome?.outcome === 'accepted') accepted.push(outcome);
      else if (outcome) rejectedFiles.push(outcome);
    }
    return { accepted, rejected: rejectedFiles, templates: this.templates, cancelled };
  }
}

/** Reads and checks every source; never throws for a bad file (it is rejected with a reason). */
export async function intakeAll(
  sources: readonly IntakeSource[],
  options: IntakeOptions,
): Promise<IntakeRun> {
  const collector = new Collector(sources, options.onProgress);
  if (options.signal?.aborted) return collector.run(sources.length > 0);
  const wanted = options.workers ?? Math.min(2, os.availableParallelism());
  const workers = Math.min(Math.max(0, Math.floor(wanted)), sources.length);
  const script = workers > 0 ? (options.workerPath ?? defaultWorkerPath()) : null;
  const cancelled = script
    ? await inWorkers(sources, options, collector, workers, script)
    : await inThisThread(sources, options, collector);
  return collector.run(cancelled);
}

async function inThisThread(
  sources: readonly IntakeSource[],
  { today, signal }: IntakeOptions,
  collector: Collector,
): Promise<boolean> {
  for (const [index, source] of sources.entries()) {
    if (signal?.aborted) return true;
    const { intake, template } = await intakeSource(source, today);
    collector.add(index, intake, template);
  }
  return false;
}

/**
 * Each worker is handed the next file when it answers the last: a slow file holds up one worker,
 * not the run. A worker that dies has its file rejected and is replaced.
 */
async function inWorkers(
  sources: readonly IntakeSource[],
  { today, signal }: IntakeOptions,
  collector: Collector,
  count: number,
  script: string,
): Promise<boolean> {
  await runWorkerPool<WorkerReply>({
    script,
    resourceLimits: WORKER_LIMITS,
    count,
    total: sources.length,
    ...(signal ? { signal } : {}),
    task: (index) => {
      const source = sources[index]!;
      return { index, file: source.file, path: source.path, today } satisfies WorkerTask;
    },
    onReply: (reply) => collector.add(reply.index, reply.intake, reply.template),
    // A worker that dies (out of memory, a crash) takes its file with it: that file is
    // rejected, and the worker replaced while files are left.
    onCrash: (index) =>
      collector.add(index, rejected(sources[index]!.file, 0, 'unreadable', CRASHED)),
  });
  return collector.done < sources.length;
}
