import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, dialog } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startOnForeignLock } from './foreign-lock';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qinglang-bootstrap-lock-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('bootstrap on a folder another computer holds', () => {
  it('says which computer and since when, and quits when the user keeps out', async () => {
    const { foreign, lockFile, windows } = await startOnForeignLock(root, 0);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(windows).toHaveLength(0);
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(foreign);
  });
});
