import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { checkInspectionShape } from '../../../shared/inspection/check';
import type { Inspection } from '../../../shared/inspection/schema';
import {
  INSPECTION_FILE_MIGRATIONS,
  INSPECTION_FILE_VERSION,
} from '../../../shared/migrations/inspection-file';
import { migrate } from '../../../shared/migrations/migrate';
import type { StorageNotice } from '../../../shared/storage-notice';
import { writeFileAtomic } from '../atomic-file';
import type { DataPaths } from '../data-layout';
import { INSPECTIONS_DIR, inspectionFileName, inspectionIdOf } from '../data-layout';
import { readJsonFile } from '../json-file';
import type { Logger } from '../logger';
import { quarantine } from '../quarantine';

/** One inspection on disk: <dataDir>/inspections/<id>.json. */
export interface StoredFile {
  readonly inspection: Inspection;
  readonly trashedAt?: string;
}

const storedFileSchema = z.strictObject({
  schemaVersion: z.literal(INSPECTION_FILE_VERSION),
  inspection: z.unknown(),
  trashedAt: z.iso.datetime().optional(),
});

export interface FileStat {
  readonly mtimeMs: number;
  readonly size: number;
}

export interface InspectionFiles {
  /** The ids of the inspection files in the folder (anything else there is ignored). */
  ids(): string[];
  stat(id: string): FileStat;
  /** Reads and judges one file; null when it is missing, was set aside, or is from a newer app. */
  load(id: string): StoredFile | null;
  /**
   * Writes one file whole. `json` is the inspection already serialised (by the save pipeline),
   * so a save serialises once. Exactly the fields given are written: a field an operation
   * removes (trashedAt on restore) stays removed.
   */
  write(file: StoredFile, json?: string): void;
  remove(id: string): void;
  /** Written by a newer app: never opened, never overwritten. */
  isRefused(id: string): boolean;
  readonly notices: readonly StorageNotice[];
}

interface Options {
  readonly paths: DataPaths;
  readonly log: Logger;
  readonly now: () => Date;
  /** Called once before the first older file is migrated, so a backup of it exists first. */
  readonly beforeMigration?: () => void;
}

/**
 * The inspection files and nothing else: each is judged as it is on disk. A file that cannot be
 * read is kept aside (`*.corrupt-<time>.json`) and reported; one from a newer app is refused and
 * never rewritten; an older one is backed up, migrated and written back.
 */
export function openInspectionFiles(options: Options): InspectionFiles {
  const { paths, log, now } = options;
  const notices: StorageNotice[] = [];
  const refused = new Set<string>();
  let backedUp = false;
  fs.mkdirSync(paths.inspections, { recursive: true });

  const shown = (name: string) => `${INSPECTIONS_DIR}/${name}`;
  const setAside = (id: string, reason: string): null => {
    const keptAs = quarantine(paths.inspectionFile(id), now());
    notices.push({
      kind: 'quarantined',
      file: shown(inspectionFileName(id)),
      keptAs: shown(keptAs),
    });
    log.warn('inspections.quarantined', { reason, keptAs });
    return null;
  };

  function write(file: StoredFile, json = JSON.stringify(file.inspection)): void {
    const id = file.inspection.id;
    if (refused.has(id)) throw new AppError('storage-newer-version');
    const trashed =
      file.trashedAt === undefined ? '' : `,"trashedAt":${JSON.stringify(file.trashedAt)}`;
    try {
      writeFileAtomic(
        paths.inspectionFile(id),
        `{"schemaVersion":${INSPECTION_FILE_VERSION},"inspection":${json}${trashed}}`,
      );
    } catch (error) {
      log.error('inspections.write-failed', error);
      throw new AppError('storage-failed');
    }
  }

  function load(id: string): StoredFile | null {
    const found = readJsonFile(paths.inspectionFile(id));
    if (found.kind === 'missing') return null;
    if (found.kind === 'unparseable') return setAside(id, 'unreadable');
    const outcome = migrate(found.value, INSPECTION_FILE_MIGRATIONS, INSPECTION_FILE_VERSION);
    if (outcome.kind === 'newer') {
      refused.add(id);
      notices.push({ kind: 'newer-version', file: shown(inspectionFileName(id)) });
      log.warn('inspections.newer-version', { found: outcome.found });
      return null;
    }
    if (outcome.kind === 'unversioned') return setAside(id, 'unversioned');
    const file = storedFileSchema.safeParse(outcome.doc);
    const inspection = file.success ? checkInspectionShape(file.data.inspection) : null;
    if (!file.success || !inspection?.ok || inspection.inspection.id !== id)
      return setAside(id, 'invalid');
    const stored: StoredFile = {
      inspection: inspection.inspection,
      ...(file.data.trashedAt !== undefined && { trashedAt: file.data.trashedAt }),
    };
    if (outcome.kind === 'migrated') {
      if (!backedUp) options.beforeMigration?.();
      backedUp = true;
      write(stored);
      log.info('inspections.migrated', { from: outcome.from });
    }
    return stored;
  }

  return {
    notices,
    ids: () =>
      fs
        .readdirSync(paths.inspections)
        .map(inspectionIdOf)
        .filter((id): id is string => id !== null),
    stat(id) {
      const stat = fs.statSync(paths.inspectionFile(id));
      return { mtimeMs: stat.mtimeMs, size: stat.size };
    },
    load,
    write,
    remove: (id) => fs.rmSync(paths.inspectionFile(id), { force: true }),
    isRefused: (id) => refused.has(id),
  };
}
