import { afterEach, describe, expect, it } from 'vitest';
import type { SaveOutcome } from '../../../shared/ipc/exports';
import { exportKey, useExportStore } from '../../../renderer/stores/export-store';
import { installFakeApi } from '../fake-api';
import { catchDownloads } from '../fixtures';

const ID = '7d0c1f4e-2a61-4c1a-9a5e-1f0e8c7d6b5a';

/** The Node side: answers exports:save with `outcome`, records every call. */
function fakeNode(outcome: SaveOutcome | 'fail', missingEvidence = 0) {
  const calls: [string, unknown][] = [];
  installFakeApi({
    answers: {
      'exports:save': (input) => {
        calls.push(['save', input]);
        if (outcome === 'fail')
          return {
            ok: false as const,
            error: { code: 'template-not-found', message: '找不到这个模板，它可能已被删除。' },
          };
        return { ok: true as const, value: { outcome, missingEvidence } };
      },
      'exports:showInFolder': (input) => {
        calls.push(['show', input]);
        return { ok: true as const, value: null };
      },
    },
  });
  return calls;
}

describe('the export store', () => {
  afterEach(() => useExportStore.setState({ busy: null }));

  it('downloads what the harness hands back, as a workbook, and says it was downloaded', async () => {
    const calls = fakeNode({
      kind: 'download',
      fileName: '检查工作簿-1111000001-2026-autumn.xlsx',
      dataBase64: btoa('PK\x03\x04'),
    });
    const downloads = catchDownloads();
    try {
      const pending = useExportStore.getState().save(ID, 'zh-CN', 'workbook');
      expect(useExportStore.getState().busy).toBe(exportKey(ID, 'workbook'));
      await expect(pending).resolves.toEqual({
        kind: 'downloaded',
        fileName: '检查工作簿-1111000001-2026-autumn.xlsx',
        missingEvidence: 0,
      });
      expect(useExportStore.getState().busy).toBeNull();
      expect(calls).toEqual([['save', { id: ID, language: 'zh-CN', kind: 'workbook' }]]);
      const [download] = downloads.downloads;
      expect(download!.name).toBe('检查工作簿-1111000001-2026-autumn.xlsx');
      expect(download!.blob.type).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(await download!.blob.text()).toBe('PK\x03\x04');
    } finally {
      downloads.restore();
    }
  });

  it('downloads a package as a zip', async () => {
    fakeNode({
      kind: 'download',
      fileName: 'submission-1-2026-autumn.zip',
      dataBase64: btoa('PK'),
    });
    const downloads = catchDownloads();
    try {
      await useExportStore.getState().save(ID, 'en-US', 'package');
      expect(downloads.downloads.map((d) => [d.name, d.blob.type])).toEqual([
        ['submission-1-2026-autumn.zip', 'application/zip'],
      ]);
    } finally {
      downloads.restore();
    }
  });

  it('passes on where the desktop app saved it, or that the dialog was cancelled, downloading nothing', async () => {
    const downloads = catchDownloads();
    try {
      fakeNode({ kind: 'saved', path: 'D:\\报送\\检查工作簿.xlsx' });
      await expect(useExportStore.getState().save(ID, 'zh-CN', 'workbook')).resolves.toEqual({
        kind: 'saved',
        path: 'D:\\报送\\检查工作簿.xlsx',
        missingEvidence: 0,
      });
      fakeNode({ kind: 'saved', path: 'D:\\报送\\报送材料.zip' }, 2);
      await expect(useExportStore.getState().save(ID, 'zh-CN', 'package')).resolves.toEqual({
        kind: 'saved',
        path: 'D:\\报送\\报送材料.zip',
        missingEvidence: 2,
      });
      fakeNode({ kind: 'cancelled' });
      await expect(useExportStore.getState().save(ID, 'zh-CN', 'workbook')).resolves.toEqual({
        kind: 'cancelled',
      });
      expect(downloads.downloads).toEqual([]);
    } finally {
      downloads.restore();
    }
  });

  it("passes a failure on with the Node side's message, and is no longer busy", async () => {
    fakeNode('fail');
    await expect(useExportStore.getState().save(ID, 'zh-CN', 'package')).rejects.toThrow(
      '找不到这个模板，它可能已被删除。',
    );
    expect(useExportStore.getState().busy).toBeNull();
  });

  it('makes one export at a time', async () => {
    const calls = fakeNode({ kind: 'cancelled' });
    useExportStore.setState({ busy: exportKey(ID, 'package') });
    await expect(useExportStore.getState().save(ID, 'zh-CN', 'workbook')).resolves.toEqual({
      kind: 'cancelled',
    });
    expect(calls).toEqual([]);
  });

  it('asks the Node side to show a saved file in its folder', async () => {
    const calls = fakeNode({ kind: 'cancelled' });
    await useExportStore.getState().showInFolder('D:\\报送\\检查工作簿.xlsx');
    expect(calls).toEqual([['show', { path: 'D:\\报送\\检查工作簿.xlsx' }]]);
  });
});
