import ElectronStore from 'electron-store';
import type { JsonStoreOptions, StoreFactory } from '../services/json-store';

/** The desktop app's store factory: electron-store, in the data folder the app chose. */
export const electronStoreFactory: StoreFactory = <T extends Record<string, unknown>>(
  options: JsonStoreOptions,
) =>
  new ElectronStore<T>({
    cwd: options.cwd,
    name: options.name,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    watch: false,
  });
