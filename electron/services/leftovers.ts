import fs from 'node:fs';
import path from 'node:path';
import type { DataPaths } from './data-layout';
import type { Logger } from './logger';

/**
 * Temp files an interrupted write leaves beside its target: ours (`<file>.tmp-<uuid>`), those of
 * conf and electron-store (`<file>.tmp-<time+random>`), and a template install's or a restore's
 * (`<file>.<uuid>.tmp`). None of them is data: the write they belong to either finished (the
 * rename happened) or never counted.
 */
const LEFTOVER = /\.tmp-[0-9a-f-]{16,36}$|\.[0-9a-f-]{36}\.tmp$/;

export function isLeftoverTemp(fileName: string): boolean {
  return LEFTOVER.test(fileName);
}

/**
 * Removes leftover temp files from the folders the app writes whole files in. Only a process that
 * holds the data folder may call it: in any other, the temp file may be a write still under way.
 * (Evidence and backups clean their own temp files, with rules of their own.)
 */
export function removeLeftoverTemps(paths: DataPaths, log: Logger): number {
  let removed = 0;
  for (const dir of [
    paths.root,
    paths.inspections,
    paths.templates,
    paths.bureau,
    paths.bureauFiles,
    paths.bureauRemoved,
    paths.bureauBackups,
  ]) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.filter(isLeftoverTemp)) {
      try {
        fs.rmSync(path.join(dir, name), { force: true });
        removed++;
      } catch (error) {
        log.warn('storage.leftover-not-removed', {
          code: String((error as NodeJS.ErrnoException).code),
        });
      }
    }
  }
  if (removed > 0) log.info('storage.leftovers-removed', { count: removed });
  return removed;
}
