import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { expect, vi } from 'vitest';
import { bootstrap } from '../../../electron/desktop/bootstrap';

const mockApp = app as typeof app & { fireReady(): Promise<void> };

/**
 * Starts the desktop app on a data folder another computer's lock holds, answering the warning
 * with `choice` (0 quit, 1 take over), and checks the warning names the computer. Electron's
 * 'ready' happens once per test file, so each choice has a file of its own.
 */
export async function startOnForeignLock(root: string, choice: 0 | 1) {
  const dataDir = path.join(root, 'data');
  fs.mkdirSync(dataDir);
  const foreign = JSON.stringify({ pid: 4242, host: '机房-PC-07', at: '2026-11-28T07:45:00.000Z' });
  const lockFile = path.join(dataDir, 'qinglang.lock');
  fs.writeFileSync(lockFile, foreign);
  vi.mocked(dialog.showMessageBoxSync).mockReturnValueOnce(choice);

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
  return { foreign, lockFile, windows, host: os.hostname() };
}
