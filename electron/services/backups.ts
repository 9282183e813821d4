import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { BackupInfo, BackupReason } from '../../shared/ipc/backups';
import { backupInfoSchema } from '../../shared/ipc/backups';
import {
  BACKUP_ID,
  backupsToPrune,
  KEEP_BACKUPS,
  madeOn,
  newBackupId,
} from '../../shared/backups/retention';
import { localIsoDate } from '../../shared/local-date';
import {
  BACKED_UP_DIRS,
  BACKUP_MANIFEST,
  dataPaths,
  INSPECTIONS_DIR,
  isDataFile,
  KEY_HISTORY_FILE,
  KEYS_DIR,
  REVIEWS_DIR,
  SCANS_DIR,
  SETTINGS_FILE,
} from './data-layout';
import type { BackedUpDir } from './data-layout';
import type { Logger } from './logger';

export interface Backups {
  create(reason: BackupReason): BackupInfo;
  /** Makes the day's backup unless one was made today. */
  ensureDaily(): void;
  list(): BackupInfo[];
  /** Puts a backup's files back in the data folder (after backing up what is there now). */
  restore(id: string): BackupInfo;
}

interface Options {
  readonly dataDir: string;
  readonly log: Logger;
  readonly now?: () => Date;
  readonly keep?: number;
}

/**
 * Copies of what a person typed or received: settings.json (with the index), every inspection
 * file, the imported templates, the bureau's feedback on the inspections (reviews/<id>/, the
 * files and when each was archived), the content review's saved scans (scans/<id>/, the reports
 * with their marks and what each attached) and the key history (public keys only), in
 * <dataDir>/backups/<time>-<reason>/. Evidence files are not copied:
 * they are named by their content and never changed or deleted, so every backup's references
 * stay good. The last ten are kept.
 */
export function openBackups(options: Options): Backups {
  const { dataDir, log } = options;
  const paths = dataPaths(dataDir);
  const root = paths.backups;
  const now = options.now ?? (() => new Date());
  const keep = options.keep ?? KEEP_BACKUPS;
  let lastDaily: string | null = null;
  // A backup interrupted by a crash leaves its temp folder: it was never a backup, so it goes.
  if (fs.existsSync(root)) {
    for (const name of fs.readdirSync(root)) {
      if (name.startsWith('.tmp-'))
        fs.rmSync(path.join(root, name), { recursive: true, force: true });
    }
  }

  /** A backed-up folder's data files, as paths inside it (reviews/ is one folder deep). */
  const dataFilesIn = (folder: BackedUpDir): string[] => {
    const dir = path.join(dataDir, folder);
    if (!fs.existsSync(dir)) return [];
    return filesIn(dir).filter((rel) => isDataFile(folder, rel));
  };

  const sources = (): { from: string; to: string }[] => {
    const out: { from: string; to: string }[] = [];
    const add = (rel: string) => out.push({ from: path.join(dataDir, rel), to: rel });
    if (fs.existsSync(paths.settingsFile)) add(SETTINGS_FILE);
    // The public keys this installation has signed with, so a backup can always verify what it
    // holds. Never the private key: it does not leave keys/.
    if (fs.existsSync(paths.keyHistoryFile)) add(path.join(KEYS_DIR, KEY_HISTORY_FILE));
    for (const folder of BACKED_UP_DIRS) {
      for (const rel of dataFilesIn(folder)) add(path.join(folder, rel));
    }
    return out;
  };

  /** Whether the folder holds anything a person typed: an inspection, a template, a school profile. */
  const holdsUserData = (): boolean => {
    if (sources().some(({ to }) => to !== SETTINGS_FILE)) return true;
    try {
      const settings = JSON.parse(fs.readFileSync(paths.settingsFile, 'utf8')) as unknown;
      return typeof settings === 'object' && settings !== null && 'profile' in settings;
    } catch {
      return false;
    }
  };

  const read = (id: string): BackupInfo | null => {
    try {
      const parsed = backupInfoSchema.safeParse(
        JSON.parse(fs.readFileSync(path.join(paths.backup(id), BACKUP_MANIFEST), 'utf8')),
      );
      return parsed.success && parsed.data.id === id ? parsed.data : null;
    } catch {
      return null;
    }
  };

  const list = (): BackupInfo[] => {
    if (!fs.existsSync(root)) return [];
    return fs
      .readdirSync(root)
      .filter((name) => BACKUP_ID.test(name))
      .map(read)
      .filter((b): b is BackupInfo => b !== null)
      .sort((a, b) => b.id.localeCompare(a.id));
  };

  /** `protect`: a backup that pruning must not remove (the one being restored). */
  const create = (reason: BackupReason, protect?: string): BackupInfo => {
    const at = now();
    const id = newBackupId(at, reason, (taken) => fs.existsSync(paths.backup(taken)));
    // Built in a temp folder and renamed: a backup is whole or absent, never half-written.
    const temp = path.join(root, `.tmp-${randomUUID()}`);
    try {
      let bytes = 0;
      let inspections = 0;
      for (const { from, to } of sources()) {
        fs.mkdirSync(path.dirname(path.join(temp, to)), { recursive: true });
        fs.copyFileSync(from, path.join(temp, to));
        bytes += fs.statSync(from).size;
        if (to.startsWith(INSPECTIONS_DIR)) inspections++;
      }
      const info: BackupInfo = { id, createdAt: at.toISOString(), reason, inspections, bytes };
      fs.mkdirSync(temp, { recursive: true });
      fs.writeFileSync(path.join(temp, BACKUP_MANIFEST), `${JSON.stringify(info, null, 2)}\n`);
      fs.renameSync(temp, paths.backup(id));
      log.info('backups.created', { reason, inspections });
      prune(protect);
      return info;
    } catch (error) {
      fs.rmSync(temp, { recursive: true, force: true });
      log.error('backups.failed', error);
      throw new AppError('storage-failed');
    }
  };

  const prune = (protect?: string) => {
    for (const old of backupsToPrune(list(), keep, protect)) {
      fs.rmSync(paths.backup(old.id), { recursive: true, force: true });
    }
  };

  return {
    create: (reason) => create(reason),
    list,
    ensureDaily() {
      const day = localIsoDate(now());
      if (lastDaily === day) return;
      // Nothing the user typed yet (a first start before the profile): a backup of it would be
      // offered for restore and restore nothing. Tried again on the first save.
      if (!holdsUserData()) return;
      if (!madeOn(list(), day)) {
        try {
          create('daily');
        } catch {
          // A failed daily backup must not block saving; it is logged and tried tomorrow.
        }
      }
      lastDaily = day;
    },
    restore(id) {
      const info = BACKUP_ID.test(id) ? read(id) : null;
      if (!info) throw new AppError('backup-not-found');
      const from = paths.backup(id);
      // The backup being restored must outlive the before-restore backup's pruning.
      create('before-restore', id);
      try {
        // The key history is a record kept for verifying, not data to go back on: an older copy
        // would forget keys made since, so it stays as it is.
        const files = filesIn(from).filter(
          (rel) => rel !== BACKUP_MANIFEST && !rel.startsWith(`${KEYS_DIR}${path.sep}`),
        );
        // What the backup does not have is removed: a restore goes back to that moment (the
        // bureau's feedback and what was archived, and the saved scans, included). Nothing is
        // lost: the before-restore backup above holds it. Imported templates stay: inspections name them.
        for (const folder of [INSPECTIONS_DIR, REVIEWS_DIR, SCANS_DIR] as const) {
          for (const rel of dataFilesIn(folder)) {
            if (!fs.existsSync(path.join(from, folder, rel))) {
              fs.rmSync(path.join(dataDir, folder, rel));
            }
          }
        }
        for (const rel of files) {
          const target = path.join(dataDir, rel);
          fs.mkdirSync(path.dirname(target), { recursive: true });
          const temp = `${target}.${randomUUID()}.tmp`;
          fs.copyFileSync(path.join(from, rel), temp);
          fs.renameSync(temp, target);
        }
      } catch (error) {
        log.error('backups.restore-failed', error);
        throw new AppError('storage-failed');
      }
      log.info('backups.restored', { reason: info.reason });
      return info;
    },
  };
}

function filesIn(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? filesIn(path.join(dir, entry.name), path.join(prefix, entry.name))
        : [path.join(prefix, entry.name)],
    );
}
