import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError, ERROR_MESSAGES } from '../../../shared/errors';
import type { Bilingual } from '../../../shared/i18n/locale';
import type { PickedFolder, ScanRequest } from '../../../shared/ipc/scan';
import type { ScanReport } from '../../../shared/scan/finding';
import type { ScanProgress, ScanRunStatus } from '../../../shared/scan/progress';
import type { WordList } from '../../../shared/scan/words/word-list';
import type { Logger } from '../logger';
import type { FolderPicker } from './folder-picker';
import type { ScanRun, ScanRunRequest } from './scan-run';

/** A word list as read for a scan (shared/scan/words/word-list.ts): its terms, and its problems. */
export type WordListRead = WordList;

/**
 * The content review's runs in this process: the folders chosen (each behind a random token:
 * the page never names a path), one scan at a time, its progress, cancel, and its report saved
 * with the inspection when it ends. Runs are kept in memory: a restart forgets them (saved scans
 * stay).
 */
export interface ScanRuns {
  pickFolder(): Promise<PickedFolder | null>;
  /** Puts a folder behind a new token (the desktop dialog's pick, or a harness upload's copy). */
  registerFolder(dir: string, name: string, token?: string): PickedFolder;
  /** Whether a scan running now reads the folder behind this token. */
  inUse(token: string): boolean;
  start(request: ScanRequest): { runId: string };
  status(runId: string): ScanRunStatus;
  cancel(runId: string): void;
  /** Resolves once the run has ended and its report is saved (tests, and quitting). */
  settled(runId: string): Promise<void>;
}

export interface ScanRunsOptions {
  readonly log: Logger;
  readonly appVersion: string;
  readonly picker: FolderPicker;
  readonly runner: (request: ScanRunRequest) => ScanRun;
  readonly readWords: (text: string) => WordListRead;
  /** Throws when the inspection cannot take a scan (not here, in the trash, signed). */
  readonly checkInspection: (inspectionId: string) => void;
  /** Keeps a finished run's report; throws, saying why, when its inspection can no longer take it. */
  readonly save: (inspectionId: string, report: ScanReport) => void;
  /** Called when a run that read an uploaded copy has ended: the copy goes. */
  readonly folderDone: (token: string) => void;
}

interface Folder {
  readonly dir: string;
  readonly name: string;
  /** An uploaded copy: used by one scan only, then removed. */
  readonly once: boolean;
}

interface Run {
  readonly inspectionId: string;
  readonly token: string | null;
  readonly run: ScanRun | null;
  status: ScanRunStatus;
  cancelled: boolean;
  ended: Promise<void>;
}

/** Ended runs remembered for their status. */
const KEPT_RUNS = 20;

const IDLE: ScanProgress = {
  phase: 'listing',
  scanned: 0,
  total: null,
  bytes: 0,
  findings: 0,
  current: '',
};

const runNotFound = () =>
  new AppError('scan-not-found', {
    'zh-CN': '找不到这次审查（程序重启后，进行中的审查会被忘记；已保存的结果仍在）。',
    'en-US':
      'This scan run is not known (runs are forgotten when the app restarts; saved scans stay).',
  });

export function openScanRuns(options: ScanRunsOptions): ScanRuns {
  const { log } = options;
  const folders = new Map<string, Folder>();
  const runs = new Map<string, Run>();

  const running = (): Run | undefined =>
    [...runs.values()].find((r) => r.status.state === 'running');

  const folderOf = (token: string): Folder => {
    const folder = folders.get(token);
    if (!folder) throw new AppError('scan-folder-unavailable');
    return folder;
  };

  const failure = (error: unknown): Bilingual => {
    if (error instanceof AppError) return { ...(error.detail ?? ERROR_MESSAGES[error.code]) };
    log.error('scans.run-failed', error);
    return { ...ERROR_MESSAGES.internal };
  };

  /** Follows a run to its end: its report saved with the inspection, or why it failed. */
  const track = (runId: string, entry: Run, report: Promise<ScanReport>): void => {
    const progress = () => entry.run?.progress() ?? entry.status.progress;
    const fail = (error: unknown) => {
      entry.status = {
        ...entry.status,
        progress: progress(),
        state: 'failed',
        error: failure(error),
      };
    };
    entry.ended = report
      .then((done) => {
        const state = entry.cancelled ? 'cancelled' : 'done';
        try {
          options.save(entry.inspectionId, done);
        } catch (error) {
          // Not kept: the inspection went or was signed meanwhile (the status says which).
          if (error instanceof AppError) log.warn('scans.run-not-saved', { code: error.code });
          fail(error);
          return;
        }
        const finished = { ...progress(), phase: 'done' as const, current: '' };
        entry.status = { state, progress: finished, scanId: done.id, error: null };
        log.info('scans.run-ended', { state, findings: done.findings.length });
      }, fail)
      .finally(() => release(entry.token));
    runs.set(runId, entry);
    // Only the latest runs are remembered: the page polls the one it started.
    for (const [id, old] of runs) {
      if (runs.size <= KEPT_RUNS) break;
      if (old.status.state !== 'running') runs.delete(id);
    }
  };

  const release = (token: string | null) => {
    if (token === null) return;
    const folder = folders.get(token);
    if (folder?.once) {
      folders.delete(token);
      options.folderDone(token);
    }
  };

  const registerFolder = (dir: string, name: string, token?: string): PickedFolder => {
    const key = token ?? randomUUID();
    const shown = name.slice(0, 255) || 'folder';
    folders.set(key, { dir, name: shown, once: token !== undefined });
    return { token: key, name: shown };
  };

  return {
    async pickFolder() {
      const dir = await options.picker.pickFolder();
      if (dir === null) return null;
      return registerFolder(dir, path.basename(path.resolve(dir)) || dir);
    },
    registerFolder,
    inUse: (token) => running()?.token === token,
    start(request) {
      if (running()) throw new AppError('scan-busy');
      options.checkInspection(request.inspectionId);
      const { source } = request;
      const folder = source.kind === 'folder' ? folderOf(source.token) : null;
      const words = request.words && {
        name: request.words.name,
        terms: options
          .readWords(request.words.text)
          .terms.map((t) => ({ term: t.term, category: t.category ?? '' })),
      };
      const runId = randomUUID();
      const run = options.runner({
        source:
          source.kind === 'folder'
            ? { kind: 'folder', root: folder!.dir }
            : { kind: 'site', start: source.start, hosts: source.hosts },
        ownHosts: request.ownHosts,
        words,
        appVersion: options.appVersion,
      });
      const entry: Run = {
        inspectionId: request.inspectionId,
        token: source.kind === 'folder' ? source.token : null,
        run,
        status: { state: 'running', progress: IDLE, scanId: null, error: null },
        cancelled: false,
        ended: Promise.resolve(),
      };
      track(runId, entry, run.report);
      log.info('scans.run-started', { source: source.kind, words: words?.terms.length ?? 0 });
      return { runId };
    },
    status(runId) {
      const found = runs.get(runId);
      if (!found) throw runNotFound();
      if (found.status.state === 'running' && found.run) {
        return { ...found.status, progress: found.run.progress() };
      }
      return found.status;
    },
    cancel(runId) {
      const found = runs.get(runId);
      if (!found) throw runNotFound();
      if (found.status.state !== 'running') return;
      found.cancelled = true;
      found.run?.cancel();
      log.info('scans.run-cancelled');
    },
    async settled(runId) {
      await runs.get(runId)?.ended;
    },
  };
}
