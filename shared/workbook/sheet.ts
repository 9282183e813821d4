import type { Locale } from '../i18n/locale';
import type { WorkbookCell } from './cells';

/** One column of a sheet: its header in the workbook's language and its width in characters. */
export interface SheetColumn {
  readonly header: string;
  readonly width: number;
}

/**
 * One visible sheet of the bureau workbook. Row 1 holds `title` (the school, the term, what the
 * sheet is, and 草稿 / DRAFT while unsigned), row 2 the headers, data from row 3 on.
 */
export interface WorkbookSheet {
  /** A name that does not depend on the language: summary, items, actions, register:ID, audit, meta. */
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly (readonly WorkbookCell[])[];
}

/** A sheet but its rows: what a workbook's skeleton needs. */
export interface SheetShape extends Omit<WorkbookSheet, 'rows'> {
  readonly rowCount: number;
}

export const TITLE_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;

/**
 * Excel's sheet names: at most 31 characters (UTF-16 units, as Excel and SheetJS count them), none
 * of : \ / ? * [ ], not blank, not beginning or ending with an apostrophe, not "History" (Excel
 * keeps it for its change history), unique ignoring case.
 */
const SHEET_NAME_LIMIT = 31;
const RESERVED_NAMES = new Set(['history']);

export function sheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[:\\/?*[\]]/g, ' ').trim();
  let name = fitName(clean, SHEET_NAME_LIMIT);
  for (let n = 2; taken.has(name.toLowerCase()) || RESERVED_NAMES.has(name.toLowerCase()); n += 1) {
    const suffix = ` (${n})`;
    name = `${fitName(clean, SHEET_NAME_LIMIT - suffix.length)}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** The longest start of a name that fits in `room` UTF-16 units, whole characters only. */
function fitName(name: string, room: number): string {
  let fitted = '';
  for (const character of name) {
    if (fitted.length + character.length > room) break;
    fitted += character;
  }
  return fitted.replace(/^'+|'+$/g, '').trim() || 'Sheet';
}

/** A1 address of a 0-based column and 1-based row. */
export function cellAddress(column: number, row: number): string {
  let name = '';
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) {
    name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  }
  return `${name}${row}`;
}

export type Pick2 = (zh: string, en: string) => string;
export const pickerFor =
  (language: Locale): Pick2 =>
  (zh, en) =>
    language === 'zh-CN' ? zh : en;
