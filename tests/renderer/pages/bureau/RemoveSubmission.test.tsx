import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../../renderer/i18n/i18n';
import { RemoveSubmission } from '../../../../renderer/pages/bureau/RemoveSubmission';
import { useBureauStore } from '../../../../renderer/stores/bureau-store';
import { SHA_A } from '../../bureau-fixtures';

const SCHOOL = '云溪区第1中学 · 2026 年秋季学期';

describe('移除 a stored submission', () => {
  beforeEach(async () => {
    await initI18n('zh-CN');
    window.location.hash = `#/bureau/${SHA_A}`;
  });

  it('asks first, saying the file is kept in the removed folder; cancel removes nothing', async () => {
    const remove = vi.fn(async () => undefined);
    useBureauStore.setState({ remove });
    render(<RemoveSubmission sha256={SHA_A} school={SCHOOL} />);
    await userEvent.click(screen.getByRole('button', { name: '移除…' }));
    const dialog = screen.getByRole('dialog', { name: '移除这份报送文件？' });
    expect(dialog).toHaveTextContent(SCHOOL);
    expect(dialog).toHaveAccessibleDescription(/不会删除.*bureau\/removed/);
    expect(screen.getByRole('button', { name: '取消' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(remove).not.toHaveBeenCalled();
  });

  it('removes on confirmation and goes back to the dashboard', async () => {
    const remove = vi.fn(async () => undefined);
    useBureauStore.setState({ remove });
    render(<RemoveSubmission sha256={SHA_A} school={SCHOOL} />);
    await userEvent.click(screen.getByRole('button', { name: '移除…' }));
    await userEvent.click(screen.getByRole('button', { name: /^移除$/ }));
    expect(remove).toHaveBeenCalledWith(SHA_A);
    await waitFor(() => expect(window.location.hash).toBe('#/bureau'));
  });
});
