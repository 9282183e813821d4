import { describe, expect, it } from 'vitest';
import type { ActionFilter } from '../../../shared/inspection/action-filter';
import {
  isLocked,
  listActions,
  NO_FILTER,
  ownerMatches,
} from '../../../shared/inspection/action-filter';
import type {
  ActionOverview,
  InspectionActions,
  OverviewAction,
} from '../../../shared/inspection/action-overview';
import type { CorrectiveAction } from '../../../shared/inspection/schema';
import { action, b, INSPECTION_ID, OTHER_ID } from './fixtures';

const item = { itemId: 'x', prompt: b('问题', 'Question'), sectionId: 's0' };

function entry(id: string, extra: Partial<CorrectiveAction>, overdue = false): OverviewAction {
  return { action: action(id, 'x', extra), item, row: null, overdue, carriedTo: null };
}

function inspection(id: string, actions: OverviewAction[], flagged = 0): InspectionActions {
  return {
    id,
    school: id === INSPECTION_ID ? '第一中学' : '第二小学',
    period: { year: 2026, term: 'autumn' },
    state: 'draft',
    templateTitle: b('测试', 'Test'),
    actions,
    flaggedRows: Array.from({ length: flagged }, (_, n) => ({
      item,
      row: { rowId: `r${n}`, number: n + 1, label: b('') },
      effect: 'non-compliant' as const,
      messages: [b('已逾期未整改', 'overdue')],
    })),
  };
}

const done = (on: string) => ({ state: 'done' as const, doneOn: on, doneNote: '已完成' });

const OVERVIEW: ActionOverview = {
  today: '2026-11-30',
  inspections: [
    inspection(
      INSPECTION_ID,
      [
        entry('open-late', { due: '2026-12-20', owner: '王主任' }),
        entry('done-early', { due: '2026-10-01', ...done('2026-10-02'), owner: '王主任' }),
        entry('overdue-recent', { due: '2026-11-20', owner: '陈老师' }, true),
        entry('open-soon', { due: '2026-12-01', owner: 'IT Office' }),
      ],
      1,
    ),
    inspection(
      OTHER_ID,
      [
        entry('overdue-long', { due: '2026-09-01', owner: '信息中心' }, true),
        entry('done-late', { due: '2026-11-01', ...done('2026-11-15'), owner: '陈老师' }),
      ],
      2,
    ),
  ],
};

const ids = (filter: Partial<ActionFilter>) =>
  listActions(OVERVIEW, { ...NO_FILTER, ...filter }).actions.map((a) => a.entry.action.id);

describe('the 整改 list', () => {
  it('puts overdue first (longest overdue on top), then open by due date, then done, latest first', () => {
    expect(ids({})).toEqual([
      'overdue-long',
      'overdue-recent',
      'open-soon',
      'open-late',
      'done-late',
      'done-early',
    ]);
  });

  it('says which inspection each action belongs to', () => {
    const listed = listActions(OVERVIEW, NO_FILTER).actions;
    expect(listed[0]!.inspection.school).toBe('第二小学');
    expect(listed[1]!.inspection.school).toBe('第一中学');
  });

  it('filters by state, by overdue and by inspection', () => {
    expect(ids({ state: 'open' })).toEqual([
      'overdue-long',
      'overdue-recent',
      'open-soon',
      'open-late',
    ]);
    expect(ids({ state: 'done' })).toEqual(['done-late', 'done-early']);
    expect(ids({ overdueOnly: true })).toEqual(['overdue-long', 'overdue-recent']);
    expect(ids({ state: 'done', overdueOnly: true })).toEqual([]);
    expect(ids({ inspectionId: OTHER_ID })).toEqual(['overdue-long', 'done-late']);
  });

  it('finds an owner by any part of the name, in any case, ignoring spaces around it', () => {
    expect(ids({ owner: '陈' })).toEqual(['overdue-recent', 'done-late']);
    expect(ids({ owner: ' it off ' })).toEqual(['open-soon']);
    expect(ids({ owner: '张' })).toEqual([]);
    expect(ownerMatches('王主任', '')).toBe(true);
    expect(ownerMatches('', '王')).toBe(false);
  });

  it('counts what the inspection and owner filters let through, whatever the state filter', () => {
    expect(listActions(OVERVIEW, NO_FILTER).counts).toEqual({
      total: 6,
      open: 4,
      overdue: 2,
      done: 2,
    });
    const filtered = { ...NO_FILTER, state: 'done' as const, overdueOnly: true };
    expect(listActions(OVERVIEW, filtered).counts.total).toBe(6);
    expect(listActions(OVERVIEW, { ...NO_FILTER, owner: '王' }).counts).toEqual({
      total: 2,
      open: 1,
      overdue: 0,
      done: 1,
    });
    expect(listActions(OVERVIEW, { ...NO_FILTER, inspectionId: OTHER_ID }).counts).toEqual({
      total: 2,
      open: 1,
      overdue: 1,
      done: 1,
    });
  });

  it('lists flagged rows of the inspections chosen, whatever the other filters say', () => {
    const rows = (filter: Partial<ActionFilter>) =>
      listActions(OVERVIEW, { ...NO_FILTER, ...filter }).flagged.map(
        (f) => `${f.inspection.school}#${f.flag.row.number}`,
      );
    expect(rows({})).toEqual(['第一中学#1', '第二小学#1', '第二小学#2']);
    expect(rows({ inspectionId: INSPECTION_ID, state: 'done', owner: 'nobody' })).toEqual([
      '第一中学#1',
    ]);
  });

  it('orders done actions without a finishing date by when they were marked done', () => {
    const legacy: ActionOverview = {
      today: '2026-11-30',
      inspections: [
        inspection(INSPECTION_ID, [
          entry('old', { state: 'done', doneAt: '2026-10-01T08:00:00.000Z' }),
          entry('new', { state: 'done', doneAt: '2026-11-01T08:00:00.000Z' }),
          entry('dated', done('2026-10-15')),
        ]),
      ],
    };
    expect(listActions(legacy, NO_FILTER).actions.map((a) => a.entry.action.id)).toEqual([
      'new',
      'dated',
      'old',
    ]);
  });

  it('counts an action carried over to a later term there only, and lists it last here', () => {
    const carried: OverviewAction = {
      ...entry('c1', { due: '2026-01-01' }),
      carriedTo: { inspectionId: OTHER_ID, period: { year: 2026, term: 'autumn' } },
    };
    const open = entry('o1', { due: '2026-12-31' });
    const overview: ActionOverview = {
      today: '2026-11-30',
      inspections: [inspection(INSPECTION_ID, [carried, open])],
    };
    const listing = listActions(overview, NO_FILTER);
    expect(listing.actions.map((a) => a.entry.action.id)).toEqual(['o1', 'c1']);
    expect(listing.counts).toEqual({ total: 1, open: 1, overdue: 0, done: 0 });
  });

  it('locks the actions of a signed inspection only', () => {
    expect(isLocked({ state: 'signed' })).toBe(true);
    expect(isLocked({ state: 'ready' })).toBe(false);
    expect(isLocked({ state: 'draft' })).toBe(false);
  });
});
