import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/inspection/changes';
import { applyChanges } from '../../../shared/inspection/changes';
import { canonicalText } from '../../../shared/inspection/canonical';
import type { Inspection } from '../../../shared/inspection/schema';
import { inspectionSchema } from '../../../shared/inspection/schema';
import {
  action,
  applied,
  deepFreeze,
  evidence,
  filledInspection,
  LATER,
  newInspection,
  NOW,
  refused,
  row,
  sha,
} from './fixtures';

const ROW_GONE = {
  'zh-CN': '这一行已不存在，可能已被删除。',
  'en-US': 'This row no longer exists; it may have been deleted.',
};
const DUPLICATE_ROW = {
  'zh-CN': '登记表中已有同一编号的行。',
  'en-US': 'A row with this id is already in the register.',
};

/** A frozen copy of the fixture, and its text, to prove nothing was written into it. */
function frozen(inspection: Inspection = filledInspection()) {
  const before = canonicalText(inspection);
  return { inspection: deepFreeze(inspection), before };
}

describe('applyChanges: answers and notes', () => {
  it('sets an answer on an unanswered item, with the edit time', () => {
    const { inspection, before } = frozen(newInspection());
    const next = applied(inspection, [{ kind: 'answer', itemId: 'log_days', value: 90 }]);
    expect(next.answers).toEqual({ log_days: { value: 90, evidence: [], updatedAt: NOW } });
    expect(next.updatedAt).toBe(NOW);
    expect(canonicalText(inspection)).toBe(before);
    expect(inspection.answers).toEqual({});
  });

  it('replaces a value and keeps the note and evidence of the answer', () => {
    const { inspection } = frozen();
    const next = applied(inspection, [
      { kind: 'answer', itemId: 'leading_group', value: 'partial' },
    ]);
    expect(next.answers.leading_group).toEqual({
      value: 'partial',
      note: '已成立',
      evidence: [evidence(1)],
      updatedAt: NOW,
    });
  });

  it('takes text, numbers and lists of choices as values', () => {
    const next = applied(newInspection(), [
      { kind: 'answer', itemId: 'backup', value: 'router' },
      { kind: 'answer', itemId: 'log_days', value: 0 },
      { kind: 'answer', itemId: 'has_budget', value: ['a', 'b'] },
    ]);
    expect(next.answers.backup?.value).toBe('router');
    expect(next.answers.log_days?.value).toBe(0);
    expect(next.answers.has_budget?.value).toEqual(['a', 'b']);
  });

  it('clears a value with null but keeps an answer that still has a note or evidence', () => {
    const next = applied(frozen().inspection, [
      { kind: 'answer', itemId: 'leading_group', value: null },
    ]);
    expect(next.answers.leading_group).toEqual({
      note: '已成立',
      evidence: [evidence(1)],
      updatedAt: NOW,
    });
    expect(Object.hasOwn(next.answers.leading_group!, 'value')).toBe(false);
  });

  it('removes an answer with nothing left in it', () => {
    const next = applied(frozen().inspection, [
      { kind: 'answer', itemId: 'has_budget', value: null },
    ]);
    expect(Object.keys(next.answers)).toEqual(['leading_group']);
    const emptied = applied(next, [
      { kind: 'answer', itemId: 'leading_group', value: null },
      { kind: 'note', itemId: 'leading_group', note: '' },
      { kind: 'evidence-remove', itemId: 'leading_group', sha256: sha(1) },
    ]);
    expect(emptied.answers).toEqual({});
  });

  it('sets a note alone, and an empty note clears it', () => {
    const withNote = applied(newInspection(), [
      { kind: 'note', itemId: 'has_budget', note: '预算已报区教育局\n待批复' },
    ]);
    expect(withNote.answers.has_budget).toEqual({
      note: '预算已报区教育局\n待批复',
      evidence: [],
      updatedAt: NOW,
    });
    const cleared = applied(withNote, [{ kind: 'note', itemId: 'has_budget', note: '' }], LATER);
    expect(cleared.answers).toEqual({});
    expect(cleared.updatedAt).toBe(LATER);
  });

  it('keeps the value when only the note is cleared', () => {
    const next = applied(frozen().inspection, [
      { kind: 'note', itemId: 'leading_group', note: '' },
    ]);
    expect(next.answers.leading_group).toEqual({
      value: 'compliant',
      evidence: [evidence(1)],
      updatedAt: NOW,
    });
  });

  it('leaves other answers as they were, the very same objects', () => {
    const { inspection } = frozen();
    const next = applied(inspection, [{ kind: 'answer', itemId: 'log_days', value: 365 }]);
    expect(next.answers.leading_group).toBe(inspection.answers.leading_group);
    expect(next.registers).toBe(inspection.registers);
    expect(next.actions).toBe(inspection.actions);
  });
});

describe('applyChanges: evidence', () => {
  it('adds evidence to an item, skipping files it already has (by SHA-256)', () => {
    const { inspection, before } = frozen();
    const next = applied(inspection, [
      {
        kind: 'evidence-add',
        itemId: 'leading_group',
        refs: [evidence(1, 'renamed copy.jpg'), evidence(3)],
      },
    ]);
    expect(next.answers.leading_group?.evidence).toEqual([evidence(1), evidence(3)]);
    expect(next.answers.leading_group?.updatedAt).toBe(NOW);
    expect(canonicalText(inspection)).toBe(before);
  });

  it('adds evidence to an unanswered item: the answer holds only the evidence', () => {
    const next = applied(newInspection(), [
      { kind: 'evidence-add', itemId: 'log_days', refs: [evidence(7)] },
    ]);
    expect(next.answers).toEqual({ log_days: { evidence: [evidence(7)], updatedAt: NOW } });
  });

  it('adds a file once even when the same change names it twice', () => {
    const next = applied(newInspection(), [
      { kind: 'evidence-add', itemId: 'log_days', refs: [evidence(5), evidence(5, 'again.jpg')] },
    ]);
    expect(next.answers.log_days?.evidence).toEqual([evidence(5)]);
  });

  it('removes evidence from an item by SHA-256', () => {
    const next = applied(frozen().inspection, [
      { kind: 'evidence-add', itemId: 'leading_group', refs: [evidence(3)] },
      { kind: 'evidence-remove', itemId: 'leading_group', sha256: sha(1) },
    ]);
    expect(next.answers.leading_group?.evidence).toEqual([evidence(3)]);
    expect(next.answers.leading_group?.value).toBe('compliant');
  });

  it('adds and removes evidence on one register row, leaving the others alone', () => {
    const { inspection, before } = frozen();
    const added = applied(inspection, [
      { kind: 'evidence-add', itemId: 'devices', rowId: 'r1', refs: [evidence(4)] },
      { kind: 'evidence-add', itemId: 'devices', rowId: 'r2', refs: [evidence(2), evidence(6)] },
    ]);
    expect(added.registers.devices?.map((r) => r.evidence)).toEqual([
      [evidence(4)],
      [evidence(2), evidence(6)],
    ]);
    expect(added.answers).toBe(inspection.answers);
    const removed = applied(added, [
      { kind: 'evidence-remove', itemId: 'devices', rowId: 'r2', sha256: sha(2) },
    ]);
    expect(removed.registers.devices?.map((r) => r.evidence)).toEqual([
      [evidence(4)],
      [evidence(6)],
    ]);
    expect(canonicalText(inspection)).toBe(before);
  });

  it('refuses evidence for a row that is not there', () => {
    const message = refused(frozen().inspection, [
      { kind: 'evidence-add', itemId: 'devices', rowId: 'gone', refs: [evidence(4)] },
    ]);
    expect(message).toEqual(ROW_GONE);
    expect(
      refused(newInspection(), [
        { kind: 'evidence-remove', itemId: 'devices', rowId: 'r1', sha256: sha(2) },
      ]),
    ).toEqual(ROW_GONE);
  });
});

describe('applyChanges: register rows and cells', () => {
  const names = (inspection: Inspection) => inspection.registers.devices?.map((r) => r.id);

  it('inserts rows at an index, at the start and at the end', () => {
    const { inspection, before } = frozen();
    const insert = (index: number): Change => ({
      kind: 'rows-insert',
      itemId: 'devices',
      index,
      rows: [row('n1', { name: '新设备' }), row('n2')],
    });
    expect(names(applied(inspection, [insert(1)]))).toEqual(['r1', 'n1', 'n2', 'r2']);
    expect(names(applied(inspection, [insert(0)]))).toEqual(['n1', 'n2', 'r1', 'r2']);
    expect(names(applied(inspection, [insert(2)]))).toEqual(['r1', 'r2', 'n1', 'n2']);
    expect(applied(inspection, [insert(1)]).registers.devices?.[1]).toEqual(
      row('n1', { name: '新设备' }),
    );
    expect(canonicalText(inspection)).toBe(before);
  });

  it('clamps an index past either end', () => {
    const { inspection } = frozen();
    const insert = (index: number): Change => ({
      kind: 'rows-insert',
      itemId: 'devices',
      index,
      rows: [row('n1')],
    });
    expect(names(applied(inspection, [insert(99)]))).toEqual(['r1', 'r2', 'n1']);
    expect(names(applied(inspection, [insert(-5)]))).toEqual(['n1', 'r1', 'r2']);
  });

  it('starts a register that had no rows', () => {
    const next = applied(newInspection(), [
      { kind: 'rows-insert', itemId: 'devices', index: 3, rows: [row('x')] },
    ]);
    expect(next.registers).toEqual({ devices: [row('x')] });
  });

  it('refuses a row id already in the register, or twice in the same change', () => {
    const { inspection } = frozen();
    expect(
      refused(inspection, [
        { kind: 'rows-insert', itemId: 'devices', index: 0, rows: [row('r2')] },
      ]),
    ).toEqual(DUPLICATE_ROW);
    expect(
      refused(newInspection(), [
        { kind: 'rows-insert', itemId: 'devices', index: 0, rows: [row('n'), row('n')] },
      ]),
    ).toEqual(DUPLICATE_ROW);
  });

  it('sets and clears one cell of one row', () => {
    const { inspection, before } = frozen();
    const set = applied(inspection, [
      { kind: 'cell', itemId: 'devices', rowId: 'r1', columnId: 'bought', value: '2024-09-01' },
      { kind: 'cell', itemId: 'devices', rowId: 'r1', columnId: 'count', value: 3 },
    ]);
    expect(set.registers.devices?.[0]?.cells).toEqual({
      name: '核心交换机',
      count: 3,
      bought: '2024-09-01',
    });
    expect(set.registers.devices?.[1]).toBe(inspection.registers.devices?.[1]);
    const cleared = applied(set, [
      { kind: 'cell', itemId: 'devices', rowId: 'r1', columnId: 'name', value: null },
    ]);
    expect(cleared.registers.devices?.[0]?.cells).toEqual({ count: 3, bought: '2024-09-01' });
    expect(canonicalText(inspection)).toBe(before);
  });

  it('refuses a cell of a row that is not there', () => {
    expect(
      refused(frozen().inspection, [
        { kind: 'cell', itemId: 'devices', rowId: 'r9', columnId: 'name', value: 'x' },
      ]),
    ).toEqual(ROW_GONE);
  });

  it('deletes rows by id', () => {
    const { inspection } = frozen();
    const next = applied(inspection, [
      { kind: 'rows-insert', itemId: 'devices', index: 2, rows: [row('r3')] },
      { kind: 'rows-delete', itemId: 'devices', rowIds: ['r1', 'r3'] },
    ]);
    expect(names(next)).toEqual(['r2']);
  });

  it('leaves a register emptied by deleting rows unanswered: only register-none confirms "none"', () => {
    const next = applied(frozen().inspection, [
      { kind: 'rows-delete', itemId: 'devices', rowIds: ['r1', 'r2'] },
    ]);
    expect(next.registers).toEqual({});
  });

  it('keeps the corrective actions of a deleted row on the item, without the row', () => {
    const start = applied(frozen().inspection, [
      {
        kind: 'action-put',
        action: {
          id: 'a9',
          itemId: 'devices',
          rowId: 'r1',
          description: '更新特征库',
          owner: '王老师',
          due: '2026-12-01',
          state: 'open',
          createdAt: '2026-11-29T08:00:00.000Z',
        },
      },
    ]);
    const next = applied(start, [{ kind: 'rows-delete', itemId: 'devices', rowIds: ['r1'] }]);
    const action = next.actions.find((a) => a.id === 'a9');
    expect(action).toMatchObject({ itemId: 'devices', description: '更新特征库' });
    expect(action).not.toHaveProperty('rowId');
  });

  it('refuses to delete a row that is not there, and deletes nothing then', () => {
    const { inspection, before } = frozen();
    expect(
      refused(inspection, [{ kind: 'rows-delete', itemId: 'devices', rowIds: ['r1', 'nope'] }]),
    ).toEqual(ROW_GONE);
    expect(canonicalText(inspection)).toBe(before);
  });

  it('confirms a register with no rows as empty on purpose (register-none)', () => {
    const { inspection, before } = frozen(newInspection());
    const next = applied(inspection, [{ kind: 'register-none', itemId: 'devices' }]);
    expect(next.registers).toEqual({ devices: [] });
    expect(next.updatedAt).toBe(NOW);
    expect(canonicalText(inspection)).toBe(before);
    const again = applied(next, [{ kind: 'register-none', itemId: 'devices' }], LATER);
    expect(again.registers).toEqual({ devices: [] });
  });

  it('refuses register-none for a register that has rows', () => {
    const { inspection, before } = frozen();
    expect(refused(inspection, [{ kind: 'register-none', itemId: 'devices' }])).toEqual({
      'zh-CN': '登记表中已有内容。',
      'en-US': 'The register already has rows.',
    });
    expect(canonicalText(inspection)).toBe(before);
  });

  it('never lands an edit on another row after rows move', () => {
    const next = applied(frozen().inspection, [
      { kind: 'rows-insert', itemId: 'devices', index: 0, rows: [row('n0')] },
      { kind: 'cell', itemId: 'devices', rowId: 'r1', columnId: 'count', value: 9 },
    ]);
    expect(next.registers.devices?.map((r) => r.cells.count)).toEqual([undefined, 9, undefined]);
  });
});

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
        'zh-CN': '此检查已签字确认，不能再修改。',
        'en-US': 'This inspection has been signed off and cannot be changed.',
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

describe('applyChanges: many cells at once (a paste)', () => {
  it('sets every cell named, in every row named, as one edit', () => {
    const next = applied(frozen().inspection, [
      {
        kind: 'cells',
        itemId: 'devices',
        values: [
          { rowId: 'r1', columnId: 'name', value: '核心交换机' },
          { rowId: 'r2', columnId: 'name', value: '无线 AP' },
          { rowId: 'r2', columnId: 'count', value: 12 },
        ],
      },
    ]);
    expect(next.registers.devices?.map((r) => r.cells.name)).toEqual(['核心交换机', '无线 AP']);
    expect(next.registers.devices?.[1]?.cells.count).toBe(12);
  });

  it('applies none of them when one names a row that is gone', () => {
    const { inspection, before } = frozen();
    expect(
      refused(inspection, [
        {
          kind: 'cells',
          itemId: 'devices',
          values: [
            { rowId: 'r1', columnId: 'name', value: '改了' },
            { rowId: 'gone', columnId: 'name', value: '不在了' },
          ],
        },
      ]),
    ).toEqual(ROW_GONE);
    expect(canonicalText(inspection)).toBe(before);
  });
});
