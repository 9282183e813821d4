import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWorkbook } from '../../electron/services/workbook/workbook-verify';
import { DATA_SHEET_NAME } from '../../shared/workbook/envelope';
import { parseCsv } from './csv';
import { grid, gridDifferences, shownCell } from './expected';
import { CSV_FILTER, INTEROP_TIMEOUT, libreOffice, once, pdfText } from './tools';
import { writeInteropWorkbooks, type InteropWorkbook } from './workbooks';

// LibreOffice (Debian's libreoffice-calc-nogui, headless) stands in for the spreadsheet programs
// a bureau clerk opens workbooks with. One profile, and one LibreOffice start per conversion
// of all the workbooks at once: starting it takes seconds.

let written: ReturnType<typeof writeInteropWorkbooks>;
const office = libreOffice();
const folder = (kind: string) => path.join(written.dir, kind);

beforeAll(() => {
  written = writeInteropWorkbooks();
});

/** Every workbook converted to CSV (one file a sheet), PDF and xlsx, by the first test. */
const converted = once(() => {
  const files = written.workbooks.map((w) => w.file);
  for (const [kind, to] of [
    ['csv', CSV_FILTER],
    ['pdf', 'pdf'],
    ['xlsx', 'xlsx'],
  ] as const) {
    mkdirSync(folder(kind));
    office.convert(files, to, folder(kind));
  }
});

afterAll(() => {
  office.close();
  written?.remove();
});

/** LibreOffice's CSV of one sheet: it names the file after the workbook and the sheet. */
const csvOf = (workbook: InteropWorkbook, sheet: string) => {
  converted();
  return parseCsv(readFileSync(path.join(folder('csv'), `${workbook.name}-${sheet}.csv`), 'utf8'));
};

describe.each(['signed-a-zh', 'signed-a-en', 'signed-b-zh', 'draft-awkward-en'])(
  'LibreOffice converts the workbook %s',
  (name) => {
    const workbook = (): InteropWorkbook => written.workbooks.find((w) => w.name === name)!;

    it(
      'to CSV showing every visible cell as the model does: dates yyyy-mm-dd, rates as 0.0%',
      () => {
        for (const sheet of workbook().model.sheets) {
          const expected = grid(sheet).map((row) => row.map(shownCell));
          expect(gridDifferences(expected, csvOf(workbook(), sheet.name), ''), sheet.name).toEqual(
            [],
          );
        }
      },
      INTEROP_TIMEOUT,
    );

    it(
      'to CSV with the data sheet cell for cell',
      () => {
        const cells = csvOf(workbook(), DATA_SHEET_NAME).map((row) => row[0]);
        expect(cells).toEqual(workbook().model.data);
      },
      INTEROP_TIMEOUT,
    );

    it(
      'to a PDF that holds the school and the sheets, but not the hidden data',
      () => {
        converted();
        const file = path.join(folder('pdf'), `${name}.pdf`);
        expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const text = pdfText(file);
        expect(text).toContain(workbook().inspection.school.name);
        expect(text).toContain(workbook().model.sheets[1]!.columns[2]!.header);
        expect(text).not.toContain('"inspection":');
      },
      INTEROP_TIMEOUT,
    );

    it(
      'to an xlsx that still verifies, as signed or as a draft',
      () => {
        converted();
        const { check } = verifyWorkbook(readFileSync(path.join(folder('xlsx'), `${name}.xlsx`)));
        expect(check.differences).toEqual([]);
        expect(check.status).toBe(workbook().signed ? 'signed' : 'draft');
      },
      INTEROP_TIMEOUT,
    );
  },
);
