import os from 'node:os';
import path from 'node:path';

/** Electron names the userData folder after package.json's productName. */
export const PRODUCT_NAME = 'Qinglang Inspector';

/**
 * Where the app keeps everything it stores. QINGLANG_DATA_DIR wins (tests, portable use on a
 * USB stick); otherwise the caller's default (Electron's userData, or .data/ for the harness).
 */
export function resolveDataDir(env: NodeJS.ProcessEnv, fallback: string): string {
  const fromEnv = env.QINGLANG_DATA_DIR?.trim();
  return path.resolve(fromEnv ? fromEnv : fallback);
}

/**
 * The folder Electron's app.getPath('userData') gives the desktop app, computed without Electron,
 * so the CLI finds the same data: %APPDATA% on Windows, ~/Library/Application Support on macOS,
 * $XDG_CONFIG_HOME or ~/.config elsewhere, each followed by the product name.
 */
export function desktopDataDir(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  home: string = os.homedir(),
): string {
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME);
}
