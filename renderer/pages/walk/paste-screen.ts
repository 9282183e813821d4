import type { Bilingual } from '../../../shared/i18n/locale';
import type { CellEdit, Change } from '../../../shared/inspection/changes';
import type { PastePlan } from '../../../shared/inspection/paste';
import { cellFromText, isHeaderRow } from '../../../shared/inspection/paste';
import { LIMITS } from '../../../shared/inspection/patterns';
import type { CellValue, RegisterRow } from '../../../shared/inspection/schema';
import type { Column, RegisterItem } from '../../../shared/template/schema';
import { checkCell } from '../../../shared/template/values';

/** Why one pasted cell was not put in: the column's kind it does not fit, or where it fell. */
export type RefusalReason =
  'number' | 'range' | 'date' | 'choice' | 'yesno' | 'too-long' | 'file' | 'beyond';

export interface Refusal {
  /** The register's row it would have gone to, counted from 1 as the table shows it. */
  readonly row: number;
  /** The column's label; absent for a cell past the register's last column. */
  readonly column?: Bilingual;
  /** What was pasted there, trimmed. */
  readonly text: string;
  readonly reason: RefusalReason;
  /** For 'range': the column's bounds (a number outside them). */
  readonly min?: number;
  readonly max?: number;
}

export interface ScreenedPaste {
  /** The plan's edits without the refused cells: the cells they would have overwritten stay. */
  readonly changes: Change[];
  readonly cellsSet: number;
  readonly rowsAdded: number;
  readonly refused: readonly Refusal[];
}

type PlannedPaste = Extract<PastePlan, { ok: true }>;

/** Why a pasted text cannot go in this column, or null when it can (empty clears the cell). */
function refusalOf(column: Column, text: string): RefusalReason | null {
  if (column.kind === 'file') return text.trim() === '' ? null : 'file';
  const value = cellFromText(column, text);
  if (value === null) return null;
  if (typeof value === 'string' && value.length > LIMITS.cellText) return 'too-long';
  if (checkCell(column, value) === null) return null;
  switch (column.kind) {
    case 'number':
      // A number the column's min / max refuse is a number still: say it is out of range.
      return typeof value === 'number' ? 'range' : 'number';
    case 'date':
    case 'choice':
    case 'yesno':
      return column.kind;
    default:
      return null;
  }
}

/**
 * planPaste (shared/inspection/paste.ts) keeps a text it cannot read as that text, and drops
 * cells past the last column or in a file column without a word. This screens its plan: a cell
 * that would not fit its column (not a number, not a date, not one of the choices, too long) is
 * left out, so what was in that cell stays, and every cell not put in is listed with why, for the
 * message that reports the paste. Rows are counted as planPaste counts them.
 */
export function screenPaste(
  register: RegisterItem,
  rows: readonly RegisterRow[],
  grid: readonly (readonly string[])[],
  at: { readonly row: number; readonly column: number },
  plan: PlannedPaste,
): ScreenedPaste {
  const lines =
    grid.length > 0 && isHeaderRow(register, grid[0]!, at.column) ? grid.slice(1) : grid;
  const start = Math.max(0, Math.min(at.row, rows.length));
  const refused: Refusal[] = [];
  /** Line index → the ids of its columns whose cell was refused. */
  const refusedIn = new Map<number, Set<string>>();
  let refusedInColumns = 0;
  lines.forEach((line, i) => {
    line.forEach((raw, j) => {
      const column = register.columns[at.column + j];
      const text = raw.trim();
      const row = start + i + 1;
      if (!column) {
        if (text !== '') refused.push({ row, text, reason: 'beyond' });
        return;
      }
      const reason = refusalOf(column, raw);
      if (reason === null) return;
      refused.push(
        reason === 'range'
          ? { row, column: column.label, text, reason, min: column.min, max: column.max }
          : { row, column: column.label, text, reason },
      );
      if (reason === 'file') return;
      refusedInColumns++;
      let ids = refusedIn.get(i);
      if (!ids) refusedIn.set(i, (ids = new Set()));
      ids.add(column.id);
    });
  });

  const lineOfRow = new Map(rows.slice(start).map((row, i) => [row.id, i]));
  const kept = (edit: CellEdit) =>
    !refusedIn.get(lineOfRow.get(edit.rowId) ?? -1)?.has(edit.columnId);
  const firstNewLine = rows.length - start;
  const changes: Change[] = [];
  for (const change of plan.changes) {
    if (change.kind === 'cells') {
      const values = change.values.filter(kept);
      if (values.length > 0) changes.push({ ...change, values });
    } else if (change.kind === 'rows-insert') {
      const added = change.rows.map((row, k) => {
        const ids = refusedIn.get(firstNewLine + k);
        if (!ids) return row;
        const cells: Record<string, CellValue> = {};
        for (const [id, value] of Object.entries(row.cells)) if (!ids.has(id)) cells[id] = value;
        return { ...row, cells };
      });
      changes.push({ ...change, rows: added });
    } else changes.push(change);
  }
  return {
    changes,
    cellsSet: plan.cellsSet - refusedInColumns,
    rowsAdded: plan.rowsAdded,
    refused,
  };
}
