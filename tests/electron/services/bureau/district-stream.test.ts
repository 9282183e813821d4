import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { writeStreamedSheets } from '../../../../electron/services/bureau/district-stream';
import { writeDistrictWorkbook } from '../../../../electron/services/bureau/district-write';
import type { SheetPrint } from '../../../../electron/services/workbook/workbook-dress';
import { writeSheets } from '../../../../electron/services/workbook/workbook-write';
import { readZip } from '../../../../electron/services/zip/zip-reader';
import { districtSheets } from '../../../../shared/bureau/district-sheets';
import { mergeDistrict } from '../../../../shared/bureau/merge';
import type { WorkbookSheet } from '../../../../shared/workbook/sheet';
import { intakes, templatesOf, TODAY } from '../../../shared/bureau/fixtures';
import { python, tempDir } from '../workbook/workbook-fixtures';

const sent = intakes({ seed: 'district-stream', asOf: '2026-11-30', count: 4 });
const district = mergeDistrict(
  sent.map((i) => i.accepted),
  [],
  templatesOf(sent),
  { allowDrafts: false, today: TODAY },
);
const merged = districtSheets(district, {
  language: 'zh-CN',
  appVersion: '0.1.0-test',
  generatedAt: '2026-12-15T02:03:04.000Z',
  today: TODAY,
  allowDrafts: false,
});

/** Every kind of cell, and text that needs escaping, spaces kept or a control character. */
const odd: WorkbookSheet = {
  id: 'odd',
  name: '杂 & <odd>',
  title: '  标题 "quoted" \'single\'  ',
  columns: [
    { header: 'text', width: 12 },
    { header: 'number', width: 8 },
    { header: 'percent', width: 8 },
    { header: 'date', width: 11.5 },
    { header: 'datetime', width: 20 },
  ],
  rows: [
    [
      { kind: 'text', value: 'a & b < c > d' },
      { kind: 'number', value: 0.1 + 0.2 },
      { kind: 'percent', value: 0.875 },
      { kind: 'date', value: '2026-02-28' },
      { kind: 'datetime', value: '2026-11-30T23:59:59.000Z' },
    ],
    [],
    [null, { kind: 'number', value: -3 }, null, null, null],
    [{ kind: 'text', value: 'tab\there\nline\u0001bell' }, null, { kind: 'percent', value: 0 }],
    [
      { kind: 'text', value: '=1+2' },
      { kind: 'number', value: 1e21 },
    ],
  ],
};
const empty: WorkbookSheet = {
  id: 'empty',
  name: 'empty',
  title: 'no rows',
  columns: [],
  rows: [],
};

const sheets = [...merged, odd, empty];
const print: SheetPrint[] = sheets.map((_, i) =>
  i === 0 ? { pagesWide: 2, repeatColumns: '$A:$C' } : { pagesWide: 1 },
);

/** What SheetJS reads from each sheet: every cell's type, value and number format. */
function sheetJsCells(bytes: Buffer) {
  const book = XLSX.read(bytes, { type: 'buffer', dense: false });
  return book.SheetNames.map((name) => {
    const sheet = book.Sheets[name]!;
    const cells = Object.entries(sheet)
      .filter(([address]) => !address.startsWith('!'))
      .map(([address, c]) => {
        const cell = c as XLSX.CellObject;
        return [address, cell.t, cell.v, cell.z ?? null];
      });
    return { name, ref: sheet['!ref'], cells, rows: sheet['!rows']?.map((r) => r?.hpt ?? null) };
  });
}

const OPENPYXL = `
import sys, json, warnings
warnings.simplefilter('error')
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
  out.append({
    'name': ws.title,
    'frozen': ws.freeze_panes,
    'filter': ws.auto_filter.ref,
    'titles': [ws.print_title_rows, ws.print_title_cols],
    'fit': [ws.page_setup.fitToWidth, ws.page_setup.orientation],
    'widths': {k: v.width for k, v in sorted(ws.column_dimensions.items())},
    'heights': {k: v.height for k, v in sorted(ws.row_dimensions.items())},
    'cells': [[c.coordinate, c.data_type, str(c.value), c.number_format, bool(c.font.b),
               c.alignment.wrap_text, c.alignment.vertical]
              for row in ws.iter_rows() for c in row if c.value is not None],
  })
print(json.dumps(out))
`;

function openpyxlCells(bytes: Buffer): unknown {
  const file = path.join(tempDir(), 'book.xlsx');
  fs.writeFileSync(file, bytes);
  return JSON.parse(python(OPENPYXL, [file]));
}

describe('writeStreamedSheets', () => {
  const before = writeSheets(sheets, null, print);
  const after = writeStreamedSheets(sheets, print);

  it('writes the values, formats and row heights SheetJS wrote, as SheetJS reads them', () => {
    expect(sheetJsCells(after)).toEqual(sheetJsCells(before));
  });

  it('writes what openpyxl reads from the SheetJS-written book: cells, styles, print setup', () => {
    expect(openpyxlCells(after)).toEqual(openpyxlCells(before));
  });

  it('writes the same parts, every sheet part well formed, the same bytes every time', () => {
    expect(writeStreamedSheets(sheets, print).equals(after)).toBe(true);
    const read = readZip(after, { maxUnpackedBytes: 1 << 30, maxEntries: 100 });
    const was = readZip(before, { maxUnpackedBytes: 1 << 30, maxEntries: 100 });
    if (!read.ok || !was.ok) throw new Error('unreadable');
    expect(read.entries.map((e) => e.name).sort()).toEqual(was.entries.map((e) => e.name).sort());
    const same = (name: string) => [read, was].map((r) => r.entries.find((e) => e.name === name));
    for (const name of ['xl/styles.xml', 'xl/workbook.xml', '[Content_Types].xml']) {
      const [a, b] = same(name);
      expect(Buffer.from(a!.data).toString('utf8'), name).toBe(Buffer.from(b!.data).toString());
    }
  });

  it('writes the summary of a district with no school merged (every file rejected)', () => {
    const none = mergeDistrict([], [], new Map(), { allowDrafts: false, today: TODAY });
    for (const language of ['zh-CN', 'en-US'] as const) {
      const empty = districtSheets(none, {
        language,
        appVersion: '0.1.0-test',
        generatedAt: '2026-12-15T02:03:04.000Z',
        today: TODAY,
        allowDrafts: false,
      });
      const book = XLSX.read(writeDistrictWorkbook(empty), { type: 'buffer' });
      expect(book.SheetNames).toEqual(empty.map((sheet) => sheet.name));
    }
  });

  it('is what writeDistrictWorkbook writes', () => {
    const district = writeDistrictWorkbook(merged);
    expect(sheetJsCells(district)).toEqual(
      sheetJsCells(writeSheets(merged, null, undefined)).map((s) => s),
    );
  });
});
