import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { CollectLimits } from '../../../shared/scan/collect';
import { DEFAULT_COLLECT_LIMITS, ScanCollector, shownText } from '../../../shared/scan/collect';
import type { ScanReport } from '../../../shared/scan/finding';
import { scanReportSchema } from '../../../shared/scan/finding';
import type { ScanProgress } from '../../../shared/scan/progress';
import { scanFolder } from './scan-folder';
import type { ScanParts, WordTerm } from './scan-parts';
import { defaultScanWorkerPath } from './scan-pool';
import { scanSite } from './scan-site';

/**
 * One content-review scan (issue 13), of a folder or of the school's own site: started at once,
 * polled for progress, cancellable; its report is what was read, findings numbered in a stable
 * order, caps applied, valid against scanReportSchema. The app's scan service and
 * `qinglang scan` both run scans through here.
 */

export type ScanRunSource =
  | { readonly kind: 'folder'; readonly root: string }
  | { readonly kind: 'site'; readonly start: string; readonly hosts: readonly string[] };

export interface ScanRunRequest {
  readonly source: ScanRunSource;
  /** The school's own hosts (lower-case is not required): links elsewhere are external. */
  readonly ownHosts: readonly string[];
  readonly words: { readonly name: string; readonly terms: readonly WordTerm[] } | null;
  readonly appVersion: string;
  /** The scan's day (YYYY-MM-DD, default today): ID numbers born after its year are not ones. */
  readonly today?: string;
  /** Caps on what the report keeps (tests lower them). */
  readonly limits?: Partial<CollectLimits>;
  /** Worker threads for a folder; 0 reads in this thread. Default: min(2, cores). */
  readonly workers?: number;
  /** The worker's script; by default out/main/scan-worker.js beside the running bundle. */
  readonly workerPath?: string;
}

export interface ScanRun {
  readonly report: Promise<ScanReport>;
  progress(): ScanProgress;
  /** Stops after the files or pages being read; the report is then of what was read. */
  cancel(): void;
}

/** The progress a run shares with the parts that do the reading. */
export interface RunState {
  progress: ScanProgress;
  readonly collector: ScanCollector;
  readonly signal: AbortSignal;
}

const CANCELLED = {
  'zh-CN': '检查被取消，结果只包括已读取的部分',
  'en-US': 'the scan was cancelled: the findings are of what had been read',
};

export function startScan(request: ScanRunRequest, parts?: ScanParts): ScanRun {
  const controller = new AbortController();
  const state: RunState = {
    progress: { phase: 'listing', scanned: 0, total: null, bytes: 0, findings: 0, current: '' },
    collector: new ScanCollector({ ...DEFAULT_COLLECT_LIMITS, ...request.limits }),
    signal: controller.signal,
  };
  const report = run(request, state, parts);
  return {
    report,
    // The file or page being read, shown as the report would show it (no whole long number).
    progress: () => ({ ...state.progress, current: shownText(state.progress.current) }),
    cancel: () => controller.abort(),
  };
}

async function run(
  request: ScanRunRequest,
  state: RunState,
  given: ScanParts | undefined,
): Promise<ScanReport> {
  const startedAt = new Date().toISOString();
  const parts = given ?? (await import('./scan-parts-default')).SCAN_PARTS;
  const ownHosts = [...new Set(request.ownHosts.map((h) => h.toLowerCase()))];
  const { source } = request;
  const year = Number((request.today ?? startedAt).slice(0, 4));
  if (source.kind === 'folder') {
    const workers = request.workers ?? Math.min(2, os.availableParallelism());
    await scanFolder(state, parts, {
      root: source.root,
      words: request.words?.terms ?? null,
      ownHosts,
      year,
      workers,
      workerPath: workers > 0 ? (request.workerPath ?? defaultScanWorkerPath()) : null,
    });
  } else {
    const hosts = source.hosts.map((h) => h.toLowerCase());
    await scanSite(state, parts, {
      start: source.start,
      hosts,
      ownHosts: [...new Set([...ownHosts, ...hosts])],
      words: request.words?.terms ?? null,
      year,
    });
  }
  if (state.signal.aborted) state.collector.note('', 'cancelled', CANCELLED);
  state.progress = { ...state.progress, phase: 'done', current: '' };
  const words = request.words;
  const report = state.collector.report({
    id: randomUUID(),
    appVersion: request.appVersion,
    source:
      source.kind === 'folder'
        ? { kind: 'folder', name: path.basename(path.resolve(source.root)) || source.root }
        : { kind: 'site', start: source.start, hosts: [...source.hosts] },
    ownHosts,
    words: words && {
      name: words.name.slice(0, 255),
      terms: words.terms.length,
      categories: [...new Set(words.terms.flatMap((t) => (t.category ? [t.category] : [])))].slice(
        0,
        1000,
      ),
    },
    startedAt,
    finishedAt: new Date().toISOString(),
  });
  return scanReportSchema.parse(report);
}
