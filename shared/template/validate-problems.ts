import type { z } from 'zod';
import type { Bilingual } from '../i18n/locale';
import { issueText } from '../issue-messages';
import { arr, obj, str } from './loose';
import { COLUMN_KINDS, ITEM_KINDS } from './schema';

/**
 * How a problem with a template (or an inspection) is reported: a JSON path and a message in both
 * languages. zod's issues become such problems here, and the depth guard that keeps any check
 * from meeting a structure deep enough to exhaust the stack lives here too.
 */

/** One thing wrong with a template, where it is (a JSON path) and what, in both languages. */
export interface TemplateProblem {
  readonly path: string;
  readonly message: Bilingual;
}

/** A problem at a path, in both languages. */
export const problem = (path: string, zh: string, en: string): TemplateProblem => ({
  path,
  message: { 'zh-CN': zh, 'en-US': en },
});

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

export const MAX_JSON_DEPTH = 64;

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
