import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { bootstrap } from '../../../electron/desktop/bootstrap';

// A file of its own: the mock's 'ready' moment happens once per file.
const mockApp = app as typeof app & { fireReady(): Promise<void> };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinglang-bootstrap-load-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('bootstrap when the window cannot load', () => {
  it('explains in both languages and quits instead of staying invisible', async () => {
    (BrowserWindow as unknown as { failNextLoad: boolean }).failNextLoad = true;
    bootstrap({ mainDir: '/app/out/main', env: { QINGLANG_DATA_DIR: dataDir } });
    await mockApp.fireReady();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    const [, message] = vi.mocked(dialog.showErrorBox).mock.calls[0]!;
    expect(message).toMatch(/界面文件无法加载[\s\S]*could not be loaded/);
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'qinglang.log'), 'utf8')).toMatch(
      /window\.load-failed/,
    );
  });
});
