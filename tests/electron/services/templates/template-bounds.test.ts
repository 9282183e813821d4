import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import builtIn from '../../../../resources/templates/school-security-2026.1.json';
import { parseTemplateFile } from '../../../../electron/services/templates/template-files';
import { workbookToTemplate } from '../../../../electron/services/templates/template-xlsx-read';
import { templateToWorkbook } from '../../../../electron/services/templates/template-xlsx-write';
import { templateJson } from '../../../../shared/template/canonical';
import type { RegisterItem, Template } from '../../../../shared/template/schema';
import { templateSchema } from '../../../../shared/template/schema';

/** qinglang-template/2 (min / max on register number columns) as JSON and as a spreadsheet. */

const v1 = templateSchema.parse(builtIn);

const peopleOf = (t: Template) =>
  t.sections
    .flatMap((s) => s.items)
    .find((i): i is RegisterItem => i.id === 'bio_register')!
    .columns.find((c) => c.id === 'people')!;

/** The built-in checklist declared /2, with "people" (涉及人数) of bio_register bounded. */
function bounded(bounds: { min?: number; max?: number } = { min: 0, max: 100000 }): Template {
  const t = structuredClone(v1) as Template;
  Object.assign(peopleOf(t), bounds);
  return templateSchema.parse({ ...t, format: 'qinglang-template/2' });
}

const sheetRows = (data: Uint8Array, sheet: string) =>
  XLSX.utils.sheet_to_json<Record<string, unknown>>(
    XLSX.read(data, { type: 'buffer' }).Sheets[sheet]!,
  );

function problemsOf(data: Uint8Array) {
  const result = workbookToTemplate(data);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => `${p.path}: ${p.message['en-US']}`);
}

describe('register column bounds in the spreadsheet', () => {
  it('round-trips both versions exactly: /1 stays /1, /2 keeps its bounds in min / max', () => {
    const data1 = templateToWorkbook(v1);
    expect(sheetRows(data1, 'settings')[0]!.format).toBe('qinglang-template/1');
    const back1 = workbookToTemplate(data1);
    expect(back1.ok && templateJson(back1.template)).toBe(templateJson(v1));

    for (const t of [bounded(), bounded({ min: -0.5 }), bounded({ max: 12.25 })]) {
      const data = templateToWorkbook(t);
      expect(sheetRows(data, 'settings')[0]!.format).toBe('qinglang-template/2');
      const people = sheetRows(data, 'survey').find((r) => r.name === 'people')!;
      expect([people.min, people.max]).toEqual([peopleOf(t).min ?? '', peopleOf(t).max ?? '']);
      const back = workbookToTemplate(data);
      expect(back.ok ? [] : back.problems).toEqual([]);
      if (back.ok) expect(templateJson(back.template)).toBe(templateJson(t));
    }
  });

  it('refuses column bounds under a /1 settings row, at their cell, saying to declare /2', () => {
    const book = XLSX.read(templateToWorkbook(bounded({ min: 0 })), { type: 'buffer' });
    const settings = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.settings!, { header: 1 });
    settings[1]![0] = 'qinglang-template/1';
    book.Sheets.settings = XLSX.utils.aoa_to_sheet(settings);
    const data = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    expect(problemsOf(data)).toEqual([
      expect.stringMatching(
        /^survey!O\d+ \(min\): min on a register column needs qinglang-template\/2: declare "format": "qinglang-template\/2"$/,
      ),
    ]);
  });

  it('refuses min / max on a register column that is not a number', () => {
    const book = XLSX.read(templateToWorkbook(bounded()), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.survey!, { header: 1 });
    const header = rows[0] as string[];
    rows.find((r) => r[1] === 'system')![header.indexOf('max')] = 5;
    book.Sheets.survey = XLSX.utils.aoa_to_sheet(rows);
    const data = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    expect(problemsOf(data)).toEqual([
      expect.stringMatching(/\(max\): column "max" does not apply to a text row; leave it empty$/),
    ]);
  });
});

describe('importing a qinglang-template/2 file', () => {
  it('takes the JSON form, bounds and all', () => {
    const t = bounded();
    const result = parseTemplateFile('district.json', Buffer.from(templateJson(t)));
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (result.ok) expect(templateJson(result.template)).toBe(templateJson(t));
  });

  it('takes the workbook form, bounds and all', () => {
    const t = bounded();
    const result = parseTemplateFile('district.xlsx', templateToWorkbook(t));
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (result.ok) expect(templateJson(result.template)).toBe(templateJson(t));
  });

  it('refuses a /1 JSON file with column bounds, naming the place', () => {
    const t = { ...bounded({ min: 0 }), format: 'qinglang-template/1' };
    const result = parseTemplateFile('district.json', Buffer.from(JSON.stringify(t)));
    expect(result.ok ? [] : result.problems.map((p) => p.message['en-US'])).toEqual([
      'min on a register column needs qinglang-template/2: declare "format": "qinglang-template/2"',
    ]);
  });
});
