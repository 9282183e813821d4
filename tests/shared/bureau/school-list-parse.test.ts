import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/bureau/csv';
import {
  parseSchoolList,
  SCHOOL_LIST_LIMITS,
  stageOf,
} from '../../../shared/bureau/school-list-parse';

const rowsOf = (...rows: string[][]) => rows;

describe('parseSchoolList', () => {
  it('reads Chinese headers in any order, with stage words in either language', () => {
    const read = parseSchoolList(
      rowsOf(
        ['学段', '学校名称', '学校标识码', '所属区县'],
        ['小学', '城关第一小学', '2133000001', '城关区'],
        ['Junior secondary', '南湖中学', '2133000002', '南湖区'],
        ['nine-year', '东山学校', '2133000003', '东山区'],
      ),
    );
    expect(read.problems).toEqual([]);
    expect(read.schools).toEqual([
      { code: '2133000001', name: '城关第一小学', district: '城关区', stage: 'primary' },
      { code: '2133000002', name: '南湖中学', district: '南湖区', stage: 'junior' },
      { code: '2133000003', name: '东山学校', district: '东山区', stage: 'nine-year' },
    ]);
  });

  it('reads English headers below a title row, without district or stage columns', () => {
    const read = parseSchoolList(
      rowsOf(
        ['某区学校名单 2026'],
        [],
        ['School code', 'Name'],
        ['A-0001', 'One'],
        ['', ''],
        ['A-0002', 'Two'],
      ),
    );
    expect(read.problems).toEqual([]);
    expect(read.schools).toEqual([
      { code: 'A-0001', name: 'One', district: '' },
      { code: 'A-0002', name: 'Two', district: '' },
    ]);
  });

  it('names each bad row by its number: no code, an invalid code, a duplicate, an unknown stage', () => {
    const read = parseSchoolList(
      rowsOf(
        ['code', 'name', 'district', 'stage'],
        ['2133000001', 'One', 'D', 'primary'],
        ['', 'No code', 'D', ''],
        ['21/33', 'Bad code', 'D', ''],
        ['2133000001', 'Again', 'D', ''],
        ['2133000004', 'Four', 'D', '幼儿园'],
      ),
    );
    expect(read.schools.map((s) => s.code)).toEqual(['2133000001', '2133000004']);
    expect(read.schools[1]!.stage).toBeUndefined();
    expect(read.problems.map((p) => p.row)).toEqual([3, 4, 5, 6]);
    expect(read.problems[0]!.message['zh-CN']).toContain('缺少学校标识码');
    expect(read.problems[1]!.message['en-US']).toContain('"21/33" is not valid');
    expect(read.problems[2]!.message['en-US']).toContain('already on row 2');
    expect(read.problems[3]!.message['zh-CN']).toContain('幼儿园');
  });

  it('refuses a row with control characters or a huge cell, and keeps the others', () => {
    const read = parseSchoolList(
      rowsOf(
        ['code', 'name'],
        ['2133000001', 'Bell\u0007school'],
        ['2133000002', 'x'.repeat(5_000_000)],
        ['2133000003', 'Fine'],
      ),
    );
    expect(read.schools.map((s) => s.code)).toEqual(['2133000003']);
    expect(read.problems.map((p) => p.row)).toEqual([2, 3]);
    expect(read.problems[0]!.message['en-US']).toContain('control characters');
    expect(read.problems[1]!.message['en-US']).toContain('longer than');
  });

  it('says when there is no header, or no school under it', () => {
    const noHeader = parseSchoolList(rowsOf(['foo', 'bar'], ['1', '2']));
    expect(noHeader.schools).toEqual([]);
    expect(noHeader.problems[0]!.row).toBe(0);
    expect(noHeader.problems[0]!.message['zh-CN']).toContain('找不到表头');
    const empty = parseSchoolList(rowsOf(['code', 'name']));
    expect(empty.schools).toEqual([]);
    expect(empty.problems[0]!.message['en-US']).toBe('the list has no schools');
    expect(parseSchoolList([]).problems).toHaveLength(1);
  });

  it('refuses a list of more schools than allowed as a whole, rather than half of it', () => {
    const rows = [['code', 'name']];
    for (let i = 0; i <= SCHOOL_LIST_LIMITS.rows; i += 1)
      rows.push([`S${String(i).padStart(6, '0')}`, `s${i}`]);
    const read = parseSchoolList(rows);
    expect(read.schools).toEqual([]);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]!.message['en-US']).toContain(`more than ${SCHOOL_LIST_LIMITS.rows}`);
    const fits = parseSchoolList(rows.slice(0, -1));
    expect(fits.schools).toHaveLength(SCHOOL_LIST_LIMITS.rows);
  });

  it('lists at most so many problems and counts the rest', () => {
    const rows = [['code', 'name']];
    for (let i = 0; i < 500; i += 1) rows.push(['bad!', 'x']);
    const read = parseSchoolList(rows);
    expect(read.problems).toHaveLength(SCHOOL_LIST_LIMITS.problems + 1);
    expect(read.problems.at(-1)!.message['en-US']).toBe('and 300 more problems not listed');
  });

  it('knows the stage keys, both languages and common short words', () => {
    expect(
      ['primary', '小学', 'Primary school', '初中', '高中', '中职', 'OTHER'].map(stageOf),
    ).toEqual(['primary', 'primary', 'primary', 'junior', 'senior', 'vocational', 'other']);
    expect(stageOf('university')).toBeUndefined();
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF or LF, with a BOM', () => {
    expect(parseCsv('\ufeffa,"b,c","say ""hi"""\r\n"two\nlines",x\n', 100)).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['two\nlines', 'x'],
    ]);
    expect(parseCsv('a\tb\nc\td', 100)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('stops after the rows asked for, and takes an unterminated quote to the end', () => {
    expect(parseCsv('1\n2\n3\n4\n', 2)).toEqual([['1'], ['2']]);
    expect(parseCsv('a,"open\nrest', 10)).toEqual([['a', 'open\nrest']]);
    expect(parseCsv('', 10)).toEqual([]);
  });
});
