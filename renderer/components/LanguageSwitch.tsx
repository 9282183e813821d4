import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../shared/i18n/locale';
import type { Locale } from '../../shared/i18n/locale';

interface Props {
  readonly value: Locale;
  readonly onChange: (language: Locale) => void;
  readonly name: string;
  /** What is being chosen; the UI's language unless said (a report's, say). */
  readonly label?: string;
}

/** A two-way segmented choice built from real radio buttons, so arrow keys and readers work. */
export function LanguageSwitch({ value, onChange, name, label }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">{label ?? t('language.switchLabel')}</legend>
      {LOCALES.map((locale) => (
        <label key={locale} className="segmented-option" lang={locale}>
          <input
            type="radio"
            name={name}
            value={locale}
            checked={value === locale}
            onChange={() => onChange(locale)}
          />
          <span>{t(`language.${locale}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
