import { conditionRefs } from './expression';
import type { Loose } from './loose';
import { arr, obj, str } from './loose';
import type { Rule } from './schema';
import {
  conditionSchema,
  ruleSchema,
  TEMPLATE_FORMAT_V1,
  TEMPLATE_FORMAT_V2,
  TEMPLATE_FORMAT_V3,
} from './schema';
import type { CheckOptions } from './validate-conditions';
import { conditionProblems, isPlainNumber, targetOf } from './validate-conditions';
import type { TemplateProblem } from './validate-problems';
import { problem } from './validate-problems';

/**
 * What checkTemplate finds wrong inside one item once its shape is right: rules that do not fit
 * its kind or answers, repeated choice values, min above max, and a register's columns and row
 * rules.
 */

// A Map, not an object: a kind such as "constructor" must not find Object.prototype's members.
const RULE_KINDS_FOR: ReadonlyMap<string, readonly Rule['kind'][]> = new Map([
  ['date', ['older-than', 'newer-than', 'expires-within']],
  ['number', ['at-least', 'at-most']],
  ['yesno', ['equals']],
  ['choice', ['equals']],
  ['multi', ['equals']],
]);

/**
 * `format` is what the document declares: register column bounds need qinglang-template/2, the
 * newer-than rule qinglang-template/3.
 */
export function itemMeaningProblems(
  item: Loose,
  path: string,
  format: string | null,
  options: CheckOptions = {},
): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const kind = str(item.kind) ?? '';
  const choiceValues = arr(item.choices).map((c) => str(obj(c)?.value));
  arr(item.rules).forEach((ruleValue, ri) => {
    const rule = ruleSchema.safeParse(ruleValue);
    if (!rule.success) return;
    const rulePath = `${path}.rules[${ri}]`;
    const allowed = RULE_KINDS_FOR.get(kind) ?? [];
    if (!allowed.includes(rule.data.kind)) {
      out.push(
        problem(
          rulePath,
          `规则“${rule.data.kind}”不能用于“${kind}”类检查项`,
          `rule "${rule.data.kind}" does not apply to a "${kind}" item`,
        ),
      );
    } else if (
      rule.data.kind === 'newer-than' &&
      (format === TEMPLATE_FORMAT_V1 || format === TEMPLATE_FORMAT_V2)
    ) {
      out.push(
        problem(
          rulePath,
          `规则 newer-than（按月计）是 ${TEMPLATE_FORMAT_V3} 格式才有的：请把 format 改为“${TEMPLATE_FORMAT_V3}”`,
          `the newer-than rule (in months) needs ${TEMPLATE_FORMAT_V3}: declare "format": "${TEMPLATE_FORMAT_V3}"`,
        ),
      );
    } else if (
      (rule.data.kind === 'at-least' || rule.data.kind === 'at-most') &&
      !isPlainNumber(rule.data.value)
    ) {
      out.push(
        problem(
          `${rulePath}.value`,
          `数字 ${rule.data.value} 请写成普通小数`,
          `write the number ${rule.data.value} as a plain decimal`,
        ),
      );
    } else if (rule.data.kind === 'equals') {
      const ok =
        kind === 'yesno'
          ? ['yes', 'no'].includes(rule.data.value)
          : choiceValues.includes(rule.data.value);
      if (!ok)
        out.push(
          problem(
            `${rulePath}.value`,
            `“${rule.data.value}”不是本项的选项`,
            `"${rule.data.value}" is not one of this item's answers`,
          ),
        );
    }
  });
  out.push(...uniqueProblems(choiceValues, `${path}.choices`, '选项值', 'choice value'));
  if (
    kind === 'number' &&
    typeof item.min === 'number' &&
    typeof item.max === 'number' &&
    item.min > item.max
  ) {
    out.push(problem(`${path}.min`, '最小值大于最大值', 'min is greater than max'));
  }
  if (kind === 'register') out.push(...registerProblems(item, path, format, options));
  return out;
}

/**
 * A column's `min` / `max` (qinglang-template/2): on a number column only, in a document that
 * declares /2 (a /1 reader would not know them), and min ≤ max.
 */
function columnBoundProblems(
  column: Loose,
  path: string,
  format: string | null,
): TemplateProblem[] {
  const bounds = (['min', 'max'] as const).filter((b) => column[b] !== undefined);
  if (bounds.length === 0) return [];
  const kind = str(column.kind) ?? '';
  if (kind !== 'number')
    return bounds.map((b) =>
      problem(
        `${path}.${b}`,
        `只有数字列可以有 ${b}（这是“${kind}”列）`,
        `only a number column has ${b} (this is a "${kind}" column)`,
      ),
    );
  const out: TemplateProblem[] = [];
  if (format === TEMPLATE_FORMAT_V1)
    out.push(
      ...bounds.map((b) =>
        problem(
          `${path}.${b}`,
          `登记表列的 ${b} 是 ${TEMPLATE_FORMAT_V2} 格式才有的：请把 format 改为“${TEMPLATE_FORMAT_V2}”`,
          `${b} on a register column needs ${TEMPLATE_FORMAT_V2}: declare "format": "${TEMPLATE_FORMAT_V2}"`,
        ),
      ),
    );
  if (typeof column.min === 'number' && typeof column.max === 'number' && column.min > column.max)
    out.push(problem(`${path}.min`, '最小值大于最大值', 'min is greater than max'));
  return out;
}

/** A register's columns (unique ids, choices only on a choice column) and its row rules. */
function registerProblems(
  item: Loose,
  path: string,
  format: string | null,
  options: CheckOptions,
): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const columns = arr(item.columns).map(obj);
  out.push(
    ...uniqueProblems(
      columns.map((c) => str(c?.id)),
      `${path}.columns`,
      '列编号',
      'column id',
    ),
  );
  columns.forEach((column, ci) => {
    if (!column) return;
    const hasChoices = Array.isArray(column.choices);
    if (column.kind === 'choice' && !hasChoices)
      out.push(
        problem(`${path}.columns[${ci}]`, '选择列需要 choices', 'a choice column needs choices'),
      );
    if (column.kind !== 'choice' && hasChoices)
      out.push(
        problem(
          `${path}.columns[${ci}].choices`,
          '只有选择列可以有 choices',
          'only a choice column has choices',
        ),
      );
    out.push(...columnBoundProblems(column, `${path}.columns[${ci}]`, format));
    out.push(
      ...uniqueProblems(
        arr(column.choices).map((c) => str(obj(c)?.value)),
        `${path}.columns[${ci}].choices`,
        '选项值',
        'choice value',
      ),
    );
  });
  const columnIds = new Set(columns.map((c) => str(c?.id)).filter((x): x is string => x !== null));
  out.push(
    ...uniqueProblems(
      arr(item.rowRules).map((r) => str(obj(r)?.id)),
      `${path}.rowRules`,
      '行规则编号',
      'row rule id',
    ),
  );
  arr(item.rowRules).forEach((ruleValue, ri) => {
    const when = conditionSchema.safeParse(obj(ruleValue)?.when);
    if (!when.success) return;
    const rulePath = `${path}.rowRules[${ri}].when`;
    const columnTargets = new Map(columns.map((c) => [str(c?.id) ?? '', targetOf(c)]));
    out.push(...conditionProblems(when.data, rulePath, columnTargets, options));
    for (const ref of conditionRefs(when.data)) {
      if (!columnIds.has(ref))
        out.push(
          problem(
            rulePath,
            `行规则引用了不存在的列“${ref}”`,
            `the row rule refers to "${ref}", which is not a column of this register`,
          ),
        );
    }
  });
  return out;
}

function uniqueProblems(
  values: (string | null)[],
  path: string,
  zh: string,
  en: string,
): TemplateProblem[] {
  const seen = new Set<string>();
  const out: TemplateProblem[] = [];
  values.forEach((value, index) => {
    if (value === null) return;
    if (seen.has(value))
      out.push(
        problem(`${path}[${index}]`, `${zh}“${value}”重复`, `${en} "${value}" is used twice`),
      );
    seen.add(value);
  });
  return out;
}
