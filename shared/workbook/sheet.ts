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

export const TITLE_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ], not blank, unique ignoring case. */
const SHEET_NAME_LIMIT = 31;

export function sheetName(wanted: string, taken: Set<string>): string {
  const clean =
    wanted
      .replace(/[:\\/?*[\]]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  const cut = (s: string, room: number) => Array.from(s).slice(0, room).join('');
  let name = cut(clean, SHEET_NAME_LIMIT);
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) {
    const suffix = ` (${n})`;
    name = `${cut(clean, SHEET_NAME_LIMIT - suffix.length)}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
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
