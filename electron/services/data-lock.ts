import fs from 'node:fs';
import os from 'node:os';
import { AppError } from '../../shared/errors';
import { dataPaths } from './data-layout';

/** Folders this process holds: a second claim from inside the same process is refused too. */
const held = new Set<string>();

export interface DataLock {
  release(): void;
}

/** Who holds a data folder, as its lock file says. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** When it was taken (ISO), where the lock says so (locks from before 0.1.0 do not). */
  readonly at: string | null;
  /** Held from another computer (a folder on a USB stick or a share): nothing here can tell if it is still in use. */
  readonly foreign: boolean;
}

export interface AcquireOptions {
  readonly pid?: number;
  /**
   * Take the folder even from another computer's lock: only after the user confirmed that no
   * other computer uses it now (a lock left by a crash on a USB stick would otherwise lock them
   * out for good). A live process on this computer is never overridden.
   */
  readonly takeOver?: boolean;
  readonly now?: () => Date;
}

/**
 * One process at a time per data folder: two writers (the app and a harness, or two harnesses)
 * would each keep their own copy in memory and the last to save would win. A lock left by a
 * process that no longer runs is taken over; one from another computer only when asked to.
 * A refusal names who holds the folder and since when.
 */
export function acquireDataLock(dataDir: string, options: AcquireOptions = {}): DataLock {
  const pid = options.pid ?? process.pid;
  const file = dataPaths(dataDir).lockFile;
  const claim = `${pid}:${file}`;
  if (held.has(claim)) throw new AppError('data-locked');
  const at = (options.now ?? (() => new Date()))().toISOString();
  const mine = JSON.stringify({ pid, host: os.hostname(), boot: bootMinute(), at });
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
      const holder = readLockHolder(dataDir);
      if (holder && holdsIt(holder, pid, file, options.takeOver === true)) {
        throw new AppError('data-locked', lockedMessage(holder));
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError('data-locked');
}

/** What the lock file of a data folder says, or null when there is none (or it is unreadable). */
export function readLockHolder(dataDir: string): LockHolder | null {
  let holder: unknown;
  try {
    holder = JSON.parse(fs.readFileSync(dataPaths(dataDir).lockFile, 'utf8'));
  } catch {
    return null;
  }
  if (typeof holder !== 'object' || holder === null) return null;
  const { pid, host, at } = holder as { pid?: unknown; host?: unknown; at?: unknown };
  if (typeof pid !== 'number') return null;
  const name = typeof host === 'string' ? host.slice(0, 255) : '';
  return {
    pid,
    host: name,
    at: typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? at : null,
    foreign: name !== os.hostname(),
  };
}

function holdsIt(holder: LockHolder, ownPid: number, file: string, takeOver: boolean): boolean {
  // Our own pid without our own claim (held) is a lock left by an earlier run whose pid we got.
  if (holder.pid === ownPid) return false;
  // A lock from another computer cannot be checked from here: respected unless the user says.
  if (holder.foreign) return !takeOver;
  // Written before the computer last started (a power cut): whoever now has that pid is not us.
  const boot = (JSON.parse(fs.readFileSync(file, 'utf8')) as { boot?: unknown }).boot;
  if (typeof boot === 'number' && Math.abs(boot - bootMinute()) > 1) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The refusal in both languages: which computer, since when, and what the user can do. */
export function lockedMessage(holder: LockHolder): { 'zh-CN': string; 'en-US': string } {
  const since = holder.at ? localStamp(holder.at) : null;
  if (!holder.foreign) {
    return {
      'zh-CN': `数据文件夹正被本机另一个程序窗口使用（进程 ${holder.pid}${since ? `，自 ${since} 起` : ''}）。请先关闭它，再打开本程序。`,
      'en-US': `The data folder is in use by another copy of the app on this computer (process ${holder.pid}${since ? `, since ${since}` : ''}). Close it first, then open this one.`,
    };
  }
  const host = holder.host || '未知 / unknown';
  return {
    'zh-CN': `数据文件夹正被另一台电脑“${host}”使用${since ? `（自 ${since} 起）` : ''}。如果那台电脑已不再使用它（例如程序在拔出 U 盘前崩溃），可以接管；否则两台电脑同时写入会丢失数据。`,
    'en-US': `The data folder is in use by another computer, "${host}"${since ? ` (since ${since})` : ''}. If that computer no longer uses it (for example the app crashed before the USB stick was removed), you can take it over; otherwise two computers writing at once lose data.`,
  };
}

/** A lock's time as people read it on this computer: 2026-11-29 16:30. */
function localStamp(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** When this computer started, in whole minutes since 1970: the same for every process. */
function bootMinute(): number {
  return Math.round((Date.now() / 1000 - os.uptime()) / 60);
}
