import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeyRecord, KeyStatus } from '../../../../shared/signing-key';
import { initI18n } from '../../../../renderer/i18n/i18n';
import { SigningKeySection } from '../../../../renderer/pages/settings/SigningKeySection';
import { useFeedbackStore } from '../../../../renderer/stores/feedback-store';
import { useSignoffStore } from '../../../../renderer/stores/signoff-store';
import { installFakeApi } from '../../fake-api';

const OLD: KeyRecord = {
  fingerprint: '1a2b'.repeat(16),
  publicKey: 'MCowBQYDK2VwAyEAold',
  createdAt: '2026-09-01T08:00:00.000Z',
};
const NEW: KeyRecord = {
  fingerprint: '9f8e'.repeat(16),
  publicKey: 'MCowBQYDK2VwAyEAnew',
  createdAt: '2026-11-30T08:00:00.000Z',
};

function start(first: KeyStatus) {
  let key = first;
  const replace = vi.fn(() => {
    const history = [
      { ...OLD, replacedAt: '2026-11-30T08:00:00.000Z', replacedBecause: 'damaged' as const },
      NEW,
    ];
    key = { state: 'ok', ...NEW, history };
    return { ok: true as const, value: key };
  });
  installFakeApi({
    answers: { 'signoff:key': () => ({ ok: true, value: key }), 'signoff:replaceKey': replace },
  });
  render(<SigningKeySection />);
  return { replace, section: () => screen.getByRole('region', { name: '签名密钥' }) };
}

describe('the signing key in Settings', () => {
  beforeEach(async () => {
    await initI18n('zh-CN');
    useSignoffStore.setState({ key: null });
    useFeedbackStore.setState({ current: null });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('says a key is made at the first sign-off while there is none', async () => {
    const { section } = start({ state: 'none', history: [] });
    expect(await within(section()).findByText(/第一次签字时会自动生成/)).toBeInTheDocument();
    expect(within(section()).queryByRole('button')).toBeNull();
  });

  it('shows the fingerprint in groups of four and when the key was made', async () => {
    const { section } = start({ state: 'ok', ...OLD, history: [OLD] });
    expect(await within(section()).findByText('1a2b '.repeat(16).trim())).toBeInTheDocument();
    expect(within(section()).getByText('生成时间')).toBeInTheDocument();
    expect(within(section()).queryByRole('table')).toBeNull();
  });

  it('replaces a damaged key only after the user agrees, and lists the old one with why', async () => {
    const { replace, section } = start({ state: 'damaged', history: [OLD] });
    const button = await within(section()).findByRole('button', { name: '生成新密钥' });
    expect(within(section()).getByRole('alert')).toHaveTextContent('已损坏');
    // happy-dom has no confirm(): the user's answer is given here.
    const confirm = vi.fn<(message?: string) => boolean>().mockReturnValueOnce(false);
    vi.stubGlobal('confirm', confirm);
    await userEvent.click(button);
    expect(confirm.mock.calls[0]![0]).toContain('以前签字的检查仍可用旧公钥验证');
    expect(replace).not.toHaveBeenCalled();

    confirm.mockReturnValueOnce(true);
    await userEvent.click(button);
    expect(replace).toHaveBeenCalledTimes(1);
    expect(await within(section()).findByText('9f8e '.repeat(16).trim())).toBeInTheDocument();
    const history = within(section()).getByRole('table');
    expect(history).toHaveTextContent('1a2b 1a2b');
    expect(history).toHaveTextContent('密钥损坏');
    expect(useFeedbackStore.getState().current).toEqual({
      kind: 'success',
      text: '已生成新的签名密钥，更换已记录。',
    });
  });
});
