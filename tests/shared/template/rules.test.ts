import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/template/engine';
import type { Item, Rule } from '../../../shared/template/schema';
import { item, template } from './fixtures';

const TODAY = '2026-11-29';

function statusOf(it: Item, value: unknown) {
  const result = evaluate(template([it]), { [it.id]: value }, TODAY).items[it.id]!;
  return { status: result.status, reasons: result.reasons, warnings: result.warnings };
}

describe('item rules at their boundaries', () => {
  const signature = item('date', 'sig', {
    rules: [{ kind: 'older-than', days: 30, effect: 'non-compliant' }],
  });
  it.each([
    ['2026-10-30', 'compliant'], // 30 days ago: not older than 30
    ['2026-10-29', 'non-compliant'], // 31 days ago
    ['2026-11-29', 'compliant'],
  ])('older-than 30 days: %s → %s', (date, status) => {
    expect(statusOf(signature, date).status).toBe(status);
  });

  it('refuses a date after today where a rule measures how long ago something happened', () => {
    // A typing slip (2027 for 2026) must not read as a perfectly fresh signature library.
    const result = evaluate(template([signature]), { sig: '2027-01-01' }, TODAY).items['sig']!;
    expect(result.status).toBe('unanswered');
    expect(result.problems[0]!.message['zh-CN']).toContain('晚于今天');
    expect(result.problems[0]!.message['en-US']).toContain('after today');
  });

  it('says why in both languages', () => {
    expect(statusOf(signature, '2026-10-29').reasons[0]!.message).toEqual({
      'zh-CN': '日期 2026-10-29 距今 31 天，超过 30 天',
      'en-US': '2026-10-29 is 31 days ago, more than 30 days',
    });
  });

  const agreement = item('date', 'expiry', {
    rules: [{ kind: 'expires-within', days: 30, effect: 'warning' }],
  });
  it.each([
    ['2026-12-30', 'compliant', 0], // 31 days left
    ['2026-12-29', 'compliant', 1], // exactly 30 days left: warning
    ['2026-11-29', 'compliant', 1], // expires today: still valid, warning
    ['2026-11-28', 'non-compliant', 0], // expired yesterday
  ])('expires-within 30 days: %s → %s with %i warning(s)', (date, status, warnings) => {
    const result = statusOf(agreement, date);
    expect(result.status).toBe(status);
    expect(result.warnings).toHaveLength(warnings);
  });

  const logs = item('number', 'log_days', {
    unit: { 'zh-CN': '天', 'en-US': 'days' },
    rules: [{ kind: 'at-least', value: 180, effect: 'non-compliant' }],
  });
  it.each([
    [179, 'non-compliant'],
    [180, 'compliant'],
    [181, 'compliant'],
    [0, 'non-compliant'],
  ])('at-least 180: %i → %s', (value, status) => {
    expect(statusOf(logs, value).status).toBe(status);
  });
  it('names the unit in the reason', () => {
    expect(statusOf(logs, 90).reasons[0]!.message['zh-CN']).toBe('90天 低于要求的 180天');
  });

  const coverage = item('number', 'coverage', {
    rules: [{ kind: 'at-most', value: 5, effect: 'partial' }],
  });
  it.each([
    [5, 'compliant'],
    [5.01, 'partial'],
  ])('at-most 5: %d → %s', (value, status) => {
    expect(statusOf(coverage, value).status).toBe(status);
  });

  const yesno = item('yesno', 'policy', {
    rules: [{ kind: 'equals', value: 'no', effect: 'non-compliant' }],
  });
  it.each([
    ['yes', 'compliant'],
    ['no', 'non-compliant'],
  ])('yes/no mapped: %s → %s', (value, status) => {
    expect(statusOf(yesno, value).status).toBe(status);
  });

  it('takes the worst effect when several rules fire, and keeps warnings apart', () => {
    const rules: Rule[] = [
      { kind: 'at-least', value: 10, effect: 'partial' },
      { kind: 'at-least', value: 5, effect: 'non-compliant' },
      { kind: 'at-least', value: 20, effect: 'warning' },
    ];
    const n = item('number', 'n', { rules });
    expect(statusOf(n, 7)).toMatchObject({ status: 'partial', warnings: [{ effect: 'warning' }] });
    expect(statusOf(n, 3).status).toBe('non-compliant');
    expect(statusOf(n, 15)).toMatchObject({ status: 'compliant', reasons: [] });
  });

  it('never lets a mistyped value pass a rule: it is unanswered, with the problem said', () => {
    const result = evaluate(template([logs]), { log_days: '365' }, TODAY).items.log_days!;
    expect(result.status).toBe('unanswered');
    expect(result.problems[0]!.message['en-US']).toBe('should be a number');
    expect(statusOf(signature, '2026-02-30').status).toBe('unanswered');
  });
});

describe('register row rules', () => {
  const biometric = item('register', 'biometric', {
    columns: [
      { id: 'system', kind: 'text', label: { 'zh-CN': '系统', 'en-US': 'System' }, required: true },
      {
        id: 'third_party',
        kind: 'yesno',
        label: { 'zh-CN': '第三方保管', 'en-US': 'Third party' },
        required: true,
      },
      {
        id: 'agreement',
        kind: 'yesno',
        label: { 'zh-CN': '保密协议', 'en-US': 'Agreement' },
        required: false,
      },
    ],
    rowRules: [
      {
        id: 'no_agreement',
        when: {
          all: [
            { ref: 'third_party', op: 'eq', value: 'yes' },
            { not: { ref: 'agreement', op: 'eq', value: 'yes' } },
          ],
        },
        effect: 'non-compliant',
        message: {
          'zh-CN': '第三方保管但未签保密协议',
          'en-US': 'held by a third party without an agreement',
        },
      },
    ],
  });

  it('flags only the rows that break the rule, saying which row', () => {
    const rows = [
      { system: '门禁', third_party: 'yes', agreement: 'yes' },
      { system: '食堂', third_party: 'yes', agreement: 'no' },
      { system: '考勤', third_party: 'no' },
      { system: '宿舍', third_party: 'yes' },
    ];
    const result = evaluate(template([biometric]), { biometric: rows }, TODAY).items.biometric!;
    expect(result.status).toBe('non-compliant');
    expect(result.reasons.map((r) => r.row)).toEqual([1, 3]);
  });

  const hazards = item('register', 'hazards', {
    columns: [
      { id: 'issue', kind: 'text', label: { 'zh-CN': '问题', 'en-US': 'Issue' }, required: true },
      {
        id: 'deadline',
        kind: 'date',
        label: { 'zh-CN': '期限', 'en-US': 'Deadline' },
        required: true,
      },
      { id: 'fixed', kind: 'date', label: { 'zh-CN': '完成', 'en-US': 'Fixed' }, required: false },
    ],
    rowRules: [
      {
        id: 'overdue',
        when: {
          all: [
            { fn: 'days_until', ref: 'deadline', op: 'lt', value: 0 },
            { ref: 'fixed', op: 'empty' },
          ],
        },
        effect: 'non-compliant',
        message: { 'zh-CN': '已逾期未整改', 'en-US': 'overdue and not fixed' },
      },
    ],
  });
  it.each([
    [{ issue: 'x', deadline: '2026-11-28' }, 'non-compliant'], // deadline yesterday, not fixed
    [{ issue: 'x', deadline: '2026-11-29' }, 'compliant'], // due today: not yet overdue
    [{ issue: 'x', deadline: '2026-11-28', fixed: '2026-11-27' }, 'compliant'],
  ])('a notified hazard %j is %s', (row, status) => {
    expect(evaluate(template([hazards]), { hazards: [row] }, TODAY).items.hazards!.status).toBe(
      status,
    );
  });

  it('counts a register with a bad cell as not finished, naming the cells', () => {
    const result = evaluate(
      template([hazards]),
      { hazards: [{ issue: '', deadline: '2026-13-01' }] },
      TODAY,
    ).items.hazards!;
    expect(result.status).toBe('unanswered');
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [0, 'issue'],
      [0, 'deadline'],
    ]);
  });
});
