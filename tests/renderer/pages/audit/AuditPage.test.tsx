import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../../../renderer/i18n/i18n';
import { AuditPage } from '../../../../renderer/pages/audit/AuditPage';
import { useAuditStore } from '../../../../renderer/stores/audit-store';
import type { AuditEntry, Inspection, Signoff } from '../../../../shared/inspection/schema';
import { installFakeApi, PROFILE } from '../../fake-api';
import { blankInspection, TEMPLATE } from '../../fixtures';

const ID = '6e1c2f4e-2a61-4c1a-9a5e-1f0e8c7d6b5a';
const HASH = 'c0ffee'.padEnd(64, '0');

const at = (minutes: number) =>
  new Date(Date.UTC(2026, 10, 2, 1, 0) + minutes * 60_000).toISOString();

/** A trail with one entry of most kinds, the signing fourth from the end. */
function trail(): AuditEntry[] {
  return [
    { at: at(0), event: 'created' },
    { at: at(10), event: 'answer', itemId: 'org_leading_group', to: 'compliant' },
    { at: at(20), event: 'note', itemId: 'org_leading_group', to: '任命文件见附件'.repeat(40) },
    {
      at: at(30),
      event: 'evidence-added',
      itemId: 'org_leading_group',
      detail: '任命文件.pdf',
      sha256: HASH,
    },
    { at: at(40), event: 'rows-added', itemId: 'dev_register', rowId: 'r1' },
    {
      at: at(50),
      event: 'rows-changed',
      itemId: 'dev_register',
      rowId: 'r1',
      columnId: 'type',
      to: 'firewall',
    },
    {
      at: at(60),
      event: 'action-added',
      itemId: 'org_policies',
      actionId: 'a1',
      detail: '修订管理制度',
    },
    { at: at(70), event: 'state', from: 'draft', to: 'ready' },
    { at: at(80), event: 'signed', detail: '王校长 校长' },
    { at: at(24 * 60), event: 'trashed' },
    { at: at(24 * 60 + 5), event: 'restored' },
  ];
}

function signoff(auditCount: number): Signoff {
  return {
    signer: '王校长',
    title: '校长',
    date: '2026-11-02',
    method: 'drawn',
    image: { sha256: HASH, name: '签名.png', size: 10, type: 'image/png', addedAt: at(80) },
    signedAt: at(80),
    auditCount,
    publicKey: `MCowBQYDK2VwAyEA${'A'.repeat(43)}=`,
    keyFingerprint: HASH,
    contentHash: HASH,
    signature: `${'A'.repeat(85)}A==`,
  };
}

function signedInspection(): Inspection {
  return {
    ...blankInspection(ID),
    state: 'signed',
    registers: { dev_register: [{ id: 'r1', cells: { type: 'firewall' }, evidence: [] }] },
    signoff: signoff(9),
    audit: trail(),
  };
}

async function show(inspection: Inspection, language: 'zh-CN' | 'en-US' = 'zh-CN') {
  installFakeApi({
    settings: { profile: PROFILE, language },
    answers: {
      'inspections:get': () => ({ ok: true, value: inspection }),
      'templates:get': () => ({ ok: true, value: TEMPLATE }),
    },
  });
  await initI18n(language);
  render(<AuditPage id={ID} />);
  return screen.findByRole('list', { name: /^(经过记录|Audit trail)$/ });
}

const entries = () =>
  screen.getAllByRole('listitem').filter((li) => li.classList.contains('audit-entry'));
const whats = () => entries().map((li) => li.querySelector('.audit-what strong')!.textContent);
const count = () => screen.getByRole('status').textContent;

describe('the audit trail page', () => {
  afterEach(() => useAuditStore.getState().close());

  it('reads each entry newest first, or oldest first when asked', async () => {
    await show(signedInspection());
    expect(count()).toBe('共 11 条，显示 11 条');
    expect(whats()).toEqual([
      '从回收站恢复',
      '移到回收站',
      '校长签字',
      '交给校长签字',
      '新增整改措施',
      '填写单元格',
      '登记表加一行',
      '加入佐证材料',
      '填写备注',
      '填写回答',
      '新建检查',
    ]);
    const answer = entries().at(-2)!;
    expect(answer).toHaveTextContent('1. 组织领导与责任落实 › 1.1 成立由校长任组长');
    expect(answer.querySelector('.audit-change')).toHaveTextContent('（空） → 改为 符合');
    expect(answer.querySelector('time')).toHaveAttribute('dateTime', at(10));
    const cell = entries()[5]!;
    expect(cell).toHaveTextContent('4. 安全设备与特征库 › 4.1 安全设备登记表 › 第 1 行 › 类型');
    expect(cell.querySelector('.audit-to')).toHaveTextContent('防火墙');
    expect(entries()[4]).toHaveTextContent('整改内容：修订管理制度');

    fireEvent.click(screen.getByRole('radio', { name: '最早的在前' }));
    expect(whats()[0]).toBe('新建检查');
    expect(whats().at(-1)).toBe('从回收站恢复');
  });

  it('marks what was recorded after the signing, outside the signature', async () => {
    await show(signedInspection());
    expect(screen.getByText(/王校长 校长已于 .+ 签字。签名覆盖前 9 条记录/)).toBeInTheDocument();
    const after = entries().filter((li) => within(li).queryByText('签字之后'));
    expect(after.map((li) => li.dataset.event)).toEqual(['restored', 'trashed']);
    expect(entries().find((li) => li.dataset.event === 'signed')).toHaveClass('audit-milestone');
  });

  it('shows a long text cut, whole on request, and a file by name and short hash', async () => {
    await show(signedInspection());
    const note = entries().find((li) => li.dataset.event === 'note')!;
    const full = '任命文件见附件'.repeat(40);
    expect(note.querySelector('.audit-to')!.textContent).toHaveLength(161);
    fireEvent.click(within(note).getByRole('button', { name: '显示全部' }));
    expect(note.querySelector('.audit-to')).toHaveTextContent(full);
    expect(within(note).getByRole('button', { name: '收起' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );

    const file = entries().find((li) => li.dataset.event === 'evidence-added')!;
    expect(file).toHaveTextContent(`任命文件.pdf ${HASH.slice(0, 12)}…`);
    fireEvent.click(within(file).getByRole('button', { name: '显示完整散列' }));
    expect(file).toHaveTextContent(HASH);
  });

  it('filters by kind, section, words and dates, with the counts', async () => {
    await show(signedInspection());
    const kind = screen.getByRole('combobox', { name: '类别' });
    expect(within(kind).getByRole('option', { name: '回答与备注（2）' })).toBeInTheDocument();
    fireEvent.change(kind, { target: { value: 'answers' } });
    expect(whats()).toEqual(['填写备注', '填写回答']);
    expect(count()).toBe('共 11 条，显示 2 条');
    fireEvent.change(kind, { target: { value: 'record' } });
    expect(whats()).toEqual(['从回收站恢复', '移到回收站', '新建检查']);
    fireEvent.change(kind, { target: { value: '' } });

    fireEvent.change(screen.getByRole('combobox', { name: '章节' }), {
      target: { value: 'devices' },
    });
    expect(whats()).toEqual(['填写单元格', '登记表加一行']);
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索' }), {
      target: { value: '防火墙' },
    });
    expect(whats()).toEqual(['填写单元格']);
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索' }), {
      target: { value: '经费' },
    });
    expect(screen.getByText('没有符合筛选条件的记录。')).toBeInTheDocument();
    expect(count()).toBe('共 11 条，显示 0 条');

    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    expect(count()).toBe('共 11 条，显示 11 条');
    expect(screen.queryByRole('button', { name: '清除筛选' })).toBeNull();

    // From the day after the signing: the trash and the restore (local days, whatever the zone).
    const nextDay = new Date(Date.parse(at(24 * 60)));
    const iso = `${nextDay.getFullYear()}-${String(nextDay.getMonth() + 1).padStart(2, '0')}-${String(nextDay.getDate()).padStart(2, '0')}`;
    fireEvent.change(screen.getByRole('textbox', { name: '起始日期' }), { target: { value: iso } });
    expect(whats()).toEqual(['从回收站恢复', '移到回收站']);
    fireEvent.change(screen.getByRole('textbox', { name: '截止日期' }), { target: { value: iso } });
    expect(whats()).toEqual(['从回收站恢复', '移到回收站']);
    fireEvent.change(screen.getByRole('textbox', { name: '起始日期' }), {
      target: { value: '下周' },
    });
    expect(screen.getByRole('alert')).toHaveTextContent('不是日期，未按日期筛选');
    expect(screen.getByRole('textbox', { name: '起始日期' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });

  it('shows a long trail a page at a time, and a filter goes back to the first page', async () => {
    // 1,200 entries: 24 pages (the e2e spec opens 5,000 in the browser).
    const long: AuditEntry[] = Array.from({ length: 1200 }, (_, i) => ({
      at: at(i),
      event: 'note',
      itemId: 'org_budget',
      to: `第 ${i + 1} 次`,
    }));
    await show({ ...blankInspection(ID), audit: long });
    expect(count()).toBe('共 1200 条，显示 1200 条');
    expect(entries()).toHaveLength(50);
    expect(entries()[0]).toHaveTextContent('第 1200 次');
    const pager = screen.getByRole('navigation', { name: '经过记录分页' });
    expect(pager).toHaveTextContent('第 1 / 24 页');
    fireEvent.click(within(pager).getByRole('button', { name: '下一页' }));
    expect(entries()[0]).toHaveTextContent('第 1150 次');
    expect(screen.getByRole('status')).toHaveFocus();
    fireEvent.click(within(pager).getByRole('button', { name: '最后一页' }));
    expect(pager).toHaveTextContent('第 24 / 24 页');
    expect(entries().at(-1)).toHaveTextContent('第 1 次');
    expect(within(pager).getByRole('button', { name: '下一页' })).toBeDisabled();

    // 300 of the numbers 1–1200 have a 0 in them (the item's place, 1.7, has none): six pages,
    // and the first is shown.
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索' }), {
      target: { value: '0' },
    });
    expect(count()).toBe('共 1200 条，显示 300 条');
    expect(screen.getByRole('navigation', { name: '经过记录分页' })).toHaveTextContent(
      '第 1 / 6 页',
    );
    expect(entries()[0]).toHaveTextContent('第 1200 次');
  }, 20_000);

  it('reads in English when the UI is English', async () => {
    await show(signedInspection(), 'en-US');
    expect(count()).toBe('11 entries, 11 shown');
    expect(whats()[0]).toBe('Restored from the trash');
    expect(entries()[0]).toHaveTextContent('After signing');
    const answer = entries().at(-2)!;
    expect(answer).toHaveTextContent('1.1 A cybersecurity and IT leading group');
    expect(answer.querySelector('.audit-change')).toHaveTextContent(
      '(empty) → changed to Compliant',
    );
    expect(screen.getByRole('combobox', { name: 'Kind' })).toHaveTextContent(
      'Answers and notes (2)',
    );
  });

  it('says why an inspection cannot be opened', async () => {
    installFakeApi({
      settings: { profile: PROFILE },
      answers: {
        'inspections:get': () => ({
          ok: false,
          error: { code: 'inspection-not-found', message: '找不到这份检查。' },
        }),
      },
    });
    await initI18n('zh-CN');
    await act(async () => {
      render(<AuditPage id={ID} />);
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('找不到这份检查。');
    expect(screen.getByRole('link', { name: '← 返回检查列表' })).toBeInTheDocument();
  });
});
