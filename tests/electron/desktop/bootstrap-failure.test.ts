import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { bootstrap } from '../../../electron/desktop/bootstrap';

// A file of its own: the mock's 'ready' moment happens once per file.
const mockApp = app as typeof app & { fireReady(): Promise<void> };
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qinglang-bootstrap-fail-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('bootstrap with an unusable data folder', () => {
  it('explains in both languages and quits instead of running without a window', async () => {
    const blocker = path.join(root, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    bootstrap({ mainDir: '/app/out/main', env: { QINGLANG_DATA_DIR: path.join(blocker, 'data') } });
    await mockApp.fireReady();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());

    const [title, message] = vi.mocked(dialog.showErrorBox).mock.calls[0]!;
    expect(title).toContain('清朗校园网络安全检查');
    expect(message).toMatch(/应用无法启动（ENOTDIR）/);
    expect(message).toMatch(/The app could not start \(ENOTDIR\)/);
    expect((BrowserWindow as unknown as { instances: unknown[] }).instances).toHaveLength(0);
  });
});
