import type { z } from 'zod';
import { issueText } from '../issue-messages';
import type { Bilingual } from '../i18n/locale';
import {
  conditionRefs,
  MAX_DEPTH as MAX_CONDITION_DEPTH,
  MAX_EXPRESSION_LENGTH,
  printCondition,
} from './expression';
import type { Condition, Rule, Template } from './schema';
import {
  CHECK_ANSWERS,
  COLUMN_KINDS,
  conditionSchema,
  ITEM_KINDS,
  ruleSchema,
  templateSchema,
} from './schema';

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

export function zodProblems(error: z.ZodError): TemplateProblem[] {
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
    const known = issueText(issue.message);
    return { path, message: known ?? { 'zh-CN': zodMessageZh(issue), 'en-US': issue.message } };
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
  // Recursive checks (zod's, ours) must never meet a structure deep enough to exhaust the stack.
  if (jsonDepth(input) > MAX_JSON_DEPTH) {
    return {
      ok: false,
      problems: [
        p(
          '$',
          `结构嵌套超过 ${MAX_JSON_DEPTH} 层，不是有效的模板`,
          `nested more than ${MAX_JSON_DEPTH} levels deep: not a valid template`,
        ),
      ],
    };
  }
  const parsed = templateSchema.safeParse(input);
  const problems = parsed.success ? [] : zodProblems(parsed.error);
  problems.push(...meaningProblems(input));
  if (problems.length > 0 || !parsed.success) return { ok: false, problems: dedupe(problems) };
  return { ok: true, template: parsed.data };
}

export const MAX_JSON_DEPTH = 64;
/** Longest chain of items whose visibility depends on the next: deeper is a mistake, not a checklist. */
export const MAX_VISIBILITY_CHAIN = 50;

/** How deeply arrays and objects nest, counted without recursion. */
export function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    max = Math.max(max, depth);
    if (depth > MAX_JSON_DEPTH) return depth;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return max;
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
  // The first item of an id is the one conditions mean; a duplicate is reported on its own.
  const itemTargets = new Map<string, RefTarget>();
  for (const { item } of items) {
    const id = str(item.id);
    if (id !== null && !itemTargets.has(id)) itemTargets.set(id, targetOf(item));
  }
  const dependsOn = new Map<string, string[]>();
  for (const { item, path } of items) {
    const id = str(item.id) ?? '';
    if (item.visibleIf !== undefined) {
      const condition = conditionSchema.safeParse(item.visibleIf);
      if (condition.success) {
        out.push(...conditionProblems(condition.data, `${path}.visibleIf`, itemTargets));
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

/** What a condition may refer to: an item, or a register's column. */
interface RefTarget {
  readonly kind: string;
  readonly choices: readonly (string | null)[];
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const isPlainNumber = (n: number) => PLAIN_NUMBER.test(String(n));

function targetOf(thing: Loose | null): RefTarget {
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
  if (leaf.op === 'selected')
    return (kind === 'multi' || kind === 'choice') && choices.includes(leaf.value);
  const equality = leaf.op === 'eq' || leaf.op === 'ne';
  switch (kind) {
    case 'yesno':
      return equality && (leaf.value === 'yes' || leaf.value === 'no');
    case 'check':
      return equality && (CHECK_ANSWERS as readonly unknown[]).includes(leaf.value);
    case 'choice':
      return equality && choices.includes(String(leaf.value));
    case 'number':
      return typeof leaf.value === 'number';
    case 'date':
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

function conditionProblems(
  condition: Condition,
  path: string,
  targets: ReadonlyMap<string, RefTarget>,
): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  if (conditionDepth(condition) > MAX_CONDITION_DEPTH) {
    out.push(
      p(
        path,
        `条件嵌套超过 ${MAX_CONDITION_DEPTH} 层`,
        `the condition nests more than ${MAX_CONDITION_DEPTH} levels`,
      ),
    );
    return out;
  }
  if (printCondition(condition).length > MAX_EXPRESSION_LENGTH) {
    out.push(
      p(
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
    if (target && !fits(c, target)) {
      out.push(
        p(
          path,
          `“${text}”与 ${c.ref}（${target.kind}）的类型或选项不符，永远不会成立`,
          `"${text}" does not fit ${c.ref} (a ${target.kind}): it could never hold`,
        ),
      );
    }
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
    if (typeof c.value === 'number' && !isPlainNumber(c.value)) {
      out.push(
        p(path, `数字 ${c.value} 请写成普通小数`, `write the number ${c.value} as a plain decimal`),
      );
    }
  };
  walk(condition);
  return out;
}

// A Map, not an object: a kind such as "constructor" must not find Object.prototype's members.
const RULE_KINDS_FOR: ReadonlyMap<string, readonly Rule['kind'][]> = new Map([
  ['date', ['older-than', 'expires-within']],
  ['number', ['at-least', 'at-most']],
  ['yesno', ['equals']],
  ['choice', ['equals']],
  ['multi', ['equals']],
]);

function itemMeaningProblems(item: Loose, path: string): TemplateProblem[] {
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
        p(
          rulePath,
          `规则“${rule.data.kind}”不能用于“${kind}”类检查项`,
          `rule "${rule.data.kind}" does not apply to a "${kind}" item`,
        ),
      );
    } else if (
      (rule.data.kind === 'at-least' || rule.data.kind === 'at-most') &&
      !isPlainNumber(rule.data.value)
    ) {
      out.push(
        p(
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
      const columnTargets = new Map(columns.map((c) => [str(c?.id) ?? '', targetOf(c)]));
      out.push(...conditionProblems(when.data, rulePath, columnTargets));
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

/**
 * Visibility conditions that depend on each other in a circle can never be decided, and a very
 * long chain of them is a mistake. Both found without recursion, so no template can exhaust the
 * stack here or, later, in the engine.
 */
function cycleProblems(
  dependsOn: Map<string, string[]>,
  itemPaths: Map<string, string>,
): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const pathOf = (id: string) => (itemPaths.get(id) ?? '$').replace(/\.id$/, '.visibleIf');
  const refs = new Map<string, string[]>();
  for (const [id, targets] of dependsOn) {
    refs.set(id, [...new Set(targets.filter((t) => t !== id && itemPaths.has(t)))]);
  }
  const dependents = new Map<string, string[]>();
  const waiting = new Map<string, number>();
  for (const [id, targets] of refs) {
    waiting.set(id, targets.filter((t) => refs.has(t)).length);
    for (const t of targets) dependents.set(t, [...(dependents.get(t) ?? []), id]);
  }
  // Longest chain below each item, resolving items whose references are all resolved.
  const depth = new Map<string, number>();
  const ready = [...refs.keys()].filter((id) => waiting.get(id) === 0);
  while (ready.length > 0) {
    const id = ready.pop()!;
    depth.set(id, 1 + Math.max(0, ...refs.get(id)!.map((t) => depth.get(t) ?? 0)));
    for (const d of dependents.get(id) ?? []) {
      const left = waiting.get(d)! - 1;
      waiting.set(d, left);
      if (left === 0) ready.push(d);
    }
  }
  for (const [id, n] of depth) {
    if (n > MAX_VISIBILITY_CHAIN) {
      out.push(
        p(
          pathOf(id),
          `显示条件的依赖链超过 ${MAX_VISIBILITY_CHAIN} 层`,
          `the chain of visibility conditions is longer than ${MAX_VISIBILITY_CHAIN}`,
        ),
      );
    }
  }
  // What is left waits on a circle: walk each to its circle and name it once.
  const reported = new Set<string>();
  for (const start of refs.keys()) {
    if (depth.has(start) || reported.has(start)) continue;
    const trail: string[] = [];
    const seenAt = new Map<string, number>();
    let current = start;
    while (!seenAt.has(current)) {
      seenAt.set(current, trail.length);
      trail.push(current);
      current = refs.get(current)!.find((t) => refs.has(t) && !depth.has(t))!;
    }
    const cycle = trail.slice(seenAt.get(current));
    if (cycle.some((id) => reported.has(id))) continue;
    for (const id of cycle) reported.add(id);
    const names = [...cycle, current].join(' → ');
    out.push(
      p(
        pathOf(cycle[0]!),
        `显示条件循环引用：${names}`,
        `visibility conditions form a cycle: ${names}`,
      ),
    );
  }
  return out;
}

/**
 * Adds the item (or section) id to JSON-path locations, so a clerk reading
 * "$.sections[6].items[3].visibleIf" also sees which item that is: "… (bio_register)".
 */
export function nameLocations(
  problems: readonly TemplateProblem[],
  input: unknown,
): TemplateProblem[] {
  return problems.map((problem) => {
    const m = /^\$\.sections\[(\d+)\](?:\.items\[(\d+)\])?/.exec(problem.path);
    if (!m) return problem;
    const section = obj(arr(obj(input)?.sections)[Number(m[1])]);
    const target = m[2] === undefined ? section : obj(arr(section?.items)[Number(m[2])]);
    const id = str(target?.id);
    return id && /^[a-z][a-z0-9_]{0,63}$/.test(id)
      ? { ...problem, path: `${problem.path} (${id})` }
      : problem;
  });
}
