import type { MigrationStep } from './migrate';

/**
 * One stored inspection: `{ schemaVersion, inspection, trashedAt? }`. Version 1 is the first;
 * a later issue that changes the inspection adds its step here.
 */
export const INSPECTION_FILE_VERSION = 1;

export const INSPECTION_FILE_MIGRATIONS: readonly MigrationStep[] = [];
