import fs from 'node:fs';
import { ipcMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  ELECTRON_STORE_CHANNEL,
  electronStoreFactory,
} from '../../../electron/desktop/electron-store-factory';
import { useTempDir } from '../temp-dir';

describe('the electron-store factory', () => {
  const tempDir = useTempDir();

  // One test: electron-store adds its listener once per process, on its first use.
  it('keeps the file where it is told, and no IPC listener that answers without a sender check', () => {
    const on = vi.spyOn(ipcMain, 'on');
    const store = electronStoreFactory<{ language?: string }>({ cwd: tempDir(), name: 'settings' });
    electronStoreFactory({ cwd: tempDir(), name: 'other' });
    store.store = { language: 'en-US' };
    expect(JSON.parse(fs.readFileSync(store.path, 'utf8'))).toEqual({ language: 'en-US' });

    expect(on.mock.calls.map(([channel]) => channel)).toEqual([ELECTRON_STORE_CHANNEL]);
    expect(ipcMain.eventNames()).toEqual([]);
  });
});
