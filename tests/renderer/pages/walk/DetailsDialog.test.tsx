import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Change } from '../../../../shared/inspection/changes';
import { initI18n } from '../../../../renderer/i18n/i18n';
import { DetailsDialog } from '../../../../renderer/pages/walk/DetailsDialog';
import { blankInspection } from '../../fixtures';

const ID = '7d0c1f4e-2a61-4c1a-9a5e-1f0e8c7d6b5a';

function open(accept = true) {
  const onSave = vi.fn<(changes: readonly Change[]) => boolean>(() => accept);
  const onClose = vi.fn();
  render(<DetailsDialog inspection={blankInspection(ID)} onSave={onSave} onClose={onClose} />);
  return {
    onSave,
    onClose,
    dialog: screen.getByRole('dialog', { name: '修改检查信息' }),
    inspector: screen.getByRole('textbox', { name: /检查人/ }),
    year: screen.getByRole('spinbutton', { name: /学年/ }),
    term: screen.getByRole('combobox', { name: /学期/ }),
    save: screen.getByRole('button', { name: '保存' }),
  };
}

describe('the inspection details dialog', () => {
  beforeEach(async () => {
    await initI18n('zh-CN');
  });

  // happy-dom does not show react-hook-form's default on a <select>: the term is chosen here,
  // and the e2e run (tests/e2e/actions-page.spec.ts) sees the default in Chromium.
  it('starts from the inspector and year the inspection has', () => {
    const { inspector, year } = open();
    expect(inspector).toHaveValue('李明');
    expect(year).toHaveValue(2026);
  });

  it('saves one details change with only what differs', async () => {
    const { inspector, term, save, onSave, onClose } = open();
    await userEvent.selectOptions(term, 'autumn');
    await userEvent.clear(inspector);
    await userEvent.type(inspector, ' 赵老师 ');
    await userEvent.click(save);
    await waitFor(() =>
      expect(onSave).toHaveBeenLastCalledWith([{ kind: 'details', inspector: '赵老师' }]),
    );
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    onSave.mockClear();
    render(<DetailsDialog inspection={blankInspection(ID)} onSave={onSave} onClose={vi.fn()} />);
    await userEvent.selectOptions(
      screen.getAllByRole('combobox', { name: /学期/ }).at(-1)!,
      'spring',
    );
    await userEvent.click(screen.getAllByRole('button', { name: '保存' }).at(-1)!);
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith([
        { kind: 'details', period: { year: 2026, term: 'spring' } },
      ]),
    );
  });

  it('closes without an edit when nothing changed', async () => {
    const { term, save, onSave, onClose } = open();
    await userEvent.selectOptions(term, 'autumn');
    await userEvent.click(save);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSave).not.toHaveBeenCalled();
  });

  it('refuses an empty inspector and a year outside 2000–2100, and stays open if refused', async () => {
    const { dialog, inspector, year, save, onSave } = open(false);
    await userEvent.clear(inspector);
    await userEvent.clear(year);
    await userEvent.type(year, '1999');
    await userEvent.click(save);
    expect(await screen.findByText('必填项，请填写')).toBeInTheDocument();
    expect(screen.getByText('年份应在 2000–2100 之间')).toBeInTheDocument();
    expect(onSave).not.toHaveBeenCalled();
    await userEvent.type(inspector, '王芳');
    await userEvent.clear(year);
    await userEvent.type(year, '2027');
    await userEvent.click(save);
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(dialog).toHaveAttribute('open');
  });
});
