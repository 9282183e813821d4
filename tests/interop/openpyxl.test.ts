import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_SHEET_NAME, workbookInspection } from '../../shared/workbook/envelope';
import { cellAddress, HEADER_ROW } from '../../shared/workbook/sheet';
import { AWKWARD_TEXT, writeInteropWorkbooks, type InteropWorkbook } from './workbooks';
import { grid, gridDifferences, openpyxlCell } from './expected';
import { INTEROP_TIMEOUT, once, readWithOpenpyxl, type PyWorkbook } from './tools';

// The bureau opens workbooks with all sorts of programs; openpyxl (Debian's python3-openpyxl)
// stands in for the Python scripts a district's IT staff write to merge them.

let written: ReturnType<typeof writeInteropWorkbooks>;

beforeAll(() => {
  written = writeInteropWorkbooks();
});

afterAll(() => written?.remove());

describe.each(['signed-a-zh', 'signed-a-en', 'signed-b-zh', 'draft-awkward-en'])(
  'openpyxl reads the workbook %s',
  (name) => {
    const workbook = (): InteropWorkbook => written.workbooks.find((w) => w.name === name)!;
    const found = once((): PyWorkbook => readWithOpenpyxl(workbook().file));

    it(
      'without a warning, with the visible sheets in order and the data sheet hidden',
      () => {
        expect(found().warnings).toEqual([]);
        expect(found().sheets.map((s) => [s.name, s.state])).toEqual([
          ...workbook().model.sheets.map((s) => [s.name, 'visible']),
          [DATA_SHEET_NAME, 'hidden'],
        ]);
      },
      INTEROP_TIMEOUT,
    );

    it(
      'with every visible cell holding the value, type and number format of the model',
      () => {
        for (const sheet of workbook().model.sheets) {
          const rows = found().sheets.find((s) => s.name === sheet.name)!.rows;
          const expected = grid(sheet).map((row) => row.map(openpyxlCell));
          expect(gridDifferences(expected, rows, null), sheet.name).toEqual([]);
        }
      },
      INTEROP_TIMEOUT,
    );

    it(
      'with the column widths and an autofilter over the headers and rows of each sheet',
      () => {
        for (const sheet of workbook().model.sheets) {
          const pySheet = found().sheets.find((s) => s.name === sheet.name)!;
          const lastRow = Math.max(grid(sheet).length, HEADER_ROW);
          expect(pySheet.autofilter).toBe(
            `A${HEADER_ROW}:${cellAddress(sheet.columns.length - 1, lastRow)}`,
          );
          sheet.columns.forEach((column, i) => {
            // Excel stores a width as characters plus a little padding: about 0.83 at the default font.
            const width = pySheet.widths[cellAddress(i, 1).replace(/\d+$/, '')];
            expect(width! - column.width, `${sheet.name} column ${i + 1}`).toBeGreaterThanOrEqual(
              0,
            );
            expect(width! - column.width, `${sheet.name} column ${i + 1}`).toBeLessThan(1);
          });
        }
      },
      INTEROP_TIMEOUT,
    );

    it(
      'with the inspection, exactly as exported, in the data sheet',
      () => {
        const dataSheet = found().sheets.find((s) => s.name === DATA_SHEET_NAME)!;
        const cells = dataSheet.rows.map((row) => row[0]);
        expect(cells).toEqual(workbook().model.data.map((v) => ['s', v, 'General']));
        const envelope = JSON.parse(
          cells
            .slice(1)
            .map((cell) => cell![1])
            .join(''),
        ) as {
          inspection: unknown;
          language: string;
        };
        expect(envelope.language).toBe(workbook().language);
        expect(envelope.inspection).toEqual(workbookInspection(workbook().inspection));
      },
      INTEROP_TIMEOUT,
    );

    it(
      "with the inspection's own values in its sheets: the school, every register row, the notes",
      () => {
        const { inspection } = workbook();
        const texts = new Set(
          found()
            .sheets.filter((s) => s.state === 'visible')
            .flatMap((s) => s.rows.flat())
            .flatMap((cell) => (cell?.[0] === 's' ? [cell[1]] : [])),
        );
        expect(texts).toContain(inspection.school.name);
        for (const rows of Object.values(inspection.registers))
          for (const row of rows) expect(texts).toContain(row.id);
        if (name === 'draft-awkward-en')
          for (const awkward of AWKWARD_TEXT) expect(texts).toContain(awkward);
      },
      INTEROP_TIMEOUT,
    );
  },
);
