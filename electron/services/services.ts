import fs from 'node:fs';
import type { AppInfo } from '../../shared/ipc/app';
import type { StorageNotice } from '../../shared/storage-notice';
import type { Backups } from './backups';
import type { BureauStore } from './bureau/bureau-store';
import { openBureauStore } from './bureau/bureau-store';
import { openBackups } from './backups';
import { dataPaths } from './data-layout';
import type { DataLock } from './data-lock';
import { acquireDataLock } from './data-lock';
import type { EvidenceStore } from './evidence/evidence-store';
import { openEvidenceStore } from './evidence/evidence-store';
import type { FilePicker } from './evidence/file-picker';
import type { FileSaver } from './export/file-saver';
import { unavailableSaver } from './export/file-saver';
import { unavailablePicker } from './evidence/file-picker';
import type { FolderPicker } from './scan/folder-picker';
import { unavailableFolderPicker } from './scan/folder-picker';
import { startScan } from './scan/scan-run';
import { buildScanWorkbook, readWordList } from './scan/scan-parts-app';
import type { ScanService } from './scan/scan-service';
import { openScanService } from './scan/scan-service';
import type { ReviewStore } from './bureau-reviews/review-store';
import { openReviewStore } from './bureau-reviews/review-store';
import type { InspectionStore } from './inspections/inspection-store';
import { openInspectionStore } from './inspections/inspection-store';
import type { StoreFactory } from './json-store';
import { removeLeftoverTemps } from './leftovers';
import type { Logger } from './logger';
import { createFileLogger } from './logger';
import type { PdfPrinter } from './report/pdf-printer';
import { unavailablePrinter } from './report/pdf-printer';
import type { SettingsService } from './settings-service';
import { openSettings } from './settings-service';
import type { KeyStore } from './signing/key-store';
import { openKeyStore } from './signing/key-store';
import type { TemplateStore } from './templates/template-store';
import { openTemplateStore } from './templates/template-store';

export const APP_NAME = 'Qinglang Inspector';

/** Everything the handlers and the CLI work with; built once per process. */
export interface Services {
  readonly log: Logger;
  readonly settings: SettingsService;
  readonly templates: TemplateStore;
  readonly inspections: InspectionStore;
  /** The bureau's feedback on this school's inspections, kept beside them. */
  readonly reviews: ReviewStore;
  /** Bureau mode's store (`bureau/`): opened on first use, or at start when the folder has one. */
  readonly bureau: BureauStore;
  readonly evidence: EvidenceStore;
  /** The content review: saved scans (`scans/`), runs, folder picks and uploads, attach. */
  readonly scans: ScanService;
  readonly backups: Backups;
  /** This installation's signing key. */
  readonly keys: KeyStore;
  readonly picker: FilePicker;
  /** Prints a report to PDF: the shell's own (a hidden Electron window, or headless Chromium). */
  readonly printer: PdfPrinter;
  /** Lets the user keep an exported file: a save dialog (desktop) or a download (harness). */
  readonly saver: FileSaver;
  readonly about: Omit<AppInfo, 'notices'>;
  /** Everything found wrong in the data folder at start-up (and since the last restore). */
  notices(): StorageNotice[];
  /** Re-reads the data folder after its files were replaced (a restored backup). */
  reload(): void;
  /** Lets another process use the data folder (on quit). */
  close(): void;
}

export interface CreateServicesOptions {
  readonly dataDir: string;
  readonly version: string;
  readonly shell: AppInfo['shell'];
  readonly storeFactory: StoreFactory;
  readonly log?: Logger;
  /** Claim the data folder for this process (the app and the harness; not the CLI). */
  readonly lock?: boolean;
  /** Claim it even from another computer's lock, after the user confirmed nobody uses it there. */
  readonly takeOver?: boolean;
  readonly picker?: FilePicker;
  /** Chooses a folder to scan (the desktop's dialog); the harness answers in the page instead. */
  readonly folderPicker?: FolderPicker;
  readonly printer?: PdfPrinter;
  readonly saver?: FileSaver;
  readonly now?: () => Date;
}

/**
 * The one place the Node side is assembled: main, the browser harness and the CLI all call it.
 * The inspection store opens on first use, so a CLI command that never touches inspections
 * never reads (or migrates) them.
 */
export function createServices(options: CreateServicesOptions): Services {
  const { dataDir, storeFactory } = options;
  fs.mkdirSync(dataDir, { recursive: true });
  const lock: DataLock | null = options.lock
    ? acquireDataLock(dataDir, { takeOver: options.takeOver === true })
    : null;
  const log = options.log ?? createFileLogger(dataDir);
  // Only the holder of the folder may tidy it: elsewhere a temp file may be a write under way.
  if (lock) removeLeftoverTemps(dataPaths(dataDir), log);
  const now = options.now ?? (() => new Date());
  const backups = openBackups({ dataDir, log, now });
  const evidence = openEvidenceStore({ dataDir, log, now });
  const keys = openKeyStore({ dataDir, log, now });

  const open = () => {
    const settings = openSettings({
      dataDir,
      storeFactory,
      log,
      now,
      beforeMigration: () => backups.create('before-migration'),
    });
    const templates = openTemplateStore({
      dataDir,
      log,
      now,
      defaultRef: () => settings.get().defaultTemplate,
    });
    let inspections: InspectionStore | null = null;
    let bureau: BureauStore | null = null;
    const bureauStore = () => (bureau ??= openBureauStore({ dataDir, log, now }));
    // A folder that holds bureau data has its store judged at start, so trouble is reported
    // then; only by the holder of the folder (judging may rebuild the index).
    if (options.lock && fs.existsSync(dataPaths(dataDir).bureau)) bureauStore();
    return {
      settings,
      templates,
      inspections: () =>
        (inspections ??= openInspectionStore({
          dataDir,
          log,
          now,
          templates,
          settings,
          beforeMigration: () => backups.create('before-migration'),
          afterWrite: () => backups.ensureDaily(),
          evidenceExists: (sha256) => evidence.has(sha256),
          ownFingerprint: () => keys.fingerprint(),
        })),
      bureau: bureauStore,
      /** The bureau store's notices, once it is open (never opening it just to ask). */
      bureauNotices: () => bureau?.notices ?? [],
    };
  };
  let state = open();
  if (options.lock) backups.ensureDaily();
  const saver = options.saver ?? unavailableSaver;
  const scans = openScanService({
    dataDir,
    log,
    now,
    appVersion: options.version,
    inspections: () => state.inspections(),
    evidence,
    saver: () => saver,
    picker: options.folderPicker ?? unavailableFolderPicker,
    runner: startScan,
    readWords: readWordList,
    workbook: buildScanWorkbook,
    tidy: lock !== null,
  });

  log.info('app.started', { shell: options.shell, version: options.version });
  return {
    log,
    get settings() {
      return state.settings;
    },
    get templates() {
      return state.templates;
    },
    get inspections() {
      return state.inspections();
    },
    get bureau() {
      return state.bureau();
    },
    reviews: openReviewStore({ dataDir, log, now, inspections: () => state.inspections() }),
    evidence,
    scans,
    backups,
    keys,
    picker: options.picker ?? unavailablePicker,
    printer: options.printer ?? unavailablePrinter,
    saver,
    about: {
      name: APP_NAME,
      version: options.version,
      shell: options.shell,
      dataDir,
      logFile: log.file,
    },
    notices: () => [
      ...state.settings.notices,
      ...state.templates.notices,
      ...state.inspections().notices,
      ...state.bureauNotices(),
    ],
    reload() {
      state = open();
    },
    close() {
      lock?.release();
    },
  };
}
