import type { i18n } from 'i18next';
import type { Backend } from '../backend/Backend';
import { isLanguage, languageFromLocale, type Language } from './languages';

const STORAGE_KEY = 'aftersales.language';

declare global {
  interface Window {
    /** Put in the page by the desktop shell before it loads: the merchant's recorded language, else the desktop's. */
    __AFTERSALES_LANGUAGE__?: string;
  }
}

/**
 * The language to start in: the merchant's last pick in this window, else the one the desktop shell hands over
 * (WebKit's `navigator.language` does not follow the desktop's), else the browser's (the test bridge).
 */
export function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(saved)) return saved;
  const desktop = window.__AFTERSALES_LANGUAGE__;
  return isLanguage(desktop) ? desktop : languageFromLocale(navigator.language);
}

/**
 * Remembers every language switch, tells the engine (its notifications and the tray speak the window's
 * language), and keeps `<html lang>` in step. A pick remembered here from before the engine kept one is told
 * once at start; a first start asks nothing of the engine (it may not have opened: the recovery screen).
 */
export function persistLanguage(instance: i18n, backend?: Pick<Backend, 'setUiLanguage'>): void {
  const tell = (language: Language) => backend?.setUiLanguage({ language }).catch(() => undefined);
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(saved) && saved !== window.__AFTERSALES_LANGUAGE__ && window.__AFTERSALES_LANGUAGE__ !== undefined) {
    tell(saved);
  }
  const apply = (language: string, changed: boolean) => {
    document.documentElement.lang = language;
    if (isLanguage(language)) {
      localStorage.setItem(STORAGE_KEY, language);
      if (changed) tell(language);
    }
  };
  apply(instance.language, false);
  instance.on('languageChanged', (language) => apply(language, true));
}
