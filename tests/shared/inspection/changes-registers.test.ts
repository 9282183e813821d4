import { describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/inspection/changes';
import { canonicalText } from '../../../shared/inspection/canonical';
import type { Inspection } from '../../../shared/inspection/schema';
import { applied, frozen, LATER, newInspection, NOW, refused, row, ROW_GONE } from './fixtures';

const DUPLICATE_ROW = {
  'zh-CN': '登记表中已有同一编号的行。',
  'en-US': 'A row with this id is already in the register.',
};

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
