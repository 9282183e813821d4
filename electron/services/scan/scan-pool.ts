import type { ScanNote } from '../../../shared/scan/finding';
import type { AnalyseOptions } from '../../../shared/scan/page';
import type { FileResult, FileTask } from './scan-file';
import { CRASHED_NOTE, scanFile } from './scan-file';
import type { ScanParts, WordTerm } from './scan-parts';
import type { FolderFile } from './sources/folder-walk';
import { builtWorkerPath, runWorkerPool } from '../worker-pool';

/**
 * Reads a folder's files for a scan: in `workers` worker threads (out/main/scan-worker.js), each
 * given the next file when it answers the last, so the run's own thread only hands out files and
 * gathers results; or, with no worker, one file after another in this thread. Each worker
 * compiles the word list once and holds one file at a time. A worker that dies takes only its
 * file with it (an `unreadable` note) and is replaced.
 */

/** What a worker is started with. */
export interface ScanWorkerData {
  readonly words: readonly WordTerm[] | null;
  readonly ownHosts: readonly string[];
  readonly year: number;
}

export interface PoolOptions {
  readonly documents: readonly FolderFile[];
  readonly words: readonly WordTerm[] | null;
  readonly ownHosts: readonly string[];
  readonly year: number;
  readonly signal: AbortSignal;
  readonly workers: number;
  /** The worker's script; null reads in this thread. */
  readonly workerPath: string | null;
  readonly parts: ScanParts;
  readonly onStart: (file: string) => void;
  readonly onResult: (result: FileResult, file: string) => void;
}

const WORKER_FILE = 'scan-worker.js';

/**
 * A worker keeps one file at a time: a small young generation keeps its resident memory low
 * (as the intake pool's); the old generation is capped so that a file no cap caught ends that
 * worker (an `unreadable` note), not the app.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 1024 };

/** The built worker next to the running bundle (out/main/, or out/main/ above a chunk). */
export function defaultScanWorkerPath(): string | null {
  return builtWorkerPath(WORKER_FILE);
}

/** Resolves once every file is read, or, when cancelled, once the files being read are. */
export function readFiles(options: PoolOptions): Promise<void> {
  const count = Math.min(options.workers, options.documents.length);
  return count > 0 && options.workerPath
    ? inWorkers(options, count, options.workerPath)
    : inThisThread(options);
}

async function inThisThread(options: PoolOptions): Promise<void> {
  const { parts, documents, signal } = options;
  const analyse: AnalyseOptions = {
    words: options.words ? parts.compileWords(options.words) : null,
    ownHosts: options.ownHosts,
    year: options.year,
  };
  for (const [index, file] of documents.entries()) {
    if (signal.aborted) return;
    options.onStart(file.relative);
    options.onResult(await scanFile({ index, file }, parts, analyse), file.relative);
  }
}

function crashed(index: number, file: string): FileResult {
  const note: ScanNote = { source: file, code: 'unreadable', message: { ...CRASHED_NOTE } };
  return { index, read: false, bytes: 0, findings: [], links: [], notes: [note] };
}

function inWorkers(options: PoolOptions, count: number, script: string): Promise<void> {
  const { documents } = options;
  const workerData: ScanWorkerData = {
    words: options.words,
    ownHosts: options.ownHosts,
    year: options.year,
  };
  return runWorkerPool<FileResult>({
    script,
    workerData,
    resourceLimits: WORKER_LIMITS,
    count,
    total: documents.length,
    signal: options.signal,
    task: (index) => {
      const file = documents[index]!;
      options.onStart(file.relative);
      return { index, file } satisfies FileTask;
    },
    onReply: (result) => options.onResult(result, documents[result.index]!.relative),
    // A worker that dies (out of memory, a crash) takes its file with it; the next one goes on.
    onCrash: (index) => {
      const file = documents[index]!.relative;
      options.onResult(crashed(index, file), file);
    },
  });
}
