import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../electron/desktop/window';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs');

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

  it('stays hidden until the page is ready, so no blank window flashes', () => {
    expect(options.show).toBe(false);
  });

  it('is big enough for the section list beside the items', () => {
    expect(options.minWidth).toBeGreaterThanOrEqual(1024);
    expect(options.title).toContain('清朗校园网络安全检查');
  });
});
