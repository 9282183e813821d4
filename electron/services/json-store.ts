import Conf from 'conf';
import type { Options } from 'conf';

/** The part of an electron-store / conf store the services use. */
export interface JsonStore<T extends Record<string, unknown>> {
  readonly path: string;
  store: T;
}

export interface JsonStoreOptions<T extends Record<string, unknown>> {
  /** Absolute folder the file lives in. */
  readonly cwd: string;
  /** File name without ".json". */
  readonly name: string;
  readonly defaults: T;
}

/**
 * Opens a JSON file store. Inside Electron this is electron-store; the CLI and the browser
 * harness run in plain Node, where electron-store cannot load, so they use conf, the library
 * electron-store is built on (ElectronStore extends Conf). Both write atomically (temp + rename).
 */
export type StoreFactory = <T extends Record<string, unknown>>(
  options: JsonStoreOptions<T>,
) => JsonStore<T>;

export const confStoreFactory: StoreFactory = <T extends Record<string, unknown>>(
  options: JsonStoreOptions<T>,
) =>
  new Conf<T>({
    cwd: options.cwd,
    configName: options.name,
    // conf's defaults type cannot be resolved for a generic T; a full T is always valid defaults.
    defaults: options.defaults as Options<T>['defaults'],
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    watch: false,
  });
