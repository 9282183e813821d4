import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../../../renderer/i18n/i18n';
import { WalkPage } from '../../../../renderer/pages/walk/WalkPage';
import { useFeedbackStore } from '../../../../renderer/stores/feedback-store';
import { useWalkStore } from '../../../../renderer/stores/walk-store';
import { installFakeApi, PROFILE } from '../../fake-api';
import { blankInspection, TEMPLATE } from '../../fixtures';

const ID = '7d0c1f4e-2a61-4c1a-9a5e-1f0e8c7d6b5a';

async function openDevices() {
  const sent: unknown[] = [];
  installFakeApi({
    settings: { profile: PROFILE },
    answers: {
      'inspections:get': () => ({ ok: true, value: blankInspection(ID) }),
      'templates:get': () => ({ ok: true, value: TEMPLATE }),
      'inspections:update': (input) => {
        sent.push(...(input as { changes: unknown[] }).changes);
        return { ok: true, value: { updatedAt: '2026-11-29T08:01:00.000Z' } };
      },
    },
  });
  await initI18n('zh-CN');
  render(<WalkPage id={ID} sectionId="devices" />);
  const table = await screen.findByRole('table', { name: '安全设备登记表' });
  return { table, sent };
}

const paste = (target: HTMLElement, text: string) =>
  fireEvent.paste(target, { clipboardData: { getData: () => text } });

describe('a register in the walk-through', () => {
  beforeEach(async () => {
    await useWalkStore.getState().close();
    useWalkStore.setState({ inspection: null, template: null, loadError: null });
    useFeedbackStore.setState({ current: null });
  });

  it('takes rows pasted from a spreadsheet, header and all, and flags a row its rules catch', async () => {
    const { table } = await openDevices();
    fireEvent.click(screen.getByRole('button', { name: '+ 添加一行' }));
    const firstCell = within(table).getByRole('combobox', { name: '第 1 行 类型' });
    paste(
      firstCell,
      '类型\t厂商型号\t固件版本\t特征库版本\t特征库更新日期\r\n' +
        '防火墙\t华为 USG6525E\tV600R007\t2026.11.01\t2026年11月20日\r\n' +
        '防病毒网关\t"奇安信 ""天擎"""\t\t3.1\t2025/01/02\r\n',
    );
    expect(useFeedbackStore.getState().current).toEqual({
      kind: 'success',
      text: '已粘贴：填写 9 个单元格，新增 1 行。',
    });
    expect(within(table).getByRole('textbox', { name: '第 1 行 厂商型号' })).toHaveValue(
      '华为 USG6525E',
    );
    expect(within(table).getByRole('textbox', { name: '第 2 行 厂商型号' })).toHaveValue(
      '奇安信 "天擎"',
    );
    expect(within(table).getByRole('textbox', { name: '第 2 行 特征库更新日期' })).toHaveValue(
      '2025年1月2日',
    );
    expect(within(table).getAllByText('特征库超过 30 天未更新').length).toBeGreaterThan(0);
  });

  it('says which pasted cells did not fit and why, and leaves those cells as they were', async () => {
    const { table } = await openDevices();
    fireEvent.click(screen.getByRole('button', { name: '+ 添加一行' }));
    const type = within(table).getByRole('combobox', { name: '第 1 行 类型' });
    fireEvent.change(type, { target: { value: 'firewall' } });
    paste(
      type,
      '路由器\t华为 USG6525E\tV600R007\t2026.11.01\t上周\n' +
        '交换机\t奇安信\tV1\t3.1\t2026-11-20\t多出来的一列\n',
    );
    expect(useFeedbackStore.getState().current).toEqual({
      kind: 'warning',
      text:
        '已粘贴 7 个单元格，新增 1 行；4 个单元格未粘贴：第 1 行“类型”：“路由器”不是可选项；' +
        '第 1 行“特征库更新日期”：“上周”不是日期；第 2 行“类型”：“交换机”不是可选项；另有 1 个。',
    });
    expect(within(table).getByRole('combobox', { name: '第 1 行 类型' })).toHaveValue('firewall');
    expect(within(table).getByRole('textbox', { name: '第 1 行 厂商型号' })).toHaveValue(
      '华为 USG6525E',
    );
    expect(within(table).getByRole('combobox', { name: '第 2 行 类型' })).toHaveValue('');
    expect(within(table).getByRole('textbox', { name: '第 2 行 厂商型号' })).toHaveValue('奇安信');
  });

  it('says so when nothing of a paste fits', async () => {
    const { table } = await openDevices();
    fireEvent.click(screen.getByRole('button', { name: '+ 添加一行' }));
    paste(within(table).getByLabelText('第 1 行 特征库更新日期'), '上周\t多余\n');
    expect(useFeedbackStore.getState().current).toEqual({
      kind: 'error',
      text:
        '未粘贴任何内容，2 个单元格不能放入登记表：第 1 行“特征库更新日期”：“上周”不是日期；' +
        '第 1 行“多余”超出了登记表的最后一列。',
    });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
  });

  it('refuses a paste larger than a register may hold, changing nothing', async () => {
    const { table, sent } = await openDevices();
    fireEvent.click(screen.getByRole('button', { name: '+ 添加一行' }));
    const huge = Array.from({ length: 6000 }, (_, i) => `防火墙\t设备 ${i}`).join('\n');
    paste(within(table).getByRole('combobox', { name: '第 1 行 类型' }), huge);
    expect(useFeedbackStore.getState().current).toEqual({
      kind: 'error',
      text: '粘贴的内容太多：一个登记表最多 5000 行，未作任何更改。',
    });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    await useWalkStore.getState().whenSaved();
    expect(
      sent.some(
        (c) =>
          (c as { kind: string }).kind === 'rows-insert' &&
          (c as { rows: unknown[] }).rows.length > 1,
      ),
    ).toBe(false);
  });

  it('deletes a row with an undo that puts it back where it was', async () => {
    const { table } = await openDevices();
    fireEvent.click(screen.getByRole('button', { name: '+ 添加一行' }));
    fireEvent.change(within(table).getByRole('textbox', { name: '第 1 行 厂商型号' }), {
      target: { value: '深信服 AF' },
    });
    fireEvent.click(within(table).getByRole('button', { name: '复制第 1 行' }));
    expect(within(table).getByRole('textbox', { name: '第 2 行 厂商型号' })).toHaveValue(
      '深信服 AF',
    );
    fireEvent.click(within(table).getByRole('button', { name: '删除第 1 行' }));
    expect(within(table).queryByRole('textbox', { name: '第 2 行 厂商型号' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '撤销删除' }));
    expect(within(table).getByRole('textbox', { name: '第 2 行 厂商型号' })).toHaveValue(
      '深信服 AF',
    );
  });
});
