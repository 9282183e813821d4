import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCondition, printCondition } from '../../../shared/template/expression';
import type { Condition } from '../../../shared/template/schema';
import { COMPARISONS, conditionSchema } from '../../../shared/template/schema';
import { conditionProblems } from '../../../shared/template/validate-conditions';

const ok = (text: string) => {
  const result = parseCondition(text);
  if (!result.ok)
    throw new Error(`${text}: ${result.error.message['en-US']} at ${result.error.at}`);
  return result.condition;
};

describe('the condition language', () => {
  it.each<[string, Condition]>([
    ["${a} = 'yes'", { ref: 'a', op: 'eq', value: 'yes' }],
    ["${a}!='x'", { ref: 'a', op: 'ne', value: 'x' }],
    ['${n} >= 180', { ref: 'n', op: 'ge', value: 180 }],
    ['${n} < -1.5', { ref: 'n', op: 'lt', value: -1.5 }],
    ["${a} = ''", { ref: 'a', op: 'empty' }],
    ["${a} != ''", { ref: 'a', op: 'filled' }],
    ["selected(${m}, 'douyin')", { ref: 'm', op: 'selected', value: 'douyin' }],
    ['days_since(${d}) > 30', { fn: 'days_since', ref: 'd', op: 'gt', value: 30 }],
    ['days_until(${d}) <= 0', { fn: 'days_until', ref: 'd', op: 'le', value: 0 }],
    ["not(${a} = 'yes')", { not: { ref: 'a', op: 'eq', value: 'yes' } }],
    [
      "${a} = 'x' and ${b} = 'y' or ${c} = 'z'",
      {
        any: [
          {
            all: [
              { ref: 'a', op: 'eq', value: 'x' },
              { ref: 'b', op: 'eq', value: 'y' },
            ],
          },
          { ref: 'c', op: 'eq', value: 'z' },
        ],
      },
    ],
    [
      "${a} = 'x' and (${b} = 'y' or ${c} = 'z')",
      {
        all: [
          { ref: 'a', op: 'eq', value: 'x' },
          {
            any: [
              { ref: 'b', op: 'eq', value: 'y' },
              { ref: 'c', op: 'eq', value: 'z' },
            ],
          },
        ],
      },
    ],
    ["${a} = 'it\\'s'", { ref: 'a', op: 'eq', value: "it's" }],
  ])('reads %s', (text, condition) => {
    expect(ok(text)).toEqual(condition);
  });

  it.each([
    ['', 0, '此处应为'],
    ["${a} = 'x", 7, '引号没有闭合'],
    ['${A} = 1', 0, '引用应写成'],
    ['${a} == 1', 6, '此处应为带引号'],
    ['${a} = 1 and', 12, '此处应为'],
    ['(${a} = 1', 9, '此处应为“)”'],
    ["${a} = 'x' ${b} = 'y'", 11, '多余内容'],
    ['days_since(${d}) > 1.5', 19, '整数天数'],
    ['${a} ! 1', 5, '“!”后应为“='],
    ['${a} = 1 # comment', 9, '无法识别的字符'],
    ['x'.repeat(3000), 2000, '太长'],
    [`${'not('.repeat(30)}\${a} = 1${')'.repeat(30)}`, 84, '嵌套太深'],
  ])('explains what is wrong with %.40j and where', (text, at, zh) => {
    const result = parseCondition(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.at).toBe(at);
    expect(result.error.message['zh-CN']).toContain(zh);
    expect(result.error.message['en-US']).not.toBe('');
  });

  const ref = fc.constantFrom('a', 'b_1', 'signature_updated');
  const leaf: fc.Arbitrary<Condition> = fc.oneof(
    fc.record({
      ref,
      op: fc.constantFrom(...COMPARISONS),
      // '' included: `${a} < ''` is a comparison, only `= ''` and `!= ''` mean empty / filled.
      value: fc.oneof(fc.constant(''), fc.string(), fc.integer({ min: -1000, max: 1000 })),
    }),
    fc.record({ ref, op: fc.constant('selected' as const), value: fc.string() }),
    fc.record({ ref, op: fc.constantFrom('empty' as const, 'filled' as const) }),
    fc.record({
      fn: fc.constantFrom('days_since' as const, 'days_until' as const),
      ref,
      op: fc.constantFrom(...COMPARISONS),
      value: fc.integer({ min: -400, max: 400 }),
    }),
  );
  const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
    c: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({ all: fc.array(tie('c'), { minLength: 2, maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('c'), { minLength: 2, maxLength: 3 }) }),
      fc.record({ not: tie('c') }),
    ),
  })).c;

  it('gives back every condition a template may hold that it prints (lossless spreadsheets)', () => {
    fc.assert(
      fc.property(condition, (c) => {
        // A checked template never compares with '' by = or != (it says empty / filled).
        fc.pre(
          conditionSchema.safeParse(c).success && conditionProblems(c, '', new Map()).length === 0,
        );
        expect(ok(printCondition(c))).toEqual(c);
      }),
      { numRuns: 500 },
    );
  });

  it('prints canonically: print(parse(print(c))) is print(c)', () => {
    fc.assert(
      fc.property(condition, (c) => {
        const text = printCondition(c);
        expect(printCondition(ok(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
