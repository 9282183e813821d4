import path from 'node:path';
import { INSPECTION_ID_PATTERN } from '../../shared/inspection/schema';
import type { TemplateRef } from '../../shared/settings';

/**
 * The data folder's layout: every file and folder name the app reads or writes is made here and
 * nowhere else, so a new service, a backup or a migration cannot disagree with the others about
 * where things are. docs/formats.md ("The data folder") describes the same tree for people.
 *
 * ```
 * <dataDir>/
 *   settings.json            settings + the inspection index (electron-store / conf)
 *   qinglang.lock            which process holds the folder
 *   inspections/<id>.json    one inspection each
 *   templates/<id>@<version>.json
 *   evidence/<ab>/<sha256>   content-addressed evidence files
 *   backups/<time>-<reason>/ backup.json + copies of settings, inspections and templates
 *   bureau/                  bureau mode's store (bureau/bureau-store.ts)
 *     index.json             qinglang-bureau-index/1: submissions, reviews, rejections, schools
 *     files/<sha256>.xlsx|.zip  content-addressed copies of accepted files, never overwritten
 *     removed/<sha256>.xlsx|.zip  copies of submissions taken out of the store
 *     backups/index-<time>-<reason>.json  copies of the index (daily, before a removal)
 *   reviews/<id>/<sha256>.json  the bureau's feedback files on inspection <id>, as received
 *   reviews/<id>/reviews.json   when each was imported and dismissed
 *   scans/<id>/<scanId>.json    the content review's saved scans of inspection <id>
 *                               (qinglang-scan-report/1, the inspector's marks in each finding)
 *   scans/<id>/scans.json       what each scan last attached as evidence, when, to which items
 *   .scan-uploads/<token>/      the browser harness's copies of a folder chosen for a scan;
 *                               removed when its scan ends, and at the next start
 *   logs/qinglang.log        rotating log (+ qinglang.1.log …)
 * ```
 */
export const SETTINGS_STORE_NAME = 'settings';
export const SETTINGS_FILE = `${SETTINGS_STORE_NAME}.json`;
export const LOCK_FILE = 'qinglang.lock';
export const INSPECTIONS_DIR = 'inspections';
export const TEMPLATES_DIR = 'templates';
export const EVIDENCE_DIR = 'evidence';
export const BACKUPS_DIR = 'backups';
/** The bureau's feedback (qinglang-feedback/1), kept beside the inspections it is about. */
export const REVIEWS_DIR = 'reviews';
export const REVIEWS_STATE_FILE = 'reviews.json';
/** The content review's saved scans (qinglang-scan-report/1), one folder per inspection. */
export const SCANS_DIR = 'scans';
export const SCANS_STATE_FILE = 'scans.json';
/** The browser harness's copies of folders uploaded to be scanned: never data, never backed up. */
export const SCAN_UPLOADS_DIR = '.scan-uploads';
/** This installation's signing key (private, readable by the user only) and its history. */
export const KEYS_DIR = 'keys';
export const SIGNING_KEY_FILE = 'signing-key.pem';
export const KEY_HISTORY_FILE = 'key-history.json';
export const BACKUP_MANIFEST = 'backup.json';
export const BUREAU_DIR = 'bureau';
export const BUREAU_INDEX_FILE = 'index.json';
export const BUREAU_FILES_DIR = 'files';
export const BUREAU_REMOVED_DIR = 'removed';
export const BUREAU_BACKUPS_DIR = 'backups';
/** The kinds of file the bureau keeps, by the extension of their copy. */
export const BUREAU_FILE_EXTENSIONS = { workbook: 'xlsx', package: 'zip' } as const;
const BUREAU_COPY = /^([0-9a-f]{64})\.(xlsx|zip)$/;

/** The sha256 and kind a stored copy's name stands for, or null for anything else. */
export function bureauCopyOf(
  fileName: string,
): { sha256: string; kind: keyof typeof BUREAU_FILE_EXTENSIONS } | null {
  const match = BUREAU_COPY.exec(fileName);
  if (!match) return null;
  return { sha256: match[1]!, kind: match[2] === 'zip' ? 'package' : 'workbook' };
}
export const LOG_FILE = path.join('logs', 'qinglang.log');

/**
 * The folders whose data files a backup copies and a restore puts back. inspections/ and
 * templates/ are flat; reviews/ and scans/ hold one folder per inspection (`<id>/<sha256>.json`
 * and `<id>/reviews.json`; `<id>/<scan id>.json` and `<id>/scans.json`), so their data files
 * are named by a path one folder deep.
 */
export const BACKED_UP_DIRS = [INSPECTIONS_DIR, TEMPLATES_DIR, REVIEWS_DIR, SCANS_DIR] as const;
export type BackedUpDir = (typeof BACKED_UP_DIRS)[number];

const TEMPLATE_FILE = /^[a-z][a-z0-9_]*@[\d.]+\.json$/;
const FEEDBACK_FILE = /^[0-9a-f]{64}\.json$/;
const SCAN_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json$/;

export const inspectionFileName = (id: string): string => `${id}.json`;
export const templateFileName = (ref: TemplateRef): string => `${ref.id}@${ref.version}.json`;

/** The inspection id a file name stands for, or null for anything else in the folder. */
export function inspectionIdOf(fileName: string): string | null {
  if (!fileName.endsWith('.json')) return null;
  const id = fileName.slice(0, -'.json'.length);
  return INSPECTION_ID_PATTERN.test(id) ? id : null;
}

/**
 * Whether a file in a backed-up folder is one of the app's data files (not a temp or a corrupt
 * copy). `relative` is its path inside that folder: a plain name, or for reviews/ and scans/
 * `<id>/<name>` with either separator.
 */
export function isDataFile(dir: BackedUpDir, relative: string): boolean {
  if (dir === INSPECTIONS_DIR) return inspectionIdOf(relative) !== null;
  if (dir === TEMPLATES_DIR) return TEMPLATE_FILE.test(relative);
  const parts = relative.split(/[\\/]/);
  if (parts.length !== 2 || !INSPECTION_ID_PATTERN.test(parts[0]!)) return false;
  const name = parts[1]!;
  if (dir === SCANS_DIR) return name === SCANS_STATE_FILE || SCAN_FILE.test(name);
  return name === REVIEWS_STATE_FILE || FEEDBACK_FILE.test(name);
}

/** Absolute paths inside one data folder. */
export interface DataPaths {
  readonly root: string;
  readonly settingsFile: string;
  readonly lockFile: string;
  readonly inspections: string;
  readonly templates: string;
  readonly evidence: string;
  readonly backups: string;
  readonly logFile: string;
  readonly keys: string;
  readonly signingKeyFile: string;
  readonly keyHistoryFile: string;
  readonly bureau: string;
  readonly bureauIndexFile: string;
  readonly bureauFiles: string;
  readonly bureauRemoved: string;
  readonly bureauBackups: string;
  /** The stored copy of an accepted file (`removed` when taken out of the store). */
  bureauCopy(
    sha256: string,
    kind: keyof typeof BUREAU_FILE_EXTENSIONS,
    where?: 'files' | 'removed',
  ): string;
  inspectionFile(id: string): string;
  templateFile(ref: TemplateRef): string;
  evidenceFile(sha256: string): string;
  backup(id: string): string;
  readonly reviews: string;
  /** The folder of one inspection's feedback files. */
  reviewsOf(inspectionId: string): string;
  reviewFile(inspectionId: string, sha256: string): string;
  reviewsStateFile(inspectionId: string): string;
  readonly scans: string;
  /** The folder of one inspection's saved scans. */
  scansOf(inspectionId: string): string;
  scanFile(inspectionId: string, scanId: string): string;
  scansStateFile(inspectionId: string): string;
  /** Where the browser harness keeps the copies of uploaded folders, one per token. */
  readonly scanUploads: string;
  scanUpload(token: string): string;
}

export function dataPaths(dataDir: string): DataPaths {
  const root = path.resolve(dataDir);
  const inspections = path.join(root, INSPECTIONS_DIR);
  const templates = path.join(root, TEMPLATES_DIR);
  const evidence = path.join(root, EVIDENCE_DIR);
  const backups = path.join(root, BACKUPS_DIR);
  const bureau = path.join(root, BUREAU_DIR);
  const bureauFiles = path.join(bureau, BUREAU_FILES_DIR);
  const bureauRemoved = path.join(bureau, BUREAU_REMOVED_DIR);
  return {
    root,
    settingsFile: path.join(root, SETTINGS_FILE),
    lockFile: path.join(root, LOCK_FILE),
    inspections,
    templates,
    evidence,
    backups,
    logFile: path.join(root, LOG_FILE),
    keys: path.join(root, KEYS_DIR),
    signingKeyFile: path.join(root, KEYS_DIR, SIGNING_KEY_FILE),
    keyHistoryFile: path.join(root, KEYS_DIR, KEY_HISTORY_FILE),
    bureau,
    bureauIndexFile: path.join(bureau, BUREAU_INDEX_FILE),
    bureauFiles,
    bureauRemoved,
    bureauBackups: path.join(bureau, BUREAU_BACKUPS_DIR),
    bureauCopy: (sha256, kind, where = 'files') =>
      path.join(
        where === 'files' ? bureauFiles : bureauRemoved,
        `${sha256}.${BUREAU_FILE_EXTENSIONS[kind]}`,
      ),
    inspectionFile: (id) => path.join(inspections, inspectionFileName(id)),
    templateFile: (ref) => path.join(templates, templateFileName(ref)),
    // Two hex digits of fan-out keep any one folder small on FAT32 USB sticks and slow shares.
    evidenceFile: (sha256) => path.join(evidence, sha256.slice(0, 2), sha256),
    backup: (id) => path.join(backups, id),
    reviews: path.join(root, REVIEWS_DIR),
    reviewsOf: (id) => path.join(root, REVIEWS_DIR, id),
    reviewFile: (id, sha256) => path.join(root, REVIEWS_DIR, id, `${sha256}.json`),
    reviewsStateFile: (id) => path.join(root, REVIEWS_DIR, id, REVIEWS_STATE_FILE),
    scans: path.join(root, SCANS_DIR),
    scansOf: (id) => path.join(root, SCANS_DIR, id),
    scanFile: (id, scanId) => path.join(root, SCANS_DIR, id, `${scanId}.json`),
    scansStateFile: (id) => path.join(root, SCANS_DIR, id, SCANS_STATE_FILE),
    scanUploads: path.join(root, SCAN_UPLOADS_DIR),
    scanUpload: (token) => path.join(root, SCAN_UPLOADS_DIR, token),
  };
}
