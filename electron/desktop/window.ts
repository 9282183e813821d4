import { BrowserWindow } from 'electron';

/**
 * Opens the window the app lives in. Every web preference is spelt out in the literal handed to
 * the constructor, so that a test and Electronegativity (`npm run lint:electron`, which reads only
 * what it sees inside `new BrowserWindow(...)`) both check the values the window really gets.
 */
export function createMainWindow(preloadPath: string): BrowserWindow {
  return new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: '清朗校园网络安全检查 · Qinglang Inspector',
    backgroundColor: '#f4f5f7',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
}
