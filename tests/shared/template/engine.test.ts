import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/template/engine';
import type { Item } from '../../../shared/template/schema';
import { CHECK_ANSWERS } from '../../../shared/template/schema';
import { item, template } from './fixtures';

const TODAY = '2026-11-29';

describe('visibility', () => {
  const uses = item('yesno', 'uses_face');
  const holder = item('choice', 'holder', {
    visibleIf: { ref: 'uses_face', op: 'eq', value: 'yes' },
  });
  const agreement = item('check', 'agreement', {
    visibleIf: { ref: 'holder', op: 'eq', value: 'b' },
  });
  const t = template([uses, holder, agreement]);

  it('shows an item only when its condition holds, following chains', () => {
    const visible = (answers: Record<string, unknown>) =>
      Object.values(evaluate(t, answers, TODAY).items)
        .filter((r) => r.visible)
        .map((r) => r.id);
    expect(visible({})).toEqual(['uses_face']);
    expect(visible({ uses_face: 'yes' })).toEqual(['uses_face', 'holder']);
    expect(visible({ uses_face: 'yes', holder: 'b' })).toEqual([
      'uses_face',
      'holder',
      'agreement',
    ]);
    // The chain breaks when the first answer changes, even though holder still says 'b'.
    expect(visible({ uses_face: 'no', holder: 'b' })).toEqual(['uses_face']);
  });

  it('never counts hidden items, even when they hold answers', () => {
    const result = evaluate(t, { uses_face: 'no', holder: 'b', agreement: 'non-compliant' }, TODAY);
    expect(result.overall).toEqual({ answered: 1, applicable: 1, ratio: 1 });
    expect(result.counts.nonCompliant).toBe(0);
    expect(result.findings).toEqual([]);
  });
});

describe('progress, counts and compliance rate', () => {
  const checks = ['a', 'b', 'c', 'd', 'e'].map((id) => item('check', id));
  const info = item('text', 'notes');

  it('follows the documented formula: (符合 + ½ 部分符合) / (符合 + 部分符合 + 不符合)', () => {
    const result = evaluate(
      template(checks, [info]),
      { a: 'compliant', b: 'compliant', c: 'partial', d: 'non-compliant', e: 'na', notes: 'ok' },
      TODAY,
    );
    expect(result.counts).toEqual({
      compliant: 2,
      partial: 1,
      nonCompliant: 1,
      na: 1,
      unanswered: 0,
    });
    expect(result.complianceRate).toBeCloseTo(2.5 / 4);
    expect(result.overall).toEqual({ answered: 6, applicable: 6, ratio: 1 });
    expect(result.sections).toEqual([
      { id: 's0', answered: 5, applicable: 5, ratio: 1 },
      { id: 's1', answered: 1, applicable: 1, ratio: 1 },
    ]);
    expect(result.findings.map((f) => [f.itemId, f.effect])).toEqual([
      ['c', 'partial'],
      ['d', 'non-compliant'],
    ]);
  });

  it('has no rate before anything is judged, and counts the unanswered', () => {
    const result = evaluate(template(checks), { e: 'na' }, TODAY);
    expect(result.complianceRate).toBeNull();
    expect(result.counts.unanswered).toBe(4);
    expect(result.overall.ratio).toBeCloseTo(1 / 5);
  });

  it('lists a required unanswered item as a problem, not a finding', () => {
    const required = item('date', 'policy_date', { required: true });
    const r = evaluate(template([required]), {}, TODAY).items.policy_date!;
    expect(r.status).toBe('unanswered');
    expect(r.problems[0]!.message['zh-CN']).toBe('必填项，请填写');
  });
});

describe('engine properties', () => {
  // A template of checks, some shown only when an earlier one is 'compliant'.
  const arbTemplate = fc
    .array(fc.boolean(), { minLength: 1, maxLength: 12 })
    .map((conditional) =>
      template(
        conditional.map((hasCondition, i): Item =>
          item(
            'check',
            `q${i}`,
            hasCondition && i > 0
              ? { visibleIf: { ref: `q${i - 1}`, op: 'eq', value: 'compliant' } }
              : {},
          ),
        ),
      ),
    );
  const arbAnswers = (size: number) =>
    fc.array(fc.option(fc.constantFrom(...CHECK_ANSWERS, 'junk', 42), { nil: undefined }), {
      minLength: size,
      maxLength: size,
    });

  const cases = arbTemplate.chain((t) =>
    arbAnswers(t.sections[0]!.items.length).map((values) => ({
      t,
      answers: Object.fromEntries(
        values.flatMap((v, i) => (v === undefined ? [] : [[`q${i}`, v]])),
      ),
    })),
  );

  it('never reports progress above 100 % or a rate outside 0..1', () => {
    fc.assert(
      fc.property(cases, ({ t, answers }) => {
        const r = evaluate(t, answers, TODAY);
        expect(r.overall.answered).toBeLessThanOrEqual(r.overall.applicable);
        expect(r.overall.ratio).toBeGreaterThanOrEqual(0);
        expect(r.overall.ratio).toBeLessThanOrEqual(1);
        for (const s of r.sections) expect(s.ratio).toBeLessThanOrEqual(1);
        if (r.complianceRate !== null) {
          expect(r.complianceRate).toBeGreaterThanOrEqual(0);
          expect(r.complianceRate).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('never counts a hidden item', () => {
    fc.assert(
      fc.property(cases, ({ t, answers }) => {
        const r = evaluate(t, answers, TODAY);
        const visible = Object.values(r.items).filter((i) => i.visible).length;
        expect(r.overall.applicable).toBe(visible);
        const c = r.counts;
        expect(c.compliant + c.partial + c.nonCompliant + c.na + c.unanswered).toBe(visible);
        const hidden = new Set(
          Object.values(r.items)
            .filter((i) => !i.visible)
            .map((i) => i.id),
        );
        expect(r.findings.filter((f) => hidden.has(f.itemId))).toEqual([]);
      }),
    );
  });

  it('gives the same result whatever order the answers come in', () => {
    fc.assert(
      fc.property(cases, fc.func(fc.integer()), ({ t, answers }, key) => {
        const shuffled = Object.fromEntries(
          Object.entries(answers).sort(([a], [b]) => key(a) - key(b) || a.localeCompare(b)),
        );
        expect(evaluate(t, shuffled, TODAY)).toEqual(evaluate(t, answers, TODAY));
      }),
    );
  });

  it('ignores answers to items the template does not have, and prototype keys', () => {
    const t = template([item('check', 'a')]);
    const hostile = JSON.parse(
      '{"a":"compliant","__proto__":{"polluted":1},"constructor":"x","zz":"non-compliant"}',
    );
    const r = evaluate(t, hostile, TODAY);
    expect(r.counts).toMatchObject({ compliant: 1, nonCompliant: 0 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('counting rules that can judge', () => {
  it('counts an expired date as 不符合 in the rate even when its rule only warns', () => {
    const expiry = item('date', 'expiry', {
      rules: [{ kind: 'expires-within', days: 30, effect: 'warning' }],
    });
    const t = template([expiry, item('check', 'c1'), item('check', 'c2')]);
    const r = evaluate(t, { expiry: '2026-01-01', c1: 'compliant', c2: 'non-compliant' }, TODAY);
    expect(r.counts).toMatchObject({ compliant: 1, nonCompliant: 2 });
    expect(r.complianceRate).toBeCloseTo(1 / 3);
  });

  it('counts every visible judged item exactly once, whatever its kind (property)', () => {
    const kinds = fc.array(
      fc.oneof(
        fc.record({
          kind: fc.constant('check' as const),
          value: fc.constantFrom(...CHECK_ANSWERS, undefined),
        }),
        fc.record({
          kind: fc.constant('date' as const),
          value: fc.constantFrom('2020-01-01', '2026-11-20', '2027-06-01', 'bad', undefined),
        }),
        fc.record({
          kind: fc.constant('number' as const),
          value: fc.constantFrom(0, 179, 180, 'x', undefined),
        }),
      ),
      { minLength: 1, maxLength: 15 },
    );
    fc.assert(
      fc.property(kinds, (specs) => {
        const items = specs.map((s, i): Item => {
          if (s.kind === 'date')
            return item('date', `i${i}`, {
              rules: [
                { kind: i % 2 ? 'older-than' : 'expires-within', days: 30, effect: 'warning' },
              ],
            });
          if (s.kind === 'number')
            return item('number', `i${i}`, {
              rules: [{ kind: 'at-least', value: 180, effect: i % 2 ? 'partial' : 'warning' }],
            });
          return item('check', `i${i}`);
        });
        const answers = Object.fromEntries(
          specs.flatMap((s, i) => (s.value === undefined ? [] : [[`i${i}`, s.value]])),
        );
        const r = evaluate(template(items), answers, TODAY);
        const judged = Object.values(r.items).filter((x) => x.assessed);
        const byStatus = (status: string) => judged.filter((x) => x.status === status).length;
        expect(r.counts).toEqual({
          compliant: byStatus('compliant'),
          partial: byStatus('partial'),
          nonCompliant: byStatus('non-compliant'),
          na: byStatus('na'),
          unanswered: byStatus('unanswered'),
        });
        for (const x of Object.values(r.items)) {
          if (['compliant', 'partial', 'non-compliant'].includes(x.status))
            expect(x.assessed, x.id).toBe(true);
        }
      }),
    );
  });
});

describe('register rows, judged once per row object', () => {
  const register = item('register', 'devices', {
    columns: [
      { id: 'name', kind: 'text', label: { 'zh-CN': '名称', 'en-US': 'Name' }, required: true },
      {
        id: 'updated',
        kind: 'date',
        label: { 'zh-CN': '更新', 'en-US': 'Updated' },
        required: false,
      },
      {
        id: 'constructor',
        kind: 'text',
        label: { 'zh-CN': '构造', 'en-US': 'Ctor' },
        required: false,
      },
    ],
    rowRules: [
      {
        id: 'stale',
        when: { fn: 'days_since', ref: 'updated', op: 'gt', value: 30 },
        effect: 'non-compliant',
        message: { 'zh-CN': '超过 30 天', 'en-US': 'over 30 days' },
      },
    ],
  });
  const t = template([register]);
  const row = { name: '防火墙', updated: '2026-11-01' };

  it('judges the same row object again on another day', () => {
    const rows = [row];
    expect(evaluate(t, { devices: rows }, '2026-11-20').items.devices!.status).toBe('compliant');
    expect(evaluate(t, { devices: rows }, '2026-12-20').items.devices!.status).toBe(
      'non-compliant',
    );
  });

  it('judges an edited row (a new object) afresh, and leaves the others as they were', () => {
    const other = { name: '网关', updated: '2026-11-25' };
    const before = evaluate(t, { devices: [row, other] }, '2026-12-05');
    expect(before.findings.map((f) => f.row)).toEqual([0]);
    const edited = { ...row, updated: '2026-12-01' };
    const after = evaluate(t, { devices: [edited, other] }, '2026-12-05');
    expect(after.findings).toEqual([]);
  });

  it('reads a cell by own key only: a column named constructor is empty until filled', () => {
    const result = evaluate(t, { devices: [{ name: '交换机' }] }, '2026-11-20');
    expect(result.items.devices!.problems).toEqual([]);
  });
});
