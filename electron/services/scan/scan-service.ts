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
  let uploads: FolderUploads | null = null;
  const runs = openScanRuns({
    log,
    appVersion: options.appVersion,
    picker: options.picker,
    runner: options.runner,
    readWords: options.readWords,
    checkInspection: (id) => void options.inspections().get(id),
    save: (id, report) => void store.save(id, report),
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
  return { store, runs, uploads, evidence, readWords: options.readWords };
}
