import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/inspection/changes';
import { applyChanges } from '../../../shared/inspection/changes';
import { canonicalText } from '../../../shared/inspection/canonical';
import { inspectionSchema } from '../../../shared/inspection/schema';
import {
  action,
  applied,
  deepFreeze,
  evidence,
  frozen,
  LATER,
  newInspection,
  NOW,
  refused,
  row,
  ROW_GONE,
  sha,
} from './fixtures';

describe('applyChanges: corrective actions and details', () => {
  it('puts a new action at the end and replaces one with the same id in place', () => {
    const { inspection, before } = frozen();
    const added = applied(inspection, [{ kind: 'action-put', action: action('a2', 'log_days') }]);
    expect(added.actions.map((a) => a.id)).toEqual(['a1', 'a2']);
    const done = action('a1', 'has_budget', { state: 'done', doneAt: LATER });
    const replaced = applied(added, [{ kind: 'action-put', action: done }]);
    expect(replaced.actions).toEqual([done, action('a2', 'log_days')]);
    expect(canonicalText(inspection)).toBe(before);
  });

  it('deletes an action by id', () => {
    const next = applied(frozen().inspection, [
      { kind: 'action-put', action: action('a2', 'log_days') },
      { kind: 'action-delete', actionId: 'a1' },
    ]);
    expect(next.actions).toEqual([action('a2', 'log_days')]);
  });

  it('changes the inspector and the period, each only when given', () => {
    const { inspection } = frozen();
    const renamed = applied(inspection, [{ kind: 'details', inspector: '赵老师' }]);
    expect(renamed.inspector).toBe('赵老师');
    expect(renamed.period).toEqual({ year: 2026, term: 'autumn' });
    const moved = applied(inspection, [
      { kind: 'details', period: { year: 2027, term: 'spring' } },
    ]);
    expect(moved.inspector).toBe('李老师');
    expect(moved.period).toEqual({ year: 2027, term: 'spring' });
  });
});

describe('applyChanges: the whole batch', () => {
  it('applies nothing when one change of the batch is refused, and says why in both languages', () => {
    const { inspection, before } = frozen();
    const result = applyChanges(
      inspection,
      [
        { kind: 'answer', itemId: 'log_days', value: 365 },
        { kind: 'rows-delete', itemId: 'devices', rowIds: ['r1'] },
        { kind: 'cell', itemId: 'devices', rowId: 'r1', columnId: 'name', value: 'x' },
      ],
      NOW,
    );
    expect(result).toEqual({ ok: false, message: ROW_GONE });
    expect(canonicalText(inspection)).toBe(before);
    expect(inspection.updatedAt).not.toBe(NOW);
  });

  it('refuses every change to a signed inspection, in both languages', () => {
    const signed = deepFreeze(newInspection({ state: 'signed' }));
    const result = applyChanges(signed, [{ kind: 'details', inspector: '赵老师' }], NOW);
    expect(result).toEqual({
      ok: false,
      message: {
        'zh-CN': '这份检查已由校长签字，不能修改。如需修改，请先撤销签字并重新打开。',
        'en-US':
          'This inspection has been signed by the principal and cannot be changed; reopen it first.',
      },
    });
    expect(signed.inspector).toBe('李老师');
  });

  it('still edits an inspection marked ready', () => {
    const next = applied(newInspection({ state: 'ready' }), [
      { kind: 'answer', itemId: 'log_days', value: 200 },
    ]);
    expect(next.state).toBe('ready');
    expect(next.answers.log_days?.value).toBe(200);
  });

  it('returns the same inspection, updatedAt untouched, for no changes', () => {
    const { inspection } = frozen();
    const result = applyChanges(inspection, [], NOW);
    expect(result).toEqual({ ok: true, inspection });
    expect(result.ok && result.inspection).toBe(inspection);
    expect(inspection.updatedAt).toBe('2026-11-01T08:00:00.000Z');
  });

  it('sets updatedAt to the edit time when something changed', () => {
    const next = applied(frozen().inspection, [{ kind: 'details', inspector: '赵老师' }], LATER);
    expect(next.updatedAt).toBe(LATER);
    expect(next.createdAt).toBe('2026-11-01T08:00:00.000Z');
  });

  it('leaves updatedAt alone when the changes change nothing', () => {
    const { inspection } = frozen();
    const next = applied(
      inspection,
      [
        { kind: 'action-delete', actionId: 'zz' },
        { kind: 'answer', itemId: 'log_days', value: null },
      ],
      LATER,
    );
    expect(canonicalText(next)).toBe(canonicalText(inspection));
  });

  it('gives a result the inspection schema still accepts', () => {
    const next = applied(frozen().inspection, [
      { kind: 'answer', itemId: 'log_days', value: 90 },
      { kind: 'rows-insert', itemId: 'devices', index: 1, rows: [row('n1', { name: 'AP' })] },
      { kind: 'evidence-add', itemId: 'devices', rowId: 'n1', refs: [evidence(9)] },
      { kind: 'action-put', action: action('a2', 'devices', { rowId: 'n1' }) },
    ]);
    expect(inspectionSchema.safeParse(next).success).toBe(true);
  });

  it('never touches its input (property: any batch of changes on a frozen inspection)', () => {
    const itemIds = fc.constantFrom('leading_group', 'has_budget', 'log_days', 'devices');
    const rowIds = fc.constantFrom('r1', 'r2', 'r3');
    const change: fc.Arbitrary<Change> = fc.oneof(
      fc.record({
        kind: fc.constant('answer' as const),
        itemId: itemIds,
        value: fc.option(fc.oneof(fc.string(), fc.integer()), { nil: null }),
      }),
      fc.record({ kind: fc.constant('note' as const), itemId: itemIds, note: fc.string() }),
      fc.record({
        kind: fc.constant('evidence-add' as const),
        itemId: itemIds,
        refs: fc.array(
          fc.nat(5).map((n) => evidence(n)),
          { maxLength: 3 },
        ),
      }),
      fc.record({
        kind: fc.constant('evidence-remove' as const),
        itemId: itemIds,
        sha256: fc.nat(5).map(sha),
      }),
      fc.record({
        kind: fc.constant('rows-insert' as const),
        itemId: fc.constant('devices'),
        index: fc.integer({ min: -2, max: 5 }),
        rows: fc.array(
          rowIds.map((id) => row(id)),
          { minLength: 1, maxLength: 2 },
        ),
      }),
      fc.record({
        kind: fc.constant('cell' as const),
        itemId: fc.constant('devices'),
        rowId: rowIds,
        columnId: fc.constantFrom('name', 'count'),
        value: fc.option(fc.string(), { nil: null }),
      }),
      fc.record({
        kind: fc.constant('rows-delete' as const),
        itemId: fc.constant('devices'),
        rowIds: fc.array(rowIds, { minLength: 1, maxLength: 2 }),
      }),
      fc.record({
        kind: fc.constant('action-delete' as const),
        actionId: fc.constantFrom('a1', 'a2'),
      }),
    );
    const { inspection, before } = frozen();
    fc.assert(
      fc.property(fc.array(change, { maxLength: 6 }), (changes) => {
        const result = applyChanges(inspection, changes, LATER);
        expect(canonicalText(inspection)).toBe(before);
        // A batch that changed something carries the new time. One whose edits cancel out (typed,
        // then cleared) may carry either: each of its edits was a real one.
        if (result.ok) {
          const changed =
            canonicalText({ ...result.inspection, updatedAt: '' }) !==
            canonicalText({ ...inspection, updatedAt: '' });
          if (changed) expect(result.inspection.updatedAt).toBe(LATER);
          else expect([LATER, inspection.updatedAt]).toContain(result.inspection.updatedAt);
        }
        if (!result.ok) expect(Object.keys(result.message)).toEqual(['zh-CN', 'en-US']);
      }),
    );
  });
});

describe('applyChanges: ids that name what Object.prototype has', () => {
  const HOSTILE = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'];

  it.each(HOSTILE)('treats %s as a plain item id', (id) => {
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    const inspection = deepFreeze(newInspection());
    const next = applied(inspection, [
      { kind: 'answer', itemId: id, value: 'polluted' },
      { kind: 'note', itemId: id, note: 'note' },
      { kind: 'rows-insert', itemId: id, index: 0, rows: [row('r1', { [id]: 'cell' })] },
      { kind: 'cell', itemId: id, rowId: 'r1', columnId: 'polluted', value: 'yes' },
    ]);
    expect(Object.keys(next.answers)).toEqual([id]);
    expect(Object.getOwnPropertyDescriptor(next.answers, id)?.value).toEqual({
      value: 'polluted',
      note: 'note',
      evidence: [],
      updatedAt: NOW,
    });
    expect(Object.getPrototypeOf(next.answers)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(next.registers)).toBe(Object.prototype);
    const rows = Object.getOwnPropertyDescriptor(next.registers, id)?.value as unknown;
    expect(rows).toEqual([row('r1', { [id]: 'cell', polluted: 'yes' })]);

    const cleared = applied(next, [
      { kind: 'answer', itemId: id, value: null },
      { kind: 'note', itemId: id, note: '' },
      { kind: 'cell', itemId: id, rowId: 'r1', columnId: id, value: null },
    ]);
    expect(Object.keys(cleared.answers)).toEqual([]);
    expect(Object.getOwnPropertyDescriptor(cleared.registers, id)?.value).toEqual([
      row('r1', { polluted: 'yes' }),
    ]);

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(typeof Object.prototype.toString).toBe('function');
    expect({}.constructor).toBe(Object);
  });

  it.each(HOSTILE)('does not find a row in Object.prototype under %s', (id) => {
    const message = refused(deepFreeze(newInspection()), [
      { kind: 'cell', itemId: id, rowId: 'r1', columnId: 'name', value: 'x' },
    ]);
    expect(message).toEqual(ROW_GONE);
  });

  it('clears a hostile column id that is not in the row without finding anything', () => {
    const next = applied(frozen().inspection, [
      { kind: 'cell', itemId: 'devices', rowId: 'r1', columnId: 'constructor', value: null },
    ]);
    expect(next.registers.devices?.[0]?.cells).toEqual({ name: '核心交换机', count: 2 });
    expect(Object.getPrototypeOf(next.registers.devices?.[0]?.cells)).toBe(Object.prototype);
  });
});
