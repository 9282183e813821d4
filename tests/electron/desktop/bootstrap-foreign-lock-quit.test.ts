import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { bootstrap } from '../../../electron/desktop/bootstrap';

// A file of its own: the mock's 'ready' moment happens once per file.
const mockApp = app as typeof app & { fireReady(): Promise<void> };
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qinglang-bootstrap-lock-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('bootstrap on a folder another computer holds', () => {
  it('says which computer and since when, and quits when the user keeps out', async () => {
    const dataDir = path.join(root, 'data');
    fs.mkdirSync(dataDir);
    const foreign = JSON.stringify({
      pid: 4242,
      host: '机房-PC-07',
      at: '2026-11-28T07:45:00.000Z',
    });
    fs.writeFileSync(path.join(dataDir, 'qinglang.lock'), foreign);
    vi.mocked(dialog.showMessageBoxSync).mockReturnValueOnce(0);

    bootstrap({ mainDir: '/app/out/main', env: { QINGLANG_DATA_DIR: dataDir } });
    await mockApp.fireReady();

    await vi.waitFor(() => expect(dialog.showMessageBoxSync).toHaveBeenCalled());
    const [options] = vi.mocked(dialog.showMessageBoxSync).mock.calls[0]! as unknown as [
      { message: string; buttons: string[]; cancelId: number },
    ];
    expect(options.message).toContain('“机房-PC-07”');
    expect(options.message).toContain('another computer, "机房-PC-07"');
    expect(options.buttons[options.cancelId]).toMatch(/退出.*Quit/);
    const windows = (BrowserWindow as unknown as { instances: unknown[] }).instances;
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(windows).toHaveLength(0);
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(fs.readFileSync(path.join(dataDir, 'qinglang.lock'), 'utf8')).toBe(foreign);
  });
});
