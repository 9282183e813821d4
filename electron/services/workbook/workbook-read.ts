import * as XLSX from 'xlsx';
import type { StoredValue } from '../../../shared/workbook/cells';
import type { FoundSheet } from '../../../shared/workbook/compare';
import { DATA_SHEET_NAME } from '../../../shared/workbook/envelope';
import { cellAddress } from '../../../shared/workbook/sheet';
import type { ZipEntry, ZipLimits, ZipRefusal } from '../zip/zip-reader';
import { readZip } from '../zip/zip-reader';
import { writeStoredZip } from '../zip/zip-writer';
import { readOwnWorkbook } from './workbook-own-read';

/**
 * What a bureau workbook may unpack to. The largest inspection (20 MB of JSON) renders to well
 * under this; a workbook that would unpack to more is refused before a byte is parsed.
 */
export const WORKBOOK_ZIP_LIMITS: ZipLimits = {
  maxUnpackedBytes: 160 * 1024 * 1024,
  maxEntries: 400,
};

/**
 * Excel's last row. Reading no further than a real workbook needs would skip whatever someone
 * typed below that, unseen by verify; what reading costs is bounded by WORKBOOK_ZIP_LIMITS.
 */
const MAX_SHEET_ROWS = 1_048_576;

export type WorkbookRead =
  | { readonly ok: false; readonly refusal: ZipRefusal | 'not-zip'; readonly reason: string }
  | {
      readonly ok: true;
      /** The hidden data sheet's column A, or null when the workbook has none. */
      readonly data: readonly string[] | null;
      /** Every sheet but the data sheet, in workbook order, with whether it is hidden. */
      readonly sheets: readonly (FoundSheet & { readonly hidden: boolean })[];
    };

export const isZipBytes = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 &&
  bytes[0] === 0x50 &&
  bytes[1] === 0x4b &&
  bytes[2] === 0x03 &&
  bytes[3] === 0x04;

export interface WorkbookReadOptions {
  /**
   * 'sheetjs' reads every workbook through SheetJS, even one this app wrote (which the direct
   * reader, workbook-own-read.ts, reads faster to the same values): for the tests that prove so.
   */
  readonly reader?: 'auto' | 'sheetjs';
}

type ReadSheet = FoundSheet & { readonly name: string; readonly hidden: boolean };

/**
 * Reads a workbook's values, whoever wrote it (this app, Excel, WPS, LibreOffice, openpyxl),
 * through the app's own zip reader: SheetJS only ever sees a stored copy of what readZip
 * inflated within its budget. Never throws for bad input.
 */
export function readWorkbookValues(
  bytes: Uint8Array,
  options: WorkbookReadOptions = {},
): WorkbookRead {
  if (!isZipBytes(bytes)) return { ok: false, refusal: 'not-zip', reason: 'not a zip' };
  const zip = readZip(bytes, WORKBOOK_ZIP_LIMITS);
  if (!zip.ok) return zip;
  // A zip of something else (a .docx, a folder of files) is not a damaged workbook.
  if (!zip.entries.some((e) => /^xl\/workbook\.(xml|bin)$/i.test(e.name)))
    return { ok: false, refusal: 'not-zip', reason: 'a zip, but not a workbook' };
  const own = options.reader === 'sheetjs' ? null : readOwnWorkbook(zip.entries);
  if (!own) return readWithSheetJs(zip.entries);
  const read = collect(own.map((sheet) => ({ ...sheet, formulas: new Map<string, string>() })));
  readerCheck.compare?.(read, readWithSheetJs(zip.entries));
  return read;
}

/**
 * The tests' hook (tests/setup-node.ts): when set, every workbook the direct reader reads is read
 * by SheetJS too, and both results handed here to be compared, so that every workbook any test
 * verifies proves the two readers equal. Unset in the app.
 */
export const readerCheck: {
  compare?: (direct: WorkbookRead, sheetjs: WorkbookRead) => void;
} = {};

function readWithSheetJs(entries: readonly ZipEntry[]): WorkbookRead {
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(writeStoredZip(entries.map(withAstralReferencesDecoded)), {
      type: 'array',
      dense: true,
      cellDates: false,
      // Formulas are read only to be reported: this app never writes one.
      cellFormula: true,
      // …and kept even when they show nothing (SheetJS drops a formula cell with an empty value).
      sheetStubs: true,
      cellHTML: false,
      cellNF: false,
      cellText: false,
      cellStyles: false,
      sheetRows: MAX_SHEET_ROWS,
    });
  } catch (error) {
    return { ok: false, refusal: 'damaged', reason: (error as Error).message };
  }
  const hidden = new Map(
    (book.Workbook?.Sheets ?? []).map((s) => [s.name ?? '', (s.Hidden ?? 0) !== 0] as const),
  );
  const sheets: ReadSheet[] = [];
  for (const name of book.SheetNames) {
    const sheet = book.Sheets[name];
    if (sheet) sheets.push({ name, ...valuesOf(sheet), hidden: hidden.get(name) ?? false });
  }
  return collect(sheets);
}

/** The data sheet's column A apart, every other sheet in workbook order. */
function collect(read: readonly ReadSheet[]): WorkbookRead {
  let data: string[] | null = null;
  const sheets: ReadSheet[] = [];
  for (const sheet of read) {
    if (sheet.name === DATA_SHEET_NAME)
      data = sheet.rows.map((row) => (typeof row[0] === 'string' ? row[0] : ''));
    else sheets.push(sheet);
  }
  return { ok: true, data, sheets };
}

function valuesOf(sheet: XLSX.WorkSheet): Pick<FoundSheet, 'rows' | 'formulas'> {
  const grid = (sheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const rows: (StoredValue | null)[][] = [];
  const formulas = new Map<string, string>();
  for (let r = 0; r < grid.length; r += 1) {
    const row = grid[r] ?? [];
    const values: (StoredValue | null)[] = [];
    for (let c = 0; c < row.length; c += 1) {
      const cell = row[c];
      values.push(valueOf(cell));
      if (cell?.f !== undefined) formulas.set(cellAddress(c, r + 1), cell.f);
    }
    rows.push(values);
  }
  return { rows, formulas };
}

function valueOf(cell: XLSX.CellObject | undefined): StoredValue | null {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  if (typeof cell.v === 'number' || typeof cell.v === 'string') return cell.v;
  if (typeof cell.v === 'boolean') return cell.v ? 'TRUE' : 'FALSE';
  if (cell.v instanceof Date) return cell.v.toISOString();
  return String(cell.v);
}

/**
 * SheetJS 0.20.3 decodes a numeric character reference with String.fromCharCode, which garbles
 * any above U+FFFF; openpyxl writes every character outside ASCII as one (&#131072; for 𠀀). So
 * those are decoded here first, into the UTF-8 the XML is in. In markup every literal "&" is
 * "&amp;", so each "&#" begins a real reference.
 */
const ASTRAL_REFERENCE = /&#(?:x([0-9a-fA-F]+)|([0-9]+));/g;

export function withAstralReferencesDecoded(entry: ZipEntry): ZipEntry {
  if (!entry.name.endsWith('.xml')) return entry;
  const xml = Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
  if (!xml.includes('&#')) return entry;
  const text = xml.toString('utf8');
  let changed = false;
  const decoded = text.replace(ASTRAL_REFERENCE, (reference, hex?: string, decimal?: string) => {
    const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
    if (code <= 0xffff || code > 0x10ffff) return reference;
    changed = true;
    return String.fromCodePoint(code);
  });
  return changed ? { name: entry.name, data: Buffer.from(decoded, 'utf8') } : entry;
}
