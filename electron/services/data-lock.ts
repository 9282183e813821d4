import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors';

const LOCK_FILE = 'qinglang.lock';

export interface DataLock {
  release(): void;
}

/**
 * One process at a time per data folder: two writers (the app and a harness, or two harnesses)
 * would each keep their own copy in memory and the last to save would win. A lock left by a
 * process that no longer runs is taken over.
 */
export function acquireDataLock(dataDir: string, pid = process.pid): DataLock {
  const file = path.join(dataDir, LOCK_FILE);
  const mine = JSON.stringify({ pid, host: os.hostname() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, mine, { flag: 'wx' });
      return {
        release() {
          try {
            if (fs.readFileSync(file, 'utf8') === mine) fs.rmSync(file);
          } catch {
            // Already gone.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (heldByLiveProcess(file, pid)) throw new AppError('data-locked');
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError('data-locked');
}

function heldByLiveProcess(file: string, ownPid: number): boolean {
  let holder: { pid?: unknown; host?: unknown };
  try {
    holder = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof holder;
  } catch {
    return false;
  }
  if (typeof holder.pid !== 'number' || holder.pid === ownPid) return false;
  // A lock from another computer (a shared folder) cannot be checked: respect it.
  if (holder.host !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
