import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { bootstrap, MAX_RENDERER_RESTARTS } from '../../../electron/desktop/bootstrap';
import { contract } from '../../../shared/ipc/contract';
import { listChannels } from '../../../shared/ipc/define';

type MockApp = typeof app & { lockGranted: boolean; fireReady(): Promise<void> };
const mockApp = app as MockApp;
const windows = (
  BrowserWindow as unknown as {
    instances: Array<
      InstanceType<typeof BrowserWindow> & {
        options: Electron.BrowserWindowConstructorOptions;
        shown: boolean;
        loaded: { file?: string; url?: string };
      }
    >;
  }
).instances;

const APP = 'qinglang://app/index.html';
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
    // Chromium starts in the UI's language (no settings yet: Chinese), before 'ready'.
    expect(app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'zh-CN');
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
    expect(win.loaded.url).toBe('qinglang://app/index.html');
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'qinglang', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(protocol.handle).toHaveBeenCalledWith('qinglang', expect.any(Function));

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

  it('hardens every web contents the app creates, so navigation away is really blocked', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    app.emit('web-contents-created', {}, contents);
    const handler = contents.setWindowOpenHandler.mock.calls[0]![0] as () => { action: string };
    expect(handler()).toEqual({ action: 'deny' });
    for (const [name, url] of [
      ['will-navigate', 'https://example.com/'],
      ['will-redirect', 'https://example.com/'],
      ['will-frame-navigate', 'file:///etc/passwd'],
      ['will-attach-webview', undefined],
    ] as const) {
      const preventDefault = vi.fn();
      contents.emit(name, { preventDefault, url }, url);
      expect(preventDefault, name).toHaveBeenCalled();
    }
  });

  it('answers the window through the real handlers, in the stored language', async () => {
    const win = windows[0]!;
    const handler = (
      ipcMain as unknown as { handlers: Map<string, (e: unknown, i: unknown) => Promise<unknown>> }
    ).handlers.get('settings:set')!;
    const appEvent = {
      sender: { id: win.webContents.id },
      senderFrame: { url: 'qinglang://app/index.html#/settings', parent: null },
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

  it('lets no other frame through any channel, and listens to IPC in no other way', async () => {
    const win = windows[0]!;
    const handlers = (
      ipcMain as unknown as { handlers: Map<string, (e: unknown, i: unknown) => Promise<unknown>> }
    ).handlers;
    const foreign = [
      { sender: { id: win.webContents.id + 1000 }, senderFrame: { url: APP, parent: null } },
      { sender: { id: win.webContents.id }, senderFrame: { url: APP, parent: {} } },
      {
        sender: { id: win.webContents.id },
        senderFrame: { url: 'https://evil.example/', parent: null },
      },
    ];
    for (const [name, handler] of handlers) {
      for (const event of foreign) {
        await expect(handler(event, undefined), name).resolves.toMatchObject({
          ok: false,
          error: { code: 'forbidden-sender' },
        });
      }
    }
    // No ipcMain.on / ipcMain.once listener: every way in is a handle behind the sender check.
    expect(ipcMain.eventNames()).toEqual([]);
  });

  it('reloads a crashed renderer, and gives up with a message when it keeps crashing', () => {
    const win = windows[0]! as unknown as { webContents: EventEmitter; reloads: number };
    vi.mocked(app.quit).mockClear();
    for (let n = 1; n <= MAX_RENDERER_RESTARTS; n++) {
      win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
      expect(win.reloads).toBe(n);
    }
    expect(app.quit).not.toHaveBeenCalled();
    win.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    expect(win.reloads).toBe(MAX_RENDERER_RESTARTS);
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      expect.stringContaining('清朗校园网络安全检查'),
      expect.stringMatching(/反复崩溃[\s\S]*keeps crashing/),
    );
    expect(app.quit).toHaveBeenCalled();
  });
});
