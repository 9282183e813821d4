import type { Column, Item } from '../../../shared/template/schema';

/**
 * A template as a spreadsheet in an XLSForm-like layout, for bureau clerks:
 *   settings  one row: format, id, version, title::zh-CN, title::en-US, issuer::zh-CN, issuer::en-US
 *   survey    one row per item; begin_section / end_section around each section;
 *             begin_register NAME … end_register around a register's columns (a number
 *             column may fill min / max, as a number item does: qinglang-template/2)
 *   choices   list_name, name, label::zh-CN, label::en-US
 *   row_rules register, name, when, effect, message::zh-CN, message::en-US
 * docs/formats.md describes every column. The writer (template-xlsx-write.ts) and the reader
 * (template-xlsx-read.ts) both take the layout from here, so writing then reading gives the same
 * template back.
 */

export const SURVEY_COLUMNS = [
  'type',
  'name',
  'label::zh-CN',
  'label::en-US',
  'hint::zh-CN',
  'hint::en-US',
  'required',
  'relevant',
  'evidence',
  'basis::zh-CN',
  'basis::en-US',
  'basis_confirmed',
  'unit::zh-CN',
  'unit::en-US',
  'min',
  'max',
  'rules',
  'min_rows',
  'multiline',
] as const;
export const SETTINGS_COLUMNS = [
  'format',
  'id',
  'version',
  'title::zh-CN',
  'title::en-US',
  'issuer::zh-CN',
  'issuer::en-US',
] as const;
export const CHOICES_COLUMNS = ['list_name', 'name', 'label::zh-CN', 'label::en-US'] as const;
export const ROW_RULES_COLUMNS = [
  'register',
  'name',
  'when',
  'effect',
  'message::zh-CN',
  'message::en-US',
] as const;
export const SHEETS = ['survey', 'choices', 'row_rules', 'settings'] as const;

/** The survey's type column: the spreadsheet's word for each kind of item. */
export const ITEM_TYPES: Readonly<Record<string, Item['kind']>> = {
  check: 'check',
  yes_no: 'yesno',
  date: 'date',
  number: 'number',
  text: 'text',
  select_one: 'choice',
  select_multiple: 'multi',
};
/** The type column of a row inside a register: the word for each kind of column. */
export const COLUMN_TYPES: Readonly<Record<string, Column['kind']>> = {
  text: 'text',
  number: 'number',
  date: 'date',
  select_one: 'choice',
  yes_no: 'yesno',
  file: 'file',
};
