import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RegisterItem, Template } from '../../../../shared/template/schema';
import { templateSchema } from '../../../../shared/template/schema';
import { initI18n } from '../../../../renderer/i18n/i18n';
import { WalkPage } from '../../../../renderer/pages/walk/WalkPage';
import { useFeedbackStore } from '../../../../renderer/stores/feedback-store';
import { useWalkStore } from '../../../../renderer/stores/walk-store';
import { installFakeApi, PROFILE } from '../../fake-api';
import { blankInspection, TEMPLATE } from '../../fixtures';

/** A register number column with min (qinglang-template/2): "nothing lost, nothing let in". */

const ID = '7d0c1f4e-2a61-4c1a-9a5e-1f0e8c7d6b5a';

/** The built-in checklist declared /2, 涉及人数 (bio_register.people) at least 0. */
function boundedTemplate(): Template {
  const t = structuredClone(TEMPLATE) as Template;
  const register = t.sections
    .flatMap((s) => s.items)
    .find((i): i is RegisterItem => i.id === 'bio_register')!;
  Object.assign(
    register.columns.find((c) => c.id === 'people')!,
    { min: 0 },
  );
  return templateSchema.parse({ ...t, format: 'qinglang-template/2' });
}

async function openBiometrics(language: 'zh-CN' | 'en-US' = 'zh-CN') {
  const inspection = blankInspection(ID);
  inspection.answers.bio_uses = {
    value: 'yes',
    evidence: [],
    updatedAt: '2026-11-29T08:00:00.000Z',
  };
  installFakeApi({
    settings: { profile: PROFILE, language },
    answers: {
      'inspections:get': () => ({ ok: true, value: inspection }),
      'templates:get': () => ({ ok: true, value: boundedTemplate() }),
      'inspections:update': () => ({
        ok: true,
        value: { updatedAt: '2026-11-29T08:01:00.000Z' },
      }),
    },
  });
  await initI18n(language);
  render(<WalkPage id={ID} sectionId="biometrics" />);
  const table = await screen.findByRole('table', {
    name: language === 'zh-CN' ? '生物识别系统登记表' : /biometric/i,
  });
  fireEvent.click(
    screen.getByRole('button', { name: language === 'zh-CN' ? '+ 添加一行' : '+ Add a row' }),
  );
  return table;
}

const paste = (target: HTMLElement, text: string) =>
  fireEvent.paste(target, { clipboardData: { getData: () => text } });

describe('a bounded register number column', () => {
  beforeEach(async () => {
    await useWalkStore.getState().close();
    useWalkStore.setState({ inspection: null, template: null, loadError: null });
    useFeedbackStore.setState({ current: null });
  });

  it('shows its range as a number item does, and says what is wrong when -3 is typed', async () => {
    const table = await openBiometrics();
    expect(within(table).getByRole('columnheader', { name: /涉及人数/ })).toHaveTextContent(
      '涉及人数 * (人) 范围：不小于 0',
    );
    const people = within(table).getByRole('textbox', { name: '第 1 行 涉及人数' });
    fireEvent.change(people, { target: { value: '-3' } });
    expect(people).toHaveValue('-3');
    expect(people).toHaveAttribute('aria-invalid', 'true');
    expect(people).toHaveAttribute('title', '不能小于 0');
    expect(within(table).getByText('涉及人数：不能小于 0')).toBeInTheDocument();
    fireEvent.change(people, { target: { value: '0' } });
    expect(people).not.toHaveAttribute('aria-invalid');
    expect(people).toHaveAttribute('title', '不小于 0');
    expect(within(table).queryByText('涉及人数：不能小于 0')).toBeNull();
  });

  it('says the same in English', async () => {
    const table = await openBiometrics('en-US');
    const people = within(table).getByRole('textbox', { name: 'Row 1, People' });
    fireEvent.change(people, { target: { value: '-3' } });
    expect(people).toHaveAttribute('title', 'must be at least 0');
    expect(within(table).getByText('People: must be at least 0')).toBeInTheDocument();
    fireEvent.change(people, { target: { value: '12' } });
    expect(people).toHaveAttribute('title', 'at least 0');
  });

  it('refuses a pasted negative count as out of range, leaving the cell as it was', async () => {
    const table = await openBiometrics();
    const system = within(table).getByRole('textbox', { name: '第 1 行 系统' });
    paste(system, '门禁\t人脸\t-3\n');
    expect(useFeedbackStore.getState().current).toEqual({
      kind: 'warning',
      text: '已粘贴 2 个单元格，新增 0 行；1 个单元格未粘贴：第 1 行“涉及人数”：“-3”超出范围（不小于 0）。',
    });
    expect(within(table).getByRole('textbox', { name: '第 1 行 涉及人数' })).toHaveValue('');
  });
});
