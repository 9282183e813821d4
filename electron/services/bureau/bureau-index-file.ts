import fs from 'node:fs';
import path from 'node:path';
import type { BureauIndex } from '../../../shared/bureau/store-index';
import { BUREAU_INDEX_FORMAT, bureauIndexSchema } from '../../../shared/bureau/store-index';
import { writeFileAtomic } from '../atomic-file';
import type { DataPaths } from '../data-layout';
import { readJsonFile } from '../json-file';

/**
 * The bureau index on the disk: judged as it is (never trusted), written whole and atomically,
 * and copied into `bureau/backups/` (the first change of each day, and before a removal).
 */

/** How many copies of the index are kept; the oldest go first. */
export const KEEP_INDEX_BACKUPS = 10;

const NEWER = /^qinglang-bureau-index\/(\d+)$/;
const BACKUP_NAME = /^index-(\d{4}-\d{2}-\d{2}T[\d-]+Z)-([a-z-]+)(?:-\d+)?\.json$/;

export type IndexOnDisk =
  | { readonly kind: 'missing' }
  | { readonly kind: 'damaged'; readonly why: 'unparseable' | 'invalid' }
  | { readonly kind: 'newer'; readonly format: string }
  | { readonly kind: 'good'; readonly index: BureauIndex };

export function judgeIndex(value: unknown): IndexOnDisk {
  const format = (value as { format?: unknown } | null)?.format;
  if (typeof format === 'string' && format !== BUREAU_INDEX_FORMAT) {
    const match = NEWER.exec(format);
    if (match && Number(match[1]) > 1) return { kind: 'newer', format };
  }
  const parsed = bureauIndexSchema.safeParse(value);
  return parsed.success
    ? { kind: 'good', index: parsed.data }
    : { kind: 'damaged', why: 'invalid' };
}

export function readIndex(paths: DataPaths): IndexOnDisk {
  let found;
  try {
    found = readJsonFile(paths.bureauIndexFile);
  } catch {
    // Unreadable (permissions, a device error): as good as damaged, and kept aside like one.
    return { kind: 'damaged', why: 'unparseable' };
  }
  if (found.kind === 'missing') return { kind: 'missing' };
  if (found.kind === 'unparseable') return { kind: 'damaged', why: 'unparseable' };
  return judgeIndex(found.value);
}

export function writeIndex(paths: DataPaths, index: BureauIndex): void {
  fs.mkdirSync(paths.bureau, { recursive: true });
  writeFileAtomic(paths.bureauIndexFile, `${JSON.stringify(index)}\n`);
}

export type IndexBackupReason = 'daily' | 'before-remove' | 'before-clear';

/** Copies the index as it is now (if there is one) into the store's backups, and prunes. */
export function backupIndex(paths: DataPaths, reason: IndexBackupReason, at: Date): void {
  if (!fs.existsSync(paths.bureauIndexFile)) return;
  fs.mkdirSync(paths.bureauBackups, { recursive: true });
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  let name = `index-${stamp}-${reason}.json`;
  for (let n = 2; fs.existsSync(path.join(paths.bureauBackups, name)); n++)
    name = `index-${stamp}-${reason}-${n}.json`;
  writeFileAtomic(path.join(paths.bureauBackups, name), fs.readFileSync(paths.bureauIndexFile));
  for (const old of indexBackups(paths).slice(KEEP_INDEX_BACKUPS))
    fs.rmSync(path.join(paths.bureauBackups, old), { force: true });
}

/** The index backups, newest first. */
export function indexBackups(paths: DataPaths): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(paths.bureauBackups);
  } catch {
    return [];
  }
  return names
    .filter((n) => BACKUP_NAME.test(n))
    .sort((a, b) => stampOf(b).localeCompare(stampOf(a)) || b.localeCompare(a));
}

const stampOf = (name: string) => BACKUP_NAME.exec(name)?.[1] ?? '';

/** The newest backup that is a good index, with the day it was made (YYYY-MM-DD, UTC). */
export function newestGoodBackup(
  paths: DataPaths,
): { readonly index: BureauIndex; readonly name: string; readonly madeOn: string } | null {
  for (const name of indexBackups(paths)) {
    const found = (() => {
      try {
        return readJsonFile(path.join(paths.bureauBackups, name));
      } catch {
        return null;
      }
    })();
    if (found?.kind !== 'parsed') continue;
    const judged = judgeIndex(found.value);
    if (judged.kind === 'good')
      return { index: judged.index, name, madeOn: stampOf(name).slice(0, 10) };
  }
  return null;
}
