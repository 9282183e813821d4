import type { Handlers } from '../../shared/ipc/contract';
import type { ScanService } from '../services/scan/scan-service';

/**
 * The content review's door (shared/ipc/scan.ts): thin, the work is in the scan service
 * (electron/services/scan/). Marks, attach and remove of one inspection's scans run one after
 * another, so an attach never reads what a mark is writing.
 */
export function createScanHandlers({ scans }: { scans: ScanService }): Handlers['scan'] {
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => T | Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    pickFolder: () => scans.runs.pickFolder(),
    checkWords: ({ text }) => {
      const read = scans.readWords(text);
      return {
        terms: read.terms.length,
        categories: [...read.categories],
        problems: read.problems.map((p) => ({ line: p.line, message: { ...p.message } })),
      };
    },
    start: (request) => scans.runs.start(request),
    status: ({ runId }) => scans.runs.status(runId),
    cancel: ({ runId }) => {
      scans.runs.cancel(runId);
      return null;
    },
    list: ({ inspectionId }) => scans.store.list(inspectionId),
    get: ({ inspectionId, scanId }) => scans.store.get(inspectionId, scanId),
    mark: ({ inspectionId, scanId, findingIds, state }) =>
      serially(() => scans.mark(inspectionId, scanId, findingIds, state)),
    attach: ({ inspectionId, scanId, language }) =>
      serially(() => scans.evidence.attach(inspectionId, scanId, language)),
    exportWorkbook: ({ inspectionId, scanId, language }) =>
      scans.evidence.exportWorkbook(inspectionId, scanId, language),
    remove: ({ inspectionId, scanId }) =>
      serially(() => {
        scans.remove(inspectionId, scanId);
        return null;
      }),
  };
}
