import type { StoredValue, WorkbookCell } from './cells';
import { cellDisplay, serialText, storedValue } from './cells';
import type { WorkbookSheet } from './sheet';
import { cellAddress, FIRST_DATA_ROW, HEADER_ROW, TITLE_ROW } from './sheet';

/** A sheet as a spreadsheet reader found it: values only, row 1 first, empty cells null. */
export interface FoundSheet {
  readonly name: string;
  readonly rows: readonly (readonly (StoredValue | null)[])[];
  /**
   * The formulas it holds, by A1 address (without the "="). The app never writes one, so each
   * is a difference, whatever value it shows (and a formula cell may carry no value at all).
   */
  readonly formulas?: ReadonlyMap<string, string>;
}

/** One place where a workbook differs from what its data says it should show. */
export type CellDifference =
  | {
      readonly kind: 'cell';
      readonly sheet: string;
      readonly cell: string;
      readonly signed: string;
      readonly found: string;
    }
  | { readonly kind: 'missing-sheet'; readonly sheet: string }
  | { readonly kind: 'extra-sheet'; readonly sheet: string };

/** The cells a sheet is written with, row 1 first: its title, its headers, then its rows. */
export function sheetGrid(sheet: WorkbookSheet): WorkbookCell[][] {
  const grid: WorkbookCell[][] = [];
  grid[TITLE_ROW - 1] = [{ kind: 'text', value: sheet.title }];
  grid[HEADER_ROW - 1] = sheet.columns.map((c) => ({ kind: 'text', value: c.header }) as const);
  sheet.rows.forEach((row, i) => {
    grid[FIRST_DATA_ROW - 1 + i] = [...row];
  });
  return grid;
}

/**
 * Compares what each visible sheet shows with what the data says it should (values, not bytes:
 * a workbook saved again by another program keeps its values but not its bytes). Returns every
 * difference, up to `limit`, and how many there were.
 */
export function compareSheets(
  expected: readonly WorkbookSheet[],
  found: readonly FoundSheet[],
  limit = 50,
): { readonly differences: CellDifference[]; readonly total: number } {
  const differences: CellDifference[] = [];
  let total = 0;
  const add = (difference: CellDifference) => {
    total += 1;
    if (differences.length < limit) differences.push(difference);
  };
  const byName = new Map(found.map((sheet) => [sheet.name, sheet]));
  for (const sheet of expected) {
    const match = byName.get(sheet.name);
    if (!match) {
      add({ kind: 'missing-sheet', sheet: sheet.name });
      continue;
    }
    byName.delete(sheet.name);
    compareGrid(sheet.name, sheetGrid(sheet), match, add);
  }
  for (const extra of byName.values()) {
    if ((extra.formulas?.size ?? 0) > 0 || extra.rows.some((row) => row.some((v) => !isBlank(v))))
      add({ kind: 'extra-sheet', sheet: extra.name });
  }
  return { differences, total };
}

function compareGrid(
  sheet: string,
  expected: readonly (readonly WorkbookCell[])[],
  { rows: found, formulas = new Map<string, string>() }: FoundSheet,
  add: (difference: CellDifference) => void,
) {
  const named = new Set<string>();
  const height = Math.max(expected.length, found.length);
  for (let r = 0; r < height; r += 1) {
    const want = expected[r] ?? [];
    const got = found[r] ?? [];
    const width = Math.max(want.length, got.length);
    for (let c = 0; c < width; c += 1) {
      const cell = want[c] ?? null;
      const value = got[c] ?? null;
      const formula = formulas.size > 0 ? formulas.get(cellAddress(c, r + 1)) : undefined;
      if (formula !== undefined) named.add(cellAddress(c, r + 1));
      if (formula !== undefined || !sameValue(cell, value)) {
        add({
          kind: 'cell',
          sheet,
          cell: cellAddress(c, r + 1),
          signed: cellDisplay(cell),
          found: formula !== undefined ? `=${formula}` : foundDisplay(cell, value),
        });
      }
    }
  }
  // A formula in a cell the reader gave no place in the grid is still one.
  for (const [cell, formula] of formulas) {
    if (!named.has(cell)) add({ kind: 'cell', sheet, cell, signed: '', found: `=${formula}` });
  }
}

const isBlank = (value: StoredValue | null) => value === null || value === '';

/** Dates to the second; other numbers to a part in 10¹²; text exactly, but for line endings. */
export function sameValue(cell: WorkbookCell, value: StoredValue | null): boolean {
  if (cell === null) return isBlank(value);
  const want = storedValue(cell);
  if (typeof want === 'string')
    return (
      typeof value === 'string' &&
      (value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value) === want
    );
  if (typeof value !== 'number') return false;
  const tolerance = cell.kind === 'datetime' ? 0.5 / 86_400 : 1e-12 * Math.max(1, Math.abs(want));
  return Math.abs(value - want) <= tolerance;
}

function foundDisplay(cell: WorkbookCell, value: StoredValue | null): string {
  if (value === null) return '';
  if (typeof value === 'number' && cell !== null) {
    if (cell.kind === 'date') return serialText(value, false);
    if (cell.kind === 'datetime') return serialText(value, true);
    if (cell.kind === 'percent') return `${(value * 100).toFixed(1)}%`;
  }
  return String(value);
}
