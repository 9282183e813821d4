import type { LazySheet } from '../../../shared/bureau/district-sheets';
import type { WorkbookSheet } from '../../../shared/workbook/sheet';
import type { SheetPrint } from '../workbook/workbook-dress';
import type { ZipSink } from '../zip/zip-writer';
import { streamSheetsTo, writeStreamedSheets } from './district-stream';

/**
 * Writes the district summary (`qinglang-district/1`, shared/bureau/district-sheets.ts) with the
 * bureau workbook's writer and dress: bold title and headers, frozen panes, wrapped text,
 * landscape A4 with the two top rows on every page. No hidden data sheet: it is a report.
 * Written sheet by sheet (district-stream.ts): 10,000 schools make millions of cells.
 */
export function writeDistrictWorkbook(sheets: readonly WorkbookSheet[]): Buffer {
  return writeStreamedSheets(sheets, sheets.map(printOf));
}

/**
 * writeDistrictWorkbook's bytes into `sink` (a file, for the CLI), each sheet built when it is
 * written: for 10,000 schools only one sheet's rows are held at a time, and never the zip.
 */
export function streamDistrictWorkbook(sink: ZipSink, sheets: readonly LazySheet[]): void {
  streamSheetsTo(sink, sheets, (shape) => printOf(shape));
}

/** Characters of column width that print on one landscape A4 page at a readable size. */
const PAGE_WIDTH = 140;

/** Columns repeated on every page of a sheet printed more than one page wide: who, what. */
const REPEATED: Readonly<Record<string, { readonly range: string; readonly count: number }>> = {
  schools: { range: '$A:$C', count: 3 },
  items: { range: '$A:$D', count: 4 },
};

function printOf(sheet: Pick<WorkbookSheet, 'id' | 'columns'>): SheetPrint {
  const widths = sheet.columns.map((c) => c.width);
  const total = widths.reduce((sum, w) => sum + w, 0);
  const repeated = REPEATED[sheet.id];
  if (total <= PAGE_WIDTH || repeated === undefined) return { pagesWide: 1 };
  // Each page repeats the leading columns; the rest share what is left of it.
  const fixed = widths.slice(0, repeated.count).reduce((sum, w) => sum + w, 0);
  const pagesWide = Math.ceil((total - fixed) / Math.max(40, PAGE_WIDTH - fixed));
  return { pagesWide: Math.max(1, pagesWide), repeatColumns: repeated.range };
}
