import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import builtIn from '../../../../resources/templates/school-security-2026.1.json';
import v2 from '../../../../resources/templates/school-security-2026.2.json';
import { parseRules, printRules } from '../../../../electron/services/templates/rules-text';
import { workbookToTemplate } from '../../../../electron/services/templates/template-xlsx-read';
import { templateToWorkbook } from '../../../../electron/services/templates/template-xlsx-write';
import { templateJson } from '../../../../shared/template/canonical';
import type { Template } from '../../../../shared/template/schema';
import { templateSchema } from '../../../../shared/template/schema';

/** qinglang-template/3's newer-than rule in the spreadsheet form: `newer_than(6 months)`. */

/** The 2026.1 checklist declared /3, with its oldest-log date judged by six calendar months. */
function withNewerThan(): Template {
  const t = structuredClone(templateSchema.parse(builtIn)) as Template;
  const oldest = t.sections.flatMap((s) => s.items).find((i) => i.id === 'fw_oldest_log_date')!;
  oldest.rules = [{ kind: 'newer-than', months: 6, effect: 'non-compliant' }];
  return templateSchema.parse({ ...t, format: 'qinglang-template/3' });
}

const sheetRows = (data: Uint8Array, sheet: string) =>
  XLSX.utils.sheet_to_json<Record<string, unknown>>(
    XLSX.read(data, { type: 'buffer' }).Sheets[sheet]!,
  );

describe('the newer_than rule in a spreadsheet cell', () => {
  it('is written as newer_than(6 months) and read back to the same rule', () => {
    const rules = [{ kind: 'newer-than', months: 6, effect: 'non-compliant' }] as const;
    expect(printRules(rules)).toBe('newer_than(6 months) -> non_compliant');
    expect(parseRules('newer_than(6 months) -> non_compliant')).toEqual({ ok: true, rules });
    expect(parseRules('newer_than(1 month) -> warning')).toEqual({
      ok: true,
      rules: [{ kind: 'newer-than', months: 1, effect: 'warning' }],
    });
  });

  it.each([
    'newer_than(6) -> partial',
    'newer_than(180 days) -> partial',
    'newer_than(0 months) -> partial',
  ])('refuses %s, saying to write a number of months', (text) => {
    expect(parseRules(text)).toEqual({
      ok: false,
      message: {
        'zh-CN': `第 1 条规则“${text}”：newer_than 的参数应为月数（至少 1），如 newer_than(6 months)`,
        'en-US': `rule 1 "${text}": newer_than takes a number of months (1 or more), e.g. newer_than(6 months)`,
      },
    });
  });

  it('round-trips a /3 template exactly: JSON → spreadsheet → JSON', () => {
    const t = withNewerThan();
    const data = templateToWorkbook(t);
    expect(sheetRows(data, 'settings')[0]!.format).toBe('qinglang-template/3');
    const row = sheetRows(data, 'survey').find((r) => r.name === 'fw_oldest_log_date')!;
    expect(row.rules).toBe('newer_than(6 months) -> non_compliant');
    const back = workbookToTemplate(data);
    expect(back.ok ? [] : back.problems).toEqual([]);
    if (back.ok) expect(templateJson(back.template)).toBe(templateJson(t));
  });

  it('is refused under a /2 settings row, at its cell, saying to declare /3', () => {
    const book = XLSX.read(templateToWorkbook(withNewerThan()), { type: 'buffer' });
    const settings = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.settings!, { header: 1 });
    settings[1]![0] = 'qinglang-template/2';
    book.Sheets.settings = XLSX.utils.aoa_to_sheet(settings);
    const result = workbookToTemplate(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
    expect(result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message['en-US']}`)).toEqual(
      [
        expect.stringMatching(
          /^survey(!\w+\d+| 第 \d+ 行 \/ row) \(rules\): the newer-than rule \(in months\) needs qinglang-template\/3: declare "format": "qinglang-template\/3"$/,
        ),
      ],
    );
  });

  it('carries the built-in 2026.2 (a /3 template) through a spreadsheet byte for byte', () => {
    const t = templateSchema.parse(v2);
    const back = workbookToTemplate(templateToWorkbook(t));
    expect(back.ok ? [] : back.problems).toEqual([]);
    if (back.ok) expect(templateJson(back.template)).toBe(templateJson(t));
  });
});
