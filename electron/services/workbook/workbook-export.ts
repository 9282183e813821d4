import type { Locale } from '../../../shared/i18n/locale';
import type { Inspection } from '../../../shared/inspection/schema';
import { workbookFileName } from '../../../shared/workbook/file-names';
import { workbookModel } from '../../../shared/workbook/model';
import type { ReportSources } from '../report/report-document';
import { reportTemplate } from '../report/report-document';
import { writeWorkbook } from './workbook-write';

/** A file made for a person to save: its bytes and the name to offer. */
export interface ExportedFile {
  readonly bytes: Buffer;
  readonly fileName: string;
}

/**
 * The bureau workbook of an inspection, signed or a draft, in one language. The template must be
 * the one the inspection was filled against (the same id, version and hash): the workbook
 * carries it, so that whoever opens the workbook can check it without having it installed.
 */
export function exportWorkbook(
  inspection: Inspection,
  language: Locale,
  templates: ReportSources['templates'],
  appVersion: string,
): ExportedFile {
  const template = reportTemplate(inspection, templates);
  return {
    bytes: writeWorkbook(workbookModel(inspection, template, language, appVersion)),
    fileName: workbookFileName(inspection, language),
  };
}
