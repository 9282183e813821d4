import { describe, expect, it } from 'vitest';
import {
  doneOnProblem,
  markedDone,
  newAction,
  reopenedAction,
} from '../../../shared/inspection/action-edits';
import { planSave } from '../../../shared/inspection/save';
import { action, filledInspection, LATER, NOW, TEMPLATE } from './fixtures';

const save = (a: ReturnType<typeof action>) =>
  planSave(
    { inspection: filledInspection(), trashed: false, template: TEMPLATE },
    [{ kind: 'action-put', action: a }],
    LATER,
  ).inspection;

describe('corrective action edits', () => {
  it('opens an action on an item or a row, trimmed, that the save pipeline takes', () => {
    const made = newAction(
      {
        itemId: 'devices',
        rowId: 'r2',
        description: ' 更换防火墙 ',
        owner: ' 王主任 ',
        due: '2026-12-31',
      },
      'a9',
      NOW,
    );
    expect(made).toEqual({
      id: 'a9',
      itemId: 'devices',
      rowId: 'r2',
      description: '更换防火墙',
      owner: '王主任',
      due: '2026-12-31',
      state: 'open',
      createdAt: NOW,
    });
    expect(save(made).actions.at(-1)).toEqual(made);
    const onItem = newAction(
      { itemId: 'has_budget', description: '申请经费', owner: '', due: '2026-12-31' },
      'a8',
      NOW,
    );
    expect(onItem).not.toHaveProperty('rowId');
  });

  it('marks one done with when, the day finished and what was done, as the pipeline requires', () => {
    const done = markedDone(
      action('a1', 'has_budget'),
      { doneOn: '2026-11-28', doneNote: ' 已追加预算 ' },
      LATER,
    );
    expect(done).toMatchObject({
      state: 'done',
      doneAt: LATER,
      doneOn: '2026-11-28',
      doneNote: '已追加预算',
    });
    expect(save(done).actions[0]).toEqual(done);
  });

  it('opens a done one again without its record', () => {
    const done = markedDone(
      action('a1', 'has_budget'),
      { doneOn: '2026-11-28', doneNote: '好' },
      LATER,
    );
    expect(reopenedAction(done)).toEqual(action('a1', 'has_budget'));
    expect(done.state).toBe('done');
  });

  it('takes a finishing day up to today, not after, and only a real date', () => {
    expect(doneOnProblem('2026-11-30', '2026-11-30')).toBeNull();
    expect(doneOnProblem('2025-01-01', '2026-11-30')).toBeNull();
    expect(doneOnProblem('2026-12-01', '2026-11-30')).toBe('future');
    expect(doneOnProblem('2026-02-30', '2026-11-30')).toBe('invalid');
    expect(doneOnProblem('', '2026-11-30')).toBe('invalid');
  });
});
