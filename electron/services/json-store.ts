import Conf from 'conf';

/** The part of an electron-store / conf store the services use. */
export interface JsonStore<T extends Record<string, unknown>> {
  readonly path: string;
  store: T;
}

export interface JsonStoreOptions {
  /** Absolute folder the file lives in. */
  readonly cwd: string;
  /** File name without ".json". */
  readonly name: string;
}

/**
 * Opens a JSON file store, with no `defaults`: a store merges its defaults into every whole-store
 * write, so a key an operation removed would come back (a restored inspection fell back into the
 * trash that way). Files are judged on disk by their owners (json-file.ts), so no defaults are
 * needed to read them.
 * Inside Electron this is electron-store; the CLI and the browser
 * harness run in plain Node, where electron-store cannot load, so they use conf, the library
 * electron-store is built on (ElectronStore extends Conf). Both write atomically (temp + rename).
 */
export type StoreFactory = <T extends Record<string, unknown>>(
  options: JsonStoreOptions,
) => JsonStore<T>;

export const confStoreFactory: StoreFactory = <T extends Record<string, unknown>>(
  options: JsonStoreOptions,
) =>
  new Conf<T>({
    cwd: options.cwd,
    configName: options.name,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    watch: false,
  });
