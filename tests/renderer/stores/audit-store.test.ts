import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../../renderer/i18n/i18n';
import { useAuditStore } from '../../../renderer/stores/audit-store';
import { useWalkStore } from '../../../renderer/stores/walk-store';
import { applyChanges } from '../../../shared/inspection/changes';
import type { Change } from '../../../shared/inspection/changes';
import type { Inspection } from '../../../shared/inspection/schema';
import type { IpcResult } from '../../../shared/ipc/define';
import { installFakeApi, PROFILE } from '../fake-api';
import { blankInspection, TEMPLATE } from '../fixtures';

const A = '3c0c1f4e-2a61-4c1a-9a5e-1f0e8c7d6b5a';
const B = '4d1b2c3d-2a61-4c1a-9a5e-1f0e8c7d6b5a';

/** A Node side in memory that stores each batch of edits after `delayMs`. */
function fakeNode(delayMs = 0) {
  const stored = new Map<string, Inspection>([A, B].map((id) => [id, blankInspection(id)]));
  const gets: string[] = [];
  installFakeApi({
    settings: { profile: PROFILE },
    answers: {
      'inspections:get': (input) => {
        const { id } = input as { id: string };
        gets.push(id);
        const inspection = stored.get(id);
        return inspection
          ? { ok: true, value: inspection }
          : { ok: false, error: { code: 'inspection-not-found', message: '找不到这份检查。' } };
      },
      'templates:get': () => ({ ok: true, value: TEMPLATE }),
      // The fake API's answers are plain values; window.api awaits whatever comes back.
      'inspections:update': (async (input: unknown) => {
        const { id, changes } = input as { id: string; changes: Change[] };
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        const result = applyChanges(stored.get(id)!, changes, new Date().toISOString());
        if (result.ok) stored.set(id, result.inspection);
        return { ok: true, value: { updatedAt: new Date().toISOString() } };
      }) as unknown as () => IpcResult<unknown>,
    },
  });
  return { stored, gets };
}

describe('the audit trail store', () => {
  beforeEach(async () => {
    await initI18n('zh-CN');
    useAuditStore.getState().close();
  });
  afterEach(async () => {
    await useWalkStore.getState().close();
    useAuditStore.getState().close();
  });

  it('reads the inspection and its template as stored', async () => {
    fakeNode();
    await useAuditStore.getState().open(A);
    const { inspection, template, loadError } = useAuditStore.getState();
    expect(inspection?.id).toBe(A);
    expect(inspection?.audit).toEqual([{ at: '2026-11-29T08:00:00.000Z', event: 'created' }]);
    expect(template?.id).toBe(TEMPLATE.id);
    expect(loadError).toBeNull();
  });

  it('waits for the walk-through edits still on their way, so the trail shows them', async () => {
    fakeNode(50);
    await useWalkStore.getState().open(A);
    useWalkStore.getState().apply([{ kind: 'note', itemId: 'org_budget', note: '已列入预算' }]);
    // Leaving the walk-through for the trail: its queue is still sending.
    void useWalkStore.getState().close();
    await useAuditStore.getState().open(A);
    expect(useAuditStore.getState().inspection?.audit.at(-1)).toMatchObject({
      event: 'note',
      itemId: 'org_budget',
      to: '已列入预算',
    });
  });

  it('says why an inspection cannot be opened, in the user language', async () => {
    fakeNode();
    await useAuditStore.getState().open('00000000-0000-4000-8000-000000000000');
    expect(useAuditStore.getState().loadError).toBe('找不到这份检查。');
    expect(useAuditStore.getState().inspection).toBeNull();
  });

  it('shows the inspection opened last when two opens overlap, and nothing once closed', async () => {
    const node = fakeNode();
    const first = useAuditStore.getState().open(A);
    const second = useAuditStore.getState().open(B);
    await Promise.all([first, second]);
    expect(node.gets).toEqual([A, B]);
    expect(useAuditStore.getState().inspection?.id).toBe(B);
    const late = useAuditStore.getState().open(A);
    useAuditStore.getState().close();
    await late;
    expect(useAuditStore.getState().inspection).toBeNull();
  });
});
