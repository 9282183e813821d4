import { upgradeInspectionDocument } from './inspection-format';
import type { MigrationStep } from './migrate';

/**
 * One stored inspection: `{ schemaVersion, inspection, trashedAt? }`.
 * - 1: the inspection is `qinglang-inspection/1`.
 * - 2: the inspection is `qinglang-inspection/2` (sign-off, reopened sign-offs, a full audit
 *   trail). No stored /1 inspection can have been signed, so a `signed` one becomes a draft.
 */
export const INSPECTION_FILE_VERSION = 2;

export const INSPECTION_FILE_MIGRATIONS: readonly MigrationStep[] = [
  {
    from: 1,
    up: (doc) => {
      const upgraded = upgradeInspectionDocument(doc.inspection);
      if (typeof upgraded !== 'object' || upgraded === null) return { ...doc };
      const inspection = upgraded as Record<string, unknown>;
      return {
        ...doc,
        inspection: inspection.state === 'signed' ? { ...inspection, state: 'draft' } : inspection,
      };
    },
  },
];
