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
    return {
      path,
      message: known ?? { 'zh-CN': zodMessageZh(issue), 'en-US': zodMessageEn(issue) },
    };
  });
}

const RULE_KINDS = [
  'older-than',
  'newer-than',
  'expires-within',
  'at-least',
  'at-most',
  'equals',
] as const;

const TYPE_NAMES_ZH: Readonly<Record<string, string>> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  object: '对象（{…}）',
  array: '列表（[…]）',
  null: '空值',
};

function zodMessageZh(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_type':
      return `类型不对，应为${TYPE_NAMES_ZH[issue.expected] ?? '其他类型'}`;
    case 'invalid_value':
      return `取值不在允许范围内：${issue.values.map(String).join('、')}`;
    case 'invalid_union':
      return '格式不符合任何一种允许的写法';
    case 'too_small':
      return issue.origin === 'string' ? '不能为空' : `数量太少，至少 ${String(issue.minimum)}`;
    case 'too_big':
      return `太长或太多，最多 ${String(issue.maximum)}`;
    case 'invalid_format':
      // zod's own text is English (and may quote a pattern): say it in Chinese, without it.
      return issue.format === 'datetime'
        ? '格式不对，应为日期时间，如 2026-11-29T08:30:00.000Z'
        : issue.format === 'date'
          ? '格式不对，应为日期，如 2026-11-29'
          : '格式不对';
    default:
      return '内容不符合要求';
  }
}

const TYPE_NAMES_EN: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object ({…})',
  array: 'a list ([…])',
  null: 'null',
};

/** zod's English says "Too small: expected string to have >=1 characters": say it plainly. */
function zodMessageEn(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'field' : 'fields'}: ${issue.keys.join(', ')}`;
    case 'invalid_type':
      return `should be ${TYPE_NAMES_EN[issue.expected] ?? 'of another type'}`;
    case 'invalid_value':
      return `not one of the allowed values: ${issue.values.map(String).join(', ')}`;
    case 'invalid_union':
      return 'matches none of the allowed forms';
    case 'too_small':
      return issue.origin === 'string'
        ? 'must not be empty'
        : `too few: at least ${String(issue.minimum)}`;
    case 'too_big':
      return `too long or too many: at most ${String(issue.maximum)}`;
    case 'invalid_format':
      return issue.format === 'datetime'
        ? 'should be a date and time such as 2026-11-29T08:30:00.000Z'
        : issue.format === 'date'
          ? 'should be a date such as 2026-11-29'
          : 'not in the expected format';
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
 * Keys a parsed JSON document may hold that no JavaScript object can keep as data: `__proto__`
 * (JSON.parse makes it an own key, but copying it into an object sets the prototype instead, and
 * a schema's record silently drops it). A file that has one is refused with its path rather than
 * read with that part missing. Paths of the first `limit`; call after the depth check.
 */
export function unkeepableKeyPaths(value: unknown, limit = 20): string[] {
  // A path is a chain of links, made only for containers: a million numbers in one array cost
  // nothing here, where a copied path per element cost hundreds of megabytes.
  type Link = { readonly parent: Link | null; readonly key: PropertyKey } | null;
  const pathOf = (link: Link): PropertyKey[] => {
    const keys: PropertyKey[] = [];
    for (let at = link; at; at = at.parent) keys.push(at.key);
    return keys.reverse();
  };
  const found: string[] = [];
  const stack: [object, Link][] =
    typeof value === 'object' && value !== null ? [[value, null]] : [];
  while (stack.length > 0 && found.length < limit) {
    const [current, link] = stack.pop()!;
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) {
        const child: unknown = current[i];
        if (typeof child === 'object' && child !== null)
          stack.push([child, { parent: link, key: i }]);
      }
      continue;
    }
    for (const key of Object.keys(current)) {
      if (key === '__proto__') {
        found.push(jsonPath([...pathOf(link), key]));
        continue;
      }
      const child: unknown = (current as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) stack.push([child, { parent: link, key }]);
    }
  }
  return found.sort();
}

/**
 * The problems a document's structure has before any schema looks at it: too deep (`what` says
 * what it then is not), or unkeepable keys.
 */
export function structureProblems(
  input: unknown,
  what: { readonly 'zh-CN': string; readonly 'en-US': string } | null = null,
): TemplateProblem[] {
  if (jsonDepth(input) > MAX_JSON_DEPTH) {
    return [
      {
        path: '$',
        message: {
          'zh-CN': `结构嵌套超过 ${MAX_JSON_DEPTH} 层${what ? `，不是有效的${what['zh-CN']}` : ''}`,
          'en-US': `nested more than ${MAX_JSON_DEPTH} levels deep${what ? `: not a valid ${what['en-US']}` : ''}`,
        },
      },
    ];
  }
  return unkeepableKeyPaths(input).map((path) => ({
    path,
    message: {
      'zh-CN': '键名 “__proto__” 无法作为数据保存，请改名或删除这一项',
      'en-US': 'a key named "__proto__" cannot be kept as data: rename or remove it',
    },
  }));
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
