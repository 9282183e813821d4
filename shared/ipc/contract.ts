import type { ApiOf, ContractSpec, HandlersOf } from './define';
import { actionsContract } from './actions';
import { appContract } from './app';
import { backupsContract } from './backups';
import { bureauContract } from './bureau';
import { bureauReviewsContract } from './bureau-reviews';
import { evidenceContract } from './evidence';
import { exportsContract } from './exports';
import { inspectionsContract } from './inspections';
import { reportsContract } from './reports';
import { scanContract } from './scan';
import { settingsContract } from './settings';
import { signoffContract } from './signoff';
import { templatesContract } from './templates';
import { workbooksContract } from './workbooks';

/**
 * The one door between the renderer and the Node side. Each domain declares its channels in its
 * own module; this is their union. Add a domain here and the preload, the harness, the handler
 * registry and the renderer's types all follow.
 */
export const contract = {
  app: appContract,
  settings: settingsContract,
  templates: templatesContract,
  inspections: inspectionsContract,
  evidence: evidenceContract,
  backups: backupsContract,
  signoff: signoffContract,
  reports: reportsContract,
  actions: actionsContract,
  exports: exportsContract,
  workbooks: workbooksContract,
  bureau: bureauContract,
  bureauReviews: bureauReviewsContract,
  scan: scanContract,
} as const satisfies ContractSpec;

export type Contract = typeof contract;
export type Api = ApiOf<Contract>;
export type Handlers = HandlersOf<Contract>;
