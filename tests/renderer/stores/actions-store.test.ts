import { beforeEach, describe, expect, it } from 'vitest';
import { actionOverview } from '../../../shared/inspection/action-overview';
import { applyChanges } from '../../../shared/inspection/changes';
import type { Change } from '../../../shared/inspection/changes';
import type { Inspection } from '../../../shared/inspection/schema';
import { ApiError } from '../../../renderer/api/client';
import { useActionsStore } from '../../../renderer/stores/actions-store';
import { installFakeApi } from '../fake-api';
import { blankInspection, TEMPLATE } from '../fixtures';

const A = '7d0c1f4e-2a61-4c1a-9a5e-1f0e8c7d6b5a';
const TODAY = '2026-11-30';

function withAction(): Inspection {
  return {
    ...blankInspection(A),
    registers: { dev_register: [{ id: 'r1', cells: { vendor_model: 'USG6525E' }, evidence: [] }] },
    actions: [
      {
        id: 'a1',
        itemId: 'org_policies',
        description: '修订网络安全管理制度',
        owner: '王主任',
        due: '2026-11-01',
        state: 'open',
        createdAt: '2026-10-01T08:00:00.000Z',
      },
    ],
  };
}

/** A Node side in memory: the real overview over what it stores; every update recorded. */
function fakeNode(refuse = false) {
  let stored = withAction();
  const updates: { id: string; changes: Change[] }[] = [];
  installFakeApi({
    answers: {
      'actions:list': () => ({
        ok: true,
        value: actionOverview([{ inspection: stored, template: TEMPLATE }], TODAY),
      }),
      'inspections:update': (input) => {
        const update = input as { id: string; changes: Change[] };
        updates.push(update);
        if (refuse)
          return {
            ok: false,
            error: { code: 'inspection-signed', message: '这份检查已由校长签字，不能修改。' },
          };
        const result = applyChanges(stored, update.changes, new Date().toISOString());
        if (result.ok) stored = result.inspection;
        return { ok: true, value: { updatedAt: stored.updatedAt } };
      },
    },
  });
  return { updates, stored: () => stored };
}

describe('the actions store', () => {
  beforeEach(() => useActionsStore.setState({ overview: null }));

  it('reads every action with its inspection in one call', async () => {
    fakeNode();
    await useActionsStore.getState().load();
    const overview = useActionsStore.getState().overview!;
    expect(overview.today).toBe(TODAY);
    expect(overview.inspections[0]!.actions[0]).toMatchObject({
      action: { id: 'a1', state: 'open' },
      overdue: true,
    });
  });

  it('marks an action done with its record through the save pipeline, then re-reads', async () => {
    const node = fakeNode();
    await useActionsStore.getState().load();
    const [entry] = useActionsStore.getState().overview!.inspections[0]!.actions;
    await useActionsStore
      .getState()
      .markDone(A, entry!.action, { doneOn: '2026-11-28', doneNote: ' 已印发\u202E新制度 ' });
    expect(node.updates).toHaveLength(1);
    const [change] = node.updates[0]!.changes;
    expect(node.updates[0]!.id).toBe(A);
    expect(change).toMatchObject({
      kind: 'action-put',
      action: { id: 'a1', state: 'done', doneOn: '2026-11-28', doneNote: '已印发新制度' },
    });
    const listed = useActionsStore.getState().overview!.inspections[0]!.actions[0]!;
    expect(listed.action).toMatchObject({ state: 'done', doneOn: '2026-11-28' });
    expect(listed.action.doneAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(listed.overdue).toBe(false);
  });

  it('opens a new action on a register row', async () => {
    const node = fakeNode();
    await useActionsStore.getState().add(A, {
      itemId: 'dev_register',
      rowId: 'r1',
      description: '更新特征库',
      owner: '陈老师',
      due: '2026-12-31',
    });
    const actions = node.stored().actions;
    expect(actions).toHaveLength(2);
    expect(actions[1]).toMatchObject({
      itemId: 'dev_register',
      rowId: 'r1',
      description: '更新特征库',
      owner: '陈老师',
      due: '2026-12-31',
      state: 'open',
    });
    expect(actions[1]!.id).not.toBe('a1');
    const listed = useActionsStore.getState().overview!.inspections[0]!.actions;
    expect(listed[1]!.row).toEqual({
      rowId: 'r1',
      number: 1,
      label: { 'zh-CN': 'USG6525E', 'en-US': 'USG6525E' },
    });
  });

  it('passes a refusal on, in the words the Node side used, and keeps the list as it was', async () => {
    fakeNode(true);
    await useActionsStore.getState().load();
    const before = useActionsStore.getState().overview;
    const [entry] = before!.inspections[0]!.actions;
    const attempt = useActionsStore
      .getState()
      .markDone(A, entry!.action, { doneOn: '2026-11-28', doneNote: '好' });
    await expect(attempt).rejects.toBeInstanceOf(ApiError);
    await expect(attempt).rejects.toThrow('这份检查已由校长签字，不能修改。');
    expect(useActionsStore.getState().overview).toBe(before);
  });
});
