import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { Locale } from '../../shared/i18n/locale';
import { inspectionSummarySchema } from '../../shared/inspection/listing';
import { APP_STORE_MIGRATIONS, APP_STORE_VERSION } from '../../shared/migrations/app-store';
import { migrate } from '../../shared/migrations/migrate';
import type { Settings, SettingsPatch } from '../../shared/settings';
import { DEFAULT_SETTINGS, settingsSchema, withRole } from '../../shared/settings';
import type { StorageNotice } from '../../shared/storage-notice';
import { dataPaths, SETTINGS_STORE_NAME } from './data-layout';
import { readJsonFile } from './json-file';
import type { JsonStore, StoreFactory } from './json-store';
import type { Logger } from './logger';
import { quarantine } from './quarantine';

export const SETTINGS_SCHEMA_VERSION = APP_STORE_VERSION;

/**
 * What the inspection store remembers about each file, so a start-up does not read and judge
 * every inspection again: the file's size and time, and the list line computed from it.
 */
export const indexEntrySchema = z.object({
  mtimeMs: z.number(),
  size: z.number(),
  /** The day the figures were computed for: rules about dates change with the day. */
  figuresOn: z.string(),
  summary: inspectionSummarySchema,
});
export type IndexEntry = z.infer<typeof indexEntrySchema>;
const indexSchema = z.record(z.string(), indexEntrySchema);
export type InspectionIndex = z.infer<typeof indexSchema>;

type AppStoreFile = Settings & { schemaVersion: number; index: InspectionIndex };

export interface SettingsService {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
  /** The inspection index kept beside the settings (a cache: it can always be rebuilt). */
  index(): InspectionIndex;
  writeIndex(index: InspectionIndex): void;
  /** What the user must be told about the settings file found at start-up. */
  readonly notices: readonly StorageNotice[];
}

interface OpenSettingsOptions {
  readonly dataDir: string;
  readonly storeFactory: StoreFactory;
  readonly log: Logger;
  readonly now?: () => Date;
  /** Called before an older file is migrated, so a backup of it exists first. */
  readonly beforeMigration?: () => void;
}

/**
 * The language the settings file names, read before anything else starts (the desktop app sets
 * Chromium's locale from it before its window exists); the default when the file is missing,
 * damaged or names no known language. Reads only: judging the file is openSettings' job.
 */
export function peekLanguage(dataDir: string): Locale {
  try {
    const found = readJsonFile(dataPaths(dataDir).settingsFile);
    const value = found.kind === 'parsed' ? (found.value as { language?: unknown } | null) : null;
    const parsed = settingsSchema.shape.language.safeParse(value?.language);
    return parsed.success ? parsed.data : DEFAULT_SETTINGS.language;
  } catch {
    // Unreadable (permissions, a folder in its place): openSettings will say so; start in Chinese.
    return DEFAULT_SETTINGS.language;
  }
}

/**
 * Opens <dataDir>/settings.json: the settings and the inspection index, one electron-store.
 * A file that cannot be parsed or validated is kept aside and the defaults are used; an older
 * file is backed up and migrated; a file from a newer app version is left untouched and changes
 * are refused.
 */
export function openSettings(options: OpenSettingsOptions): SettingsService {
  const { dataDir, storeFactory, log } = options;
  const now = options.now ?? (() => new Date());
  const filePath = dataPaths(dataDir).settingsFile;
  const notices: StorageNotice[] = [];

  const setAside = (reason: string) => {
    const keptAs = quarantine(filePath, now());
    notices.push({ kind: 'quarantined', file: path.basename(filePath), keptAs });
    log.warn('settings.quarantined', { reason, keptAs });
  };

  let current: Settings = { ...DEFAULT_SETTINGS };
  let index: InspectionIndex = {};
  let refuseWrites = false;
  let migratedFrom: number | null = null;

  const found = readJsonFile(filePath);
  if (found.kind === 'unparseable') {
    setAside('unreadable');
  } else if (found.kind === 'parsed') {
    const outcome = migrate(found.value, APP_STORE_MIGRATIONS, APP_STORE_VERSION);
    if (outcome.kind === 'newer') {
      refuseWrites = true;
      notices.push({ kind: 'newer-version', file: path.basename(filePath) });
      log.warn('settings.newer-version', { found: outcome.found });
      // The language alone is read, so the refusal itself is in the user's language.
      const language = settingsSchema.shape.language.safeParse(
        (found.value as { language?: unknown }).language,
      );
      if (language.success) current = { ...current, language: language.data };
    } else if (outcome.kind === 'unversioned') {
      setAside('unversioned');
    } else {
      const settings = settingsSchema.safeParse(outcome.doc);
      if (!settings.success) {
        setAside('invalid');
      } else {
        // An installation from before roles, with a school profile, is a school's.
        current = withRole(settings.data);
        const storedIndex = indexSchema.safeParse(outcome.doc.index);
        // The index is a cache of the inspection files: a bad one is rebuilt, not reported.
        if (storedIndex.success) index = storedIndex.data;
        else log.warn('settings.index-rebuilt');
        if (outcome.kind === 'migrated') migratedFrom = outcome.from;
      }
    }
  }

  let store: JsonStore<AppStoreFile> | null = null;
  const write = (settings: Settings, nextIndex: InspectionIndex) => {
    if (refuseWrites) throw new AppError('storage-newer-version');
    const doc: AppStoreFile = { schemaVersion: APP_STORE_VERSION, ...settings, index: nextIndex };
    try {
      store ??= storeFactory<AppStoreFile>({
        cwd: dataDir,
        name: SETTINGS_STORE_NAME,
      });
      store.store = doc;
    } catch (error) {
      log.error('settings.storage-failed', error);
      throw new AppError('storage-failed');
    }
  };

  if (migratedFrom !== null) {
    options.beforeMigration?.();
    write(current, index);
    log.info('settings.migrated', { from: migratedFrom, to: APP_STORE_VERSION });
  }

  return {
    notices,
    get: () => ({ ...current }),
    update(patch) {
      // A key sent as undefined means "no change", not "erase".
      const changes = Object.fromEntries(
        Object.entries(patch).filter(([, value]) => value !== undefined),
      );
      const next = settingsSchema.safeParse({ ...current, ...changes });
      if (!next.success) throw new AppError('invalid-input');
      write(next.data, index);
      current = next.data;
      log.info('settings.saved', { keys: Object.keys(changes).join(',') });
      return { ...current };
    },
    index: () => index,
    writeIndex(nextIndex) {
      if (refuseWrites) return;
      write(current, nextIndex);
      index = nextIndex;
    },
  };
}
