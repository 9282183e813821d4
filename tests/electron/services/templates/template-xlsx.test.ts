import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import builtIn from '../../../../resources/templates/school-security-2026.1.json';
import {
  templateToWorkbook,
  workbookToTemplate,
} from '../../../../electron/services/templates/template-xlsx';
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
      'survey 第 4 行 / row (name): item id "org_leading_group" is used twice (also at $.sections[0].items[0].id)',
    );
  });

  it('reports a condition naming a missing item, on its row and column', () => {
    const data = edited('survey', (rows) => {
      const header = rows[0] as string[];
      rows[3]![header.indexOf('relevant')] = "${ghost} = 'yes'";
    });
    expect(problemsOf(data)).toEqual([
      'survey 第 4 行 / row (relevant): the visibility condition refers to "ghost", which is not an item',
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
