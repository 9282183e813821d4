import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../../renderer/i18n/i18n';
import { ReviewForm } from '../../../../renderer/pages/bureau/ReviewForm';
import { BUREAU_TEMPLATE, submissionOf } from '../../bureau-fixtures';

const SUBMISSION = submissionOf('2100000001', '云溪区', 'primary', {
  org_leader: 'compliant',
  org_plan: 'non-compliant',
  edu_week: 'partial',
});

function start(reviewer = '王科长') {
  const onSave = vi.fn(async () => undefined);
  render(
    <ReviewForm
      submission={SUBMISSION}
      template={BUREAU_TEMPLATE}
      review={undefined}
      reviewer={reviewer}
      onSave={onSave}
    />,
  );
  return onSave;
}

describe('the review of a submission', () => {
  beforeEach(async () => {
    await initI18n('zh-CN');
  });

  it('shows every item with its status and a comment box named by the item', () => {
    start();
    expect(screen.getByRole('textbox', { name: /org_plan 制定应急预案/ })).toBeInTheDocument();
    expect(screen.getAllByRole('row', { name: /不符合/ })).toHaveLength(1);
    expect(screen.getByRole('columnheader', { name: '宣传教育' })).toBeInTheDocument();
  });

  it('refuses a return without any comment, and says why at the overall comment', async () => {
    const onSave = start();
    await userEvent.click(screen.getByRole('button', { name: '退回' }));
    expect(onSave).not.toHaveBeenCalled();
    const overall = screen.getByRole('textbox', { name: /总体意见/ });
    expect(overall).toHaveAccessibleDescription(/退回需要说明原因/);
    expect(overall).toHaveFocus();
  });

  it('returns with an item comment only, sending the comments of the items written on', async () => {
    const onSave = start();
    await userEvent.type(screen.getByRole('textbox', { name: /org_plan/ }), '  请补充应急预案 ');
    await userEvent.click(screen.getByRole('button', { name: '退回' }));
    expect(onSave).toHaveBeenCalledWith({
      decision: 'returned',
      comment: '',
      items: [{ itemId: 'org_plan', comment: '请补充应急预案' }],
      reviewer: '王科长',
    });
  });

  it('accepts without comments, but not without a reviewer', async () => {
    const onSave = start('');
    await userEvent.click(screen.getByRole('button', { name: '通过' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(await screen.findByText('必填项，请填写')).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: /审阅人/ }), '李科员');
    await userEvent.click(screen.getByRole('button', { name: '通过' }));
    expect(onSave).toHaveBeenCalledWith({
      decision: 'accepted',
      comment: '',
      items: [],
      reviewer: '李科员',
    });
  });
});
