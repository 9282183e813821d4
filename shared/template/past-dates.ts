import type { Bilingual } from '../i18n/locale';
import { isIsoDate } from './dates';
import type { Condition, Item, RegisterItem } from './schema';
import type { ValueProblem } from './values';

/**
 * Dates that cannot lie in the future. The template says so without a flag of its own: a date an
 * "older than N days" or "newer than N months" rule measures (a signature library's last update,
 * a policy's last review, the oldest log kept),
 * or a register column a row rule measures with days_since, is the date something happened; a
 * future one is a typing slip, and would otherwise read as perfectly fresh (符合).
 */
export function isPastOnlyDate(item: Item): boolean {
  return (
    item.kind === 'date' &&
    item.rules.some((rule) => rule.kind === 'older-than' || rule.kind === 'newer-than')
  );
}

/** The register columns a row rule measures with days_since: dates that cannot lie in the future. */
export function pastOnlyColumns(item: RegisterItem): ReadonlySet<string> {
  const found = new Set<string>();
  const stack: Condition[] = item.rowRules.map((rule) => rule.when);
  while (stack.length > 0) {
    const condition = stack.pop()!;
    if ('all' in condition) stack.push(...condition.all);
    else if ('any' in condition) stack.push(...condition.any);
    else if ('not' in condition) stack.push(condition.not);
    else if ('fn' in condition && condition.fn === 'days_since') found.add(condition.ref);
  }
  return found;
}

const later = (value: string, today: string): Bilingual => ({
  'zh-CN': `日期 ${value} 晚于今天（${today}），这里应填已经发生的日期`,
  'en-US': `${value} is after today (${today}); this is the date something already happened`,
});

/** The future dates in a (well-typed) value where only past ones make sense. */
export function futureDateProblems(item: Item, value: unknown, today: string): ValueProblem[] {
  if (isPastOnlyDate(item)) {
    return isIsoDate(value) && value > today ? [{ message: later(value, today) }] : [];
  }
  if (item.kind !== 'register' || !Array.isArray(value)) return [];
  const columns = pastOnlyColumns(item);
  if (columns.size === 0) return [];
  const problems: ValueProblem[] = [];
  value.forEach((row: unknown, index) => {
    if (typeof row !== 'object' || row === null) return;
    for (const column of columns) {
      const cell = Object.hasOwn(row, column)
        ? (row as Record<string, unknown>)[column]
        : undefined;
      if (isIsoDate(cell) && cell > today)
        problems.push({ row: index, column, message: later(cell, today) });
    }
  });
  return problems;
}
