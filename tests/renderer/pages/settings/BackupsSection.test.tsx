import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupInfo } from '../../../../shared/ipc/backups';
import { initI18n } from '../../../../renderer/i18n/i18n';
import { BackupsSection } from '../../../../renderer/pages/settings/BackupsSection';
import { useBackupsStore } from '../../../../renderer/stores/backups-store';
import { useFeedbackStore } from '../../../../renderer/stores/feedback-store';
import { installFakeApi } from '../../fake-api';

const DAILY: BackupInfo = {
  id: '2026-11-29T08-00-00-daily',
  createdAt: '2026-11-29T08:00:00.000Z',
  reason: 'daily',
  inspections: 2,
  bytes: 2048,
};

function start() {
  const backups = [DAILY];
  const fake = installFakeApi({
    answers: {
      'backups:list': () => ({ ok: true, value: [...backups] }),
      'backups:create': () => {
        backups.unshift({ ...DAILY, id: 'manual', reason: 'manual' });
        return { ok: true, value: backups[0]! };
      },
      'backups:restore': () => ({ ok: true, value: { ...DAILY, reason: 'before-restore' } }),
    },
  });
  render(<BackupsSection />);
  return fake;
}

const status = () => useFeedbackStore.getState().current;

describe('the backups section', () => {
  beforeEach(async () => {
    await initI18n('zh-CN');
    useBackupsStore.setState({ backups: null });
    useFeedbackStore.setState({ current: null });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lists the backups and makes one by hand', async () => {
    start();
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).getByText('每日自动')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '立即备份' }));
    expect(await within(table).findByText('手动')).toBeInTheDocument();
    expect(status()).toEqual({ kind: 'success', text: '已创建备份。' });
  });

  it('restores only once the user confirms, and says so', async () => {
    const fake = start();
    // happy-dom has no confirm(): the user's answer is given here.
    const confirm = vi.fn<(message?: string) => boolean>().mockReturnValueOnce(false);
    vi.stubGlobal('confirm', confirm);
    await userEvent.click(await screen.findByRole('button', { name: '恢复到此备份' }));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(fake.invoke).not.toHaveBeenCalledWith('backups:restore', expect.anything());

    confirm.mockReturnValueOnce(true);
    await userEvent.click(screen.getByRole('button', { name: '恢复到此备份' }));
    await vi.waitFor(() => expect(status()?.kind).toBe('success'));
    expect(fake.invoke).toHaveBeenCalledWith('backups:restore', { id: DAILY.id });
    expect(status()?.text).toMatch(/^已恢复到 .+ 的备份。$/);
  });
});
