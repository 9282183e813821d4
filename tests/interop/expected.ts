import type { WorkbookCell } from '../../shared/workbook/cells';
import type { WorkbookSheet } from '../../shared/workbook/sheet';
import type { PyCell } from './tools';

/**
 * What another program should read in each cell of the workbook, worked out here from the model
 * rather than with the writer's own conversions, so that a mistake there shows.
 */

const HOUR_MS = 3_600_000;

/** An instant as Beijing wall-clock time to the second: "2025-06-01T16:04:51". */
export function beijing(instant: string): string {
  const ms = Math.round((Date.parse(instant) + 8 * HOUR_MS) / 1000) * 1000;
  return new Date(ms).toISOString().slice(0, 19);
}

/** The cells of a sheet, row 1 first: title, headers, then its rows. */
export function grid(sheet: WorkbookSheet): WorkbookCell[][] {
  return [
    [{ kind: 'text', value: sheet.title }],
    sheet.columns.map((column) => ({ kind: 'text', value: column.header }) as const),
    ...sheet.rows.map((row) => [...row]),
  ];
}

/** A cell as openpyxl gives it: dates as datetimes with their number format, rates as numbers with a % format. */
export function openpyxlCell(cell: WorkbookCell): PyCell {
  if (cell === null) return null;
  switch (cell.kind) {
    case 'text':
      return ['s', cell.value, 'General'];
    case 'number':
      return ['n', cell.value, 'General'];
    case 'percent':
      return ['n', cell.value, '0.0%'];
    case 'date':
      return ['d', `${cell.value}T00:00:00`, 'yyyy-mm-dd'];
    case 'datetime':
      return ['d', beijing(cell.value), 'yyyy-mm-dd hh:mm:ss'];
  }
}

/** A cell as LibreOffice shows it, so as its CSV export writes it with "as shown". */
export function shownCell(cell: WorkbookCell): string {
  if (cell === null) return '';
  switch (cell.kind) {
    case 'text':
      return cell.value;
    case 'number':
      return String(cell.value);
    case 'percent':
      return `${(cell.value * 100).toFixed(1)}%`;
    case 'date':
      return cell.value;
    case 'datetime':
      return beijing(cell.value).replace('T', ' ');
  }
}

/** Each place where `found` differs from `expected`, as "row R column C: expected … found …". */
export function gridDifferences<T>(
  expected: readonly (readonly T[])[],
  found: readonly (readonly T[])[],
  empty: T,
): string[] {
  const differences: string[] = [];
  const rows = Math.max(expected.length, found.length);
  for (let r = 0; r < rows; r += 1) {
    const want = expected[r] ?? [];
    const got = found[r] ?? [];
    for (let c = 0; c < Math.max(want.length, got.length); c += 1) {
      const a = JSON.stringify(want[c] ?? empty);
      const b = JSON.stringify(got[c] ?? empty);
      if (a !== b) differences.push(`row ${r + 1} column ${c + 1}: expected ${a}, found ${b}`);
    }
  }
  return differences;
}
