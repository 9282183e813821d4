import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { writeFileAtomicWith } from '../../../../electron/services/atomic-file';
import {
  streamDistrictWorkbook,
  writeDistrictWorkbook,
} from '../../../../electron/services/bureau/district-write';
import { fileZipSink } from '../../../../electron/services/zip/zip-writer';
import type { DistrictSummaryOptions } from '../../../../shared/bureau/district-sheets';
import { districtSheets, lazyDistrictSheets } from '../../../../shared/bureau/district-sheets';
import { mergeDistrict } from '../../../../shared/bureau/merge';
import { intakes, changed, templatesOf, TODAY } from '../../../shared/bureau/fixtures';
import { python, tempDir } from '../workbook/workbook-fixtures';

const sent = intakes({ seed: 'district-write', asOf: '2026-11-30', count: 3 });
// A school whose name a spreadsheet would take for a formula, were it not written as text.
const formulaName = '=HYPERLINK("http://example.com","点我")';
const tricky = changed(sent[0]!.accepted, 'tricky.xlsx', sent[0]!.accepted.sha256, {
  school: { ...sent[0]!.accepted.submission.school, name: formulaName },
});
const district = mergeDistrict(
  [tricky, ...sent.slice(1).map((i) => i.accepted)],
  [],
  templatesOf(sent),
  {
    allowDrafts: false,
    today: TODAY,
  },
);
const sheets = districtSheets(district, {
  language: 'zh-CN',
  appVersion: '0.1.0-test',
  generatedAt: '2026-12-15T02:03:04.000Z',
  today: TODAY,
  allowDrafts: false,
});

describe('writeDistrictWorkbook', () => {
  const bytes = writeDistrictWorkbook(sheets);

  it('writes the sheets with no hidden data sheet and no formulas, the same bytes every time', () => {
    expect(writeDistrictWorkbook(sheets).equals(bytes)).toBe(true);
    const book = XLSX.read(bytes, { type: 'buffer', cellFormula: true });
    expect(book.SheetNames).toEqual(sheets.map((s) => s.name));
    expect((book.Workbook?.Sheets ?? []).every((s) => !s.Hidden)).toBe(true);
    for (const name of book.SheetNames) {
      const sheet = book.Sheets[name]!;
      for (const [address, cell] of Object.entries(sheet))
        if (!address.startsWith('!'))
          expect((cell as XLSX.CellObject).f, `${name}!${address}`).toBeUndefined();
    }
    const schools = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['学校']!, { header: 1 });
    expect(schools[0]![0]).toBe(sheets[0]!.title);
    expect(schools[1]).toEqual(sheets[0]!.columns.map((c) => c.header));
    expect(schools.slice(2).map((r) => r[1])).toContain(formulaName);
  });

  it('opens in openpyxl without a warning, bold headers frozen under row 2, landscape A4', () => {
    const file = path.join(tempDir(), 'district.xlsx');
    fs.writeFileSync(file, bytes);
    const out = python(
      `
import sys, warnings, json
warnings.simplefilter('error')
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
print(json.dumps({
  'names': wb.sheetnames,
  'frozen': ws.freeze_panes,
  'bold': bool(ws['A2'].font.b),
  'orientation': ws.page_setup.orientation,
  'paper': str(ws.page_setup.paperSize),
  'titles': ws.print_title_rows,
  'columns': ws.print_title_cols,
  'types': sorted({c.data_type for row in ws.iter_rows(min_row=3) for c in row if c.value is not None}),
}))
`,
      [file],
    );
    const found = JSON.parse(out) as Record<string, unknown>;
    expect(found).toMatchObject({
      names: sheets.map((s) => s.name),
      frozen: 'A3',
      bold: true,
      orientation: 'landscape',
      paper: '9',
      titles: '$1:$2',
      columns: '$A:$C',
    });
    expect(found.types).not.toContain('f');
  });
});

describe('streamDistrictWorkbook', () => {
  it('writes into the file, each sheet built as it is written, the bytes writeDistrictWorkbook returns', () => {
    const none = mergeDistrict([], [], new Map(), { allowDrafts: false, today: TODAY });
    for (const [merged, language] of [
      [district, 'zh-CN'],
      [district, 'en-US'],
      [none, 'zh-CN'],
    ] as const) {
      const options: DistrictSummaryOptions = {
        language,
        appVersion: '0.1.0-test',
        generatedAt: '2026-12-15T02:03:04.000Z',
        today: TODAY,
        allowDrafts: false,
        bureau: { name: '某区教育局', district: '某区' },
      };
      const file = path.join(tempDir(), 'district.xlsx');
      let built = 0;
      const lazy = lazyDistrictSheets(merged, options).map((sheet) => ({
        ...sheet,
        build: () => {
          built += 1;
          return sheet.build();
        },
      }));
      writeFileAtomicWith(file, (fd) => streamDistrictWorkbook(fileZipSink(fd), lazy));
      const expected = writeDistrictWorkbook(districtSheets(merged, options));
      expect(fs.readFileSync(file).equals(expected), language).toBe(true);
      // Each sheet once, as its rows are written.
      expect(built).toBe(lazy.length);
    }
  });
});
