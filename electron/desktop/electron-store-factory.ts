import { ipcMain } from 'electron';
import ElectronStore from 'electron-store';
import type { JsonStoreOptions, StoreFactory } from '../services/json-store';

/**
 * The channel electron-store listens on (ipcMain.on, so no sender check) to tell a renderer that
 * uses electron-store the userData path and the app version. No renderer of this app uses it.
 */
export const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

/**
 * The desktop app's store factory: electron-store, in the data folder the app chose. The listener
 * electron-store adds on its first use is taken away again, so that every IPC message the main
 * process answers goes through the sender check (electron/desktop/ipc-registration.ts).
 */
export const electronStoreFactory: StoreFactory = <T extends Record<string, unknown>>(
  options: JsonStoreOptions,
) => {
  const store = new ElectronStore<T>({
    cwd: options.cwd,
    name: options.name,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    watch: false,
  });
  ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
  return store;
};
