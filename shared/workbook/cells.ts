/**
 * The cells of the bureau workbook, as values rather than as spreadsheet markup: the writer turns
 * them into SheetJS cells, and verify compares what a spreadsheet program read back against them.
 * Dates are calendar dates and instants are shown as Beijing time (UTC+8) whatever the computer's
 * zone, so that the same inspection gives the same cells everywhere.
 */
export type WorkbookCell =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'percent'; readonly value: number }
  | { readonly kind: 'date'; readonly value: string }
  | { readonly kind: 'datetime'; readonly value: string }
  | null;

/** Excel's limit on the characters (UTF-16 code units) of one cell. */
export const EXCEL_CELL_LIMIT = 32767;

/** The zone instants are shown in: the one every school and bureau using the app is in. */
export const WORKBOOK_UTC_OFFSET_HOURS = 8;

/** Text longer than a cell holds is cut, with an ellipsis, never inside a surrogate pair. */
export function fitText(value: string): string {
  if (value.length <= EXCEL_CELL_LIMIT) return value;
  let end = EXCEL_CELL_LIMIT - 1;
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${value.slice(0, end)}…`;
}

export const text = (value: string | undefined | null): WorkbookCell =>
  value === undefined || value === null || value === ''
    ? null
    : { kind: 'text', value: fitText(value) };
export const num = (value: number | null | undefined): WorkbookCell =>
  value === null || value === undefined || !Number.isFinite(value)
    ? null
    : { kind: 'number', value };
export const percent = (value: number | null): WorkbookCell =>
  value === null || !Number.isFinite(value) ? null : { kind: 'percent', value };
export const date = (value: string | undefined): WorkbookCell =>
  value === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(value) ? text(value) : { kind: 'date', value };
export const datetime = (value: string | undefined): WorkbookCell =>
  value === undefined || Number.isNaN(Date.parse(value))
    ? text(value)
    : { kind: 'datetime', value };

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system, as every modern reader counts it (after the 1900 leap bug). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** The serial number Excel stores for a calendar date (YYYY-MM-DD). */
export function dateSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / DAY_MS;
}

/** The serial number of an instant's Beijing wall-clock time, to the second. */
export function datetimeSerial(instant: string): number {
  const seconds = Math.round((Date.parse(instant) + WORKBOOK_UTC_OFFSET_HOURS * 3_600_000) / 1000);
  return (seconds * 1000 - EXCEL_EPOCH) / DAY_MS;
}

/** The number format each kind of cell is written with. */
export const NUMBER_FORMATS = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  percent: '0.0%',
} as const;

/** What a stored cell holds: text, or the number a spreadsheet keeps for it. */
export type StoredValue = string | number;

export function storedValue(cell: Exclude<WorkbookCell, null>): StoredValue {
  switch (cell.kind) {
    case 'date':
      return dateSerial(cell.value);
    case 'datetime':
      return datetimeSerial(cell.value);
    default:
      return cell.value;
  }
}

/** How a cell reads in a message: dates as dates, rates as percentages. */
export function cellDisplay(cell: WorkbookCell): string {
  if (cell === null) return '';
  switch (cell.kind) {
    case 'percent':
      return `${(cell.value * 100).toFixed(1)}%`;
    case 'datetime':
      return serialText(datetimeSerial(cell.value), true);
    case 'number':
      return String(cell.value);
    default:
      return cell.value;
  }
}

/** A serial number as YYYY-MM-DD (and hh:mm:ss), for messages about a date cell. */
export function serialText(serial: number, withTime: boolean): string {
  const iso = new Date(Math.round(serial * DAY_MS) + EXCEL_EPOCH).toISOString();
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso.slice(0, 10);
}
