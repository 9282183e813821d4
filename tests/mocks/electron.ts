import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

/**
 * The one stand-in for Electron in main-process specs: records what the app asked of Electron so
 * a test can assert it, and lets a test play Electron's part (fire 'ready', send an IPC call).
 */
type Handler = (event: unknown, ...args: unknown[]) => unknown;

class MockWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = MockWebContents.nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  /** The report printer's: what it was asked, and a PDF's first bytes (a test may make it fail). */
  printToPDF = vi.fn(() => Promise.resolve(Buffer.from('%PDF-1.4 mock')));
  readonly session = { webRequest: { onBeforeRequest: vi.fn() } };
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  readonly webContents = new MockWebContents();
  readonly options: unknown;
  shown = false;
  destroyed = false;
  reloads = 0;
  loaded: { file?: string; url?: string } = {};
  /** Set by a test to make the next load fail, as a missing or broken renderer build would. */
  static failNextLoad = false;
  constructor(options: unknown) {
    super();
    this.options = options;
    BrowserWindow.instances.push(this);
  }
  show() {
    this.shown = true;
    this.emit('show');
  }
  isVisible() {
    return this.shown;
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
  reload() {
    this.reloads += 1;
  }
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  loadFile(file: string) {
    this.loaded = { file };
    return this.loadResult();
  }
  loadURL(url: string) {
    this.loaded = { url };
    return this.loadResult();
  }
  private loadResult() {
    if (!BrowserWindow.failNextLoad) return Promise.resolve();
    BrowserWindow.failNextLoad = false;
    return Promise.reject(new Error('ERR_FILE_NOT_FOUND (-6) loading index.html'));
  }
}

class MockApp extends EventEmitter {
  isPackaged = true;
  lockGranted = true;
  readonly userData = path.join(os.tmpdir(), 'qinglang-mock-userdata');
  private ready!: () => void;
  private readyPromise = new Promise<void>((resolve) => (this.ready = resolve));
  requestSingleInstanceLock = vi.fn(() => this.lockGranted);
  quit = vi.fn();
  getPath = vi.fn((name: string) => (name === 'userData' ? this.userData : os.tmpdir()));
  getVersion = vi.fn(() => '0.0.0-test');
  getName = vi.fn(() => 'qinglang-inspector');
  getAppPath = vi.fn(() => process.cwd());
  commandLine = { appendSwitch: vi.fn() };
  whenReady = vi.fn(() => this.readyPromise);
  /** Plays Electron's 'ready' moment. */
  fireReady() {
    this.ready();
    return this.readyPromise;
  }
}

class MockIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();
  handle = vi.fn((channel: string, handler: Handler) => {
    this.handlers.set(channel, handler);
  });
}

export const app = new MockApp();
export const ipcMain = new MockIpcMain();
export const ipcRenderer = { invoke: vi.fn(), on: vi.fn(), send: vi.fn(), sendSync: vi.fn() };
export const contextBridge = { exposeInMainWorld: vi.fn() };
export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
    protocol.handlers.set(scheme, handler);
  }),
};
export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  },
};
export const dialog = {
  showErrorBox: vi.fn(),
  showOpenDialog: vi.fn(),
  showSaveDialog: vi.fn(),
  // The first button (Quit, Cancel) unless a test says otherwise.
  showMessageBoxSync: vi.fn(() => 0),
};
export const shell = { openExternal: vi.fn(), openPath: vi.fn(), showItemInFolder: vi.fn() };

export default {
  app,
  ipcMain,
  ipcRenderer,
  contextBridge,
  protocol,
  session,
  shell,
  dialog,
  BrowserWindow,
};
