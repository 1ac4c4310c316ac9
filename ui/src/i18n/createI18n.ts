import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';
import type { Language } from './languages';

const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
} as const;

/** A ready i18next instance with both locales bundled (no loading, so it is usable at once). */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'zh-CN'],
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}
