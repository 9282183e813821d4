import { describe, expect, it } from 'vitest';
import type { Template } from '../../../shared/template/schema';
import { allItems } from '../../../shared/template/items';
import { DATA_SHEET_NAME, WORKBOOK_FORMAT } from '../../../shared/workbook/envelope';
import { workbookModel } from '../../../shared/workbook/model';
import { cellAddress, sheetName } from '../../../shared/workbook/sheet';
import type { WorkbookSheet } from '../../../shared/workbook/sheet';
import { BUILT_IN, filledInspection, TEMPLATE } from '../inspection/fixtures';

/** What Excel (and SheetJS) demand of a sheet name. */
function expectValidNames(sheets: readonly WorkbookSheet[]) {
  const names = [...sheets.map((s) => s.name), DATA_SHEET_NAME];
  for (const name of names) {
    expect(name.length, name).toBeGreaterThan(0);
    expect(name.length, name).toBeLessThanOrEqual(31);
    expect(name, name).not.toMatch(/[:\\/?*[\]]/);
    expect(name, name).not.toMatch(/^'|'$/);
    expect(name.toLowerCase(), name).not.toBe('history');
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(name), name).toBe(false);
  }
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
}

/** TEMPLATE with its register copied under other ids, each with the prompt given. */
function withRegisters(prompts: readonly string[]): Template {
  const register = allItems(TEMPLATE).find((i) => i.kind === 'register')!;
  const copies = prompts.map((prompt, n) => ({
    ...register,
    id: `reg_${n}`,
    prompt: { 'zh-CN': prompt, 'en-US': prompt },
  }));
  return {
    ...TEMPLATE,
    sections: [...TEMPLATE.sections, { ...TEMPLATE.sections[0]!, id: 'more', items: copies }],
  };
}

describe('the workbook model', () => {
  it('lists every checklist item by id on the items sheet, in order, in both languages', () => {
    for (const language of ['zh-CN', 'en-US'] as const) {
      const { sheets } = workbookModel(filledInspection(), BUILT_IN, language, '1.0.0');
      const items = sheets.find((s) => s.id === 'items')!;
      const ids = items.rows.map((row) => row[2]);
      expect(ids).toEqual(allItems(BUILT_IN).map((item) => ({ kind: 'text', value: item.id })));
    }
  });

  it('names sheets and columns in the chosen language, and keeps the data sheet last', () => {
    const zh = workbookModel(filledInspection(), TEMPLATE, 'zh-CN', '1.0.0');
    const en = workbookModel(filledInspection(), TEMPLATE, 'en-US', '1.0.0');
    expect(zh.sheets.map((s) => s.id)).toEqual(en.sheets.map((s) => s.id));
    expect(zh.sheets.slice(0, 3).map((s) => s.name)).toEqual(['汇总', '检查项', '整改']);
    expect(en.sheets.slice(0, 3).map((s) => s.name)).toEqual(['Summary', 'Items', 'Actions']);
    expect(zh.sheets.at(-1)!.id).toBe('meta');
    expect(zh.sheets.find((s) => s.id === 'items')!.columns[2]!.header).toBe('检查项编号');
    expect(en.sheets.find((s) => s.id === 'items')!.columns[2]!.header).toBe('Item id');
    expect(zh.data[0]).toBe(WORKBOOK_FORMAT);
    expect(JSON.parse(zh.data.slice(1).join(''))).toMatchObject({ language: 'zh-CN' });
  });

  it('marks every sheet of a draft 草稿 / DRAFT in its title row, in both languages', () => {
    for (const language of ['zh-CN', 'en-US'] as const) {
      const { sheets } = workbookModel(filledInspection(), TEMPLATE, language, '1.0.0');
      for (const sheet of sheets) {
        expect(sheet.title).toContain('草稿');
        expect(sheet.title).toContain('DRAFT');
      }
    }
  });

  it('gives valid, distinct sheet names whatever the registers are called', () => {
    const hostile = withRegisters([
      '一个非常非常非常非常非常非常非常非常非常非常非常非常长的登记表名称超过三十一个字',
      'Devices: [main]/backup? *all* \\ of them',
      'devices: [MAIN]/BACKUP? *ALL* \\ OF THEM',
      '汇总',
      'Summary',
      DATA_SHEET_NAME,
      "'quoted'",
      '::[]::',
      '',
      'History',
      '𠀀'.repeat(40),
      `${'x'.repeat(30)}😀tail`,
      'same name',
      'Same Name',
      'SAME NAME',
    ]);
    for (const language of ['zh-CN', 'en-US'] as const) {
      const { sheets } = workbookModel(filledInspection(), hostile, language, '1.0.0');
      expect(sheets.filter((s) => s.id.startsWith('register:'))).toHaveLength(16);
      expectValidNames(sheets);
    }
  });

  it('addresses cells as A1, past Z', () => {
    expect(cellAddress(0, 1)).toBe('A1');
    expect(cellAddress(25, 3)).toBe('Z3');
    expect(cellAddress(26, 3)).toBe('AA3');
    expect(cellAddress(701, 9)).toBe('ZZ9');
    expect(cellAddress(702, 9)).toBe('AAA9');
  });

  it('keeps a sheet name to 31 UTF-16 units, as Excel counts', () => {
    const taken = new Set<string>();
    const name = sheetName('😀'.repeat(31), taken);
    expect(name.length).toBeLessThanOrEqual(31);
    const again = sheetName('😀'.repeat(31), taken);
    expect(again.length).toBeLessThanOrEqual(31);
    expect(again).not.toBe(name);
  });
});
