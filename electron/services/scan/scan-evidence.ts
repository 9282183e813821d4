import { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locale';
import type { EvidenceRef } from '../../../shared/inspection/schema';
import type { SaveOutcome } from '../../../shared/ipc/exports';
import type { ScanSummary } from '../../../shared/ipc/scan';
import {
  attachChanges,
  attachItems,
  scanEvidenceNames,
  scanWorkbookFileName,
} from '../../../shared/scan/attach';
import type { ScanReport } from '../../../shared/scan/finding';
import { allItems } from '../../../shared/template/items';
import type { EvidenceStore } from '../evidence/evidence-store';
import type { FileSaver } from '../export/file-saver';
import type { InspectionStore } from '../inspections/inspection-store';
import type { Logger } from '../logger';
import type { ScanStore } from './scan-store';

/** Builds a scan's findings workbook in one language (electron/services/scan/report-workbook.ts). */
export type ScanWorkbookBuilder = (report: ScanReport, language: Locale) => Uint8Array;

export interface ScanEvidence {
  /**
   * Stores the scan's workbook (in `language`) and its JSON as evidence files and puts them on
   * the checklist items they are evidence for, replacing what this scan attached before.
   */
  attach(inspectionId: string, scanId: string, language: Locale): Promise<ScanSummary>;
  /** Offers the scan's workbook for saving (a save dialog, or a download in the harness). */
  exportWorkbook(inspectionId: string, scanId: string, language: Locale): Promise<SaveOutcome>;
}

interface Options {
  readonly store: ScanStore;
  readonly inspections: () => InspectionStore;
  readonly evidence: Pick<EvidenceStore, 'addStream'>;
  readonly saver: () => FileSaver;
  readonly workbook: ScanWorkbookBuilder;
  readonly log: Logger;
  readonly now: () => Date;
}

export function openScanEvidence(options: Options): ScanEvidence {
  const { store, log } = options;

  const storeBytes = (bytes: Uint8Array, name: string): Promise<EvidenceRef> =>
    options.evidence.addStream(Readable.from([Buffer.from(bytes)]), name, '');

  return {
    async attach(inspectionId, scanId, language) {
      const inspections = options.inspections();
      const inspection = inspections.get(inspectionId);
      const report = store.get(inspectionId, scanId);
      // Refused before anything is stored; planSave below refuses it again whatever comes first.
      if (inspection.state === 'signed' || inspection.signoff !== undefined) {
        throw new AppError('inspection-signed');
      }
      const template = inspections.templateOf(inspection);
      if (!template) throw new AppError('template-not-found');
      const ids = new Set(allItems(template).map((item) => item.id));
      const hasItem = (id: string) => ids.has(id);
      const items = attachItems(report, hasItem);
      const names = scanEvidenceNames(report, language);
      const refs = [
        await storeBytes(options.workbook(report, language), names.workbook),
        await storeBytes(Buffer.from(`${JSON.stringify(report, null, 2)}\n`), names.json),
      ];
      const previous = store.attachment(inspectionId, scanId);
      const changes = attachChanges(previous, items, refs, hasItem);
      // The walk-through's own path: the save pipeline, its checks, its audit trail.
      if (changes.length > 0) inspections.update(inspectionId, changes);
      log.info('scans.attached', { items: items.length, changes: changes.length });
      return store.setAttachment(inspectionId, scanId, {
        at: options.now().toISOString(),
        items,
        evidence: refs,
      });
    },
    async exportWorkbook(inspectionId, scanId, language) {
      const inspection = options.inspections().get(inspectionId);
      const report = store.get(inspectionId, scanId);
      const bytes = options.workbook(report, language);
      const fileName = scanWorkbookFileName(inspection.school.name, report, language);
      const outcome = await options.saver().save({ fileName, bytes });
      log.info('scans.exported', { outcome: outcome.kind, bytes: bytes.length });
      return outcome;
    },
  };
}
