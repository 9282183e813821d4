import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChanges } from '../../../shared/inspection/changes';
import type { Change } from '../../../shared/inspection/changes';
import { initI18n } from '../../../renderer/i18n/i18n';
import { useFeedbackStore } from '../../../renderer/stores/feedback-store';
import { useWalkStore } from '../../../renderer/stores/walk-store';
import { installFakeApi, PROFILE } from '../fake-api';
import { blankInspection, TEMPLATE } from '../fixtures';

const A = '7d0c1f4e-2a61-4c1a-9a5e-1f0e8c7d6b5a';
const B = '9a1b2c3d-2a61-4c1a-9a5e-1f0e8c7d6b5a';

/** A Node side in memory: stores what it accepts; `refuse` decides per batch. */
function fakeNode(refuse: (changes: readonly Change[]) => 'refuse' | 'fail' | 'ok') {
  const stored = new Map([A, B].map((id) => [id, blankInspection(id)]));
  const batches: Change[][] = [];
  installFakeApi({
    settings: { profile: PROFILE },
    answers: {
      'inspections:get': (input) => ({
        ok: true,
        value: stored.get((input as { id: string }).id)!,
      }),
      'templates:get': () => ({ ok: true, value: TEMPLATE }),
      'inspections:update': (input) => {
        const { id, changes } = input as { id: string; changes: Change[] };
        batches.push(changes);
        const verdict = refuse(changes);
        if (verdict === 'refuse') {
          return {
            ok: false,
            error: { code: 'inspection-refused', message: '这次修改无法保存。' },
          };
        }
        if (verdict === 'fail') {
          return { ok: false, error: { code: 'storage-failed', message: '无法写入数据文件夹' } };
        }
        const result = applyChanges(stored.get(id)!, changes, new Date().toISOString());
        if (result.ok) stored.set(id, result.inspection);
        return { ok: true, value: { updatedAt: new Date().toISOString() } };
      },
    },
  });
  return { stored, batches };
}

const note = (itemId: string, text: string): Change => ({ kind: 'note', itemId, note: text });

describe('the open inspection', () => {
  beforeEach(async () => {
    await initI18n('zh-CN');
    useFeedbackStore.setState({ current: null });
  });
  afterEach(async () => {
    await useWalkStore.getState().close();
  });

  it('drops the invisible marks a pasted phone number brings, and saves the rest', async () => {
    const node = fakeNode(() => 'ok');
    await useWalkStore.getState().open(A);
    useWalkStore.getState().apply([note('org_leading_group', '\u202A010-6200 0000\u202C')]);
    await useWalkStore.getState().whenSaved();
    expect(node.stored.get(A)!.answers.org_leading_group?.note).toBe('010-6200 0000');
  });

  it('refuses an edit past a limit before it is shown, and says why', async () => {
    const node = fakeNode(() => 'ok');
    await useWalkStore.getState().open(A);
    useWalkStore.getState().apply([note('org_leading_group', 'x'.repeat(4001))]);
    expect(useWalkStore.getState().inspection!.answers.org_leading_group).toBeUndefined();
    expect(useFeedbackStore.getState().current?.text).toBe(
      '内容太长：最多 4000 个字，这次修改未保存。',
    );
    await useWalkStore.getState().whenSaved();
    expect(node.batches).toEqual([]);
  });

  it('when one save is refused, keeps the edits made after it and shows stored + pending', async () => {
    let first = true;
    const node = fakeNode(() => {
      if (!first) return 'ok';
      first = false;
      return 'refuse';
    });
    await useWalkStore.getState().open(A);
    useWalkStore.getState().apply([note('org_leading_group', '被拒绝的')]);
    await useWalkStore.getState().whenSaved(2000);
    useWalkStore.getState().apply([note('org_policies', '之后写的')]);
    await useWalkStore.getState().whenSaved(2000);
    expect(node.stored.get(A)!.answers.org_policies?.note).toBe('之后写的');
    expect(node.stored.get(A)!.answers.org_leading_group).toBeUndefined();
    const shown = useWalkStore.getState().inspection!;
    expect(shown.answers.org_leading_group).toBeUndefined();
    expect(shown.answers.org_policies?.note).toBe('之后写的');
  });

  it('opens another inspection at once even while the first one cannot be saved', async () => {
    fakeNode(() => 'fail');
    await useWalkStore.getState().open(A);
    useWalkStore.getState().apply([note('org_leading_group', '磁盘满了')]);
    await useWalkStore.getState().open(B);
    expect(useWalkStore.getState().inspection?.id).toBe(B);
  });
});
