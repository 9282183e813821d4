import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../../../renderer/i18n/i18n';
import { WalkPage } from '../../../../renderer/pages/walk/WalkPage';
import { useWalkStore } from '../../../../renderer/stores/walk-store';
import { installFakeApi, PROFILE } from '../../fake-api';
import { blankInspection, TEMPLATE } from '../../fixtures';

const ID = '5e1c2f4e-2a61-4c1a-9a5e-1f0e8c7d6b5a';

async function openSection(sectionId: string) {
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
  render(<WalkPage id={ID} sectionId={sectionId} />);
  await screen.findByRole('heading', { level: 2 });
  return { sent };
}

const card = (prompt: RegExp) => screen.getByRole('article', { name: prompt }) as HTMLElement;

describe('an item card', () => {
  beforeEach(async () => {
    await useWalkStore.getState().close();
    useWalkStore.setState({ inspection: null, template: null, loadError: null });
  });

  it('offers "nothing to register" for an untouched register that may be empty, and records it', async () => {
    const { sent } = await openSection('duty');
    const hazards = card(/通报隐患登记表/);
    expect(within(hazards).getByText(/还没有登记/)).toBeInTheDocument();
    expect(within(hazards).queryByText(/已确认/)).toBeNull();
    expect(within(hazards).getByText('未答')).toBeInTheDocument();

    fireEvent.click(within(hazards).getByRole('button', { name: '本学期没有需要登记的内容' }));
    expect(within(hazards).getByText(/已确认：本学期没有需要登记的内容/)).toBeInTheDocument();
    expect(within(hazards).queryByRole('button', { name: '本学期没有需要登记的内容' })).toBeNull();
    expect(within(hazards).queryByText('未答')).toBeNull();
    await useWalkStore.getState().whenSaved();
    expect(sent).toContainEqual({ kind: 'register-none', itemId: 'duty_hazards' });
  });

  it('never offers it for a register that needs rows', async () => {
    await openSection('devices');
    const devices = card(/安全设备登记表/);
    expect(within(devices).getByText(/还没有登记/)).toBeInTheDocument();
    expect(within(devices).queryByRole('button', { name: '本学期没有需要登记的内容' })).toBeNull();
  });

  it('says a last-update date after today is not one, where the user typed it', async () => {
    await openSection('devices');
    const antivirus = card(/病毒库最近更新日期/);
    const field = within(antivirus).getAllByRole('textbox')[0]!;
    fireEvent.change(field, { target: { value: '2099-01-01' } });
    fireEvent.blur(field);
    expect(await within(antivirus).findByRole('alert')).toHaveTextContent(/晚于今天/);
  });
});
