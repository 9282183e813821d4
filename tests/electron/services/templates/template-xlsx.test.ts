import { deflateRawSync } from 'node:zlib';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import builtIn from '../../../../resources/templates/school-security-2026.1.json';
import { workbookToTemplate } from '../../../../electron/services/templates/template-xlsx-read';
import { templateToWorkbook } from '../../../../electron/services/templates/template-xlsx-write';
import { templateJson } from '../../../../shared/template/canonical';
import { templateSchema } from '../../../../shared/template/schema';

const template = templateSchema.parse(builtIn);

function problemsOf(data: Uint8Array) {
  const result = workbookToTemplate(data);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => `${p.path}: ${p.message['en-US']}`);
}

/** The built-in workbook with one change made to a sheet's rows. */
function edited(sheet: string, change: (rows: unknown[][]) => void): Uint8Array {
  const book = XLSX.read(templateToWorkbook(template), { type: 'buffer' });
  const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[sheet]!, { header: 1, defval: '' });
  change(rows);
  book.Sheets[sheet] = XLSX.utils.aoa_to_sheet(rows);
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('templates as spreadsheets', () => {
  it('round-trips losslessly: JSON → spreadsheet → JSON gives the same JSON', () => {
    const back = workbookToTemplate(templateToWorkbook(template));
    expect(back.ok ? [] : back.problems).toEqual([]);
    if (back.ok) expect(templateJson(back.template)).toBe(templateJson(template));
  });

  it('lays out the sheets a clerk expects, with ids and types readable', () => {
    const book = XLSX.read(templateToWorkbook(template), { type: 'buffer' });
    expect(book.SheetNames).toEqual(['survey', 'choices', 'row_rules', 'settings']);
    const survey = XLSX.utils.sheet_to_json<Record<string, string>>(book.Sheets.survey!);
    expect(survey[0]).toMatchObject({
      type: 'begin_section',
      name: 'organisation',
      'label::zh-CN': '组织领导与责任落实',
    });
    expect(survey.find((r) => r.name === 'fw_log_days')).toMatchObject({
      type: 'number',
      rules: 'at_least(180) -> non_compliant',
      'unit::zh-CN': '天',
    });
    expect(survey.find((r) => r.name === 'bio_register')).toMatchObject({
      type: 'begin_register',
      relevant: "${bio_uses} = 'yes'",
    });
  });

  it('reports an unknown type at its cell', () => {
    const data = edited('survey', (rows) => {
      rows[2]![0] = 'slider';
    });
    expect(problemsOf(data)).toEqual([
      expect.stringMatching(/^survey!A3 \(type\): "slider" is not a type/),
    ]);
  });

  it('reports a bad condition with the character where it goes wrong', () => {
    const data = edited('survey', (rows) => {
      const header = rows[0] as string[];
      rows[3]![header.indexOf('relevant')] = "${org_leading_group = 'x'";
    });
    expect(problemsOf(data)[0]).toMatch(
      /^survey!H4 \(relevant\): condition, at character 1: a reference is written/,
    );
  });

  it('reports a duplicate id with the row it is on', () => {
    const data = edited('survey', (rows) => {
      rows[3]![1] = 'org_leading_group';
    });
    expect(problemsOf(data)).toContain(
      'survey!B4 (name): item id "org_leading_group" is used twice (also at $.sections[0].items[0].id)',
    );
  });

  it('reports a condition naming a missing item, on its row and column', () => {
    const data = edited('survey', (rows) => {
      const header = rows[0] as string[];
      rows[3]![header.indexOf('relevant')] = "${ghost} = 'yes'";
    });
    expect(problemsOf(data)).toEqual([
      'survey!H4 (relevant): the visibility condition refers to "ghost", which is not an item',
    ]);
  });

  it('refuses formulas in cells, naming the cell', () => {
    const book = XLSX.read(templateToWorkbook(template), { type: 'buffer' });
    book.Sheets.survey!.C3 = { t: 's', v: 'x', f: 'HYPERLINK("http://evil.example","x")' };
    const data = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    expect(problemsOf(data)[0]).toMatch(/^survey!C3: the cell holds a formula \(=HYPERLINK/);
  });

  it('reports wrong sheet names, listing what it found', () => {
    const book = XLSX.read(templateToWorkbook(template), { type: 'buffer' });
    book.SheetNames[0] = 'Sheet1';
    book.Sheets.Sheet1 = book.Sheets.survey!;
    delete book.Sheets.survey;
    const data = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    expect(problemsOf(data)).toEqual([
      'Sheet1: unknown sheet "Sheet1" (known: survey, choices, row_rules, settings)',
      'survey: sheet "survey" is missing (found: Sheet1, choices, row_rules, settings)',
    ]);
  });

  it('reports an unknown column header', () => {
    const data = edited('survey', (rows) => {
      (rows[0] as string[])[3] = 'label::fr';
    });
    expect(problemsOf(data)[0]).toMatch(/^survey!D1: unknown column "label::fr"/);
  });

  it('keeps a text that looks like a formula as text', () => {
    const risky = structuredClone(template);
    risky.sections[0]!.items[0]!.prompt['en-US'] = '=1+1 and @SUM(A1) -x +y';
    const book = XLSX.read(templateToWorkbook(risky), { type: 'buffer', cellFormula: true });
    const cell = book.Sheets.survey!.D2!;
    expect(cell.f).toBeUndefined();
    expect(cell.t).toBe('s');
    const back = workbookToTemplate(templateToWorkbook(risky));
    expect(back.ok && back.template.sections[0]!.items[0]!.prompt['en-US']).toBe(
      '=1+1 and @SUM(A1) -x +y',
    );
  });
});

describe('the spreadsheet reader is strict and bounded', () => {
  const cell = (data: Uint8Array) => problemsOf(data);

  it.each<[string, (rows: unknown[][], header: string[]) => void, RegExp]>([
    [
      'a min on a text item',
      (rows, h) => void (rows[find(rows, 'org_security_admin')]![h.indexOf('min')] = 3),
      /\(min\): column "min" does not apply to a text row/,
    ],
    [
      'a list name after check',
      (rows) => void (rows[2]![0] = 'check extra_list'),
      /only select_one \/ select_multiple take a list name/,
    ],
    [
      'a hint on a register column',
      (rows, h) => void (rows[find(rows, 'vendor_model')]![h.indexOf('hint::zh-CN')] = '说明'),
      /column "hint::zh-CN" does not apply to a text row/,
    ],
    [
      'an end_register closing something else',
      (rows) => void (rows[find(rows, 'dev_register', 'end_register')]![1] = 'other'),
      /this row closes "dev_register", not "other"/,
    ],
  ])('reports %s instead of ignoring it', (_label, change, expected) => {
    const data = edited('survey', (rows) => change(rows, rows[0] as string[]));
    expect(cell(data).some((p) => expected.test(p))).toBe(true);
  });

  it('reports a misspelt sheet, so row rules are never dropped silently', () => {
    const book = XLSX.read(templateToWorkbook(template), { type: 'buffer' });
    book.SheetNames[2] = 'row_rule';
    book.Sheets.row_rule = book.Sheets.row_rules!;
    delete book.Sheets.row_rules;
    const data = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    expect(problemsOf(data)[0]).toMatch(/^row_rule: unknown sheet "row_rule"/);
  });

  it('reports a second row of settings', () => {
    const data = edited('settings', (rows) => void rows.push([...(rows[1] as unknown[])]));
    expect(problemsOf(data)).toEqual([
      'settings!A3: the settings sheet holds one row of details (row 2) only',
    ]);
  });

  it('refuses a zip bomb before any spreadsheet library inflates it', () => {
    const bomb = zip('xl/worksheets/sheet1.xml', Buffer.alloc(64 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(problemsOf(bomb)).toEqual([
      'file: the workbook unpacks to more than 30 MB and does not look like a template',
    ]);
  });

  it('round-trips a tricky template: line breaks, decimals, colliding list names, every item kind', () => {
    const b = (zh: string, en: string) => ({ 'zh-CN': zh, 'en-US': en });
    const tricky = templateSchema.parse({
      format: 'qinglang-template/1',
      id: 'tricky',
      version: '1.2.3',
      title: b('测试', 'Test'),
      issuer: b('区', 'District'),
      sections: [
        {
          id: 's',
          title: b('节', 'Section'),
          items: [
            {
              id: 'notes',
              kind: 'text',
              prompt: b('多行\r\n文字', 'two\nlines'),
              guidance: b("它's = 1+1", '@SUM(A1)'),
              basis: [],
              required: false,
              evidence: 'optional',
              rules: [],
              multiline: true,
            },
            {
              id: 'ratio',
              kind: 'number',
              prompt: b('比例', 'Ratio'),
              basis: [],
              required: true,
              evidence: 'none',
              rules: [{ kind: 'at-least', value: 0.1, effect: 'partial' }],
              min: -0.5,
              max: 1.25,
            },
            {
              id: 'reg__kind',
              kind: 'multi',
              prompt: b('多选', 'Multi'),
              basis: [],
              required: false,
              evidence: 'none',
              rules: [{ kind: 'equals', value: 'x', effect: 'warning' }],
              choices: [{ value: 'x', label: b('甲', 'X') }],
            },
            {
              id: 'reg',
              kind: 'register',
              prompt: b('表', 'Register'),
              basis: [{ 'zh-CN': '依据', 'en-US': 'Basis', confirmed: false }],
              required: false,
              evidence: 'none',
              visibleIf: { ref: 'reg__kind', op: 'selected', value: 'x' },
              rules: [],
              columns: [
                {
                  id: 'kind',
                  kind: 'choice',
                  label: b('类', 'Kind'),
                  required: true,
                  choices: [{ value: 'y', label: b('乙', 'Y') }],
                },
              ],
              rowRules: [
                {
                  id: 'r',
                  when: { ref: 'kind', op: 'eq', value: 'y' },
                  effect: 'warning',
                  message: b('提醒', 'note'),
                },
              ],
              minRows: 2,
            },
          ],
        },
      ],
    });
    const back = workbookToTemplate(templateToWorkbook(tricky));
    expect(back.ok ? [] : back.problems).toEqual([]);
    if (back.ok) expect(templateJson(back.template)).toBe(templateJson(tricky));
    expect(tricky.sections[0]!.items[0]!.prompt['zh-CN']).toBe('多行\n文字');
  });
});

function find(rows: unknown[][], name: string, type?: string): number {
  return rows.findIndex((r) => r[1] === name && (type === undefined || r[0] === type));
}

/** A one-entry zip, deflated, with honest headers. */
function zip(name: string, content: Buffer): Buffer {
  const data = deflateRawSync(content, { level: 9 });
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(local.length + nameBytes.length + data.length, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}
