import type { Bilingual } from '../i18n/locale';
import { isEmptyValue } from './conditions';
import { isIsoDate } from './dates';
import type { Column, Item } from './schema';
import { CHECK_ANSWERS } from './answers';

/** What is wrong with a value, in both languages; `column` and `row` locate it in a register. */
export interface ValueProblem {
  readonly row?: number;
  readonly column?: string;
  readonly message: Bilingual;
}

const REQUIRED: Bilingual = { 'zh-CN': '必填项，请填写', 'en-US': 'Required: please fill this in' };

/** Checks one register cell; null when it is fine (or empty and optional). */
export function checkCell(column: Column, value: unknown): Bilingual | null {
  if (isEmptyValue(value)) return column.required ? REQUIRED : null;
  switch (column.kind) {
    case 'text':
      return typeof value === 'string' ? null : { 'zh-CN': '应为文字', 'en-US': 'should be text' };
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return { 'zh-CN': '应为数字', 'en-US': 'should be a number' };
      // The same words as a number item's range (checkValue), for qinglang-template/2 bounds.
      if (column.min !== undefined && value < column.min)
        return { 'zh-CN': `不能小于 ${column.min}`, 'en-US': `must be at least ${column.min}` };
      if (column.max !== undefined && value > column.max)
        return { 'zh-CN': `不能大于 ${column.max}`, 'en-US': `must be at most ${column.max}` };
      return null;
    case 'date':
      return isIsoDate(value)
        ? null
        : { 'zh-CN': '应为有效日期', 'en-US': 'should be a valid date' };
    case 'yesno':
      return value === 'yes' || value === 'no'
        ? null
        : { 'zh-CN': '应为“是”或“否”', 'en-US': 'should be yes or no' };
    case 'choice':
      return column.choices?.some((c) => c.value === value)
        ? null
        : { 'zh-CN': '不是可选的选项', 'en-US': 'is not one of the choices' };
    case 'file':
      return Array.isArray(value) && value.every((v) => typeof v === 'string')
        ? null
        : { 'zh-CN': '附件引用无效', 'en-US': 'invalid attachment reference' };
  }
}

/**
 * Checks a (non-empty) answer against its item; returns its problems. A value with a problem
 * is treated as not answered by the engine, so a wrong type can never pass a rule.
 */
export function checkValue(item: Item, value: unknown): ValueProblem[] {
  const wrong = (zh: string, en: string): ValueProblem[] => [
    { message: { 'zh-CN': zh, 'en-US': en } },
  ];
  switch (item.kind) {
    case 'check':
      return (CHECK_ANSWERS as readonly unknown[]).includes(value)
        ? []
        : wrong(
            '应为符合、部分符合、不符合或不适用',
            'should be compliant, partial, non-compliant or n/a',
          );
    case 'yesno':
      return value === 'yes' || value === 'no'
        ? []
        : wrong('应为“是”或“否”', 'should be yes or no');
    case 'date':
      return isIsoDate(value)
        ? []
        : wrong('应为有效日期（年-月-日）', 'should be a valid date (YYYY-MM-DD)');
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return wrong('应为数字', 'should be a number');
      if (item.min !== undefined && value < item.min)
        return wrong(`不能小于 ${item.min}`, `must be at least ${item.min}`);
      if (item.max !== undefined && value > item.max)
        return wrong(`不能大于 ${item.max}`, `must be at most ${item.max}`);
      return [];
    }
    case 'text':
      return typeof value === 'string'
        ? value.length > 20000
          ? wrong('文字太长（最多 20000 字）', 'text too long (20,000 characters at most)')
          : []
        : wrong('应为文字', 'should be text');
    case 'choice':
      return item.choices.some((c) => c.value === value)
        ? []
        : wrong('不是可选的选项', 'is not one of the choices');
    case 'multi':
      return Array.isArray(value) &&
        value.every((v) => item.choices.some((c) => c.value === v)) &&
        new Set(value).size === value.length
        ? []
        : wrong('包含不可选的选项', 'contains something that is not one of the choices');
    case 'register': {
      if (!Array.isArray(value)) return wrong('应为表格行', 'should be table rows');
      const problems: ValueProblem[] = [];
      value.forEach((row: unknown, index) => {
        if (typeof row !== 'object' || row === null || Array.isArray(row)) {
          problems.push({ row: index, message: { 'zh-CN': '行数据无效', 'en-US': 'invalid row' } });
          return;
        }
        for (const p of rowProblems(item.columns, row)) problems.push({ ...p, row: index });
      });
      if (value.length < item.minRows) {
        problems.push(
          ...wrong(`至少需要 ${item.minRows} 行`, `needs at least ${item.minRows} rows`),
        );
      }
      return problems;
    }
  }
}

export { REQUIRED as REQUIRED_MESSAGE };

/** Cell problems of one row, kept per row object (rows are values: an edit makes a new one). */
const rowProblemCache = new WeakMap<readonly Column[], WeakMap<object, ValueProblem[]>>();

function rowProblems(columns: readonly Column[], row: object): readonly ValueProblem[] {
  let byRow = rowProblemCache.get(columns);
  if (!byRow) rowProblemCache.set(columns, (byRow = new WeakMap()));
  let found = byRow.get(row);
  if (!found) {
    const cells = row as Record<string, unknown>;
    found = [];
    for (const column of columns) {
      // Own keys only: a column named like an Object.prototype member is still just a column.
      const message = checkCell(
        column,
        Object.hasOwn(cells, column.id) ? cells[column.id] : undefined,
      );
      if (message) found.push({ column: column.id, message });
    }
    byRow.set(row, found);
  }
  return found;
}
