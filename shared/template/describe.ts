import type { Bilingual } from '../i18n/locale';
import { YES_NO_LABELS } from './labels';
import type { Comparison, Condition } from './schema';

/** What a condition refers to, as people call it: a name, and the labels of its answers. */
export interface RefNames {
  name(ref: string): Bilingual;
  label(ref: string, value: string): Bilingual | undefined;
}

const both = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, 'en-US': en });

const COMPARE: Readonly<Record<Comparison, Bilingual>> = {
  eq: both('等于', 'is'),
  ne: both('不等于', 'is not'),
  lt: both('小于', 'is less than'),
  le: both('不大于', 'is at most'),
  gt: both('大于', 'is more than'),
  ge: both('不小于', 'is at least'),
};
const DAYS_AGO: Readonly<Record<Comparison, Bilingual>> = {
  eq: both('距今正好', 'exactly'),
  ne: both('距今不是', 'not'),
  lt: both('距今不到', 'less than'),
  le: both('距今不超过', 'at most'),
  gt: both('距今超过', 'more than'),
  ge: both('距今至少', 'at least'),
};
const DAYS_AHEAD: Readonly<Record<Comparison, Bilingual>> = {
  eq: both('正好还有', 'exactly'),
  ne: both('不是还有', 'not'),
  lt: both('还有不到', 'less than'),
  le: both('最多还有', 'at most'),
  gt: both('还有超过', 'more than'),
  ge: both('至少还有', 'at least'),
};

/**
 * A condition in plain words, for people who do not read ${…} expressions: principals reading a
 * template, clerks checking what they wrote. describe(`days_until(${expiry}) < 0`) gives
 * 「协议到期日」已过 / "Agreement expires" is past.
 */
export function describeCondition(condition: Condition, names: RefNames): Bilingual {
  const group = (inner: Condition): Bilingual => {
    const text = describeCondition(inner, names);
    return 'all' in inner || 'any' in inner
      ? both(`（${text['zh-CN']}）`, `(${text['en-US']})`)
      : text;
  };
  const join = (parts: readonly Condition[], zh: string, en: string): Bilingual => {
    const texts = parts.map(group);
    return both(texts.map((t) => t['zh-CN']).join(zh), texts.map((t) => t['en-US']).join(en));
  };
  if ('all' in condition) return join(condition.all, ' 且 ', ' and ');
  if ('any' in condition) return join(condition.any, ' 或 ', ' or ');
  if ('not' in condition) {
    const inner = describeCondition(condition.not, names);
    return both(`并非（${inner['zh-CN']}）`, `not (${inner['en-US']})`);
  }
  const name = names.name(condition.ref);
  const zhName = `「${name['zh-CN']}」`;
  const enName = `"${name['en-US']}"`;
  if ('fn' in condition) {
    const { op, value } = condition;
    if (condition.fn === 'days_until' && op === 'lt' && value === 0)
      return both(`${zhName}已过`, `${enName} is past`);
    const words = condition.fn === 'days_since' ? DAYS_AGO[op] : DAYS_AHEAD[op];
    return condition.fn === 'days_since'
      ? both(
          `${zhName}${words['zh-CN']} ${value} 天`,
          `${enName} was ${words['en-US']} ${value} days ago`,
        )
      : both(
          `${zhName}${words['zh-CN']} ${value} 天`,
          `${enName} is ${words['en-US']} ${value} days away`,
        );
  }
  if (!('value' in condition)) {
    return condition.op === 'empty'
      ? both(`${zhName}未填写`, `${enName} is not answered`)
      : both(`${zhName}已填写`, `${enName} is answered`);
  }
  const value = condition.value;
  const label =
    typeof value === 'number'
      ? both(String(value), String(value))
      : (names.label(condition.ref, value) ??
        (value === 'yes' || value === 'no' ? YES_NO_LABELS[value] : both(value, value)));
  const quoted =
    typeof value === 'number' ? label : both(`“${label['zh-CN']}”`, `"${label['en-US']}"`);
  if (condition.op === 'selected')
    return both(`${zhName}包含${quoted['zh-CN']}`, `${enName} includes ${quoted['en-US']}`);
  const op = COMPARE[condition.op];
  if (condition.op === 'eq')
    return both(`${zhName}为${quoted['zh-CN']}`, `${enName} is ${quoted['en-US']}`);
  return both(
    `${zhName}${op['zh-CN']}${quoted['zh-CN']}`,
    `${enName} ${op['en-US']} ${quoted['en-US']}`,
  );
}
