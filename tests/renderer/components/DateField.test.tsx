import { act, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DateField } from '../../../renderer/components/DateField';
import { initI18n } from '../../../renderer/i18n/i18n';

/** A date field with its value kept as a form would, and every value it reported. */
function Harness({ initial, seen }: { initial: string; seen: string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <DateField
      label="整改期限"
      value={value}
      onChange={(next) => {
        seen.push(next);
        setValue(next);
      }}
    />
  );
}

function renderField(initial = '') {
  const seen: string[] = [];
  render(<Harness initial={initial} seen={seen} />);
  return { input: screen.getByRole('textbox', { name: '整改期限' }), seen };
}

describe('a date field', () => {
  beforeEach(async () => {
    await initI18n('zh-CN');
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows a stored date the way the Chinese UI writes dates, whatever the browser', () => {
    const { input } = renderField('2026-11-29');
    expect(input).toHaveValue('2026年11月29日');
    expect(input).toHaveAttribute('type', 'text');
  });

  it('shows it the English way in English, and follows a change of language', async () => {
    await initI18n('en-US');
    const { input } = renderField('2026-11-29');
    expect(input).toHaveValue('29 Nov 2026');
    await act(() => i18next.changeLanguage('zh-CN'));
    expect(input).toHaveValue('2026年11月29日');
  });

  it('takes a date typed any accepted way, stores it as ISO, and settles its text on leaving', () => {
    const { input, seen } = renderField();
    fireEvent.change(input, { target: { value: '2026/1/5' } });
    expect(seen.at(-1)).toBe('2026-01-05');
    expect(input).toHaveValue('2026/1/5');
    fireEvent.blur(input);
    expect(input).toHaveValue('2026年1月5日');
    fireEvent.change(input, { target: { value: '29 Nov 2026' } });
    expect(seen.at(-1)).toBe('2026-11-29');
  });

  it('keeps a text that is not a date as typed, for the form to say so', () => {
    const { input, seen } = renderField('2026-11-29');
    fireEvent.change(input, { target: { value: '上周五' } });
    fireEvent.blur(input);
    expect(seen.at(-1)).toBe('上周五');
    expect(input).toHaveValue('上周五');
    fireEvent.change(input, { target: { value: '' } });
    expect(seen.at(-1)).toBe('');
  });

  it('moves a day with the arrow keys', () => {
    const { input, seen } = renderField('2026-12-31');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(seen.at(-1)).toBe('2027-01-01');
    expect(input).toHaveValue('2027年1月1日');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(seen.at(-1)).toBe('2026-12-30');
  });

  it('opens the browser’s date picker from its calendar button, and takes the date picked', () => {
    const showPicker = vi.fn();
    Object.defineProperty(HTMLInputElement.prototype, 'showPicker', {
      value: showPicker,
      configurable: true,
    });
    const { input, seen } = renderField('2026-11-29');
    const button = screen.getByRole('button', { name: '打开日历：整改期限' });
    expect(button).toHaveAttribute('tabindex', '-1');
    fireEvent.click(button);
    expect(showPicker).toHaveBeenCalledTimes(1);
    const picker = document.querySelector<HTMLInputElement>('input[type=date]')!;
    expect(picker).toHaveValue('2026-11-29');
    expect(picker).toHaveAttribute('aria-hidden', 'true');
    fireEvent.change(picker, { target: { value: '2027-03-01' } });
    expect(seen.at(-1)).toBe('2027-03-01');
    expect(input).toHaveValue('2027年3月1日');
  });
});
