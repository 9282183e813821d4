import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopDataDir, resolveDataDir } from '../../../electron/services/data-dir';

describe('resolveDataDir', () => {
  it('uses QINGLANG_DATA_DIR when it is set', () => {
    expect(resolveDataDir({ QINGLANG_DATA_DIR: '/media/usb/qinglang' }, '/home/x/.config')).toBe(
      '/media/usb/qinglang',
    );
  });

  it('falls back when it is unset or blank', () => {
    expect(resolveDataDir({}, '/home/x/.config/app')).toBe('/home/x/.config/app');
    expect(resolveDataDir({ QINGLANG_DATA_DIR: '   ' }, '/fallback')).toBe('/fallback');
  });

  it('makes a relative folder absolute', () => {
    expect(resolveDataDir({ QINGLANG_DATA_DIR: 'data' }, '/x')).toBe(path.resolve('data'));
  });
});

describe('desktopDataDir', () => {
  it.each<[NodeJS.Platform, NodeJS.ProcessEnv, string]>([
    [
      'win32',
      { APPDATA: 'C:\\Users\\it\\AppData\\Roaming' },
      'C:\\Users\\it\\AppData\\Roaming\\Qinglang Inspector',
    ],
    ['win32', {}, 'C:\\Users\\it\\AppData\\Roaming\\Qinglang Inspector'],
    ['darwin', {}, '/Users/it/Library/Application Support/Qinglang Inspector'],
    ['linux', {}, '/Users/it/.config/Qinglang Inspector'],
    ['linux', { XDG_CONFIG_HOME: '/xdg' }, '/xdg/Qinglang Inspector'],
  ])('on %s with %j is where Electron puts userData', (platform, env, expected) => {
    const home = platform === 'win32' ? 'C:\\Users\\it' : '/Users/it';
    expect(desktopDataDir(platform, env, home)).toBe(expected);
  });
});
