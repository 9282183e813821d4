import type { MigrationStep } from './migrate';

/**
 * settings.json: version 1 held the settings alone; version 2 (the inspections issue) keeps the
 * inspection index beside them, and the school profile and inspector's name among them.
 */
export const APP_STORE_VERSION = 2;

export const APP_STORE_MIGRATIONS: readonly MigrationStep[] = [
  { from: 1, up: (doc) => ({ ...doc, index: {} }) },
];
