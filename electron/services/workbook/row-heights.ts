import type { WorkbookCell } from '../../../shared/workbook/cells';
import type { SheetColumn } from '../../../shared/workbook/sheet';

/**
 * Row heights for wrapped text. Excel, WPS and LibreOffice all open a row without a height at
 * one line, whatever its wrapped cells hold, so a long prompt or note would print cut off; the
 * writer gives each row the height its longest cell needs, estimated from the column width
 * (a Chinese character is a little over two widths of "0", other characters one).
 */
const POINTS_PER_LINE = 16;
/** Excel's largest row height is 409 points. */
const MAX_LINES = 25;

export function rowHeight(row: readonly WorkbookCell[], columns: readonly SheetColumn[]): number {
  let lines = 1;
  row.forEach((cell, index) => {
    if (cell === null || cell.kind !== 'text') return;
    const width = Math.max(1, (columns[index]?.width ?? 10) - 1);
    const needed = cell.value
      .split('\n')
      .reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / width)), 0);
    lines = Math.max(lines, needed);
  });
  return Math.min(lines, MAX_LINES) * POINTS_PER_LINE;
}

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 2.2 : 1;
  return width;
}
