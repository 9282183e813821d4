import type { z } from 'zod';
import type { Bilingual } from '../i18n/locale';
import { conditionRefs } from './expression';
import type { Condition, Rule, Template } from './schema';
import { COLUMN_KINDS, conditionSchema, ITEM_KINDS, ruleSchema, templateSchema } from './schema';

/** One thing wrong with a template, where it is (a JSON path) and what, in both languages. */
export interface TemplateProblem {
  readonly path: string;
  readonly message: Bilingual;
}

export type TemplateCheck =
  | { readonly ok: true; readonly template: Template }
  | { readonly ok: false; readonly problems: readonly TemplateProblem[] };

/** A JSON path like $.sections[2].items[0].id from zod's path segments. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>(
    (out, s) => (typeof s === 'number' ? `${out}[${s}]` : `${out}.${String(s)}`),
    '$',
  );
}

function zodProblems(error: z.ZodError): TemplateProblem[] {
  return error.issues.map((issue) => {
    const path = jsonPath(issue.path);
    // zod says only "Invalid input" for a kind it does not know: name the ones it would.
    if (issue.code === 'invalid_union' && issue.path.at(-1) === 'kind') {
      const kinds = path.includes('.columns[')
        ? COLUMN_KINDS
        : path.includes('.rules[')
          ? RULE_KINDS
          : ITEM_KINDS;
      return {
        path,
        message: {
          'zh-CN': `类型无效，可用：${kinds.join('、')}`,
          'en-US': `not a valid kind; use ${kinds.join(', ')}`,
        },
      };
    }
    return { path, message: { 'zh-CN': zodMessageZh(issue), 'en-US': issue.message } };
  });
}

const RULE_KINDS = ['older-than', 'expires-within', 'at-least', 'at-most', 'equals'] as const;

function zodMessageZh(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_type':
      return `类型不对，应为 ${issue.expected}`;
    case 'invalid_value':
      return `取值不在允许范围内：${issue.values.map(String).join('、')}`;
    case 'invalid_union':
      return '格式不符合任何一种允许的写法';
    case 'too_small':
      return issue.origin === 'string' ? '不能为空' : `数量太少，至少 ${String(issue.minimum)}`;
    case 'too_big':
      return `太长或太多，最多 ${String(issue.maximum)}`;
    case 'invalid_format':
      return `格式不对：${issue.message}`;
    default:
      return issue.message;
  }
}

const p = (path: string, zh: string, en: string): TemplateProblem => ({
  path,
  message: { 'zh-CN': zh, 'en-US': en },
});

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Loose) : null;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Checks a template strictly and reports every problem at once: the shape (schema) and the
 * meaning (unique ids, conditions that name real items and form no cycle, rules that fit their
 * item). Works on anything, including half-valid data, so a clerk sees the whole list.
 */
export function checkTemplate(input: unknown): TemplateCheck {
  const parsed = templateSchema.safeParse(input);
  const problems = parsed.success ? [] : zodProblems(parsed.error);
  problems.push(...meaningProblems(input));
  if (problems.length > 0 || !parsed.success) return { ok: false, problems: dedupe(problems) };
  return { ok: true, template: parsed.data };
}

function dedupe(problems: TemplateProblem[]): TemplateProblem[] {
  const seen = new Set<string>();
  return problems.filter((x) => {
    const key = `${x.path}|${x.message['en-US']}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function meaningProblems(input: unknown): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const root = obj(input);
  if (!root) return out;

  const itemPaths = new Map<string, string>();
  const items: { item: Loose; path: string }[] = [];
  const sectionIds = new Map<string, string>();
  arr(root.sections).forEach((sectionValue, si) => {
    const section = obj(sectionValue);
    if (!section) return;
    const sectionPath = `$.sections[${si}]`;
    const sid = str(section.id);
    if (sid !== null) {
      if (sectionIds.has(sid))
        out.push(
          p(
            `${sectionPath}.id`,
            `章节编号“${sid}”重复（已用于 ${sectionIds.get(sid)}）`,
            `section id "${sid}" is used twice (also at ${sectionIds.get(sid)})`,
          ),
        );
      else sectionIds.set(sid, `${sectionPath}.id`);
    }
    arr(section.items).forEach((itemValue, ii) => {
      const item = obj(itemValue);
      if (!item) return;
      const path = `${sectionPath}.items[${ii}]`;
      items.push({ item, path });
      const id = str(item.id);
      if (id === null) return;
      if (itemPaths.has(id))
        out.push(
          p(
            `${path}.id`,
            `检查项编号“${id}”重复（已用于 ${itemPaths.get(id)}）`,
            `item id "${id}" is used twice (also at ${itemPaths.get(id)})`,
          ),
        );
      else itemPaths.set(id, `${path}.id`);
    });
  });

  const kinds = new Map(items.map(({ item }) => [str(item.id) ?? '', str(item.kind) ?? '']));
  const dependsOn = new Map<string, string[]>();
  for (const { item, path } of items) {
    const id = str(item.id) ?? '';
    if (item.visibleIf !== undefined) {
      const condition = conditionSchema.safeParse(item.visibleIf);
      if (condition.success) {
        out.push(...conditionProblems(condition.data, `${path}.visibleIf`));
        const refs = conditionRefs(condition.data);
        dependsOn.set(id, refs);
        for (const ref of refs) {
          if (ref === id)
            out.push(
              p(
                `${path}.visibleIf`,
                '显示条件不能引用本项自身',
                'the visibility condition refers to the item itself',
              ),
            );
          else if (!kinds.has(ref))
            out.push(
              p(
                `${path}.visibleIf`,
                `显示条件引用了不存在的检查项“${ref}”`,
                `the visibility condition refers to "${ref}", which is not an item`,
              ),
            );
        }
      }
    }
    out.push(...itemMeaningProblems(item, path));
  }
  out.push(...cycleProblems(dependsOn, itemPaths));
  return out;
}

function conditionProblems(condition: Condition, path: string): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const walk = (c: Condition) => {
    if ('all' in c) return c.all.forEach(walk);
    if ('any' in c) return c.any.forEach(walk);
    if ('not' in c) return walk(c.not);
    if (!('value' in c)) return;
    if (c.value === '' && (c.op === 'eq' || c.op === 'ne')) {
      out.push(
        p(
          path,
          '判断是否填写请用 empty / filled',
          'use op "empty" / "filled" to test whether something is answered',
        ),
      );
    }
    if (typeof c.value === 'number' && !/^-?\d+(\.\d+)?$/.test(String(c.value))) {
      out.push(
        p(path, `数字 ${c.value} 请写成普通小数`, `write the number ${c.value} as a plain decimal`),
      );
    }
  };
  walk(condition);
  return out;
}

const RULE_KINDS_FOR: Readonly<Record<string, readonly Rule['kind'][]>> = {
  date: ['older-than', 'expires-within'],
  number: ['at-least', 'at-most'],
  yesno: ['equals'],
  choice: ['equals'],
  multi: ['equals'],
};

function itemMeaningProblems(item: Loose, path: string): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const kind = str(item.kind) ?? '';
  const choiceValues = arr(item.choices).map((c) => str(obj(c)?.value));
  arr(item.rules).forEach((ruleValue, ri) => {
    const rule = ruleSchema.safeParse(ruleValue);
    if (!rule.success) return;
    const rulePath = `${path}.rules[${ri}]`;
    const allowed = RULE_KINDS_FOR[kind] ?? [];
    if (!allowed.includes(rule.data.kind)) {
      out.push(
        p(
          rulePath,
          `规则“${rule.data.kind}”不能用于“${kind}”类检查项`,
          `rule "${rule.data.kind}" does not apply to a "${kind}" item`,
        ),
      );
    } else if (rule.data.kind === 'equals') {
      const ok =
        kind === 'yesno'
          ? ['yes', 'no'].includes(rule.data.value)
          : choiceValues.includes(rule.data.value);
      if (!ok)
        out.push(
          p(
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
    out.push(p(`${path}.min`, '最小值大于最大值', 'min is greater than max'));
  }
  if (kind === 'register') {
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
          p(`${path}.columns[${ci}]`, '选择列需要 choices', 'a choice column needs choices'),
        );
      if (column.kind !== 'choice' && hasChoices)
        out.push(
          p(
            `${path}.columns[${ci}].choices`,
            '只有选择列可以有 choices',
            'only a choice column has choices',
          ),
        );
      out.push(
        ...uniqueProblems(
          arr(column.choices).map((c) => str(obj(c)?.value)),
          `${path}.columns[${ci}].choices`,
          '选项值',
          'choice value',
        ),
      );
    });
    const columnIds = new Set(
      columns.map((c) => str(c?.id)).filter((x): x is string => x !== null),
    );
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
      out.push(...conditionProblems(when.data, rulePath));
      for (const ref of conditionRefs(when.data)) {
        if (!columnIds.has(ref))
          out.push(
            p(
              rulePath,
              `行规则引用了不存在的列“${ref}”`,
              `the row rule refers to "${ref}", which is not a column of this register`,
            ),
          );
      }
    });
  }
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
      out.push(p(`${path}[${index}]`, `${zh}“${value}”重复`, `${en} "${value}" is used twice`));
    seen.add(value);
  });
  return out;
}

/** Visibility conditions that depend on each other in a circle can never be decided. */
function cycleProblems(
  dependsOn: Map<string, string[]>,
  itemPaths: Map<string, string>,
): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const visit = (id: string, trail: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      const key = [...cycle].sort().join(',');
      if (!reported.has(key)) {
        reported.add(key);
        const path = (itemPaths.get(id) ?? '$').replace(/\.id$/, '.visibleIf');
        out.push(
          p(
            path,
            `显示条件循环引用：${cycle.join(' → ')}`,
            `visibility conditions form a cycle: ${cycle.join(' → ')}`,
          ),
        );
      }
      return;
    }
    state.set(id, 'visiting');
    for (const next of dependsOn.get(id) ?? []) if (next !== id) visit(next, [...trail, id]);
    state.set(id, 'done');
  };
  for (const id of dependsOn.keys()) visit(id, []);
  return out;
}
