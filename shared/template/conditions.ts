import { daysBetween } from './dates';
import type { Comparison, Condition } from './schema';

/** Looks a referenced value up: an item's answer, or a register row's cell. */
export type Lookup = (ref: string) => unknown;

export function isEmptyValue(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function compare(op: Comparison, left: string | number, right: string | number): boolean {
  switch (op) {
    case 'eq':
      return left === right;
    case 'ne':
      return left !== right;
    case 'lt':
      return left < right;
    case 'le':
      return left <= right;
    case 'gt':
      return left > right;
    case 'ge':
      return left >= right;
  }
}

/**
 * Whether a condition holds. Any comparison with a missing or mistyped value is false, `!=`
 * included, so "not answered yet" never makes a rule fire or an item appear; `${x} = ''` is how
 * a condition asks for an unanswered value.
 */
export function holds(condition: Condition, lookup: Lookup, today: string): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, lookup, today));
  if ('any' in condition) return condition.any.some((c) => holds(c, lookup, today));
  if ('not' in condition) return !holds(condition.not, lookup, today);
  const value = lookup(condition.ref);
  if ('fn' in condition) {
    if (typeof value !== 'string') return false;
    const days =
      condition.fn === 'days_since' ? daysBetween(value, today) : daysBetween(today, value);
    return days !== null && compare(condition.op, days, condition.value);
  }
  switch (condition.op) {
    case 'empty':
      return isEmptyValue(value);
    case 'filled':
      return !isEmptyValue(value);
    case 'selected':
      return Array.isArray(value) ? value.includes(condition.value) : value === condition.value;
    default: {
      const target = condition.value;
      const comparable =
        (typeof value === 'string' && typeof target === 'string') ||
        (typeof value === 'number' && typeof target === 'number');
      if (!comparable) return false;
      return compare(condition.op, value as string | number, target);
    }
  }
}
