import type { BackupInfo, BackupReason } from '../ipc/backups';
import { localIsoDate } from '../local-date';

/** How many backups are kept; the oldest go first. */
export const KEEP_BACKUPS = 10;

/** A backup folder's name: its UTC time, then why it was made, then a counter if taken. */
export const BACKUP_ID = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[a-z-]+(-\d+)?$/;

/** The first free backup id for this moment and reason; `taken` says whether an id is in use. */
export function newBackupId(
  at: Date,
  reason: BackupReason,
  taken: (id: string) => boolean,
): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  let id = `${stamp}-${reason}`;
  for (let n = 2; taken(id); n++) id = `${stamp}-${reason}-${n}`;
  return id;
}

/**
 * The backups to delete so that `keep` remain, newest kept. `protect` (the backup being restored)
 * is never deleted and counts among those kept.
 */
export function backupsToPrune(
  newestFirst: readonly BackupInfo[],
  keep: number,
  protect?: string,
): BackupInfo[] {
  const others = newestFirst.filter((b) => b.id !== protect);
  return others.slice(protect === undefined ? keep : keep - 1);
}

/** Whether one of these backups was made on the given local day (YYYY-MM-DD). */
export function madeOn(backups: readonly BackupInfo[], day: string): boolean {
  return backups.some((b) => localIsoDate(new Date(b.createdAt)) === day);
}
