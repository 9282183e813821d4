import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellFromText,
  isHeaderRow,
  MAX_PASTE_CELLS,
  parseClipboardTable,
  planPaste,
} from '../../../shared/inspection/paste';
import type { RegisterRow } from '../../../shared/inspection/schema';
import type { Column } from '../../../shared/template/schema';
import { applied, DEVICES, newInspection, row } from './fixtures';

const column = (id: string): Column => {
  const found = DEVICES.columns.find((c) => c.id === id);
  if (!found) throw new Error(id);
  return found;
};

/** What Excel puts on the clipboard for a grid: tabs, CRLF, quotes only where needed. */
function excelText(grid: readonly (readonly string[])[], lineBreak = '\r\n'): string {
  const quote = (cell: string) => (/[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return grid.map((line) => line.map(quote).join('\t') + lineBreak).join('');
}

describe('parseClipboardTable', () => {
  it('splits tabs and line breaks, dropping the final line break', () => {
    expect(parseClipboardTable('a\tb\tc\nd\te\tf\n')).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    expect(parseClipboardTable('a\tb')).toEqual([['a', 'b']]);
  });

  it('reads Windows line breaks (CRLF) and lone CR as one break each', () => {
    expect(parseClipboardTable('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseClipboardTable('a\rb\r')).toEqual([['a'], ['b']]);
  });

  it('keeps empty cells, at the start, between and at the end of a line', () => {
    expect(parseClipboardTable('\tb\t\r\n\t\t\r\n')).toEqual([
      ['', 'b', ''],
      ['', '', ''],
    ]);
  });

  it('reads nothing from empty text', () => {
    expect(parseClipboardTable('')).toEqual([]);
  });

  it('reads one cell, or a line ending in an empty cell, copied without a final line break', () => {
    expect(parseClipboardTable('核心交换机')).toEqual([['核心交换机']]);
    expect(parseClipboardTable('a\t')).toEqual([['a', '']]);
  });

  it('keeps an empty line between rows as an empty row, with either line break', () => {
    expect(parseClipboardTable('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
    expect(parseClipboardTable('a\r\n\r\nb\r\n')).toEqual([['a'], [''], ['b']]);
  });

  it('reads quoted cells holding tabs, doubled quotes and line breaks, as Excel writes them', () => {
    const text = '"路由器\t主楼"\t"他说""好"""\t"第一行\r\n第二行"\r\n普通\t"x"\t\r\n';
    expect(parseClipboardTable(text)).toEqual([
      ['路由器\t主楼', '他说"好"', '第一行\r\n第二行'],
      ['普通', 'x', ''],
    ]);
  });

  it('keeps a quote in the middle of a cell as it is', () => {
    expect(parseClipboardTable('5" 屏幕\t12"\n')).toEqual([['5" 屏幕', '12"']]);
  });

  it('reads back any grid a spreadsheet would write, empty cells and lines included (property)', () => {
    // '' is a cell, and a line of one '' cell is an empty line: both must come back.
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ' ', '\t', '\n', '\r\n', '"') });
    const grid = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 5,
    });
    // Excel and WPS end lines with CRLF, LibreOffice on Linux and macOS with LF.
    fc.assert(
      fc.property(grid, fc.constantFrom('\r\n', '\n'), (cells, lineBreak) => {
        expect(parseClipboardTable(excelText(cells, lineBreak))).toEqual(cells);
      }),
    );
  });
});

describe('cellFromText', () => {
  it('is null for an empty or blank cell, whatever the column', () => {
    for (const c of DEVICES.columns) {
      expect(cellFromText(c, '')).toBeNull();
      expect(cellFromText(c, '  \t ')).toBeNull();
    }
  });

  it('keeps text, trimmed', () => {
    expect(cellFromText(column('name'), '  核心交换机 \r\n')).toBe('核心交换机');
    expect(cellFromText(column('name'), '第一行\n第二行')).toBe('第一行\n第二行');
  });

  it('reads numbers, with thousands separators and spaces', () => {
    const count = column('count');
    expect(cellFromText(count, '42')).toBe(42);
    expect(cellFromText(count, '-3.5')).toBe(-3.5);
    expect(cellFromText(count, '1,234,567')).toBe(1234567);
    expect(cellFromText(count, '1，234')).toBe(1234);
    expect(cellFromText(count, '12 000')).toBe(12000);
    expect(cellFromText(count, '0')).toBe(0);
    expect(cellFromText(count, '12.75')).toBe(12.75);
    expect(cellFromText(count, '.25')).toBe(0.25);
    expect(cellFromText(count, '3.')).toBe(3);
  });

  it('keeps what is not a number as text', () => {
    const count = column('count');
    expect(cellFromText(count, '约 20 台')).toBe('约 20 台');
    expect(cellFromText(count, 'Infinity')).toBe('Infinity');
    expect(cellFromText(count, '1e999')).toBe('1e999');
    expect(cellFromText(count, '-')).toBe('-');
  });

  it('keeps a cell of separators only as text, not 0', () => {
    expect(cellFromText(column('count'), ',')).toBe(',');
    expect(cellFromText(column('count'), '，，')).toBe('，，');
  });

  it('keeps hexadecimal and binary literals as text', () => {
    expect(cellFromText(column('count'), '0x10')).toBe('0x10');
    expect(cellFromText(column('count'), '0b11')).toBe('0b11');
  });

  it('reads dates written the Chinese and the spreadsheet ways', () => {
    const date = column('bought');
    expect(cellFromText(date, '2026-11-29')).toBe('2026-11-29');
    expect(cellFromText(date, '2026/11/29')).toBe('2026-11-29');
    expect(cellFromText(date, '2026.11.29')).toBe('2026-11-29');
    expect(cellFromText(date, '2026年11月29日')).toBe('2026-11-29');
    expect(cellFromText(date, '2026/1/5')).toBe('2026-01-05');
    expect(cellFromText(date, '2024年2月29日')).toBe('2024-02-29');
  });

  it('keeps what is not a real date as text', () => {
    const date = column('bought');
    expect(cellFromText(date, '2026-02-30')).toBe('2026-02-30');
    expect(cellFromText(date, '2025/2/29')).toBe('2025/2/29');
    expect(cellFromText(date, '2026-13-01')).toBe('2026-13-01');
    expect(cellFromText(date, '29/11/2026')).toBe('29/11/2026');
    expect(cellFromText(date, '下周')).toBe('下周');
    expect(cellFromText(date, '2026-11-29 08:30')).toBe('2026-11-29 08:30');
    expect(cellFromText(date, '约2026-11-29')).toBe('约2026-11-29');
    expect(cellFromText(date, '12026-11-29')).toBe('12026-11-29');
  });

  it('reads yes and no in Chinese, English and as marks', () => {
    const yesno = column('ok');
    for (const yes of ['是', '有', 'yes', 'YES', 'Y', 'true', '√', '✓']) {
      expect(cellFromText(yesno, yes)).toBe('yes');
    }
    for (const no of ['否', '无', 'no', 'No', 'n', 'FALSE', '×', '✗']) {
      expect(cellFromText(yesno, no)).toBe('no');
    }
    expect(cellFromText(yesno, '不确定')).toBe('不确定');
  });

  it('reads a choice by its value, its Chinese label, or its English label in any case', () => {
    const type = column('type');
    expect(cellFromText(type, 'router')).toBe('router');
    expect(cellFromText(type, '防火墙')).toBe('firewall');
    expect(cellFromText(type, 'Firewall')).toBe('firewall');
    expect(cellFromText(type, 'FIREWALL')).toBe('firewall');
    expect(cellFromText(type, ' firewall ')).toBe('firewall');
    expect(cellFromText(type, '交换机')).toBe('交换机');
    expect(cellFromText(type, 'ROUTER')).toBe('router');
  });

  it('takes nothing into a file column', () => {
    expect(cellFromText(column('scan'), 'scan.pdf')).toBeNull();
  });
});

describe('isHeaderRow', () => {
  it("recognises the register's own header in either language, with a required mark", () => {
    expect(isHeaderRow(DEVICES, ['名称', '数量', '购置日期'])).toBe(true);
    expect(isHeaderRow(DEVICES, ['name', 'COUNT', 'Bought on'])).toBe(true);
    expect(isHeaderRow(DEVICES, ['名称 *', ' 数量 '])).toBe(true);
    expect(isHeaderRow(DEVICES, ['名称*', 'Count *'])).toBe(true);
  });

  it('compares from the column the paste starts at', () => {
    expect(isHeaderRow(DEVICES, ['类型', '正常'], 3)).toBe(true);
    expect(isHeaderRow(DEVICES, ['类型', '正常'])).toBe(false);
  });

  it('is false for data, a partial match, or a start past the last column', () => {
    expect(isHeaderRow(DEVICES, ['核心交换机', '2'])).toBe(false);
    expect(isHeaderRow(DEVICES, ['名称', '2'])).toBe(false);
    // A required mark is an asterisk at the end, not one inside the text.
    expect(isHeaderRow(DEVICES, ['名*称'])).toBe(false);
    expect(isHeaderRow(DEVICES, ['名称'], 6)).toBe(false);
    expect(isHeaderRow(DEVICES, [])).toBe(false);
  });
});

describe('planPaste', () => {
  const existing: RegisterRow[] = [row('r1', { name: '旧一' }), row('r2', { name: '旧二' })];
  let counter = 0;
  const newId = () => `p${++counter}`;
  const plan = (
    grid: string[][],
    at = { row: 0, column: 0 },
    rows: readonly RegisterRow[] = existing,
    maxRows = 5000,
  ) => {
    counter = 0;
    return planPaste(DEVICES, rows, grid, at, newId, maxRows);
  };

  it('overwrites cells from the start cell rightwards and downwards', () => {
    expect(
      plan(
        [
          ['交换机', '1,200'],
          ['AP', ''],
        ],
        { row: 0, column: 0 },
      ),
    ).toEqual({
      ok: true,
      changes: [
        {
          kind: 'cells',
          itemId: 'devices',
          values: [
            { rowId: 'r1', columnId: 'name', value: '交换机' },
            { rowId: 'r1', columnId: 'count', value: 1200 },
            { rowId: 'r2', columnId: 'name', value: 'AP' },
            { rowId: 'r2', columnId: 'count', value: null },
          ],
        },
      ],
      rowsAdded: 0,
      cellsSet: 4,
    });
  });

  it('starts at any cell, converting by the column it lands in', () => {
    const result = plan([['2026/9/1', 'Router']], { row: 1, column: 2 });
    expect(result).toEqual({
      ok: true,
      changes: [
        {
          kind: 'cells',
          itemId: 'devices',
          values: [
            { rowId: 'r2', columnId: 'bought', value: '2026-09-01' },
            { rowId: 'r2', columnId: 'type', value: 'router' },
          ],
        },
      ],
      rowsAdded: 0,
      cellsSet: 2,
    });
  });

  it('adds rows past the end, with new ids, leaving empty cells out', () => {
    const result = plan([['改一'], ['新一', ''], ['新二', '3']], { row: 1, column: 0 });
    expect(result).toEqual({
      ok: true,
      changes: [
        {
          kind: 'cells',
          itemId: 'devices',
          values: [{ rowId: 'r2', columnId: 'name', value: '改一' }],
        },
        {
          kind: 'rows-insert',
          itemId: 'devices',
          index: 2,
          rows: [row('p1', { name: '新一' }), row('p2', { name: '新二', count: 3 })],
        },
      ],
      rowsAdded: 2,
      cellsSet: 4,
    });
  });

  it('clamps a start row past the end to the end', () => {
    const result = plan([['新']], { row: 40, column: 0 });
    expect(result.ok && result.changes).toEqual([
      { kind: 'rows-insert', itemId: 'devices', index: 2, rows: [row('p1', { name: '新' })] },
    ]);
  });

  it('skips a copied header row', () => {
    const result = plan(
      [
        ['Name', 'Count'],
        ['交换机', '2'],
      ],
      { row: 0, column: 0 },
      [],
    );
    expect(result).toEqual({
      ok: true,
      changes: [
        {
          kind: 'rows-insert',
          itemId: 'devices',
          index: 0,
          rows: [row('p1', { name: '交换机', count: 2 })],
        },
      ],
      rowsAdded: 1,
      cellsSet: 2,
    });
  });

  it('skips a header row copied from the middle of the register, where the paste starts', () => {
    const result = plan(
      [
        ['类型', '正常'],
        ['Router', '是'],
      ],
      { row: 0, column: 3 },
    );
    expect(result).toEqual({
      ok: true,
      changes: [
        {
          kind: 'cells',
          itemId: 'devices',
          values: [
            { rowId: 'r1', columnId: 'type', value: 'router' },
            { rowId: 'r1', columnId: 'ok', value: 'yes' },
          ],
        },
      ],
      rowsAdded: 0,
      cellsSet: 2,
    });
    // The same words pasted at the first column are data, not that column's header.
    expect(plan([['类型', '正常']], { row: 0, column: 0 }).ok).toBe(true);
  });

  it('ignores columns past the last, and file columns', () => {
    const result = plan([['是', 'scan.pdf', 'extra', 'more']], { row: 0, column: 4 });
    expect(result).toEqual({
      ok: true,
      changes: [
        {
          kind: 'cells',
          itemId: 'devices',
          values: [{ rowId: 'r1', columnId: 'ok', value: 'yes' }],
        },
      ],
      rowsAdded: 0,
      cellsSet: 1,
    });
  });

  it('says "empty" for nothing, or for a header alone', () => {
    expect(plan([])).toEqual({ ok: false, reason: 'empty' });
    expect(plan([[]])).toEqual({ ok: false, reason: 'empty' });
    expect(plan([['名称', '数量']])).toEqual({ ok: false, reason: 'empty' });
  });

  it('refuses, whole, a paste that would make more rows than allowed', () => {
    const grid = [['a'], ['b'], ['c'], ['d']];
    expect(plan(grid, { row: 0, column: 0 }, existing, 3)).toEqual({
      ok: false,
      reason: 'too-large',
    });
    expect(plan(grid, { row: 0, column: 0 }, existing, 4).ok).toBe(true);
    expect(plan(grid, { row: 1, column: 0 }, existing, 4)).toEqual({
      ok: false,
      reason: 'too-large',
    });
  });

  it(`takes ${MAX_PASTE_CELLS} cells, and refuses one more`, () => {
    const grid = Array.from({ length: 1000 }, () => Array.from({ length: 200 }, () => 'x'));
    expect(plan(grid).ok).toBe(true);
    grid[999]!.push('x');
    expect(plan(grid)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('gives changes that apply to the inspection the rows came from', () => {
    const inspection = newInspection({ registers: { devices: existing } });
    const result = plan(
      excelText([
        ['名称', '数量', '购置日期'],
        ['交换机', '2', '2026年9月1日'],
        ['AP', '', ''],
        ['防火墙', '1', '2025.12.31'],
      ])
        .split('\r\n')
        .filter((l) => l !== '')
        .map((l) => l.split('\t')),
    );
    if (!result.ok) throw new Error(result.reason);
    const next = applied(inspection, result.changes);
    expect(next.registers.devices).toEqual([
      row('r1', { name: '交换机', count: 2, bought: '2026-09-01' }),
      row('r2', { name: 'AP' }),
      row('p1', { name: '防火墙', count: 1, bought: '2025-12-31' }),
    ]);
  });
});
