import { AppError } from '../../../shared/errors';
import type { FindingState } from '../../../shared/scan/finding';
import type { ScanSummary } from '../../../shared/ipc/scan';
import type { EvidenceStore } from '../evidence/evidence-store';
import type { FileSaver } from '../export/file-saver';
import type { InspectionStore } from '../inspections/inspection-store';
import type { Logger } from '../logger';
import type { FolderPicker } from './folder-picker';
import type { FolderUploads } from './folder-uploads';
import { openFolderUploads, removeFolderUploads } from './folder-uploads';
import type { ScanEvidence, ScanWorkbookBuilder } from './scan-evidence';
import { openScanEvidence } from './scan-evidence';
import type { ScanRun, ScanRunRequest } from './scan-run';
import type { ScanRuns, WordListRead } from './scan-runs';
import { openScanRuns } from './scan-runs';
import type { ScanStore } from './scan-store';
import { openScanStore } from './scan-store';

/** The content review in the app: saved scans, runs, the harness's folder uploads, evidence. */
export interface ScanService {
  readonly store: ScanStore;
  readonly runs: ScanRuns;
  readonly uploads: FolderUploads;
  readonly evidence: ScanEvidence;
  readonly readWords: (text: string) => WordListRead;
  /** Marks findings of a saved scan; refused on a signed inspection, as every change of its scans. */
  mark(
    inspectionId: string,
    scanId: string,
    findingIds: readonly string[],
    state: FindingState,
  ): ScanSummary;
  /** Removes a saved scan; refused on a signed inspection. */
  remove(inspectionId: string, scanId: string): void;
}

export interface ScanServiceOptions {
  readonly dataDir: string;
  readonly log: Logger;
  readonly now: () => Date;
  readonly appVersion: string;
  readonly inspections: () => InspectionStore;
  readonly evidence: Pick<EvidenceStore, 'addStream'>;
  readonly saver: () => FileSaver;
  readonly picker: FolderPicker;
  readonly runner: (request: ScanRunRequest) => ScanRun;
  readonly readWords: (text: string) => WordListRead;
  readonly workbook: ScanWorkbookBuilder;
  /** This process holds the data folder: copies left by an earlier run are removed. */
  readonly tidy: boolean;
}

export function openScanService(options: ScanServiceOptions): ScanService {
  const { dataDir, log, now } = options;
  if (options.tidy) removeFolderUploads(dataDir, log);
  const store = openScanStore({ dataDir, log, now });
  /**
   * A signed inspection's scans are part of what was signed off: none starts, is marked or is
   * removed until it is reopened (attach refuses it too, in scan-evidence.ts).
   */
  const checkUnlocked = (inspectionId: string): void => {
    const inspection = options.inspections().get(inspectionId);
    if (inspection.state === 'signed' || inspection.signoff !== undefined) {
      throw new AppError('inspection-signed');
    }
  };
  let uploads: FolderUploads | null = null;
  const runs = openScanRuns({
    log,
    appVersion: options.appVersion,
    picker: options.picker,
    runner: options.runner,
    readWords: options.readWords,
    checkInspection: checkUnlocked,
    save: (id, report) => {
      // Looked at again when the run ends: the inspection may have gone meanwhile.
      checkStillThere(options.inspections(), id);
      store.save(id, report);
    },
    folderDone: (token) => uploads?.discard(token),
  });
  uploads = openFolderUploads({
    dataDir,
    log,
    register: (token, dir, name) => runs.registerFolder(dir, name, token),
    inUse: (token) => runs.inUse(token),
  });
  const evidence = openScanEvidence({
    store,
    inspections: options.inspections,
    evidence: options.evidence,
    saver: options.saver,
    workbook: options.workbook,
    log,
    now,
  });
  return {
    store,
    runs,
    uploads,
    evidence,
    readWords: options.readWords,
    mark(inspectionId, scanId, findingIds, state) {
      checkUnlocked(inspectionId);
      return store.mark(inspectionId, scanId, findingIds, state);
    },
    remove(inspectionId, scanId) {
      checkUnlocked(inspectionId);
      store.remove(inspectionId, scanId);
    },
  };
}

/**
 * Throws, saying why, when a run's report may no longer be kept with its inspection: deleted for
 * good, moved to the trash or signed while the scan ran (the report is then discarded).
 */
function checkStillThere(inspections: InspectionStore, inspectionId: string): void {
  const summary = inspections.list().find((s) => s.id === inspectionId);
  if (!summary)
    throw new AppError('inspection-not-found', {
      'zh-CN': '检查进行期间，这份检查已被彻底删除；这次检查的结果未保存。',
      'en-US':
        'The inspection was deleted for good while the scan ran; the results of this scan were not kept.',
    });
  if (summary.trashedAt !== undefined)
    throw new AppError('inspection-not-found', {
      'zh-CN':
        '检查进行期间，这份检查被移到了回收站；这次检查的结果未保存（还原检查后可重新检查）。',
      'en-US':
        'The inspection was moved to the trash while the scan ran; the results of this scan were not kept (restore it and scan again).',
    });
  const inspection = inspections.get(inspectionId);
  if (inspection.state === 'signed' || inspection.signoff !== undefined)
    throw new AppError('inspection-signed', {
      'zh-CN':
        '检查进行期间，这份检查已由校长签字，不能再保存新的检查结果；这次检查的结果未保存。如需保存，请先重新打开检查，再检查一次。',
      'en-US':
        'The inspection was signed by the principal while the scan ran, so no new results can be kept with it; the results of this scan were not kept. Reopen it and scan again to keep them.',
    });
}
