import type { CellValue, RegisterRow } from '../inspection/schema';
import { LIMITS } from '../inspection/schema';
import { own } from '../own';
import type { Column, RegisterItem } from '../template/schema';
import { checkCell } from '../template/values';
import { shortId } from './ids';
import type { Cells } from './register-cells';
import { CELL_VALUES, day } from './register-cells';
import type { School } from './school';

/** A sample's register rows: how many, and each cell from register-cells.ts or a generic value. */

/** How many rows the built-in registers have; others get a few more than their minimum. */
const ROW_COUNTS: Readonly<Record<string, (s: School) => number>> = {
  dev_register: (s) => s.rng.int(5, 30),
  media_register: (s) => s.rng.int(3, 12),
  bio_register: (s) => s.bioSystems,
  duty_hazards: (s) =>
    s.rng.weighted([
      [0, 3],
      [1, 3],
      [2, 2],
      [3, 1.5],
      [4, 1],
      [5, 0.5],
      [6, 0.5],
    ]),
};

/** Columns whose value others depend on (an account's name follows its platform). */
const FILLED_FIRST: Readonly<Record<string, readonly string[]>> = {
  media_register: ['platform'],
};

export function registerRows(
  item: RegisterItem,
  school: School,
  rowIds: Set<string>,
): RegisterRow[] {
  const { rng } = school;
  const planned = own(ROW_COUNTS, item.id)?.(school) ?? rng.int(1, 8);
  const count = Math.min(Math.max(planned, item.minRows), LIMITS.rowsPerRegister);
  // Per column: values already used in this register, for columns that should not repeat.
  const used = new Map(item.columns.map((c) => [c.id, new Set<string>()]));
  const first = own(FILLED_FIRST, item.id) ?? [];
  const order = [
    ...item.columns.filter((c) => first.includes(c.id)),
    ...item.columns.filter((c) => !first.includes(c.id)),
  ];
  return Array.from({ length: count }, (_, row) => {
    const drawn: Cells = {};
    for (const column of order) {
      const value = cellValue(item, column, school, row, drawn, used.get(column.id)!);
      if (value !== undefined) drawn[column.id] = value;
    }
    // Cells are written in the template's column order, whatever order they were drawn in.
    const cells: Cells = {};
    for (const column of item.columns) {
      const value = own(drawn, column.id);
      if (value !== undefined) cells[column.id] = value;
    }
    return { id: shortId(rng, rowIds), cells, evidence: [] };
  });
}

function cellValue(
  item: RegisterItem,
  column: Column,
  school: School,
  row: number,
  cells: Cells,
  used: Set<string>,
): CellValue | undefined {
  const { rng } = school;
  const nicer = own(CELL_VALUES, `${item.id}.${column.id}`);
  if (nicer) {
    const value = nicer(school, row, cells, used);
    if (value === undefined ? !column.required : checkCell(column, value) === null) return value;
  }
  // Attachments are files in the data folder; a sample has none to point at.
  if (column.kind === 'file' || (!column.required && !rng.chance(0.85))) return undefined;
  switch (column.kind) {
    case 'text':
      return `${column.label['zh-CN'].replace(/\s+/g, ' ').slice(0, 100)} ${row + 1}`;
    case 'number':
      return rng.int(1, 500);
    case 'date':
      return day(school, -rng.int(0, 365));
    case 'choice':
      return column.choices && column.choices.length > 0
        ? rng.pick(column.choices).value
        : undefined;
    case 'yesno':
      return rng.chance(0.85) ? 'yes' : 'no';
  }
}
