import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/inspection/changes';
import type { BackupInfo } from '../../../shared/ipc/backups';
import { ApiError } from '../../../renderer/api/client';
import { initI18n } from '../../../renderer/i18n/i18n';
import { useAppStore } from '../../../renderer/stores/app-store';
import { useBackupsStore } from '../../../renderer/stores/backups-store';
import { useInspectionsStore } from '../../../renderer/stores/inspections-store';
import { useWalkStore } from '../../../renderer/stores/walk-store';
import { installFakeApi, PROFILE } from '../fake-api';
import { blankInspection, TEMPLATE } from '../fixtures';

const ID = '7d0c1f4e-2a61-4c1a-9a5e-1f0e8c7d6b5a';

const backup = (n: number, reason: BackupInfo['reason']): BackupInfo => ({
  id: `2026-11-29T0${n}-00-00-${reason}`,
  createdAt: `2026-11-29T0${n}:00:00.000Z`,
  reason,
  inspections: n,
  bytes: 1000 * n,
});

type Answers = NonNullable<Parameters<typeof installFakeApi>[0]>['answers'];

/** A data folder with one daily backup; restoring puts the sample school's profile back. */
function fakeNode(override: Answers = {}) {
  const backups = [backup(1, 'daily')];
  const calls: string[] = [];
  const inspection = blankInspection(ID);
  const fake = installFakeApi({
    settings: {},
    answers: {
      'backups:list': () => ({ ok: true, value: [...backups] }),
      'backups:create': () => {
        backups.unshift(backup(2, 'manual'));
        return { ok: true, value: backups[0]! };
      },
      'backups:restore': (input) => {
        calls.push(`restore ${(input as { id: string }).id}`);
        backups.unshift(backup(3, 'before-restore'));
        return { ok: true, value: backups[0]! };
      },
      'settings:get': () => {
        calls.push('settings');
        return { ok: true, value: { language: 'zh-CN', profile: PROFILE } };
      },
      'inspections:list': () => {
        calls.push('inspections');
        return { ok: true, value: [] };
      },
      'inspections:get': () => ({ ok: true, value: inspection }),
      'templates:get': () => ({ ok: true, value: TEMPLATE }),
      'inspections:update': (input) => {
        calls.push(`save ${(input as { changes: Change[] }).changes.length}`);
        return { ok: true, value: { updatedAt: '2026-11-29T08:01:00.000Z' } };
      },
      ...override,
    },
  });
  return { ...fake, calls };
}

describe('the backups store', () => {
  beforeEach(async () => {
    await initI18n('zh-CN');
    useBackupsStore.setState({ backups: null });
    useAppStore.setState({ info: null, settings: null });
    useInspectionsStore.setState({ summaries: null });
  });
  afterEach(async () => {
    await useWalkStore.getState().close();
  });

  it('lists the backups the Node side keeps', async () => {
    fakeNode();
    expect(useBackupsStore.getState().backups).toBeNull();
    await useBackupsStore.getState().load();
    expect(useBackupsStore.getState().backups).toEqual([backup(1, 'daily')]);
  });

  it('makes a backup by hand and lists it first', async () => {
    fakeNode();
    await useBackupsStore.getState().create();
    expect(useBackupsStore.getState().backups?.map((b) => b.reason)).toEqual(['manual', 'daily']);
  });

  it('stores the edits still queued before restoring, then re-reads settings, inspections and backups', async () => {
    const node = fakeNode();
    await useWalkStore.getState().open(ID);
    useWalkStore.getState().apply([{ kind: 'note', itemId: 'org_policies', note: '未保存的' }]);

    await useBackupsStore.getState().restore(backup(1, 'daily').id);

    expect(node.calls.indexOf('save 1')).toBeGreaterThanOrEqual(0);
    expect(node.calls.indexOf('save 1')).toBeLessThan(
      node.calls.indexOf(`restore ${backup(1, 'daily').id}`),
    );
    expect(node.calls.slice(-2).sort()).toEqual(['inspections', 'settings']);
    expect(useAppStore.getState().settings?.profile).toEqual(PROFILE);
    expect(useInspectionsStore.getState().summaries).toEqual([]);
    expect(useBackupsStore.getState().backups?.map((b) => b.reason)).toEqual([
      'before-restore',
      'daily',
    ]);
  });

  it('reports a refused restore in the user’s language and re-reads nothing', async () => {
    const node = fakeNode({
      'backups:restore': () => ({
        ok: false,
        error: { code: 'storage-failed', message: '无法写入数据文件夹' },
      }),
    });
    const restoring = useBackupsStore.getState().restore('gone');
    await expect(restoring).rejects.toBeInstanceOf(ApiError);
    await expect(restoring).rejects.toThrow('无法写入数据文件夹');
    expect(node.calls).toEqual([]);
    expect(useAppStore.getState().settings).toBeNull();
    expect(useBackupsStore.getState().backups).toBeNull();
  });
});
