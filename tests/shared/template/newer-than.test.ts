import { describe, expect, it } from 'vitest';
import { monthsBefore } from '../../../shared/template/dates';
import { evaluate } from '../../../shared/template/engine';
import { describeRule } from '../../../shared/template/rules';
import type { Item, Template } from '../../../shared/template/schema';
import { checkTemplate } from '../../../shared/template/validate';
import { item, template } from './fixtures';

/** qinglang-template/3: the newer-than rule, in calendar months (e.g. logs kept six months). */

const oldestLog = item('date', 'oldest_log', {
  rules: [{ kind: 'newer-than', months: 6, effect: 'non-compliant' }],
});

const v3 = (...items: Item[]): Template => ({ ...template(items), format: 'qinglang-template/3' });

function resultOn(today: string, value: unknown, it: Item = oldestLog) {
  return evaluate(v3(it), { [it.id]: value }, today).items[it.id]!;
}

function problems(input: unknown) {
  const result = checkTemplate(input);
  if (result.ok) return [];
  return result.problems.map((p) => `${p.path}: ${p.message['en-US']} | ${p.message['zh-CN']}`);
}

describe('calendar months before a date', () => {
  it.each([
    ['2026-08-31', 6, '2026-02-28'], // February has no 31st: its last day
    ['2028-08-31', 6, '2028-02-29'], // a leap year's February
    ['2026-08-30', 6, '2026-02-28'],
    ['2026-08-15', 6, '2026-02-15'],
    ['2026-03-31', 1, '2026-02-28'],
    ['2026-12-31', 6, '2026-06-30'], // June has 30 days
    ['2026-05-31', 6, '2025-11-30'], // across the new year
    ['2026-01-15', 12, '2025-01-15'],
    ['2100-08-31', 6, '2100-02-28'], // 2100 is not a leap year
    ['2000-08-31', 6, '2000-02-29'], // 2000 is
    ['2026-11-29', 0, '2026-11-29'],
  ])('%s minus %i months is %s', (from, months, expected) => {
    expect(monthsBefore(from, months)).toBe(expected);
  });

  it('gives null for a date that does not exist', () => {
    expect(monthsBefore('2026-02-30', 6)).toBeNull();
    expect(monthsBefore('not a date', 6)).toBeNull();
  });
});

describe('the newer-than rule', () => {
  it.each([
    // today 2026-08-31: six months ago is 2026-02-28
    ['2026-08-31', '2026-02-28', 'compliant'], // exactly six months of logs
    ['2026-08-31', '2026-03-01', 'non-compliant'], // one day short
    ['2026-08-31', '2025-12-01', 'compliant'],
    // a leap year: 2028-02-29 is the boundary
    ['2028-08-31', '2028-02-29', 'compliant'],
    ['2028-08-31', '2028-03-01', 'non-compliant'],
    // mid-month
    ['2026-11-29', '2026-05-29', 'compliant'],
    ['2026-11-29', '2026-05-30', 'non-compliant'],
    ['2026-11-29', '2026-11-29', 'non-compliant'], // logs from today only
  ])('today %s, oldest log %s → %s', (today, date, status) => {
    expect(resultOn(today, date).status).toBe(status);
  });

  it('judges 180 days of logs as short of six months when the months are longer', () => {
    // 2026-03-03 to 2026-08-30 is 180 days; six months before 2026-08-30 is 2026-02-28.
    expect(resultOn('2026-08-30', '2026-03-03').status).toBe('non-compliant');
  });

  it('says why in both languages, with the latest date that would do', () => {
    expect(resultOn('2026-08-31', '2026-06-01').reasons).toEqual([
      {
        itemId: 'oldest_log',
        sectionId: 's0',
        effect: 'non-compliant',
        message: {
          'zh-CN': '日期 2026-06-01 距今不足 6 个月（应不晚于 2026-02-28）',
          'en-US': '2026-06-01 is less than 6 months ago (it should be 2026-02-28 or earlier)',
        },
      },
    ]);
  });

  it('takes its effect: a warning is listed and never changes the status', () => {
    const warned = item('date', 'oldest_log', {
      rules: [{ kind: 'newer-than', months: 1, effect: 'warning' }],
    });
    const result = resultOn('2026-11-29', '2026-11-20', warned);
    expect(result.warnings.map((w) => w.message['en-US'])).toEqual([
      '2026-11-20 is less than 1 month ago (it should be 2026-10-29 or earlier)',
    ]);
    const partial = item('date', 'oldest_log', {
      rules: [{ kind: 'newer-than', months: 3, effect: 'partial' }],
    });
    expect(resultOn('2026-11-29', '2026-11-20', partial).status).toBe('partial');
  });

  it('refuses a date after today: the oldest log cannot be in the future', () => {
    const result = resultOn('2026-11-29', '2027-01-01');
    expect(result.status).toBe('unanswered');
    expect(result.problems[0]!.message['en-US']).toContain('after today');
  });

  it('reads as words in both languages', () => {
    expect(describeRule(oldestLog.rules[0]!, oldestLog)).toEqual({
      'zh-CN': '日期距今不足 6 个月 → 不符合',
      'en-US': 'date less than 6 months before today → Non-compliant',
    });
  });
});

describe('the newer-than rule in the template format', () => {
  it('is accepted in a qinglang-template/3 template, and kept', () => {
    const result = checkTemplate(v3(oldestLog));
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.template.format).toBe('qinglang-template/3');
    expect(result.ok && result.template.sections[0]!.items[0]!.rules).toEqual(oldestLog.rules);
  });

  it('is refused in a /1 or /2 template, saying to declare /3 (an older app could not read it)', () => {
    for (const format of ['qinglang-template/1', 'qinglang-template/2'])
      expect(problems({ ...v3(oldestLog), format })).toEqual([
        '$.sections[0].items[0].rules[0]: the newer-than rule (in months) needs qinglang-template/3: ' +
          'declare "format": "qinglang-template/3" | ' +
          '规则 newer-than（按月计）是 qinglang-template/3 格式才有的：请把 format 改为“qinglang-template/3”',
      ]);
  });

  it('is refused on an item that is not a date', () => {
    const count = item('number', 'count', {
      rules: [{ kind: 'newer-than', months: 6, effect: 'partial' }],
    });
    expect(problems(v3(count))).toEqual([
      '$.sections[0].items[0].rules[0]: rule "newer-than" does not apply to a "number" item | ' +
        '规则“newer-than”不能用于“number”类检查项',
    ]);
  });

  it('needs a whole number of months from 1 to 1200, and no days', () => {
    const withRule = (rule: unknown) =>
      problems(v3({ ...oldestLog, rules: [rule] } as unknown as Item));
    for (const months of [0, 2.5, 1201, '6'])
      expect(withRule({ kind: 'newer-than', months, effect: 'partial' })).toEqual([
        expect.stringMatching(/^\$\.sections\[0\]\.items\[0\]\.rules\[0\]\.months: /),
      ]);
    expect(withRule({ kind: 'newer-than', days: 180, effect: 'partial' })).not.toEqual([]);
  });

  it('refuses a later format as a whole, saying to update the app (as an older app refuses /3)', () => {
    expect(problems({ ...v3(oldestLog), format: 'qinglang-template/4' })).toEqual([
      '$.format: this template is in qinglang-template/4, a format this app does not know ' +
        '(a newer app may have written it); it reads qinglang-template/1, qinglang-template/2, ' +
        'qinglang-template/3: update the app to import it | ' +
        '模板格式 qinglang-template/4 是本程序不认识的（可能是更新的程序写的）；本程序读取 ' +
        'qinglang-template/1、qinglang-template/2、qinglang-template/3：请更新程序后再导入',
    ]);
  });

  it('leaves a template without it in the format it declares', () => {
    const plain = template([item('date', 'd', { rules: [] })]);
    for (const format of ['qinglang-template/1', 'qinglang-template/2', 'qinglang-template/3']) {
      const result = checkTemplate({ ...plain, format });
      expect(result.ok && result.template.format).toBe(format);
    }
  });
});
