import { describe, expect, it } from 'vitest';
import { dateSerial } from '../../../shared/workbook/cells';
import type { FoundSheet } from '../../../shared/workbook/compare';
import { compareSheets, sheetGrid } from '../../../shared/workbook/compare';
import type { WorkbookSheet } from '../../../shared/workbook/sheet';

const SHEET: WorkbookSheet = {
  id: 'actions',
  name: '整改',
  title: '学校 · 整改',
  columns: [
    { header: '编号', width: 10 },
    { header: '期限', width: 12 },
  ],
  rows: [
    [
      { kind: 'text', value: 'a1' },
      { kind: 'date', value: '2026-12-31' },
    ],
  ],
};
const AS_WRITTEN: FoundSheet = {
  name: '整改',
  rows: [['学校 · 整改'], ['编号', '期限'], ['a1', dateSerial('2026-12-31')]],
};

describe('compareSheets', () => {
  it('finds nothing when the values are as written', () => {
    expect(compareSheets([SHEET], [AS_WRITTEN])).toEqual({ differences: [], total: 0 });
    expect(sheetGrid(SHEET)).toHaveLength(3);
  });

  it('names every formula, even one that shows the value written', () => {
    const found: FoundSheet = {
      ...AS_WRITTEN,
      formulas: new Map([
        ['A3', '"a"&"1"'],
        ['C9', 'NOW()'],
      ]),
    };
    expect(compareSheets([SHEET], [found]).differences).toEqual([
      { kind: 'cell', sheet: '整改', cell: 'A3', signed: 'a1', found: '="a"&"1"' },
      { kind: 'cell', sheet: '整改', cell: 'C9', signed: '', found: '=NOW()' },
    ]);
  });

  it('counts every difference but lists only up to the limit', () => {
    const found: FoundSheet = {
      name: '整改',
      rows: [['x'], ['y', 'z'], ['w', 'v'], ['1', '2', '3']],
    };
    const { differences, total } = compareSheets([SHEET], [found], 2);
    expect(total).toBe(8);
    expect(differences).toHaveLength(2);
    expect(differences[1]).toEqual({
      kind: 'cell',
      sheet: '整改',
      cell: 'A2',
      signed: '编号',
      found: 'y',
    });
  });

  it('reports a missing sheet, and an extra one only when it holds something', () => {
    const extra = { name: 'Sheet1', rows: [[null, '']] };
    const formula = { name: 'Sheet2', rows: [[null]], formulas: new Map([['A1', '1']]) };
    expect(compareSheets([SHEET], [extra]).differences).toEqual([
      { kind: 'missing-sheet', sheet: '整改' },
    ]);
    expect(compareSheets([SHEET], [AS_WRITTEN, formula]).differences).toEqual([
      { kind: 'extra-sheet', sheet: 'Sheet2' },
    ]);
  });
});
