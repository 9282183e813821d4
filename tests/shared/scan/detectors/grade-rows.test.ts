import { describe, expect, it } from 'vitest';
import {
  gradeTables,
  looksLikeName,
  tablesFromText,
  type ScanTable,
} from '../../../../shared/scan/detectors/grade-rows';

function table(rows: string[][], caption = ''): ScanTable {
  return { caption, rows: rows.map((cells, k) => ({ cells, line: 10 + k, column: 3 })) };
}

describe('looksLikeName', () => {
  it('takes real-looking names and refuses de-identified ones', () => {
    for (const name of ['张三', '欧阳小明', 'Li Ming', 'Alex Xu'])
      expect(looksLikeName(name)).toBe(true);
    for (const name of [
      '张*',
      '张**',
      '张某',
      '张某某',
      '李同学',
      '王老师',
      '张',
      '一二三四五',
      'x',
    ])
      expect(looksLikeName(name)).toBe(false);
  });
});

describe('gradeTables', () => {
  it('finds a score table with a name column and says where, how many and one masked name', () => {
    const leaks = gradeTables([
      table([
        ['排名', '姓名', '总分'],
        ['1', '张三丰', '698'],
        ['2', '李四', '690'],
        ['3', '王小五', '688'],
      ]),
    ]);
    expect(leaks).toEqual([{ line: 10, column: 3, rows: 3, example: '张**' }]);
  });

  it('takes the score word from the caption when the header has only names', () => {
    const rows = [
      ['学生', '语文', '数学'],
      ['张三', '90', '91'],
      ['李四', '80', '81'],
      ['王五', '70', '71'],
    ];
    expect(gradeTables([table(rows, '期中考试成绩')])).toHaveLength(1);
    expect(gradeTables([table(rows, '期中考试安排')])).toHaveLength(0);
  });

  it('finds a table with no header: names and numbers under a caption naming 成绩 or 排名', () => {
    const rows = [
      ['张三', '98', '1'],
      ['李四', '97', '2'],
      ['Wang Wu', '96', '3'],
    ];
    expect(gradeTables([table(rows, '高三年级成绩排名')])).toHaveLength(1);
    expect(gradeTables([table(rows, '')])).toHaveLength(0);
  });

  it('does not report a de-identified list', () => {
    const rows = [
      ['姓名', '成绩'],
      ['张*', '98'],
      ['李**', '97'],
      ['王某', '96'],
      ['赵同学', '95'],
    ];
    expect(gradeTables([table(rows)])).toEqual([]);
  });

  it('does not report a staff contact table without scores, nor scores without names', () => {
    const contacts = [
      ['姓名', '职务', '电话'],
      ['张三', '校长', '1'],
      ['李四', '主任', '2'],
      ['王五', '教师', '3'],
    ];
    const scores = [
      ['班级', '平均分', '排名'],
      ['一班', '88', '1'],
      ['二班', '87', '2'],
      ['三班', '86', '3'],
    ];
    expect(gradeTables([table(contacts), table(scores)])).toEqual([]);
  });

  it('needs at least three named rows', () => {
    expect(
      gradeTables([
        table([
          ['姓名', '成绩'],
          ['张三', '98'],
          ['李四', '97'],
        ]),
      ]),
    ).toEqual([]);
  });
});

describe('tablesFromText', () => {
  it('reads Markdown pipe tables with the line before as caption', () => {
    const text =
      '# 月考\n\n成绩公示\n| 姓名 | 分数 |\n|---|:---:|\n| 张三 | 98 |\n| 李四 | 97 |\n\n后文';
    const tables = tablesFromText(text);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.caption).toBe('成绩公示');
    expect(tables[0]?.rows.map((row) => row.cells)).toEqual([
      ['姓名', '分数'],
      ['张三', '98'],
      ['李四', '97'],
    ]);
    expect(tables[0]?.rows[1]).toMatchObject({ line: 6, column: 1 });
  });

  it('reads runs of tab-separated lines, as DOCX and PDF tables arrive', () => {
    const text =
      '2024年期末成绩\n姓名\t语文\t数学\n张三\t90\t91\n李四\t80\t81\n王五\t70\t71\n\n正文';
    const tables = tablesFromText(text);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.rows).toHaveLength(4);
    expect(gradeTables(tables)).toEqual([{ line: 2, column: 1, rows: 3, example: '张*' }]);
  });

  it('finds no table in plain prose', () => {
    expect(tablesFromText('一段话。\n又一段 | 话。\n')).toEqual([]);
  });
});
