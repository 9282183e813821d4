import * as XLSX from 'xlsx';
import { printCondition } from '../../../shared/template/expression';
import type { Choice, Column, Item, RegisterItem, Template } from '../../../shared/template/schema';
import {
  CHOICES_COLUMNS,
  COLUMN_TYPES,
  ITEM_TYPES,
  ROW_RULES_COLUMNS,
  SETTINGS_COLUMNS,
  SURVEY_COLUMNS,
} from './template-xlsx-layout';
import { effectText, printRules } from './rules-text';

/** Writes a template as the spreadsheet template-xlsx-layout.ts describes. */

type Row = Record<string, string | number>;

/** The rows of the three sheets that grow with the template, filled in template order. */
interface SheetRows {
  readonly survey: Row[];
  readonly choices: Row[];
  readonly rowRules: Row[];
}

const typeOfItem = (kind: Item['kind']) =>
  Object.keys(ITEM_TYPES).find((k) => ITEM_TYPES[k] === kind)!;
const typeOfColumn = (kind: Column['kind']) =>
  Object.keys(COLUMN_TYPES).find((k) => COLUMN_TYPES[k] === kind)!;
const yesNo = (value: boolean) => (value ? 'yes' : 'no');

export function templateToWorkbook(template: Template): Buffer {
  const rows: SheetRows = { survey: [], choices: [], rowRules: [] };
  for (const section of template.sections) {
    rows.survey.push({
      type: 'begin_section',
      name: section.id,
      'label::zh-CN': section.title['zh-CN'],
      'label::en-US': section.title['en-US'],
    });
    for (const item of section.items) writeItem(item, rows);
    rows.survey.push({ type: 'end_section', name: section.id });
  }

  const settings: Row = {
    format: template.format,
    id: template.id,
    version: template.version,
    'title::zh-CN': template.title['zh-CN'],
    'title::en-US': template.title['en-US'],
    'issuer::zh-CN': template.issuer['zh-CN'],
    'issuer::en-US': template.issuer['en-US'],
  };

  const book = XLSX.utils.book_new();
  append(book, 'survey', SURVEY_COLUMNS, rows.survey, {
    type: 16,
    name: 24,
    'label::zh-CN': 48,
    'label::en-US': 48,
    relevant: 36,
    rules: 36,
  });
  append(book, 'choices', CHOICES_COLUMNS, rows.choices, {
    list_name: 28,
    'label::zh-CN': 24,
    'label::en-US': 28,
  });
  append(book, 'row_rules', ROW_RULES_COLUMNS, rows.rowRules, {
    when: 60,
    'message::zh-CN': 32,
    'message::en-US': 40,
  });
  append(
    book,
    'settings',
    SETTINGS_COLUMNS,
    [settings],
    { format: 22, 'title::zh-CN': 30, 'title::en-US': 40 },
    // Formatted as text, so a clerk who types 2026.10 there keeps 2026.10 (not 2026.1, or a date).
    ['version'],
  );
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

function addChoices(rows: SheetRows, list: string, values: readonly Choice[]): void {
  for (const c of values)
    rows.choices.push({
      list_name: list,
      name: c.value,
      'label::zh-CN': c.label['zh-CN'],
      'label::en-US': c.label['en-US'],
    });
}

function writeItem(item: Item, rows: SheetRows): void {
  const row: Row = {
    name: item.id,
    'label::zh-CN': item.prompt['zh-CN'],
    'label::en-US': item.prompt['en-US'],
    required: yesNo(item.required),
    evidence: item.evidence,
  };
  if (item.guidance)
    Object.assign(row, {
      'hint::zh-CN': item.guidance['zh-CN'],
      'hint::en-US': item.guidance['en-US'],
    });
  if (item.visibleIf) row.relevant = printCondition(item.visibleIf);
  if (item.basis.length > 0) {
    row['basis::zh-CN'] = item.basis.map((b) => b['zh-CN']).join('\n');
    row['basis::en-US'] = item.basis.map((b) => b['en-US']).join('\n');
    row.basis_confirmed = item.basis.map((b) => yesNo(b.confirmed)).join('\n');
  }
  if (item.rules.length > 0) row.rules = printRules(item.rules);
  if (item.kind === 'register') {
    writeRegister(item, row, rows);
    return;
  }
  row.type =
    item.kind === 'choice' || item.kind === 'multi'
      ? `${typeOfItem(item.kind)} ${item.id}`
      : typeOfItem(item.kind);
  if (item.kind === 'choice' || item.kind === 'multi') addChoices(rows, item.id, item.choices);
  if (item.kind === 'number') {
    if (item.unit)
      Object.assign(row, {
        'unit::zh-CN': item.unit['zh-CN'],
        'unit::en-US': item.unit['en-US'],
      });
    if (item.min !== undefined) row.min = item.min;
    if (item.max !== undefined) row.max = item.max;
  }
  if (item.kind === 'text') row.multiline = yesNo(item.multiline);
  rows.survey.push(row);
}

/** begin_register, a row per column, end_register; the register's row rules on their own sheet. */
function writeRegister(item: RegisterItem, row: Row, rows: SheetRows): void {
  rows.survey.push({ ...row, type: 'begin_register', min_rows: item.minRows });
  for (const column of item.columns) {
    // ':' cannot appear in an id, so no item's list can share this name.
    const list = `${item.id}:${column.id}`;
    const colRow: Row = {
      type: column.kind === 'choice' ? `select_one ${list}` : typeOfColumn(column.kind),
      name: column.id,
      'label::zh-CN': column.label['zh-CN'],
      'label::en-US': column.label['en-US'],
      required: yesNo(column.required),
    };
    if (column.unit)
      Object.assign(colRow, {
        'unit::zh-CN': column.unit['zh-CN'],
        'unit::en-US': column.unit['en-US'],
      });
    // Only a qinglang-template/2 template has them; its settings row carries its own format.
    if (column.min !== undefined) colRow.min = column.min;
    if (column.max !== undefined) colRow.max = column.max;
    if (column.choices) addChoices(rows, list, column.choices);
    rows.survey.push(colRow);
  }
  rows.survey.push({ type: 'end_register', name: item.id });
  for (const rule of item.rowRules) {
    rows.rowRules.push({
      register: item.id,
      name: rule.id,
      when: printCondition(rule.when),
      effect: effectText(rule.effect),
      'message::zh-CN': rule.message['zh-CN'],
      'message::en-US': rule.message['en-US'],
    });
  }
}

function append(
  book: XLSX.WorkBook,
  name: string,
  columns: readonly string[],
  rows: readonly Row[],
  widths: Readonly<Record<string, number>>,
  textColumns: readonly string[] = [],
): void {
  // Every value is written as a plain cell: a text starting with = + - @ stays text, never a formula.
  const sheet = XLSX.utils.aoa_to_sheet([
    [...columns],
    ...rows.map((r) => columns.map((c) => r[c] ?? '')),
  ]);
  // A text Excel would turn into a number or a date when retyped is formatted as text ("@").
  rows.forEach((row, r) =>
    columns.forEach((column, c) => {
      const value = row[column];
      const cell = sheet[XLSX.utils.encode_cell({ r: r + 1, c })] as XLSX.CellObject | undefined;
      if (
        cell &&
        typeof value === 'string' &&
        (textColumns.includes(column) || looksLikeNumber(value))
      )
        cell.z = '@';
    }),
  );
  sheet['!cols'] = columns.map((c) => ({ wch: widths[c] ?? 14 }));
  sheet['!autofilter'] = {
    ref: XLSX.utils.encode_range({
      s: { r: 0, c: 0 },
      e: { r: rows.length, c: columns.length - 1 },
    }),
  };
  XLSX.utils.book_append_sheet(book, sheet, name);
}

/** Whether Excel would read this text, typed into a General cell, as a number or a date. */
function looksLikeNumber(text: string): boolean {
  const trimmed = text.trim();
  return (
    (trimmed !== '' && Number.isFinite(Number(trimmed))) ||
    /^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/.test(trimmed)
  );
}
