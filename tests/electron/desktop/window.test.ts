import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMainWindow } from '../../../electron/desktop/window';

/** What the app asked the (mock) BrowserWindow constructor for. */
function optionsOf(window: unknown): BrowserWindowConstructorOptions {
  return (window as { options: BrowserWindowConstructorOptions }).options;
}

describe('createMainWindow', () => {
  const options = optionsOf(createMainWindow('/app/out/preload/index.cjs'));

  it('isolates the page from Node completely', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
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
    });
  });

  it('turns on no Blink feature Chromium keeps off by default', () => {
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('stays hidden until the page is ready, so no blank window flashes', () => {
    expect(options.show).toBe(false);
  });

  it('is big enough for the section list beside the items', () => {
    expect(options.minWidth).toBeGreaterThanOrEqual(1024);
    expect(options.title).toContain('清朗校园网络安全检查');
  });
});
