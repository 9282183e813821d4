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

  // The file is judged as it is on disk: conf reads a non-object file as {} and fills in its
  // defaults, which would hide a damaged file and then overwrite it.
  const found = readJson(filePath);
  let current: Settings = { ...DEFAULT_SETTINGS };
  let refuseWrites = false;
  if (found.kind === 'unparseable') {
    setAside('unreadable');
  } else if (found.kind === 'parsed') {
    const version = versionOnlySchema.safeParse(found.value);
    const parsed = settingsFileSchema.safeParse(found.value);
    if (version.success && version.data.schemaVersion > SETTINGS_SCHEMA_VERSION) {
      refuseWrites = true;
      notices.push({ kind: 'newer-version', file: path.basename(filePath) });
      log.warn('settings.newer-version', { found: version.data.schemaVersion });
      const language = settingsSchema.shape.language.safeParse(
        (found.value as { language?: unknown }).language,
      );
      if (language.success) current = { ...current, language: language.data };
    } else if (parsed.success) {
      current = settingsSchema.parse(parsed.data);
    } else {
      setAside('invalid');
    }
  }

  let store: JsonStore<SettingsFile> | null = null;
  const writable = (): JsonStore<SettingsFile> => {
    try {
      return (store ??= open());
    } catch (error) {
      throw storageFailure(log, error);
    }
  };

  return {
    notices,
    get: () => ({ ...current }),
    update(patch) {
      if (refuseWrites) throw new AppError('storage-newer-version');
      // A key sent as undefined means "no change", not "erase".
      const changes = Object.fromEntries(
        Object.entries(patch).filter(([, value]) => value !== undefined),
      );
      const next = settingsSchema.safeParse({ ...current, ...changes });
      if (!next.success) throw new AppError('invalid-input');
      try {
        writable().store = { schemaVersion: SETTINGS_SCHEMA_VERSION, ...next.data };
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw storageFailure(log, error);
      }
      current = next.data;
      log.info('settings.saved', { keys: Object.keys(changes).join(',') });
      return { ...current };
    },
  };
}

type JsonFile = { kind: 'missing' } | { kind: 'unparseable' } | { kind: 'parsed'; value: unknown };

function readJson(file: string): JsonFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    if (code === 'EISDIR') return { kind: 'unparseable' };
    throw error;
  }
  try {
    return { kind: 'parsed', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'unparseable' };
  }
}

function storageFailure(log: Logger, error: unknown): AppError {
  log.error('settings.storage-failed', error);
  return new AppError('storage-failed');
}
