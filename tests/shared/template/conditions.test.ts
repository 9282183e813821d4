import { describe, expect, it } from 'vitest';
import { holds } from '../../../shared/template/conditions';
import type { Condition } from '../../../shared/template/schema';

const TODAY = '2026-11-29';
const answers: Record<string, unknown> = {
  n: 180,
  s: 'yes',
  m: ['douyin', 'wechat'],
  blank: '   ',
  none: [],
  past: '2026-10-30', // 30 days ago
  soon: '2026-12-29', // in 30 days
  bad: '2026-02-30',
};
const lookup = (ref: string) => answers[ref];
const check = (c: Condition) => holds(c, lookup, TODAY);

describe('conditions at their boundaries', () => {
  it.each<[Condition, boolean]>([
    [{ ref: 'n', op: 'eq', value: 180 }, true],
    [{ ref: 'n', op: 'ne', value: 180 }, false],
    [{ ref: 'n', op: 'lt', value: 180 }, false],
    [{ ref: 'n', op: 'le', value: 180 }, true],
    [{ ref: 'n', op: 'gt', value: 179 }, true],
    [{ ref: 'n', op: 'ge', value: 181 }, false],
    [{ ref: 's', op: 'eq', value: 'yes' }, true],
    [{ ref: 's', op: 'ne', value: 'no' }, true],
    [{ ref: 'm', op: 'selected', value: 'douyin' }, true],
    [{ ref: 'm', op: 'selected', value: 'kuaishou' }, false],
    [{ ref: 's', op: 'selected', value: 'yes' }, true],
    [{ ref: 'blank', op: 'empty' }, true],
    [{ ref: 'none', op: 'empty' }, true],
    [{ ref: 'missing', op: 'empty' }, true],
    [{ ref: 'n', op: 'filled' }, true],
    [{ fn: 'days_since', ref: 'past', op: 'eq', value: 30 }, true],
    [{ fn: 'days_since', ref: 'past', op: 'gt', value: 30 }, false],
    [{ fn: 'days_until', ref: 'soon', op: 'le', value: 30 }, true],
    [{ fn: 'days_until', ref: 'soon', op: 'lt', value: 30 }, false],
    [{ fn: 'days_until', ref: 'past', op: 'lt', value: 0 }, true],
  ])('%j → %s', (condition, expected) => {
    expect(check(condition)).toBe(expected);
  });

  it.each<Condition>([
    { ref: 'missing', op: 'eq', value: 'yes' },
    { ref: 'missing', op: 'ne', value: 'yes' },
    { ref: 'n', op: 'eq', value: '180' },
    { ref: 's', op: 'gt', value: 1 },
    { fn: 'days_since', ref: 'bad', op: 'ge', value: 0 },
    { fn: 'days_since', ref: 'n', op: 'ge', value: 0 },
    { fn: 'days_until', ref: 'missing', op: 'lt', value: 0 },
  ])('is false for a missing or mistyped value: %j', (condition) => {
    expect(check(condition)).toBe(false);
  });

  it('combines with all, any and not', () => {
    const yes: Condition = { ref: 's', op: 'eq', value: 'yes' };
    const no: Condition = { ref: 's', op: 'eq', value: 'no' };
    expect(check({ all: [yes, no] })).toBe(false);
    expect(check({ any: [yes, no] })).toBe(true);
    expect(check({ not: no })).toBe(true);
    expect(check({ not: { ref: 'missing', op: 'eq', value: 'x' } })).toBe(true);
  });
});
