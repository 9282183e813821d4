import fs from 'node:fs';
import os from 'node:os';
import { AppError } from '../../shared/errors';
import { dataPaths } from './data-layout';

/** Folders this process holds: a second claim from inside the same process is refused too. */
const held = new Set<string>();

export interface DataLock {
  release(): void;
}

/**
 * One process at a time per data folder: two writers (the app and a harness, or two harnesses)
 * would each keep their own copy in memory and the last to save would win. A lock left by a
 * process that no longer runs is taken over.
 */
export function acquireDataLock(dataDir: string, pid = process.pid): DataLock {
  const file = dataPaths(dataDir).lockFile;
  const claim = `${pid}:${file}`;
  if (held.has(claim)) throw new AppError('data-locked');
  const mine = JSON.stringify({ pid, host: os.hostname(), boot: bootMinute() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, mine, { flag: 'wx' });
      held.add(claim);
      return {
        release() {
          if (!held.delete(claim)) return;
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
  let holder: unknown;
  try {
    holder = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
  if (typeof holder !== 'object' || holder === null || !('pid' in holder)) return false;
  const { pid, host, boot } = holder as { pid: unknown; host?: unknown; boot?: unknown };
  // Our own pid without our own claim (held) is a lock left by an earlier run whose pid we got.
  if (typeof pid !== 'number' || pid === ownPid) return false;
  // A lock from another computer (a shared folder) cannot be checked: respect it.
  if (host !== os.hostname()) return true;
  // Written before the computer last started (a power cut): whoever now has that pid is not us.
  if (typeof boot === 'number' && Math.abs(boot - bootMinute()) > 1) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When this computer started, in whole minutes since 1970: the same for every process. */
function bootMinute(): number {
  return Math.round((Date.now() / 1000 - os.uptime()) / 60);
}
