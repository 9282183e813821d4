import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportMenu } from '../../../renderer/components/ExportMenu';
import { StatusLine } from '../../../renderer/components/StatusLine';
import { initI18n } from '../../../renderer/i18n/i18n';
import { useExportStore } from '../../../renderer/stores/export-store';
import { useFeedbackStore } from '../../../renderer/stores/feedback-store';
import type { SaveOutcome } from '../../../shared/ipc/exports';
import { installFakeApi } from '../fake-api';
import { catchDownloads } from '../fixtures';

const ID = '7d0c1f4e-2a61-4c1a-9a5e-1f0e8c7d6b5a';

function fakeNode(outcome: SaveOutcome, missingEvidence = 0) {
  const calls: [string, unknown][] = [];
  installFakeApi({
    answers: {
      'exports:save': (input) => {
        calls.push(['save', input]);
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

function renderMenu(signed: boolean | null) {
  render(
    <>
      <p>
        <button type="button">elsewhere</button>
      </p>
      <ExportMenu inspectionId={ID} signed={signed} />
      <StatusLine />
    </>,
  );
  return screen.getByRole('button', { name: '导出报送文件' });
}

describe('the export menu', () => {
  beforeEach(async () => {
    await initI18n('zh-CN');
  });
  afterEach(() => {
    useFeedbackStore.getState().clear();
    useExportStore.setState({ busy: null });
  });

  it('opens on the first choice, closes on Escape and gives focus back to its button', async () => {
    fakeNode({ kind: 'cancelled' });
    const button = renderMenu(true);
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('dialog')).toBeNull();
    await userEvent.click(button);
    const panel = screen.getByRole('dialog', { name: '导出给区教育局' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(panel).toHaveAccessibleDescription(/已由校长签字/);
    expect(screen.getByRole('button', { name: /工作簿（\.xlsx）/ })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(button).toHaveFocus();
    // The keyboard opens it too; a click elsewhere closes it.
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('dialog')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'elsewhere' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('exports the workbook in the language chosen, and says where it was downloaded', async () => {
    const calls = fakeNode({
      kind: 'download',
      fileName: 'inspection-workbook-1111000001-2026-autumn.xlsx',
      dataBase64: btoa('PK'),
    });
    const downloads = catchDownloads();
    try {
      await userEvent.click(renderMenu(true));
      await userEvent.click(screen.getByRole('radio', { name: 'English' }));
      await userEvent.click(screen.getByRole('button', { name: /工作簿（\.xlsx）/ }));
      expect(
        await screen.findByText('已下载 inspection-workbook-1111000001-2026-autumn.xlsx'),
      ).toBeInTheDocument();
      expect(calls).toEqual([['save', { id: ID, language: 'en-US', kind: 'workbook' }]]);
      expect(downloads.downloads.map((d) => d.name)).toEqual([
        'inspection-workbook-1111000001-2026-autumn.xlsx',
      ]);
      expect(screen.getByRole('button', { name: '导出报送文件' })).toHaveFocus();
    } finally {
      downloads.restore();
    }
  });

  it("says a draft's files are not for the bureau, before and after", async () => {
    fakeNode({ kind: 'saved', path: '/home/it/报送材料-1111000001-2026-autumn.zip' });
    await userEvent.click(renderMenu(false));
    expect(screen.getByRole('dialog')).toHaveAccessibleDescription(/尚未签字.*草稿/);
    await userEvent.click(screen.getByRole('button', { name: /报送材料（\.zip）/ }));
    expect(
      await screen.findByText(
        '已保存到 /home/it/报送材料-1111000001-2026-autumn.zip（草稿，不能作为报送材料）',
      ),
    ).toBeInTheDocument();
  });

  it('says when evidence files were not on this computer and so not in the package', async () => {
    fakeNode({ kind: 'saved', path: '/home/it/报送材料-1111000001-2026-autumn.zip' }, 3);
    await userEvent.click(renderMenu(true));
    await userEvent.click(screen.getByRole('button', { name: /报送材料（\.zip）/ }));
    expect(
      await screen.findByText(
        /^已保存到 \/home\/it\/报送材料-1111000001-2026-autumn\.zip。有 3 个佐证文件不在本机，未放入材料包/,
      ),
    ).toBeInTheDocument();
  });

  it('says what is for the bureau when it does not know yet whether the inspection is signed', async () => {
    fakeNode({ kind: 'cancelled' });
    render(<ExportMenu inspectionId={ID} signed={null} />);
    await userEvent.click(screen.getByRole('button', { name: '导出报送文件' }));
    expect(screen.getByRole('dialog')).toHaveAccessibleDescription(
      '只有校长签字后导出的文件才能报送；未签字的每张表都标有“草稿”。',
    );
  });

  it('offers to show a saved file in its folder', async () => {
    const calls = fakeNode({ kind: 'saved', path: 'D:\\报送\\检查工作簿.xlsx' });
    await userEvent.click(renderMenu(true));
    await userEvent.click(screen.getByRole('button', { name: /^工作簿（/ }));
    await userEvent.click(await screen.findByRole('button', { name: '在文件夹中显示' }));
    await waitFor(() =>
      expect(calls).toContainEqual(['show', { path: 'D:\\报送\\检查工作簿.xlsx' }]),
    );
  });

  it('says nothing when the save dialog is cancelled, and shows a failure in the status line', async () => {
    fakeNode({ kind: 'cancelled' });
    await userEvent.click(renderMenu(true));
    await userEvent.click(screen.getByRole('button', { name: /^工作簿（/ }));
    await waitFor(() => expect(useExportStore.getState().busy).toBeNull());
    expect(useFeedbackStore.getState().current).toBeNull();
    installFakeApi({
      answers: {
        'exports:save': () => ({
          ok: false as const,
          error: {
            code: 'pdf-unavailable',
            message: '没有找到 Chromium 或 Chrome，无法生成 PDF。',
          },
        }),
      },
    });
    await userEvent.click(screen.getByRole('button', { name: '导出报送文件' }));
    await userEvent.click(screen.getByRole('button', { name: /报送材料/ }));
    expect(
      await screen.findByText('没有找到 Chromium 或 Chrome，无法生成 PDF。'),
    ).toBeInTheDocument();
  });
});
