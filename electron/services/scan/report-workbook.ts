import type { Locale } from '../../../shared/i18n/locale';
import type { ScanReport } from '../../../shared/scan/finding';
import { scanReportSheets } from '../../../shared/scan/report-sheets';
import { writeSheets } from '../workbook/workbook-write';

/**
 * A scan's findings workbook (shared/scan/report-sheets.ts) as the bytes of an .xlsx, written by
 * the bureau workbook's writer: bold title and header rows, both frozen, column widths, a filter
 * on the headers, every match and context a text cell. The findings sheet prints two pages wide.
 */
export function scanWorkbook(report: ScanReport, language: Locale): Uint8Array {
  const sheets = scanReportSheets(report, language);
  return writeSheets(sheets, null, [
    { pagesWide: 1 },
    { pagesWide: 2, repeatColumns: '$A:$D' },
    { pagesWide: 1 },
    { pagesWide: 1 },
  ]);
}
