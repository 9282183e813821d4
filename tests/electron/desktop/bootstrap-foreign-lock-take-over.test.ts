import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dialog } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startOnForeignLock } from './foreign-lock';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qinglang-bootstrap-lock-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('bootstrap on a folder another computer holds', () => {
  it('says which computer and since when, and takes it over when nobody uses it there', async () => {
    const { lockFile, windows, host } = await startOnForeignLock(root, 1);
    await vi.waitFor(() => expect(windows).toHaveLength(1));
    const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { host: string; pid: number };
    expect(lock).toMatchObject({ host, pid: process.pid });
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
  });
});
