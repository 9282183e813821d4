import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { readSchoolList } from '../../../../electron/services/bureau/school-list-read';

const GB18030_CSV = Buffer.from(
  'd1a7d0a3b1eacab6c2eb2cd1a7d0a3c3fbb3c62ccbf9caf4c7f8cfd82cd1a7b6ce0d0a323133333030303030312cb3c7b9d8b5dad2bbd0a1d1a72cb3c7b9d8c7f82cd0a1d1a70d0a323133333030303030322c22c4cfbafed6d0d1a7a3acb7d6d0a3222cc4cfbafec7f82cb3f5d6d00d0a',
  'hex',
);

const EXPECTED = [
  { code: '2133000001', name: '城关第一小学', district: '城关区', stage: 'primary' },
  { code: '2133000002', name: '南湖中学，分校', district: '南湖区', stage: 'junior' },
];

function xlsxOf(rows: unknown[][], origin = 'A1'): Buffer {
  const book = XLSX.utils.book_new();
  const sheet = XLSX.utils.aoa_to_sheet([]);
  XLSX.utils.sheet_add_aoa(sheet, rows, { origin });
  XLSX.utils.book_append_sheet(book, sheet, '名单');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['other']]), 'Other');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('readSchoolList', () => {
  it('reads a CSV saved by Excel in China (GB18030, quoted field with a comma)', () => {
    expect(readSchoolList('名单.csv', GB18030_CSV)).toEqual({ schools: EXPECTED, problems: [] });
  });

  it('reads a UTF-8 CSV with or without a BOM', () => {
    const text =
      '学校代码,学校名称,区县,学段\n2133000001,城关第一小学,城关区,小学\n2133000002,"南湖中学，分校",南湖区,初级中学\n';
    expect(readSchoolList('a.csv', Buffer.from(text, 'utf8')).schools).toEqual(EXPECTED);
    expect(readSchoolList('a.CSV', Buffer.from(`\ufeff${text}`, 'utf8')).schools).toEqual(EXPECTED);
  });

  it('reads the first sheet of an xlsx, codes typed as numbers too, with row numbers as the sheet has them', () => {
    const bytes = xlsxOf(
      [
        ['学校标识码', '学校名称', '所属区县', '学段'],
        [2133000001, '城关第一小学', '城关区', 'primary'],
        ['2133000002', '南湖中学，分校', '南湖区', 'Junior secondary'],
        ['no!', '坏行', '', ''],
      ],
      'B3',
    );
    const read = readSchoolList('list.xlsx', bytes);
    expect(read.schools).toEqual(EXPECTED);
    expect(read.problems.map((p) => p.row)).toEqual([6]);
  });

  it('refuses, with a reason and without throwing, what is not a school list', () => {
    const cases: [string, Uint8Array, RegExp][] = [
      ['notes.xlsx', Buffer.from('just some text, not a zip'), /not a valid \.xlsx/],
      ['truncated.xlsx', xlsxOf([['code', 'name']]).subarray(0, 300), /not a valid \.xlsx/],
      ['list.xls', Buffer.from('whatever'), /\.xlsx or \.csv/],
      ['huge.csv', Buffer.alloc(11 * 1024 * 1024, 0x41), /too large/],
      ['binary.csv', Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0x00]), /no header/],
    ];
    for (const [name, bytes, reason] of cases) {
      const read = readSchoolList(name, bytes);
      expect(read.schools, name).toEqual([]);
      expect(read.problems[0]!.row, name).toBe(0);
      expect(read.problems[0]!.message['en-US'], name).toMatch(reason);
      expect(read.problems[0]!.message['zh-CN'], name).not.toBe('');
    }
  });

  it('refuses a row whose cell is megabytes long, and reads the rest', () => {
    const csv = `code,name\n2133000001,${'长'.repeat(3_000_000)}\n2133000002,Fine\n`;
    const read = readSchoolList('big-cell.csv', Buffer.from(csv, 'utf8'));
    expect(read.schools.map((s) => s.code)).toEqual(['2133000002']);
    expect(read.problems.map((p) => p.row)).toEqual([2]);
    expect(read.problems[0]!.message['en-US']).toContain('longer than 200 characters');
  });
});
