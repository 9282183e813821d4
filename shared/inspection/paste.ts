import type { Column, RegisterItem } from '../template/schema';
import { isIsoDate } from '../template/dates';
import type { CellEdit, Change } from './changes';
import type { CellValue, RegisterRow } from './schema';

/** A paste larger than this is refused whole rather than cut short. */
export const MAX_PASTE_CELLS = 200_000;

/**
 * Splits text copied from a spreadsheet (Excel, WPS, LibreOffice: tab-separated, quoted where a
 * cell holds a tab, a quote or a line break) into rows of cells. A final line break is dropped.
 */
export function parseClipboardTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let atCellStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
      continue;
    }
    if (c === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (c === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += c;
      atCellStart = false;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const YES = new Set(['yes', 'y', 'true', '是', '有', '√', '✓']);
const NO = new Set(['no', 'n', 'false', '否', '无', '×', '✗']);

/**
 * A pasted text as a cell of this column: choices by value or by either label, yes/no in either
 * language, dates as 2026-11-29, 2026/11/29, 2026.11.29 or 2026年11月29日, numbers with
 * thousands separators. What cannot be read is kept as text, so the engine flags it and the
 * user sees what they pasted.
 */
export function cellFromText(column: Column, raw: string): CellValue | null {
  const text = raw.trim();
  if (text === '') return null;
  switch (column.kind) {
    case 'number': {
      // Thousands separators go; anything but a plain decimal stays text (no 0x10, no "," as 0).
      const plain = text.replace(/[,，\s]/g, '');
      return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(plain) ? Number(plain) : text;
    }
    case 'date': {
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
      if (!m) return text;
      const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
      return isIsoDate(iso) ? iso : text;
    }
    case 'yesno': {
      const lower = text.toLowerCase();
      if (YES.has(lower)) return 'yes';
      if (NO.has(lower)) return 'no';
      return text;
    }
    case 'choice': {
      const lower = text.toLowerCase();
      const found = column.choices?.find(
        (c) =>
          c.value === text || c.label['zh-CN'] === text || c.label['en-US'].toLowerCase() === lower,
      );
      return found ? found.value : text;
    }
    case 'file':
      return null;
    case 'text':
      return text;
  }
}

/** Whether a pasted first line is the register's own header row (in either language). */
export function isHeaderRow(register: RegisterItem, cells: readonly string[], from = 0): boolean {
  const columns = register.columns.slice(from, from + cells.length);
  return (
    columns.length > 0 &&
    columns.every((c, i) => {
      const text = (cells[i] ?? '').trim().replace(/\s*\*$/, '');
      return text === c.label['zh-CN'] || text.toLowerCase() === c.label['en-US'].toLowerCase();
    })
  );
}

export type PastePlan =
  | {
      readonly ok: true;
      readonly changes: Change[];
      readonly rowsAdded: number;
      readonly cellsSet: number;
    }
  | { readonly ok: false; readonly reason: 'empty' | 'too-large' };

/**
 * Edits that put a pasted block into a register the way a spreadsheet would: from the given row
 * and column rightwards and downwards, overwriting cells, adding rows past the end. Columns past
 * the last are ignored; a header row copied along is skipped.
 */
export function planPaste(
  register: RegisterItem,
  rows: readonly RegisterRow[],
  grid: readonly (readonly string[])[],
  at: { readonly row: number; readonly column: number },
  newId: () => string,
  maxRows: number,
): PastePlan {
  const lines =
    grid.length > 0 && isHeaderRow(register, grid[0]!, at.column) ? grid.slice(1) : grid;
  const cells = lines.reduce((n, l) => n + l.length, 0);
  if (lines.length === 0 || cells === 0) return { ok: false, reason: 'empty' };
  const start = Math.max(0, Math.min(at.row, rows.length));
  if (cells > MAX_PASTE_CELLS || start + lines.length > maxRows)
    return { ok: false, reason: 'too-large' };
  const edits: CellEdit[] = [];
  const added: RegisterRow[] = [];
  let cellsSet = 0;
  lines.forEach((line, i) => {
    const target = rows[start + i];
    const values: Record<string, CellValue> = {};
    line.forEach((text, j) => {
      const column = register.columns[at.column + j];
      if (!column || column.kind === 'file') return;
      const value = cellFromText(column, text);
      if (target) {
        edits.push({ rowId: target.id, columnId: column.id, value });
        cellsSet++;
      } else if (value !== null) {
        values[column.id] = value;
        cellsSet++;
      }
    });
    if (!target) added.push({ id: newId(), cells: values, evidence: [] });
  });
  // One edit for the cells, one for the new rows: a paste is saved whole, never half.
  const changes: Change[] = [];
  if (edits.length > 0) changes.push({ kind: 'cells', itemId: register.id, values: edits });
  if (added.length > 0) {
    changes.push({ kind: 'rows-insert', itemId: register.id, index: rows.length, rows: added });
  }
  return { ok: true, changes, rowsAdded: added.length, cellsSet };
}
