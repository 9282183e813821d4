import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../../shared/inspection/changes';
import type { Change } from '../../../shared/inspection/changes';
import type { Inspection } from '../../../shared/inspection/schema';
import { inspectionSchema } from '../../../shared/inspection/schema';
import { action, evidence, filledInspection, newInspection, row } from './fixtures';

/** Instants a few minutes apart, for coalescing. */
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 30, 9, minutes)).toISOString();

function apply(inspection: Inspection, changes: Change[], when: string): Inspection {
  const result = applyChanges(inspection, changes, when);
  if (!result.ok) throw new Error(result.message['en-US']);
  expect(inspectionSchema.safeParse(result.inspection).success).toBe(true);
  return result.inspection;
}

/** The entries a batch adds to the trail. */
function added(inspection: Inspection, changes: Change[], when = at(0)) {
  return apply(inspection, changes, when).audit.slice(inspection.audit.length);
}

describe('the audit trail of each change kind', () => {
  it('records an answer and a note with what they were and what they became', () => {
    const base = filledInspection();
    expect(added(base, [{ kind: 'answer', itemId: 'has_budget', value: 'yes' }])).toEqual([
      { at: at(0), event: 'answer', itemId: 'has_budget', from: 'no', to: 'yes' },
    ]);
    expect(added(base, [{ kind: 'answer', itemId: 'log_days', value: 200 }])).toEqual([
      { at: at(0), event: 'answer', itemId: 'log_days', to: 200 },
    ]);
    expect(added(base, [{ kind: 'answer', itemId: 'has_budget', value: null }])).toEqual([
      { at: at(0), event: 'answer', itemId: 'has_budget', from: 'no' },
    ]);
    expect(added(base, [{ kind: 'note', itemId: 'leading_group', note: '已换届' }])).toEqual([
      { at: at(0), event: 'note', itemId: 'leading_group', from: '已成立', to: '已换届' },
    ]);
  });

  it('records nothing for a change that changes nothing', () => {
    const base = filledInspection();
    expect(added(base, [{ kind: 'answer', itemId: 'has_budget', value: 'no' }])).toEqual([]);
    expect(added(base, [{ kind: 'note', itemId: 'log_days', note: '' }])).toEqual([]);
    expect(added(base, [{ kind: 'action-delete', actionId: 'nope' }])).toEqual([]);
  });

  it('records evidence added and removed by name and hash, on items and rows', () => {
    const base = filledInspection();
    expect(
      added(base, [
        {
          kind: 'evidence-add',
          itemId: 'leading_group',
          refs: [evidence(1), evidence(5, '任命.pdf')],
        },
      ]),
    ).toEqual([
      {
        at: at(0),
        event: 'evidence-added',
        itemId: 'leading_group',
        detail: '任命.pdf',
        sha256: evidence(5).sha256,
      },
    ]);
    expect(
      added(base, [
        { kind: 'evidence-remove', itemId: 'devices', rowId: 'r2', sha256: evidence(2).sha256 },
      ]),
    ).toEqual([
      {
        at: at(0),
        event: 'evidence-removed',
        itemId: 'devices',
        rowId: 'r2',
        detail: 'photo-2.jpg',
        sha256: evidence(2).sha256,
      },
    ]);
  });

  it('records rows added, changed and deleted: one row by id, several by count', () => {
    const base = filledInspection();
    expect(
      added(base, [{ kind: 'rows-insert', itemId: 'devices', index: 2, rows: [row('r3')] }]),
    ).toEqual([{ at: at(0), event: 'rows-added', itemId: 'devices', rowId: 'r3' }]);
    expect(
      added(base, [
        { kind: 'rows-insert', itemId: 'devices', index: 0, rows: [row('r3'), row('r4')] },
      ]),
    ).toEqual([{ at: at(0), event: 'rows-added', itemId: 'devices', count: 2 }]);
    expect(
      added(base, [{ kind: 'cell', itemId: 'devices', rowId: 'r1', columnId: 'count', value: 3 }]),
    ).toEqual([
      {
        at: at(0),
        event: 'rows-changed',
        itemId: 'devices',
        rowId: 'r1',
        columnId: 'count',
        from: 2,
        to: 3,
      },
    ]);
    expect(
      added(base, [
        {
          kind: 'cells',
          itemId: 'devices',
          values: [
            { rowId: 'r1', columnId: 'name', value: '交换机' },
            { rowId: 'r2', columnId: 'ok', value: 'yes' },
            { rowId: 'r2', columnId: 'type', value: 'firewall' },
          ],
        },
      ]),
    ).toEqual([{ at: at(0), event: 'rows-changed', itemId: 'devices', count: 2 }]);
    expect(added(base, [{ kind: 'rows-delete', itemId: 'devices', rowIds: ['r1', 'r2'] }])).toEqual(
      [{ at: at(0), event: 'rows-deleted', itemId: 'devices', count: 2 }],
    );
    expect(added(newInspection(), [{ kind: 'register-none', itemId: 'devices' }])).toEqual([
      { at: at(0), event: 'register-none', itemId: 'devices' },
    ]);
  });

  it('records actions added, changed, done (with what was done and when) and deleted', () => {
    const base = filledInspection();
    const fresh = action('a2', 'log_days', { rowId: undefined, description: '延长日志留存' });
    expect(added(base, [{ kind: 'action-put', action: fresh }])).toEqual([
      {
        at: at(0),
        event: 'action-added',
        itemId: 'log_days',
        actionId: 'a2',
        detail: '延长日志留存',
      },
    ]);
    const done = action('a1', 'has_budget', {
      state: 'done',
      doneAt: at(0),
      doneOn: '2026-11-30',
      doneNote: '已列入明年预算',
    });
    expect(added(base, [{ kind: 'action-put', action: done }])).toEqual([
      {
        at: at(0),
        event: 'action-done',
        itemId: 'has_budget',
        actionId: 'a1',
        detail: '已列入明年预算',
        to: '2026-11-30',
      },
    ]);
    const owner = action('a1', 'has_budget', { owner: '赵老师' });
    expect(added(base, [{ kind: 'action-put', action: owner }])).toEqual([
      {
        at: at(0),
        event: 'action-changed',
        itemId: 'has_budget',
        actionId: 'a1',
        detail: '更新防火墙策略',
      },
    ]);
    expect(added(base, [{ kind: 'action-delete', actionId: 'a1' }])).toEqual([
      {
        at: at(0),
        event: 'action-deleted',
        itemId: 'has_budget',
        actionId: 'a1',
        detail: '更新防火墙策略',
      },
    ]);
  });

  it('records details and state changes with their values before and after', () => {
    const base = filledInspection();
    expect(
      added(base, [
        { kind: 'details', inspector: '陈老师', period: { year: 2027, term: 'spring' } },
      ]),
    ).toEqual([
      { at: at(0), event: 'details', detail: 'inspector', from: '李老师', to: '陈老师' },
      { at: at(0), event: 'details', detail: 'period', from: '2026-autumn', to: '2027-spring' },
    ]);
    expect(added(base, [{ kind: 'state', to: 'ready' }])).toEqual([
      { at: at(0), event: 'state', from: 'draft', to: 'ready' },
    ]);
    expect(added(base, [{ kind: 'state', to: 'draft' }])).toEqual([]);
  });
});

describe('coalescing typing into one entry', () => {
  const type = (inspection: Inspection, text: string, minute: number) =>
    apply(inspection, [{ kind: 'note', itemId: 'log_days', note: text }], at(minute));

  it('makes typing in one field within 5 minutes one entry: first value kept, last one taken', () => {
    let inspection = filledInspection();
    const before = inspection.audit.length;
    for (const [i, text] of ['防', '防火', '防火墙', '防火墙日志'].entries()) {
      inspection = type(inspection, text, i * 2);
    }
    expect(inspection.audit.slice(before)).toEqual([
      { at: at(6), event: 'note', itemId: 'log_days', to: '防火墙日志' },
    ]);
  });

  it('starts a new entry after 5 minutes, or after an entry about another field', () => {
    let inspection = type(filledInspection(), '甲', 0);
    inspection = type(inspection, '乙', 6);
    const start = filledInspection().audit.length;
    expect(inspection.audit.slice(start)).toHaveLength(2);

    let other = type(filledInspection(), '甲', 0);
    other = apply(other, [{ kind: 'answer', itemId: 'log_days', value: 100 }], at(1));
    other = type(other, '乙', 2);
    expect(other.audit.slice(start).map((e) => e.event)).toEqual(['note', 'answer', 'note']);
  });

  it('drops the entry of a field typed back to what it was: nothing is left changed', () => {
    let inspection = filledInspection();
    const before = inspection.audit.length;
    inspection = apply(inspection, [{ kind: 'answer', itemId: 'has_budget', value: 'yes' }], at(0));
    inspection = apply(inspection, [{ kind: 'answer', itemId: 'has_budget', value: 'no' }], at(1));
    expect(inspection.audit.slice(before)).toEqual([]);
  });

  it('never merges entries of rows, actions or evidence, however close together', () => {
    let inspection = filledInspection();
    const before = inspection.audit.length;
    inspection = apply(
      inspection,
      [{ kind: 'rows-insert', itemId: 'devices', index: 2, rows: [row('r3')] }],
      at(0),
    );
    inspection = apply(
      inspection,
      [{ kind: 'rows-insert', itemId: 'devices', index: 3, rows: [row('r4')] }],
      at(0),
    );
    expect(inspection.audit.slice(before)).toHaveLength(2);
  });

  it('coalesces the cells of one register cell, but not two cells of one row', () => {
    let inspection = filledInspection();
    const before = inspection.audit.length;
    const cell = (columnId: string, value: string, minute: number) =>
      (inspection = apply(
        inspection,
        [{ kind: 'cell', itemId: 'devices', rowId: 'r1', columnId, value }],
        at(minute),
      ));
    cell('name', '核', 0);
    cell('name', '核心', 1);
    cell('type', 'router', 2);
    expect(inspection.audit.slice(before)).toEqual([
      {
        at: at(1),
        event: 'rows-changed',
        itemId: 'devices',
        rowId: 'r1',
        columnId: 'name',
        from: '核心交换机',
        to: '核心',
      },
      {
        at: at(2),
        event: 'rows-changed',
        itemId: 'devices',
        rowId: 'r1',
        columnId: 'type',
        to: 'router',
      },
    ]);
  });
});
