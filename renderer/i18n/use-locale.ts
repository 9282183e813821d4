import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual, Locale } from '../../shared/i18n/locale';
import { isLocale } from '../../shared/i18n/locale';

/**
 * The UI's language, and a picker for the product's bilingual texts (templates, messages). The
 * picker is the same function until the language changes, so memoised children keep holding.
 */
export function useLocale(): { locale: Locale; pick: (text: Bilingual) => string } {
  const { i18n } = useTranslation();
  const locale: Locale = isLocale(i18n.language) ? i18n.language : 'zh-CN';
  return useMemo(() => ({ locale, pick: (text: Bilingual) => text[locale] }), [locale]);
}
