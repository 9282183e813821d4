import type { Bilingual } from '../../../shared/i18n/locale';
import { own } from '../../../shared/own';
import type { Effect, Rule } from '../../../shared/template/schema';

/**
 * The spreadsheet form of item rules, one cell: rules separated by ";", each
 *   older_than(30) -> non_compliant      expires_within(30) -> warning
 *   at_least(180) -> non_compliant       at_most(0) -> partial      equals('no') -> non_compliant
 *   newer_than(6 months) -> non_compliant  (qinglang-template/3: calendar months)
 */
const EFFECT_WORDS: Readonly<Record<string, Effect>> = {
  non_compliant: 'non-compliant',
  partial: 'partial',
  warning: 'warning',
};
const EFFECT_TEXT: Readonly<Record<Effect, string>> = {
  'non-compliant': 'non_compliant',
  partial: 'partial',
  warning: 'warning',
};

/** How an effect is written in a spreadsheet cell. */
export function effectText(effect: Effect): string {
  return EFFECT_TEXT[effect];
}

/** An effect as written in a cell (non_compliant, partial, warning), or undefined. */
export function effectOf(text: string): Effect | undefined {
  return own(EFFECT_WORDS, text);
}

export function printRules(rules: readonly Rule[]): string {
  return rules
    .map((rule) => {
      const argument =
        rule.kind === 'older-than' || rule.kind === 'expires-within'
          ? String(rule.days)
          : rule.kind === 'newer-than'
            ? `${rule.months} months`
            : rule.kind === 'equals'
              ? `'${rule.value}'`
              : String(rule.value);
      return `${rule.kind.replace('-', '_')}(${argument}) -> ${EFFECT_TEXT[rule.effect]}`;
    })
    .join('; ');
}

export type RulesParse = { ok: true; rules: Rule[] } | { ok: false; message: Bilingual };

const RULE =
  /^(older_than|newer_than|expires_within|at_least|at_most|equals)\((.*)\)\s*->\s*([a-z_]+)$/;
const MONTHS = /^(\d{1,4})\s*months?$/;

export function parseRules(text: string): RulesParse {
  const rules: Rule[] = [];
  for (const [index, raw] of text.split(';').entries()) {
    const part = raw.trim();
    if (part === '') continue;
    const m = RULE.exec(part);
    const effect = m ? own(EFFECT_WORDS, m[3]!) : undefined;
    const fail = (zh: string, en: string): RulesParse => ({
      ok: false,
      message: {
        'zh-CN': `第 ${index + 1} 条规则“${part}”：${zh}`,
        'en-US': `rule ${index + 1} "${part}": ${en}`,
      },
    });
    if (!m) {
      return fail(
        '应写成 规则(参数) -> 结果，规则为 older_than、newer_than、expires_within、at_least、at_most、equals',
        'write it as rule(argument) -> effect, with older_than, newer_than, expires_within, at_least, at_most or equals',
      );
    }
    if (!effect)
      return fail(
        '结果应为 non_compliant、partial 或 warning',
        'the effect must be non_compliant, partial or warning',
      );
    const [kind, argument] = [m[1]!.replace('_', '-'), m[2]!.trim()];
    if (kind === 'equals') {
      const value = /^'([^']*)'$/.exec(argument)?.[1];
      if (!value)
        return fail(
          "equals 的参数应为带引号的值，如 equals('no')",
          "equals takes a quoted value, e.g. equals('no')",
        );
      rules.push({ kind, value, effect });
      continue;
    }
    if (kind === 'newer-than') {
      const months = MONTHS.exec(argument)?.[1];
      if (!months || Number(months) < 1)
        return fail(
          'newer_than 的参数应为月数（至少 1），如 newer_than(6 months)',
          'newer_than takes a number of months (1 or more), e.g. newer_than(6 months)',
        );
      rules.push({ kind, months: Number(months), effect });
      continue;
    }
    if (!/^-?\d+(\.\d+)?$/.test(argument))
      return fail('参数应为数字', 'the argument must be a number');
    const number = Number(argument);
    if (kind === 'older-than' || kind === 'expires-within') {
      if (!Number.isInteger(number) || number < 0)
        return fail('天数应为非负整数', 'days must be a whole number, 0 or more');
      rules.push({ kind, days: number, effect });
    } else {
      rules.push({ kind: kind as 'at-least' | 'at-most', value: number, effect });
    }
  }
  return { ok: true, rules };
}
