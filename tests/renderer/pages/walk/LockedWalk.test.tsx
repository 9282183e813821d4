import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Inspection } from '../../../../shared/inspection/schema';
import { initI18n } from '../../../../renderer/i18n/i18n';
import { WalkPage } from '../../../../renderer/pages/walk/WalkPage';
import { useFeedbackStore } from '../../../../renderer/stores/feedback-store';
import { useSignoffStore } from '../../../../renderer/stores/signoff-store';
import { useWalkStore } from '../../../../renderer/stores/walk-store';
import { installFakeApi, PROFILE } from '../../fake-api';
import { blankInspection, TEMPLATE } from '../../fixtures';

const ID = '6e1c2f4e-2a61-4c1a-9a5e-1f0e8c7d6b5a';
const FILE = {
  sha256: 'a'.repeat(64),
  name: '任命文件.pdf',
  size: 1200,
  type: 'application/pdf',
  addedAt: '2026-11-29T08:00:00.000Z',
};

/** Signed, with an answer, a file, a register row and a corrective action to show. */
function signed(): Inspection {
  const base = blankInspection(ID);
  return {
    ...base,
    state: 'signed',
    answers: {
      org_leading_group: {
        value: 'compliant',
        note: '见任命文件',
        evidence: [FILE],
        updatedAt: '2026-11-29T08:00:00.000Z',
      },
      org_policies: { value: 'non-compliant', evidence: [], updatedAt: '2026-11-29T08:00:00.000Z' },
    },
    actions: [
      {
        id: 'a1',
        itemId: 'org_policies',
        description: '修订制度并印发',
        owner: '王主任',
        due: '2026-12-15',
        state: 'open',
        createdAt: '2026-11-29T08:00:00.000Z',
      },
    ],
    signoff: {
      signer: '王校长',
      title: '校长',
      date: '2026-11-30',
      method: 'drawn',
      image: { ...FILE, sha256: 'b'.repeat(64), name: '签名.png', type: 'image/png' },
      signedAt: '2026-11-30T02:10:00.000Z',
      auditCount: 1,
      publicKey: `MCowBQYDK2VwAyEA${'A'.repeat(43)}=`,
      keyFingerprint: 'c'.repeat(64),
      contentHash: 'd'.repeat(64),
      signature: 'e'.repeat(86),
    },
  };
}

async function openSigned(sectionId: string, check: unknown) {
  const sent: unknown[] = [];
  installFakeApi({
    settings: { profile: PROFILE },
    answers: {
      'inspections:get': () => ({ ok: true, value: signed() }),
      'templates:get': () => ({ ok: true, value: TEMPLATE }),
      'inspections:update': (input) => {
        sent.push(input);
        return { ok: false, error: { code: 'inspection-signed', message: '已签字，不能修改。' } };
      },
      'signoff:check': () => ({ ok: true, value: check }),
      'evidence:read': () => ({ ok: true, value: { type: 'application/pdf', dataBase64: '' } }),
    },
  });
  await initI18n('zh-CN');
  render(<WalkPage id={ID} sectionId={sectionId} />);
  await screen.findByRole('heading', { level: 2 });
  return { sent };
}

const VALID = {
  status: 'valid',
  fingerprint: 'c'.repeat(64),
  contentHash: 'd'.repeat(64),
  ownKey: true,
};

describe('a signed inspection’s walk-through', () => {
  beforeEach(async () => {
    await useWalkStore.getState().close();
    useWalkStore.setState({ inspection: null, template: null, loadError: null });
    useSignoffStore.setState({ check: null });
    useFeedbackStore.setState({ current: null });
  });

  it('says who signed and that it is locked, whether it verifies, and offers reopening', async () => {
    await openSigned('organisation', VALID);
    const banner = screen.getByRole('region', {
      name: '已由 王校长（校长）于 2026年11月30日 签字，内容已锁定',
    });
    expect(await within(banner).findByText('签名有效')).toBeInTheDocument();
    expect(within(banner).getByText(/cccc cccc cccc/)).toBeInTheDocument();
    expect(within(banner).getByText('（本机的密钥）')).toBeInTheDocument();
    expect(within(banner).getByRole('button', { name: '重新打开' })).toBeInTheDocument();
  });

  it('shows every answer, file and action, and no control that changes them', async () => {
    await openSigned('organisation', VALID);
    const section = document.querySelector<HTMLElement>('.walk-section')!;
    for (const name of [/附加文件/, /^移除/, /添加整改措施/, /^删除/]) {
      expect(within(section).queryAllByRole('button', { name })).toEqual([]);
    }
    for (const radio of within(section).getAllByRole('radio')) expect(radio).toBeDisabled();
    expect(within(section).getByRole('radio', { name: '符合', checked: true })).toBeDisabled();
    const notes = section.querySelectorAll('textarea');
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note).toHaveAttribute('readonly');
    expect(within(section).getByDisplayValue('见任命文件')).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: '任命文件.pdf' })).toBeInTheDocument();
    expect(within(section).getByText('修订制度并印发')).toBeInTheDocument();
    for (const box of within(section).queryAllByRole('checkbox')) expect(box).toBeDisabled();
  });

  it('keeps its registers as they are: no row to add, paste into, duplicate or delete', async () => {
    await openSigned('devices', VALID);
    const section = document.querySelector<HTMLElement>('.walk-section')!;
    for (const name of [/添加一行/, /复制/, /^删除/, /本学期没有/, /附件/]) {
      expect(within(section).queryAllByRole('button', { name })).toEqual([]);
    }
    expect(within(section).queryByText(/按 Ctrl\+V 粘贴|点击“添加一行”/)).toBeNull();
    expect(within(section).getAllByText('没有登记任何内容。').length).toBeGreaterThan(0);
  });

  it('refuses an edit that slips through, says why, and sends nothing', async () => {
    const { sent } = await openSigned('organisation', VALID);
    const applied = useWalkStore
      .getState()
      .apply([{ kind: 'note', itemId: 'org_leading_group', note: '改' }]);
    expect(applied).toBe(false);
    expect(useFeedbackStore.getState().current).toMatchObject({
      kind: 'error',
      text: expect.stringContaining('已由校长签字') as string,
    });
    await useWalkStore.getState().whenSaved();
    expect(sent).toEqual([]);
    expect(useWalkStore.getState().inspection?.answers.org_leading_group?.note).toBe('见任命文件');
  });

  it('says loudly when the stored file changed after signing', async () => {
    await openSigned('organisation', { status: 'changed', fingerprint: 'c'.repeat(64) });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('签字后被改动');
    fireEvent.click(screen.getByRole('button', { name: '重新打开' }));
    expect(screen.getByRole('dialog', { name: '重新打开已签字的检查' })).toBeInTheDocument();
  });
});
