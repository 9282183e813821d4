import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  acquireDataLock,
  lockedMessage,
  readLockHolder,
} from '../../../electron/services/data-lock';
import { AppError } from '../../../shared/errors';
import { useTempDir } from '../temp-dir';

const lockFile = (dir: string) => path.join(dir, 'qinglang.lock');
const readLock = (dir: string) =>
  JSON.parse(fs.readFileSync(lockFile(dir), 'utf8')) as { pid: number; host: string };
/** A pid no process has (the kernel's limit is far below it). */
const DEAD_PID = 2147483646;
/** The process that started this test runner: alive for as long as the test runs. */
const LIVE_PID = process.ppid;

/** This computer's start, in minutes, the way a lock records it. */
const bootMinute = () => Math.round((Date.now() / 1000 - os.uptime()) / 60);

/** The AppError an action throws. */
function refusalOf(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('no error');
}

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('the data folder lock', () => {
  const tempDir = useTempDir();

  it('writes our pid and host, and removes the file on release', () => {
    const dir = tempDir();
    const lock = acquireDataLock(dir);
    expect(readLock(dir)).toMatchObject({ pid: process.pid, host: os.hostname() });
    lock.release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
    lock.release(); // twice is harmless
  });

  it('refuses a folder another live process holds', () => {
    const dir = tempDir();
    expect(LIVE_PID).not.toBe(process.pid);
    const holder = acquireDataLock(dir, { pid: LIVE_PID });
    const before = fs.readFileSync(lockFile(dir), 'utf8');
    expect(codeOf(() => acquireDataLock(dir))).toBe('data-locked');
    expect(codeOf(() => acquireDataLock(dir, { pid: 12345 }))).toBe('data-locked');
    expect(fs.readFileSync(lockFile(dir), 'utf8')).toBe(before);

    holder.release();
    const ours = acquireDataLock(dir);
    expect(readLock(dir).pid).toBe(process.pid);
    ours.release();
  });

  it('respects a lock from another computer, saying which one and since when', () => {
    const dir = tempDir();
    const at = '2026-11-28T07:45:00.000Z';
    const content = JSON.stringify({ pid: DEAD_PID, host: '教务处-PC', at });
    fs.writeFileSync(lockFile(dir), content);
    let refusal: AppError | null = null;
    try {
      acquireDataLock(dir);
    } catch (error) {
      refusal = error as AppError;
    }
    expect(refusal?.code).toBe('data-locked');
    const d = new Date(at);
    const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect(refusal?.detail?.['zh-CN']).toContain('“教务处-PC”');
    expect(refusal?.detail?.['zh-CN']).toContain(day);
    expect(refusal?.detail?.['zh-CN']).toContain('接管');
    expect(refusal?.detail?.['en-US']).toMatch(
      /another computer, "教务处-PC" \(since \d{4}-\d{2}-\d{2} \d{2}:\d{2}\).*take it over/,
    );
    expect(fs.readFileSync(lockFile(dir), 'utf8')).toBe(content);
    expect(readLockHolder(dir)).toEqual({ pid: DEAD_PID, host: '教务处-PC', at, foreign: true });
  });

  it("takes over another computer's lock when the user says so, and only then", () => {
    const dir = tempDir();
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: DEAD_PID, host: 'other-pc' }));
    const lock = acquireDataLock(dir, { takeOver: true });
    expect(readLock(dir)).toMatchObject({ pid: process.pid, host: os.hostname() });
    expect(readLockHolder(dir)).toMatchObject({ foreign: false });
    lock.release();
  });

  it('never takes over from a live process on this computer, even when asked', () => {
    const dir = tempDir();
    const holder = acquireDataLock(dir, { pid: LIVE_PID });
    expect(codeOf(() => acquireDataLock(dir, { takeOver: true }))).toBe('data-locked');
    holder.release();
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const dir = tempDir();
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: DEAD_PID, host: os.hostname() }));
    const lock = acquireDataLock(dir);
    expect(readLock(dir)).toMatchObject({ pid: process.pid, host: os.hostname() });
    lock.release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it('takes over a lock written before the computer last started, even if its pid is in use now', () => {
    const dir = tempDir();
    // A power cut: the old lock names a pid that another program happens to have now.
    const bootedLongAgo = Math.round((Date.now() / 1000 - os.uptime()) / 60) - 600;
    fs.writeFileSync(
      lockFile(dir),
      JSON.stringify({ pid: LIVE_PID, host: os.hostname(), boot: bootedLongAgo }),
    );
    const lock = acquireDataLock(dir);
    expect(readLock(dir)).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it.each([
    ['garbage', 'PK\u0003\u0004'],
    ['an empty file', ''],
    ['truncated JSON', '{"pid": 12'],
    ['a pid as text', JSON.stringify({ pid: String(process.ppid), host: os.hostname() })],
    ['a JSON number', '42'],
  ])('takes over a lock holding %s', (_label, content) => {
    const dir = tempDir();
    fs.writeFileSync(lockFile(dir), content);
    const lock = acquireDataLock(dir);
    expect(readLock(dir).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock holding JSON null', () => {
    const dir = tempDir();
    fs.writeFileSync(lockFile(dir), 'null');
    const lock = acquireDataLock(dir);
    expect(readLock(dir).pid).toBe(process.pid);
    lock.release();
  });

  it('releases only its own lock, never one another process took over', () => {
    const dir = tempDir();
    const stale = acquireDataLock(dir, { pid: DEAD_PID });
    // Another process finds the stale lock and takes it over.
    const taker = acquireDataLock(dir, { pid: LIVE_PID });
    const theirs = fs.readFileSync(lockFile(dir), 'utf8');
    stale.release();
    expect(fs.readFileSync(lockFile(dir), 'utf8')).toBe(theirs);
    taker.release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it('does not release a lock rewritten by hand', () => {
    const dir = tempDir();
    const lock = acquireDataLock(dir);
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: LIVE_PID, host: os.hostname() }));
    lock.release();
    expect(readLock(dir).pid).toBe(LIVE_PID);
  });

  it('reports a folder it cannot write as it is, not as locked', () => {
    const dir = path.join(tempDir(), 'missing', 'folder');
    expect(() => acquireDataLock(dir)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });

  it('names the process on this computer that holds the folder, and since when', () => {
    const dir = tempDir();
    const at = new Date('2026-11-28T07:45:00.000Z');
    const holder = acquireDataLock(dir, { pid: LIVE_PID, now: () => at });
    const refusal = refusalOf(() => acquireDataLock(dir));
    holder.release();
    const two = (n: number) => String(n).padStart(2, '0');
    const since = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
    expect(refusal.detail).toEqual({
      'zh-CN': `数据文件夹正被本机另一个程序窗口使用（进程 ${LIVE_PID}，自 ${since} 起）。请先关闭它，再打开本程序。`,
      'en-US': `The data folder is in use by another copy of the app on this computer (process ${LIVE_PID}, since ${since}). Close it first, then open this one.`,
    });
  });

  it('says no time for a lock without one, and "unknown" for a computer without a name', () => {
    const local = { pid: 7, host: os.hostname(), at: null, foreign: false };
    expect(lockedMessage(local)['en-US']).toContain('(process 7)');
    expect(lockedMessage(local)['zh-CN']).toContain('（进程 7）');
    const nameless = lockedMessage({ pid: 7, host: '', at: null, foreign: true });
    expect(nameless['en-US']).toContain('another computer, "未知 / unknown". If');
    expect(nameless['zh-CN']).toContain('另一台电脑“未知 / unknown”使用。');
  });

  it('reads a lock whose time or computer name is not usable as having none', () => {
    const dir = tempDir();
    const write = (lock: unknown) => fs.writeFileSync(lockFile(dir), JSON.stringify(lock));
    write({ pid: 7, host: 42, at: 'yesterday' });
    expect(readLockHolder(dir)).toEqual({ pid: 7, host: '', at: null, foreign: true });
    write({ pid: 7, host: os.hostname(), at: 0 });
    expect(readLockHolder(dir)).toMatchObject({ at: null, foreign: false });
    write({ pid: 7, host: 'x'.repeat(300) });
    expect(readLockHolder(dir)?.host).toBe('x'.repeat(255));
  });

  it('takes over a lock with its own pid that it does not hold (left by an earlier run)', () => {
    const dir = tempDir();
    const boot = bootMinute();
    fs.writeFileSync(
      lockFile(dir),
      JSON.stringify({ pid: process.pid, host: os.hostname(), boot }),
    );
    const lock = acquireDataLock(dir);
    expect(readLock(dir).pid).toBe(process.pid);
    lock.release();
  });

  it('refuses a live process that started since this computer did, its start read a minute off', () => {
    const dir = tempDir();
    for (const boot of [bootMinute() - 1, bootMinute() + 1]) {
      fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: LIVE_PID, host: os.hostname(), boot }));
      expect(codeOf(() => acquireDataLock(dir))).toBe('data-locked');
    }
  });

  describe('with process.kill and the file system simulated', () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it("respects a process it may not signal (another user's session): it is alive", () => {
      const dir = tempDir();
      fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: 4242, host: os.hostname() }));
      vi.spyOn(process, 'kill').mockImplementation(() => {
        throw Object.assign(new Error('EPERM'), { code: 'EPERM' });
      });
      expect(codeOf(() => acquireDataLock(dir))).toBe('data-locked');
    });

    it('gives up after two tries when the lock file keeps coming back', () => {
      const dir = tempDir();
      const write = vi.spyOn(fs, 'writeFileSync').mockImplementation(() => {
        throw Object.assign(new Error('EEXIST'), { code: 'EEXIST' });
      });
      const refusal = refusalOf(() => acquireDataLock(dir));
      expect(refusal.code).toBe('data-locked');
      expect(refusal.detail).toBeUndefined();
      expect(write).toHaveBeenCalledTimes(2);
    });
  });

  it('refuses a second holder in the same process', () => {
    const dir = tempDir();
    const first = acquireDataLock(dir);
    try {
      expect(codeOf(() => acquireDataLock(dir))).toBe('data-locked');
    } finally {
      first.release();
    }
  });
});
