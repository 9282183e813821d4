import type { WorkbookCell } from '../workbook/cells';
import * as cells from '../workbook/cells';

/**
 * The cell makers of the district summary, each distinct cell made once. 10,000 schools give
 * some 3.8 million cells but few distinct ones (a status, a checklist prompt, a finding's message,
 * a school's name repeated on each of its rows): sharing them keeps the summary's sheets to
 * references, some 200 MB less for 10,000 schools. Cells are values (never changed once made),
 * so a shared one reads as its copies did. Sharing lasts for one `sharingCells` call.
 */
type Shared = Map<string, Map<string | number | null | undefined, WorkbookCell>>;

let shared: Shared | null = null;

export function sharingCells<T>(make: () => T): T {
  const outer = shared;
  shared = new Map();
  try {
    return make();
  } finally {
    shared = outer;
  }
}

/** The cell `make` gives for `value`, made the first time only: a cell met again is not made. */
function sharedMaker<V extends string | number | null | undefined>(
  name: string,
  make: (value: V) => WorkbookCell,
): (value: V) => WorkbookCell {
  return (value) => {
    if (shared === null) return make(value);
    let made = shared.get(name);
    if (!made) {
      made = new Map();
      shared.set(name, made);
    }
    let cell = made.get(value);
    if (cell === undefined) {
      cell = make(value);
      made.set(value, cell);
    }
    return cell;
  };
}

export const text = sharedMaker<string | undefined | null>('text', cells.text);
export const num = sharedMaker<number | null | undefined>('num', cells.num);
export const percent = sharedMaker<number | null>('percent', cells.percent);
export const date = sharedMaker<string | undefined>('date', cells.date);
export const datetime = sharedMaker<string | undefined>('datetime', cells.datetime);
