import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { Settings, SettingsPatch } from '../../shared/settings';
import { DEFAULT_SETTINGS, settingsSchema } from '../../shared/settings';
import type { StorageNotice } from '../../shared/storage-notice';
import type { JsonStore, StoreFactory } from './json-store';
import type { Logger } from './logger';
import { quarantine } from './quarantine';

export const SETTINGS_SCHEMA_VERSION = 1;
const SETTINGS_FILE_NAME = 'settings';

const settingsFileSchema = settingsSchema.extend({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
});
type SettingsFile = z.infer<typeof settingsFileSchema>;

const versionOnlySchema = z.object({ schemaVersion: z.number() });

export interface SettingsService {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
  /** What the user must be told about the settings file found at start-up. */
  readonly notices: readonly StorageNotice[];
}

interface OpenSettingsOptions {
  readonly dataDir: string;
  readonly storeFactory: StoreFactory;
  readonly log: Logger;
  readonly now?: () => Date;
}

/**
 * Opens <dataDir>/settings.json. A file that cannot be parsed or validated is kept aside and the
 * defaults are used; a file from a newer app version is left untouched and changes are refused.
 */
export function openSettings(options: OpenSettingsOptions): SettingsService {
  const { dataDir, storeFactory, log } = options;
  const now = options.now ?? (() => new Date());
  const filePath = path.join(dataDir, `${SETTINGS_FILE_NAME}.json`);
  const notices: StorageNotice[] = [];
  const defaults: SettingsFile = { schemaVersion: SETTINGS_SCHEMA_VERSION, ...DEFAULT_SETTINGS };

  const open = (): JsonStore<SettingsFile> =>
    storeFactory<SettingsFile>({ cwd: dataDir, name: SETTINGS_FILE_NAME, defaults });

  const setAside = (reason: string) => {
    const keptAs = quarantine(filePath, now());
    notices.push({ kind: 'quarantined', file: path.basename(filePath), keptAs });
    log.warn('settings.quarantined', { reason, keptAs });
  };

  let store: JsonStore<SettingsFile>;
  let raw: unknown;
  try {
    store = open();
    raw = store.store;
  } catch (error) {
    if (!fs.existsSync(filePath)) throw storageFailure(log, error);
    setAside('unreadable');
    store = open();
    raw = store.store;
  }

  let current: Settings;
  let refuseWrites = false;
  const version = versionOnlySchema.safeParse(raw);
  const parsed = settingsFileSchema.safeParse(raw);
  if (version.success && version.data.schemaVersion > SETTINGS_SCHEMA_VERSION) {
    refuseWrites = true;
    notices.push({ kind: 'newer-version', file: path.basename(filePath) });
    log.warn('settings.newer-version', { found: version.data.schemaVersion });
    const language = settingsSchema.shape.language.safeParse(
      (raw as { language?: unknown }).language,
    );
    current = { ...DEFAULT_SETTINGS, ...(language.success ? { language: language.data } : {}) };
  } else if (parsed.success) {
    current = toSettings(parsed.data);
  } else {
    setAside('invalid');
    store = open();
    current = { ...DEFAULT_SETTINGS };
  }

  return {
    notices,
    get: () => ({ ...current }),
    update(patch) {
      if (refuseWrites) throw new AppError('storage-newer-version');
      const next = settingsSchema.parse({ ...current, ...patch });
      try {
        store.store = { schemaVersion: SETTINGS_SCHEMA_VERSION, ...next };
      } catch (error) {
        throw storageFailure(log, error);
      }
      current = next;
      log.info('settings.saved', { keys: Object.keys(patch).join(',') });
      return { ...current };
    },
  };
}

function toSettings(file: SettingsFile): Settings {
  return settingsSchema.parse(file);
}

function storageFailure(log: Logger, error: unknown): AppError {
  log.error('settings.storage-failed', error);
  return new AppError('storage-failed');
}
