import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ActionDoneDialog } from '../../../renderer/components/ActionDoneDialog';
import { initI18n } from '../../../renderer/i18n/i18n';

const TODAY = '2026-11-30';

function open(
  onDone: (record: { doneOn: string; doneNote: string }) => boolean | Promise<boolean>,
) {
  const onClose = vi.fn();
  render(
    <ActionDoneDialog
      description="修订网络安全管理制度"
      today={TODAY}
      onDone={onDone}
      onClose={onClose}
    />,
  );
  const dialog = screen.getByRole('dialog', { name: '标记整改完成' });
  return {
    dialog,
    onClose,
    note: screen.getByRole('textbox', { name: /整改情况/ }),
    date: screen.getByRole('textbox', { name: /完成日期/ }),
    save: screen.getByRole('button', { name: '标记为已完成' }),
  };
}

describe('the mark-done dialog', () => {
  beforeEach(async () => {
    await initI18n('zh-CN');
  });

  it('names the action, starts on what was done, and offers today as the day', () => {
    const { dialog, note, date } = open(() => true);
    expect(dialog).toHaveTextContent('修订网络安全管理制度');
    expect(note).toHaveFocus();
    expect(date).toHaveValue('2026年11月30日');
  });

  it('saves nothing without what was done, or with a day after today', async () => {
    const onDone = vi.fn(() => true);
    const { note, date, save } = open(onDone);
    await userEvent.type(note, '   ');
    await userEvent.clear(date);
    await userEvent.type(date, '2026-12-01');
    await userEvent.click(save);
    expect(await screen.findByText('必填项，请填写')).toBeInTheDocument();
    expect(screen.getByText('完成日期不能晚于今天')).toBeInTheDocument();
    await userEvent.clear(date);
    await userEvent.click(save);
    expect(await screen.findAllByText('必填项，请填写')).toHaveLength(2);
    await userEvent.type(date, '2026-02-30');
    await userEvent.click(save);
    expect(await screen.findByText(/不是有效日期/)).toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('hands over the record trimmed, and closes once it is saved', async () => {
    const onDone = vi.fn(() => true);
    const { dialog, note, date, save, onClose } = open(onDone);
    await userEvent.type(note, '  已修订并印发  ');
    await userEvent.clear(date);
    await userEvent.type(date, '2026-11-28');
    await userEvent.click(save);
    await waitFor(() =>
      expect(onDone).toHaveBeenCalledWith({ doneOn: '2026-11-28', doneNote: '已修订并印发' }),
    );
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(dialog).not.toHaveAttribute('open');
  });

  it('stays open with what was typed when the save did not go through', async () => {
    const { dialog, note, save, onClose } = open(async () => false);
    await userEvent.type(note, '已修订');
    await userEvent.click(save);
    await waitFor(() => expect(save).not.toBeDisabled());
    expect(dialog).toHaveAttribute('open');
    expect(note).toHaveValue('已修订');
    expect(onClose).not.toHaveBeenCalled();
  });
});
