import type { Locale } from '../../shared/i18n/locale';
import type { Handlers } from '../../shared/ipc/contract';
import type { ExportKind } from '../../shared/ipc/exports';
import { explainingPrinter } from '../services/report/pdf-printer';
import type { Services } from '../services/services';
import { buildPackage } from '../services/workbook/package-write';
import type { ExportedPackage } from '../services/workbook/package-write';
import { exportWorkbook } from '../services/workbook/workbook-export';

/**
 * Export for the bureau: the workbook or the submission package of a stored inspection (a draft
 * too: it is marked 草稿 / DRAFT), offered to the shell's saver: a save dialog in the desktop app,
 * a download in the browser harness.
 */
export function createExportsHandlers(services: Services): Handlers['exports'] {
  const printer = explainingPrinter(services.printer, services.log, 'export.print-failed');
  const make = (id: string, language: Locale, kind: ExportKind): Promise<ExportedPackage> => {
    const inspection = services.inspections.get(id);
    const appVersion = services.about.version;
    if (kind === 'workbook')
      return Promise.resolve({
        ...exportWorkbook(inspection, language, services.templates, appVersion),
        missing: [],
      });
    return buildPackage(inspection, language, {
      templates: services.templates,
      evidence: services.evidence,
      printer,
      appVersion,
      now: () => new Date(),
    });
  };
  return {
    save: async ({ id, language, kind }) => {
      const file = await make(id, language, kind);
      const outcome = await services.saver.save(file);
      services.log.info('export.offered', {
        kind,
        outcome: outcome.kind,
        bytes: file.bytes.length,
        missingEvidence: file.missing.length,
      });
      return { outcome, missingEvidence: file.missing.length };
    },
    showInFolder: async ({ path }) => {
      await services.saver.showInFolder(path);
      return null;
    },
  };
}
