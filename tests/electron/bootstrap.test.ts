import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { bootstrap } from '../../electron/bootstrap';
import { contract } from '../../shared/ipc/contract';
import { listChannels } from '../../shared/ipc/define';

type MockApp = typeof app & { lockGranted: boolean; fireReady(): Promise<void> };
const mockApp = app as MockApp;
const windows = (
  BrowserWindow as unknown as {
    instances: Array<
      InstanceType<typeof BrowserWindow> & {
        options: Electron.BrowserWindowConstructorOptions;
        shown: boolean;
        loaded: { file?: string };
      }
    >;
  }
).instances;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinglang-bootstrap-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('bootstrap', () => {
  it('quits at once when another instance holds the lock', () => {
    mockApp.lockGranted = false;
    expect(bootstrap({ mainDir: '/app/out/main', env: {} })).toBe(false);
    expect(app.quit).toHaveBeenCalled();
    expect(windows).toHaveLength(0);
  });

  it('opens one hardened window, shown only when ready, with every channel behind the door', async () => {
    mockApp.lockGranted = true;
    vi.mocked(app.quit).mockClear();
    expect(bootstrap({ mainDir: '/app/out/main', env: { QINGLANG_DATA_DIR: dataDir } })).toBe(true);
    await mockApp.fireReady();
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(app.quit).not.toHaveBeenCalled();
    expect(windows).toHaveLength(1);
    const win = windows[0]!;
    expect(win.options.webPreferences).toMatchObject({
      preload: path.join('/app/out/preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(win.options.show).toBe(false);
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
    expect(win.loaded.file).toBe(path.join('/app/out/renderer/index.html'));

    const registered = vi.mocked(ipcMain.handle).mock.calls.map(([name]) => name);
    expect(registered.sort()).toEqual(
      listChannels(contract)
        .map((c) => c.name)
        .sort(),
    );
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(fs.existsSync(path.join(dataDir, 'logs', 'qinglang.log'))).toBe(true);
  });

  it('hardens every web contents the app creates', () => {
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    const events = contents.on.mock.calls.map(([name]) => name);
    expect(events).toEqual(
      expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']),
    );
  });

  it('answers the window through the real handlers, in the stored language', async () => {
    const win = windows[0]!;
    const handler = (
      ipcMain as unknown as { handlers: Map<string, (e: unknown, i: unknown) => Promise<unknown>> }
    ).handlers.get('settings:set')!;
    const appEvent = {
      sender: { id: win.webContents.id },
      senderFrame: { url: 'file:///app/out/renderer/index.html', parent: null },
    };
    await expect(handler(appEvent, { language: 'en-US' })).resolves.toEqual({
      ok: true,
      value: { language: 'en-US' },
    });
    await expect(handler(appEvent, { language: 'xx' })).resolves.toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'The data sent was not valid; nothing was changed.',
      },
    });
  });
});
