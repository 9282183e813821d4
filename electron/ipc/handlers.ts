import type { Handlers } from '../../shared/ipc/contract';
import type { Services } from '../services/services';
import { createActionsHandlers } from './actions-handlers';
import { createAppHandlers } from './app-handlers';
import { createBackupsHandlers } from './backups-handlers';
import { createBureauHandlers } from './bureau-handlers';
import { createBureauReviewsHandlers } from './bureau-reviews-handlers';
import { createEvidenceHandlers } from './evidence-handlers';
import { createExportsHandlers } from './exports-handlers';
import { createInspectionsHandlers } from './inspections-handlers';
import { createReportsHandlers } from './reports-handlers';
import { createScanHandlers } from './scan-handlers';
import { createSettingsHandlers } from './settings-handlers';
import { createSignoffHandlers } from './signoff-handlers';
import { createTemplatesHandlers } from './templates-handlers';
import { createWorkbooksHandlers } from './workbooks-handlers';

/** Every channel's handler, one module per domain; the type makes a missing one a compile error. */
export function createHandlers(services: Services): Handlers {
  return {
    app: createAppHandlers(services),
    settings: createSettingsHandlers(services),
    templates: createTemplatesHandlers(services),
    inspections: createInspectionsHandlers(services),
    evidence: createEvidenceHandlers(services),
    backups: createBackupsHandlers(services),
    signoff: createSignoffHandlers(services),
    reports: createReportsHandlers(services),
    actions: createActionsHandlers(services),
    exports: createExportsHandlers(services),
    workbooks: createWorkbooksHandlers(services),
    bureau: createBureauHandlers(services),
    bureauReviews: createBureauReviewsHandlers(services),
    scan: createScanHandlers(services),
  };
}
