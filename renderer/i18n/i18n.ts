import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/i18n/locale';
import { DEFAULT_LOCALE } from '../../shared/i18n/locale';
import enUS from './locales/en-US.json';
import zhCN from './locales/zh-CN.json';

export const resources = {
  'zh-CN': { translation: zhCN },
  'en-US': { translation: enUS },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: (typeof resources)['zh-CN'];
    returnNull: false;
  }
}

/** Starts i18next in the user's language and keeps <html lang> in step with it. */
export async function initI18n(language: Locale = DEFAULT_LOCALE): Promise<typeof i18next> {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: ['zh-CN', 'en-US'],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}
