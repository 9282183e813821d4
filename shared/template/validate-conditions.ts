import {
  MAX_DEPTH as MAX_CONDITION_DEPTH,
  MAX_EXPRESSION_LENGTH,
  printCondition,
} from './expression';
import type { Loose } from './loose';
import { arr, obj, str } from './loose';
import type { Condition } from './schema';
import { CHECK_ANSWERS } from './schema';
import { isIsoDate } from './dates';
import type { TemplateProblem } from './validate-problems';
import { problem } from './validate-problems';

/**
 * How strictly a template is checked. `stored`: it was installed by an earlier version of the app
 * and is read back from the data folder. A rule added since (a date item compared only with a
 * quoted YYYY-MM-DD) must not set aside a template that inspections are pinned to; it holds for
 * every template imported from now on.
 */
export interface CheckOptions {
  readonly stored?: boolean;
}

/**
 * What checkTemplate finds wrong with a condition (an item's visibleIf, a row rule's when) once
 * its shape is right: too deep or too long, or a comparison that can never hold for the kind of
 * thing it names.
 */

/** What a condition may refer to: an item, or a register's column. */
export interface RefTarget {
  readonly kind: string;
  readonly choices: readonly (string | null)[];
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
export const isPlainNumber = (n: number) => PLAIN_NUMBER.test(String(n));

export function targetOf(thing: Loose | null): RefTarget {
  return {
    kind: str(thing?.kind) ?? '',
    choices: arr(thing?.choices).map((c) => str(obj(c)?.value)),
  };
}

function conditionDepth(c: Condition): number {
  if ('all' in c) return 1 + Math.max(...c.all.map(conditionDepth));
  if ('any' in c) return 1 + Math.max(...c.any.map(conditionDepth));
  if ('not' in c) return 1 + conditionDepth(c.not);
  return 0;
}

/** Whether a comparison can ever hold for the kind of thing it names. */
function fits(
  leaf: Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>,
  target: RefTarget,
): boolean {
  if ('fn' in leaf) return target.kind === 'date';
  if (!('value' in leaf)) return true; // empty / filled fit anything
  const { kind, choices } = target;
  // A list with no choices is reported on its own: nothing can be said of a value in it.
  const known = (value: string) => choices.length === 0 || choices.includes(value);
  if (leaf.op === 'selected') return (kind === 'multi' || kind === 'choice') && known(leaf.value);
  const equality = leaf.op === 'eq' || leaf.op === 'ne';
  switch (kind) {
    case 'yesno':
      return equality && (leaf.value === 'yes' || leaf.value === 'no');
    case 'check':
      return equality && (CHECK_ANSWERS as readonly unknown[]).includes(leaf.value);
    case 'choice':
      return equality && known(String(leaf.value));
    case 'number':
      return typeof leaf.value === 'number';
    case 'date':
      // Answers are stored YYYY-MM-DD, so comparing with such a date compares dates.
      return isIsoDate(leaf.value);
    case 'text':
      return typeof leaf.value === 'string';
    case 'multi':
    case 'register':
    case 'file':
      return false; // only empty / filled (and selected for multi)
    default:
      return true; // an unknown kind is reported by the schema already
  }
}

export function conditionProblems(
  condition: Condition,
  path: string,
  targets: ReadonlyMap<string, RefTarget>,
  options: CheckOptions = {},
): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  if (conditionDepth(condition) > MAX_CONDITION_DEPTH) {
    out.push(
      problem(
        path,
        `条件嵌套超过 ${MAX_CONDITION_DEPTH} 层`,
        `the condition nests more than ${MAX_CONDITION_DEPTH} levels`,
      ),
    );
    return out;
  }
  if (printCondition(condition).length > MAX_EXPRESSION_LENGTH) {
    out.push(
      problem(
        path,
        `条件写成文字超过 ${MAX_EXPRESSION_LENGTH} 个字符`,
        `the condition is longer than ${MAX_EXPRESSION_LENGTH} characters as text`,
      ),
    );
  }
  const walk = (c: Condition) => {
    if ('all' in c) return c.all.forEach(walk);
    if ('any' in c) return c.any.forEach(walk);
    if ('not' in c) return walk(c.not);
    const text = printCondition(c);
    const target = targets.get(c.ref);
    const dateCompared =
      target?.kind === 'date' && 'value' in c && c.op !== 'selected' && !('fn' in c);
    // A stored template keeps what was accepted when it was installed: any text compared with a
    // date item (a date is stored YYYY-MM-DD, so only such text compares as dates).
    if (options.stored && dateCompared && typeof c.value === 'string') return;
    if (dateCompared && !fits(c, target)) {
      out.push(
        problem(
          path,
          `“${text}”：与日期项 ${c.ref} 比较的值应是带引号的日期，写作 '2026-09-01'（年-月-日）；< 表示更早，> 表示更晚`,
          `"${text}": compare the date item ${c.ref} with a date in quotes written '2026-09-01' (year-month-day); < means earlier, > later`,
        ),
      );
    } else if (target && !fits(c, target)) {
      out.push(
        problem(
          path,
          `“${text}”与 ${c.ref}（${target.kind}）的类型或选项不符，永远不会成立`,
          `"${text}" does not fit ${c.ref} (a ${target.kind}): it could never hold`,
        ),
      );
    }
    if (!('value' in c)) return;
    if (c.value === '' && (c.op === 'eq' || c.op === 'ne')) {
      out.push(
        problem(
          path,
          '判断是否填写请用 empty / filled',
          'use op "empty" / "filled" to test whether something is answered',
        ),
      );
    }
    if (typeof c.value === 'number' && !isPlainNumber(c.value)) {
      out.push(
        problem(
          path,
          `数字 ${c.value} 请写成普通小数`,
          `write the number ${c.value} as a plain decimal`,
        ),
      );
    }
  };
  walk(condition);
  return out;
}
