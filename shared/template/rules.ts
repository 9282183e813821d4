import type { Bilingual } from '../i18n/locale';
import { daysBetween, isIsoDate, monthsBefore } from './dates';
import { EFFECT_LABELS, YES_NO_LABELS } from './labels';
import type { Effect, Item, Rule } from './schema';

/** A rule that fired on a value: what it does and why, in both languages. */
export interface Outcome {
  readonly effect: Effect;
  readonly message: Bilingual;
}

function unitOf(item: Item): Bilingual {
  return item.kind === 'number' && item.unit ? item.unit : { 'zh-CN': '', 'en-US': '' };
}

function withUnit(value: number, unit: string): string {
  return unit === '' ? String(value) : `${value} ${unit}`;
}

const months = (n: number): string => (n === 1 ? '1 month' : `${n} months`);

function labelOf(item: Item, value: string): Bilingual {
  if (item.kind === 'choice' || item.kind === 'multi') {
    const choice = item.choices.find((c) => c.value === value);
    if (choice) return choice.label;
  }
  if (value === 'yes' || value === 'no') return YES_NO_LABELS[value];
  return { 'zh-CN': value, 'en-US': value };
}

/** Runs one rule on an item's (valid, non-empty) value; null when it does not fire. */
export function applyRule(rule: Rule, item: Item, value: unknown, today: string): Outcome | null {
  switch (rule.kind) {
    case 'older-than': {
      if (typeof value !== 'string') return null;
      const age = daysBetween(value, today);
      if (age === null || age <= rule.days) return null;
      return {
        effect: rule.effect,
        message: {
          'zh-CN': `日期 ${value} 距今 ${age} 天，超过 ${rule.days} 天`,
          'en-US': `${value} is ${age} days ago, more than ${rule.days} days`,
        },
      };
    }
    case 'newer-than': {
      // Later than the same day `months` calendar months ago (the last day of a shorter month).
      const limit = isIsoDate(value) ? monthsBefore(today, rule.months) : null;
      if (limit === null || typeof value !== 'string' || value <= limit) return null;
      return {
        effect: rule.effect,
        message: {
          'zh-CN': `日期 ${value} 距今不足 ${rule.months} 个月（应不晚于 ${limit}）`,
          'en-US': `${value} is less than ${months(rule.months)} ago (it should be ${limit} or earlier)`,
        },
      };
    }
    case 'expires-within': {
      if (typeof value !== 'string') return null;
      const left = daysBetween(today, value);
      if (left === null || left > rule.days) return null;
      if (left < 0) {
        return {
          effect: 'non-compliant',
          message: { 'zh-CN': `已于 ${value} 到期`, 'en-US': `expired on ${value}` },
        };
      }
      return {
        effect: rule.effect,
        message: {
          'zh-CN': `将于 ${value} 到期，还剩 ${left} 天`,
          'en-US': `expires on ${value}, in ${left} days`,
        },
      };
    }
    case 'at-least':
    case 'at-most': {
      if (typeof value !== 'number') return null;
      const fires = rule.kind === 'at-least' ? value < rule.value : value > rule.value;
      if (!fires) return null;
      const unit = unitOf(item);
      const [zhWord, enWord] = rule.kind === 'at-least' ? ['低于', 'below'] : ['高于', 'above'];
      return {
        effect: rule.effect,
        message: {
          'zh-CN': `${value}${unit['zh-CN']} ${zhWord}要求的 ${rule.value}${unit['zh-CN']}`,
          'en-US':
            `${value} ${unit['en-US']} is ${enWord} the required ${rule.value} ${unit['en-US']}`.replace(
              /\s+/g,
              ' ',
            ),
        },
      };
    }
    case 'equals': {
      const matches = Array.isArray(value) ? value.includes(rule.value) : value === rule.value;
      if (!matches) return null;
      const label = labelOf(item, rule.value);
      return {
        effect: rule.effect,
        message: { 'zh-CN': `回答为“${label['zh-CN']}”`, 'en-US': `answered "${label['en-US']}"` },
      };
    }
  }
}

/** A rule in words, for the Templates page and the docs. */
export function describeRule(rule: Rule, item: Item): Bilingual {
  const effect = EFFECT_LABELS[rule.effect];
  const unit = unitOf(item);
  switch (rule.kind) {
    case 'older-than':
      return {
        'zh-CN': `日期早于今天 ${rule.days} 天以上 → ${effect['zh-CN']}`,
        'en-US': `date more than ${rule.days} days before today → ${effect['en-US']}`,
      };
    case 'newer-than':
      return {
        'zh-CN': `日期距今不足 ${rule.months} 个月 → ${effect['zh-CN']}`,
        'en-US': `date less than ${months(rule.months)} before today → ${effect['en-US']}`,
      };
    case 'expires-within':
      return {
        'zh-CN': `到期日在 ${rule.days} 天以内 → ${effect['zh-CN']}；已过期 → 不符合`,
        'en-US': `expiry within ${rule.days} days → ${effect['en-US']}; already expired → Non-compliant`,
      };
    case 'at-least':
      return {
        'zh-CN': `低于 ${rule.value}${unit['zh-CN']} → ${effect['zh-CN']}`,
        'en-US': `below ${withUnit(rule.value, unit['en-US'])} → ${effect['en-US']}`,
      };
    case 'at-most':
      return {
        'zh-CN': `高于 ${rule.value}${unit['zh-CN']} → ${effect['zh-CN']}`,
        'en-US': `above ${withUnit(rule.value, unit['en-US'])} → ${effect['en-US']}`,
      };
    case 'equals': {
      const label = labelOf(item, rule.value);
      return {
        'zh-CN': `回答“${label['zh-CN']}” → ${effect['zh-CN']}`,
        'en-US': `answer "${label['en-US']}" → ${effect['en-US']}`,
      };
    }
  }
}
