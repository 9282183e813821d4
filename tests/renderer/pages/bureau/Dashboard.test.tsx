import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../../../renderer/i18n/i18n';
import { Dashboard } from '../../../../renderer/pages/bureau/Dashboard';
import { useAppStore } from '../../../../renderer/stores/app-store';
import { useBureauStore } from '../../../../renderer/stores/bureau-store';
import { bureauState, SHA_B } from '../../bureau-fixtures';
import { installFakeApi } from '../../fake-api';

async function start() {
  const state = bureauState({
    reviews: {
      [SHA_B]: {
        decision: 'returned',
        comment: '请补充',
        items: [],
        reviewer: '王科长',
        reviewedAt: '2026-12-01T08:00:00.000Z',
      },
    },
  });
  installFakeApi({
    settings: { role: 'bureau', bureau: { name: '示例区教育局', district: '示例区' } },
    answers: { 'bureau:state': () => ({ ok: true, value: state }) },
  });
  await useAppStore.getState().load();
  await useBureauStore.getState().load();
  render(<Dashboard />);
}

const schoolRows = () =>
  within(screen.getByRole('region', { name: '各校情况' }))
    .getAllByRole('row')
    .slice(1);

describe('the 汇总 dashboard', () => {
  beforeEach(async () => {
    await initI18n('zh-CN');
    useBureauStore.setState({ state: null, district: null, lastImport: null, progress: null });
  });

  it('shows a row per school with its review state, and filters by district, stage and review', async () => {
    await start();
    expect(schoolRows()).toHaveLength(2);
    expect(schoolRows()[1]).toHaveTextContent('已退回');
    const filters = screen.getByRole('group', { name: '筛选学校' });

    await userEvent.selectOptions(within(filters).getByLabelText('审阅状态'), 'returned');
    expect(schoolRows()).toHaveLength(1);
    expect(schoolRows()[0]).toHaveTextContent('清河区');

    await userEvent.selectOptions(within(filters).getByLabelText('审阅状态'), 'pending');
    expect(schoolRows()).toHaveLength(1);
    expect(schoolRows()[0]).toHaveTextContent('云溪区');

    await userEvent.selectOptions(within(filters).getByLabelText('审阅状态'), '');
    await userEvent.selectOptions(within(filters).getByLabelText('区县'), '清河区');
    expect(schoolRows()).toHaveLength(1);
    await userEvent.selectOptions(within(filters).getByLabelText('学段'), 'primary');
    expect(screen.getByText('没有符合筛选条件的学校。')).toBeInTheDocument();
  });

  it('marks failing cells in words in the matrix, headed by school codes named for readers', async () => {
    await start();
    const matrix = screen.getByRole('region', { name: '检查项 × 学校表格' });
    const heads = within(matrix).getAllByRole('columnheader');
    expect(heads[1]).toHaveAccessibleName('云溪区第1中学 2100000001');
    expect(heads[1]).toHaveAttribute('title', '云溪区第1中学');
    // Most-failed first: org_plan fails at one school and is partial at the other.
    const first = within(matrix).getAllByRole('row')[1]!;
    expect(first).toHaveTextContent('org_plan');
    expect(first).toHaveTextContent('不符合');
    expect(first).toHaveTextContent('部分');

    await userEvent.selectOptions(screen.getByLabelText('排序'), 'checklist');
    expect(within(matrix).getAllByRole('row')[1]).toHaveTextContent('org_leader');
  });
});
