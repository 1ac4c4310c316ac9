import type { i18n } from 'i18next';
import { isLanguage, languageFromLocale, type Language } from './languages';

const STORAGE_KEY = 'aftersales.language';

/** The language the merchant picked last, else the one of the system locale. */
export function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return isLanguage(saved) ? saved : languageFromLocale(navigator.language);
}

/** Remembers every language switch and keeps `<html lang>` in step. */
export function persistLanguage(instance: i18n): void {
  const apply = (language: string) => {
    document.documentElement.lang = language;
    if (isLanguage(language)) {
      localStorage.setItem(STORAGE_KEY, language);
    }
  };
  apply(instance.language);
  instance.on('languageChanged', apply);
}
