import type { InputHTMLAttributes, Ref } from 'react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../shared/template/dates';
import { useLocale } from '../i18n/use-locale';
import { addDays, formatIsoDate, parseDateText, readDateText } from '../lib/dates';
import { Icon } from './icons';

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'defaultValue' | 'onChange' | 'type' | 'ref'
>;

interface Props extends InputProps {
  /** An ISO date (YYYY-MM-DD), '' for none, or a text that is not a date (shown as it is). */
  readonly value: string;
  /** The ISO date when what is typed is one, '' when the field is empty, else the text. */
  readonly onChange: (value: string) => void;
  /** The text input's accessible name when no <label> wraps the field. */
  readonly label?: string;
  /** The text input, for a form that focuses the first field in error. */
  readonly inputRef?: Ref<HTMLInputElement>;
}

/**
 * One date field for the whole app. A text input that shows the date the way the rest of the UI
 * writes it (2026年11月29日, 29 Nov 2026), whatever language the browser is set to, and takes
 * what people type (2026-11-29, 2026/11/29, 2026.11.29, 2026年11月29日, 29 Nov 2026); ↑ and ↓
 * move it a day. For the mouse, a calendar button opens the browser's own date picker (a hidden
 * date input). Keeps its size whatever it holds: nothing moves as a date is typed.
 */
export function DateField({
  value,
  onChange,
  label,
  inputRef,
  className,
  onBlur,
  onKeyDown,
  disabled,
  ...input
}: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const picker = useRef<HTMLInputElement>(null);
  const name = label ?? input['aria-label'];
  const shown = (v: string) => (isIsoDate(v) ? formatIsoDate(v, locale) : v);
  const [draft, setDraft] = useState(() => shown(value));
  const [seen, setSeen] = useState({ value, locale });
  // A change from elsewhere (the picker, undo, a paste, another language) replaces the text; the
  // user's own typing, which the value follows, does not.
  if (seen.value !== value || seen.locale !== locale) {
    setSeen({ value, locale });
    if (seen.locale !== locale || readDateText(draft) !== value) setDraft(shown(value));
  }

  const take = (iso: string) => {
    setDraft(formatIsoDate(iso, locale));
    onChange(iso);
  };
  const openPicker = () => {
    const native = picker.current;
    if (!native) return;
    try {
      native.showPicker();
    } catch {
      // No picker here (or not allowed now): the text input still takes any date typed.
      native.focus();
    }
  };

  return (
    <span className={className ? `date-field ${className}` : 'date-field'}>
      <input
        {...input}
        ref={inputRef}
        type="text"
        className="date-field-input"
        aria-label={name}
        autoComplete="off"
        spellCheck={false}
        placeholder={input.placeholder ?? t('date.placeholder')}
        disabled={disabled}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          onChange(readDateText(e.target.value));
        }}
        onBlur={(e) => {
          // A date typed any accepted way settles into the one way dates are shown.
          const iso = parseDateText(draft);
          if (iso) setDraft(formatIsoDate(iso, locale));
          onBlur?.(e);
        }}
        onKeyDown={(e) => {
          const iso = parseDateText(draft);
          if (iso && !e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
            e.preventDefault();
            take(addDays(iso, e.key === 'ArrowUp' ? 1 : -1));
          }
          onKeyDown?.(e);
        }}
      />
      <button
        type="button"
        className="date-field-calendar"
        tabIndex={-1}
        disabled={disabled}
        aria-label={name ? t('date.openCalendarFor', { name }) : t('date.openCalendar')}
        title={t('date.openCalendar')}
        onClick={openPicker}
      >
        <Icon name="calendar" size={16} />
      </button>
      <input
        ref={picker}
        type="date"
        className="date-field-picker"
        tabIndex={-1}
        aria-hidden="true"
        disabled={disabled}
        value={isIsoDate(value) ? value : ''}
        onChange={(e) => {
          if (isIsoDate(e.target.value)) take(e.target.value);
          else if (e.target.value === '') {
            // The picker's "clear".
            setDraft('');
            onChange('');
          }
        }}
      />
    </span>
  );
}
