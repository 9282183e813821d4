import * as XLSX from 'xlsx';
import type { WorkbookCell } from '../../../shared/workbook/cells';
import { NUMBER_FORMATS, storedValue } from '../../../shared/workbook/cells';
import { sheetGrid } from '../../../shared/workbook/compare';
import { DATA_SHEET_NAME } from '../../../shared/workbook/envelope';
import type { WorkbookModel } from '../../../shared/workbook/model';
import type { WorkbookSheet } from '../../../shared/workbook/sheet';
import { cellAddress, HEADER_ROW } from '../../../shared/workbook/sheet';
import { readZip } from '../zip/zip-reader';
import { writeDeflatedZip } from '../zip/zip-writer';
import { rowHeight } from './row-heights';
import type { SheetPrint } from './workbook-dress';
import { dressWorkbook } from './workbook-dress';

/** Row 1's height in points: the title, one bold line. */
export const POINTS_TITLE = 20;

/**
 * Writes the bureau workbook a model describes. SheetJS lays out the parts; the zip is then
 * written here, deflated by Node's zlib with fixed dates, which is both what makes the bytes the
 * same for the same inspection and faster than SheetJS's own compression.
 */
export function writeWorkbook(model: WorkbookModel): Buffer {
  return writeSheets(model.sheets, model.data);
}

/**
 * The same writer for any sheets in the bureau workbook's layout (the district summary too):
 * `data` adds the hidden data sheet, `print` says how each visible sheet prints.
 */
export function writeSheets(
  sheets: readonly WorkbookSheet[],
  data: readonly string[] | null,
  print?: readonly SheetPrint[],
): Buffer {
  const book = XLSX.utils.book_new();
  for (const sheet of sheets) XLSX.utils.book_append_sheet(book, visibleSheet(sheet), sheet.name);
  if (data) XLSX.utils.book_append_sheet(book, dataSheet(data), DATA_SHEET_NAME);
  book.Workbook = {
    Sheets: [
      ...sheets.map(() => ({ Hidden: 0 as const })),
      ...(data ? [{ Hidden: 1 as const }] : []),
    ],
  };
  const stored = XLSX.write(book, {
    type: 'buffer',
    bookType: 'xlsx',
    compression: false,
    bookSST: true,
  }) as Buffer;
  const read = readZip(stored, { maxUnpackedBytes: Number.MAX_SAFE_INTEGER, maxEntries: 10_000 });
  if (!read.ok) throw new Error(`SheetJS wrote an unreadable zip: ${read.reason}`);
  return Buffer.from(writeDeflatedZip(dressWorkbook(read.entries, sheets.length, print)));
}

type SheetCell = XLSX.CellObject;

function toCell(cell: Exclude<WorkbookCell, null>): SheetCell {
  const value = storedValue(cell);
  if (typeof value === 'string') return { t: 's', v: value };
  const format =
    cell.kind === 'number' || cell.kind === 'text' ? undefined : NUMBER_FORMATS[cell.kind];
  return format === undefined ? { t: 'n', v: value } : { t: 'n', v: value, z: format };
}

function visibleSheet(sheet: WorkbookSheet): XLSX.WorkSheet {
  const grid = sheetGrid(sheet);
  const data: SheetCell[][] = grid.map((row) =>
    row.map((cell) => (cell === null ? (undefined as unknown as SheetCell) : toCell(cell))),
  );
  const width = Math.max(1, sheet.columns.length);
  const ws: XLSX.WorkSheet = { '!data': data } as unknown as XLSX.WorkSheet;
  const last = cellAddress(width - 1, Math.max(grid.length, HEADER_ROW));
  ws['!ref'] = `A1:${last}`;
  ws['!cols'] = sheet.columns.map((c) => ({ wch: c.width }));
  // Row 1, the title, is one line on purpose (it runs on to the right); the rest wrap.
  ws['!rows'] = grid.map((row, index) => ({
    hpt: index === 0 ? POINTS_TITLE : rowHeight(row, sheet.columns),
  }));
  ws['!autofilter'] = { ref: `A${HEADER_ROW}:${last}` };
  return ws;
}

function dataSheet(data: readonly string[]): XLSX.WorkSheet {
  const ws = { '!data': data.map((v) => [{ t: 's', v }]) } as unknown as XLSX.WorkSheet;
  ws['!ref'] = `A1:A${data.length}`;
  ws['!cols'] = [{ wch: 100 }];
  return ws;
}
