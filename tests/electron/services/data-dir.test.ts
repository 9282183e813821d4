import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../electron/services/data-dir';

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
