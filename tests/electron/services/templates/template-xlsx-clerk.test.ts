import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { workbookToTemplate } from '../../../../electron/services/templates/template-xlsx-read';
import { templateToWorkbook } from '../../../../electron/services/templates/template-xlsx-write';
import { holds } from '../../../../shared/template/conditions';
import { PYTHON } from '../../../interop/tools';

/**
 * A district template as a bureau clerk writes it, saved by openpyxl as many tools save a
 * workbook (inline strings; a formula without its value), then given one slip at a time: each
 * slip gets one message, in both languages, naming the cell and saying what to do.
 */

type Rows = (string | number)[][];
interface Spec {
  sheets: Record<string, Rows>;
  formats?: Record<string, string>;
}

const SURVEY_HEADER = [
  'type',
  'name',
  'label::zh-CN',
  'label::en-US',
  'hint::zh-CN',
  'hint::en-US',
  'required',
  'relevant',
  'unit::zh-CN',
  'unit::en-US',
  'min',
  'max',
  'rules',
];

/** Sheet row n is rows[n - 1]: row 5 is log_days, its max in L5. */
function district(): Spec {
  const row = (cells: Record<string, string | number>) => SURVEY_HEADER.map((h) => cells[h] ?? '');
  return {
    sheets: {
      survey: [
        [...SURVEY_HEADER],
        row({
          type: 'begin_section',
          name: 'network',
          'label::zh-CN': '网络与设备',
          'label::en-US': 'Network and devices',
        }),
        row({
          type: 'yes_no',
          name: 'screens_registered',
          'label::zh-CN': '公共电子屏是否已登记',
          'label::en-US': 'Are the public screens registered?',
          'hint::zh-CN': '含 LED 屏、拼接屏和智慧黑板',
          'hint::en-US': 'Including LED and spliced screens and smart blackboards',
          required: 'yes',
          rules: "equals('no') -> non_compliant",
        }),
        row({
          type: 'date',
          name: 'screens_checked',
          'label::zh-CN': '上次检查电子屏的日期',
          'label::en-US': 'Date the screens were last checked',
          relevant: "${screens_registered} = 'yes'",
          rules: 'older_than(120) -> partial',
        }),
        row({
          type: 'number',
          name: 'log_days',
          'label::zh-CN': '日志留存天数',
          'label::en-US': 'Days logs are kept',
          'unit::zh-CN': '天',
          'unit::en-US': 'days',
          min: 0,
          max: 3650,
          rules: 'at_least(180) -> non_compliant',
        }),
        row({
          type: 'select_one backup_cycle',
          name: 'backup_cycle',
          'label::zh-CN': '配置备份周期',
          'label::en-US': 'How often configurations are backed up',
          rules: "equals('none') -> non_compliant",
        }),
        row({
          type: 'text',
          name: 'backup_place',
          'label::zh-CN': '备份存放位置',
          'label::en-US': 'Where the backups are kept',
          relevant: "${backup_cycle} = 'monthly'",
        }),
        row({ type: 'end_section', name: 'network' }),
      ],
      choices: [
        ['list_name', 'name', 'label::zh-CN', 'label::en-US'],
        ['backup_cycle', 'monthly', '每月', 'Monthly'],
        ['backup_cycle', 'none', '未备份', 'Not backed up'],
      ],
      settings: [
        [
          'format',
          'id',
          'version',
          'title::zh-CN',
          'title::en-US',
          'issuer::zh-CN',
          'issuer::en-US',
        ],
        [
          'qinglang-template/1',
          'district',
          '2026.2',
          '区网络安全检查表',
          'District checklist',
          '区教育局',
          'District bureau',
        ],
      ],
    },
  };
}

const folder = mkdtempSync(path.join(os.tmpdir(), 'clerk-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const SCRIPT = fileURLToPath(new URL('./clerk_workbook.py', import.meta.url));

/** The workbook openpyxl saves from `spec`. */
function saved(spec: Spec): Uint8Array {
  const out = path.join(folder, `${Math.random().toString(36).slice(2)}.xlsx`);
  const run = spawnSync(PYTHON, [SCRIPT, out], { input: JSON.stringify(spec), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openpyxl could not write the workbook: ${run.stderr}`);
  return readFileSync(out);
}

function problemsOf(spec: Spec) {
  const result = workbookToTemplate(saved(spec));
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

/** The district workbook with one change. */
function slip(change: (spec: Spec) => void): Spec {
  const spec = district();
  change(spec);
  return spec;
}

const survey = (spec: Spec) => spec.sheets.survey!;
const col = (name: string) => SURVEY_HEADER.indexOf(name);

describe('a district template written in a spreadsheet, as a clerk meets it', () => {
  it('reads as written when nothing is wrong', () => {
    const result = workbookToTemplate(saved(district()));
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (result.ok) expect(result.template.version).toBe('2026.2');
  });

  it('reports a formula saved without its value, rather than losing the max', () => {
    const spec = slip((s) => void (survey(s)[4]![col('max')] = '=365*10'));
    expect(problemsOf(spec)).toEqual([
      {
        path: 'survey!L5',
        message: {
          'zh-CN': '单元格含有公式（=365*10）而没有保存计算结果，读到的是空值：请直接输入值本身',
          'en-US':
            'the cell holds a formula (=365*10) saved without its value, so it reads as empty: type the value itself',
        },
      },
    ]);
  });

  it('refuses a choice list no item uses, naming the list at its first row', () => {
    const spec = slip((s) => {
      s.sheets.choices!.push(['backup_place', 'nas', '网络存储', 'Network storage']);
    });
    expect(problemsOf(spec)).toEqual([
      {
        path: 'choices!A4 (list_name)',
        message: {
          'zh-CN':
            '选项列表“backup_place”没有被任何题目使用：请在 survey 工作表的 type 列写 select_one backup_place（或 select_multiple backup_place），或者删除这个列表',
          'en-US':
            'the choice list "backup_place" is used by no item: write select_one backup_place (or select_multiple backup_place) in a type cell of the survey sheet, or delete the list',
        },
      },
    ]);
  });

  it('reports a version formatted as a date (its serial number), once', () => {
    const spec = slip((s) => {
      s.sheets.settings![1]![2] = 46388;
      s.formats = { 'settings!C2': 'yyyy/m/d' };
    });
    expect(problemsOf(spec)).toEqual([
      {
        path: 'settings!C2',
        message: {
          'zh-CN':
            '单元格设为了日期格式，读到的是序列号 46388：请把单元格格式设为“文本”，再输入原来的内容（如 2026.2）',
          'en-US':
            'this cell is formatted as a date, so it holds the serial number 46388: format it as Text and type the value again (e.g. 2026.2)',
        },
      },
    ]);
  });

  it('reports a hint formatted as a date, and a max formatted as one says to format a number', () => {
    const spec = slip((s) => {
      survey(s)[2]![col('hint::en-US')] = 46402;
      survey(s)[4]![col('max')] = 3650;
      s.formats = { 'survey!F3': 'yyyy"年"m"月"d"日"', 'survey!L5': 'mm-dd-yy' };
    });
    const problems = problemsOf(spec);
    expect(problems.map((p) => p.path)).toEqual(['survey!F3', 'survey!L5']);
    expect(problems[0]!.message['en-US']).toContain('serial number 46402: format it as Text');
    expect(problems[1]!.message).toEqual({
      'zh-CN':
        '单元格设为了日期格式，读到的是序列号 3650：请把单元格格式设为“常规”或“数值”，再输入数字',
      'en-US':
        'this cell is formatted as a date, so it holds the serial number 3650: format it as General or Number and type the number',
    });
  });

  it('gives a misspelt column name one message and groups what follows from it', () => {
    const spec = slip((s) => void (survey(s)[0]![col('label::en-US')] = 'label::en'));
    expect(problemsOf(spec)).toEqual([
      {
        path: 'survey!D1',
        message: {
          'zh-CN': '不认识的列名“label::en”：是不是“label::en-US”？请把列名改为“label::en-US”',
          'en-US':
            'unknown column "label::en": did you mean "label::en-US"? Rename the column "label::en-US"',
        },
      },
      {
        path: 'survey (label::en-US)',
        message: {
          'zh-CN':
            'survey 工作表第 1 行没有“label::en-US”列，而第 2、3、4、5、6 等行（共 6 行）要填它：请在第 1 行加上这一列，或改正拼错的列名',
          'en-US':
            'row 1 of the survey sheet has no "label::en-US" column, which rows 2, 3, 4, 5, 6, … (6 in all) need: add the column to row 1, or correct a misspelt column name',
        },
      },
    ]);
  });

  it('gives a missing choice list one message, not its follow-ons', () => {
    const spec = slip((s) => void s.sheets.choices!.splice(1));
    expect(problemsOf(spec)).toEqual([
      {
        path: 'survey!A6 (type)',
        message: {
          'zh-CN': 'choices 工作表中没有选项列表“backup_cycle”',
          'en-US': 'the choices sheet has no list "backup_cycle"',
        },
      },
    ]);
  });

  it('reports a condition that could never hold at its cell', () => {
    const spec = slip(
      (s) => void (survey(s)[3]![col('relevant')] = "${screens_registered} = 'maybe'"),
    );
    expect(problemsOf(spec)).toEqual([
      {
        path: 'survey!H4 (relevant)',
        message: {
          'zh-CN':
            "“${screens_registered} = 'maybe'”与 screens_registered（yesno）的类型或选项不符，永远不会成立",
          'en-US':
            '"${screens_registered} = \'maybe\'" does not fit screens_registered (a yesno): it could never hold',
        },
      },
    ]);
  });

  it('compares a date item with a quoted YYYY-MM-DD date as dates, and refuses any other date text', () => {
    const written = "${screens_checked} < '2026/9/1'";
    const spec = slip((s) => void (survey(s)[6]![col('relevant')] = written));
    expect(problemsOf(spec)).toEqual([
      {
        path: 'survey!H7 (relevant)',
        message: {
          'zh-CN': `“${written}”：与日期项 screens_checked 比较的值应是带引号的日期，写作 '2026-09-01'（年-月-日）；< 表示更早，> 表示更晚`,
          'en-US': `"${written}": compare the date item screens_checked with a date in quotes written '2026-09-01' (year-month-day); < means earlier, > later`,
        },
      },
    ]);
    const iso = slip(
      (s) => void (survey(s)[6]![col('relevant')] = "${screens_checked} < '2026-09-01'"),
    );
    const read = workbookToTemplate(saved(iso));
    expect(read.ok).toBe(true);
    const condition = read.ok ? read.template.sections[0]!.items[4]!.visibleIf : undefined;
    const on = (date: string) => holds(condition!, () => date, '2026-12-01');
    expect([on('2026-08-31'), on('2026-09-01'), on('2027-01-05')]).toEqual([true, false, false]);
  });

  it.each([
    ['a hint', 'hint::en-US', 'hint::zh-CN', 2, 'F3'],
    ['a unit', 'unit::zh-CN', 'unit::en-US', 4, 'I5'],
  ])(
    'takes %s in both languages or neither: one alone is reported at the empty cell',
    (_what, empty, filled, index, cell) => {
      const spec = slip((s) => void (survey(s)[index]![col(empty)] = ''));
      expect(problemsOf(spec)).toEqual([
        {
          path: `survey!${cell} (${empty})`,
          message: {
            'zh-CN': `${filled} 已填写而 ${empty} 为空：两种语言都要填写（界面按所选语言显示），或者都留空`,
            'en-US': `${filled} is filled but ${empty} is empty: fill in both languages (the app shows the one chosen), or leave both empty`,
          },
        },
      ]);
    },
  );

  it('says an empty label must not be empty, in plain English too', () => {
    const spec = slip((s) => void (survey(s)[2]![col('label::en-US')] = ''));
    expect(problemsOf(spec)).toEqual([
      {
        path: 'survey!D3 (label::en-US)',
        message: { 'zh-CN': '不能为空', 'en-US': 'must not be empty' },
      },
    ]);
  });

  it('writes the version cell, and texts that look like numbers, formatted as text', () => {
    const read = workbookToTemplate(saved(slip((s) => void (s.sheets.choices![1]![3] = '1'))));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const book = XLSX.read(templateToWorkbook(read.template), { type: 'buffer', cellNF: true });
    expect(book.Sheets.settings!.C2).toMatchObject({ t: 's', v: '2026.2', z: '@' });
    expect(book.Sheets.choices!.D2).toMatchObject({ t: 's', v: '1', z: '@' });
    expect(book.Sheets.choices!.C2!.z).not.toBe('@');
    writeFileSync(path.join(folder, 'written.xlsx'), templateToWorkbook(read.template));
    const seen = spawnSync(
      PYTHON,
      [
        '-c',
        "import openpyxl,sys; c=openpyxl.load_workbook(sys.argv[1])['settings']['C2']; print(c.number_format, c.value)",
        path.join(folder, 'written.xlsx'),
      ],
      { encoding: 'utf8' },
    );
    expect(seen.stdout.trim()).toBe('@ 2026.2');
  });
});
