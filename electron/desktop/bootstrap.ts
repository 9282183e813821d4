import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, dialog, ipcMain, protocol, session } from 'electron';
import { AppError, ERROR_MESSAGES } from '../../shared/errors';
import type { Bilingual } from '../../shared/i18n/locale';
import { contract } from '../../shared/ipc/contract';
import type { AppCore } from '../ipc/app-core';
import { openAppCore } from '../ipc/app-core';
import { lockedMessage, readLockHolder } from '../services/data-lock';
import { peekLanguage } from '../services/settings-service';
import { APP_ENTRY_URL, APP_SCHEME } from '../page/app-url';
import { resolveDataDir } from '../services/data-dir';
import type { Logger } from '../services/logger';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { devServerUrl } from './dev-server';
import { createDialogFolderPicker, createDialogPicker } from './dialog-picker';
import { createDialogSaver } from './dialog-saver';
import { electronStoreFactory } from './electron-store-factory';
import { createElectronPrinter } from './electron-printer';
import { registerIpc } from './ipc-registration';
import { restrictPermissions, hardenWebContents } from './security';
import { isTrustedSender } from './sender';
import { createMainWindow } from './window';

interface BootstrapOptions {
  /** Folder of the built main script (out/main). */
  readonly mainDir: string;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Starts the desktop app: one instance, hardened sessions and windows, the IPC door, one window
 * shown when it is ready. Returns false when another instance already runs (that one is focused).
 */
export function bootstrap({ mainDir, env }: BootstrapOptions): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  // Must happen before 'ready'.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  // Chromium's own controls (date and number inputs, spelling, built-in menus) follow its
  // locale, not the page's: start it in the UI's language (a change applies from the next start).
  app.commandLine.appendSwitch('lang', startLanguage(env));

  let window: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());

  void app
    .whenReady()
    .then(() => {
      window = start(mainDir, env);
      // The user chose to leave a folder another computer holds: nothing more to say.
      if (!window) {
        app.quit();
        return;
      }
      window.on('closed', () => {
        window = null;
      });
    })
    .catch((error: unknown) => {
      // No settings, no language yet: say it in both, then leave rather than run without a window.
      if (error instanceof AppError) {
        fail(error.detail ?? ERROR_MESSAGES[error.code]);
        return;
      }
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).name;
      fail({
        'zh-CN': `应用无法启动（${reason}）。请检查数据文件夹的磁盘空间和权限；如仍失败，请联系技术支持。`,
        'en-US': `The app could not start (${reason}). Check the data folder's disk space and permissions; if it still fails, contact support.`,
      });
    });
  return true;
}

/** The UI language to start Chromium in; Chinese when the data folder cannot even be named. */
function startLanguage(env: NodeJS.ProcessEnv): string {
  try {
    return peekLanguage(resolveDataDir(env, app.getPath('userData')));
  } catch {
    return 'zh-CN';
  }
}

const BROKEN_INSTALL: Bilingual = {
  'zh-CN':
    '应用的界面文件无法加载或反复崩溃，请重新安装应用；如仍失败，请将日志文件发送给技术支持。',
  'en-US':
    "The app's window could not be loaded or keeps crashing. Reinstall the app; if it still fails, send the log file to support.",
};

/** Before settings are read there is no language yet: say it in both, then leave. */
function fail(message: Bilingual): void {
  dialog.showErrorBox(
    '清朗校园网络安全检查 · Qinglang Inspector',
    `${message['zh-CN']}\n\n${message['en-US']}`,
  );
  app.quit();
}

export const MAX_RENDERER_RESTARTS = 3;

/**
 * A renderer that crashes is reloaded (the data lives on the Node side, so nothing is lost); one
 * that keeps crashing ends the app with a message. A page that never becomes ready is shown
 * anyway, so the app is never left running invisible behind its single-instance lock.
 */
function watchRenderer(window: BrowserWindow, log: Logger): void {
  let restarts = 0;
  window.webContents.on('render-process-gone', (_event, details) => {
    log.error('window.renderer-gone', undefined, { reason: details.reason });
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    restarts += 1;
    if (restarts > MAX_RENDERER_RESTARTS) fail(BROKEN_INSTALL);
    else window.reload();
  });
  const fallback = setTimeout(() => {
    if (!window.isDestroyed() && !window.isVisible()) {
      log.warn('window.shown-before-ready');
      window.show();
    }
  }, 10_000);
  window.once('show', () => clearTimeout(fallback));
  window.once('closed', () => clearTimeout(fallback));
}

/**
 * Opens the data folder; when another computer's lock holds it (a USB stick after a crash), says
 * which computer and since when, and takes it over only if the user chooses to. Anything else,
 * or a refusal, is thrown for the caller's message box.
 */
function openOrTakeOver(dataDir: string, open: (takeOver: boolean) => AppCore): AppCore | null {
  try {
    return open(false);
  } catch (error) {
    const holder =
      error instanceof AppError && error.code === 'data-locked' ? readLockHolder(dataDir) : null;
    if (!holder?.foreign) throw error;
    const message = lockedMessage(holder);
    const choice = dialog.showMessageBoxSync({
      type: 'warning',
      title: '清朗校园网络安全检查 · Qinglang Inspector',
      message: `${message['zh-CN']}\n\n${message['en-US']}`,
      buttons: ['退出 / Quit', '确认那台电脑已不再使用，接管 / Nobody uses it there: take over'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    return choice === 1 ? open(true) : null;
  }
}

/**
 * Builds the services, guards and IPC door, and opens the window; throws if the data folder is
 * unusable; null when the user chose not to take over a folder another computer holds.
 */
function start(mainDir: string, env: NodeJS.ProcessEnv): BrowserWindow | null {
  const dataDir = resolveDataDir(env, app.getPath('userData'));
  let window: BrowserWindow | null = null;
  const open = (takeOver: boolean) =>
    openAppCore({
      dataDir,
      version: app.getVersion(),
      shell: 'desktop',
      storeFactory: electronStoreFactory,
      lock: true,
      takeOver,
      picker: createDialogPicker(() => window),
      folderPicker: createDialogFolderPicker(() => window),
      printer: createElectronPrinter(),
      saver: createDialogSaver(() => window),
    });
  const core = openOrTakeOver(dataDir, open);
  if (!core) return null;
  const { services, dispatch, locale } = core;
  app.on('will-quit', () => services.close());
  const { log } = services;

  const devServer = devServerUrl(env.ELECTRON_RENDERER_URL, app.isPackaged);
  if (!app.isPackaged && env.ELECTRON_RENDERER_URL && !devServer) {
    log.warn('security.dev-server-refused');
  }
  const appUrl = devServer ?? APP_ENTRY_URL;
  protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(mainDir, '../renderer')));

  restrictPermissions(session.defaultSession, log);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appUrl, log));

  const windowIds = new Set<number>();
  registerIpc({
    ipcMain,
    contract,
    dispatch,
    isTrusted: (sender) => isTrustedSender(sender, { webContentsIds: windowIds, appUrl }),
    locale,
    log,
  });

  const created = createMainWindow(path.join(mainDir, '../preload/index.cjs'));
  window = created;
  windowIds.add(created.webContents.id);
  created.once('ready-to-show', () => created.show());
  watchRenderer(created, log);
  const load = created.loadURL(appUrl);
  load.catch((error: unknown) => {
    log.error('window.load-failed', error);
    fail(BROKEN_INSTALL);
  });
  return created;
}
