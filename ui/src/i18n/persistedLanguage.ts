import type { i18n } from 'i18next';
import type { Backend } from '../backend/Backend';
import { isLanguage, languageFromLocale, type Language } from './languages';

const STORAGE_KEY = 'aftersales.language';
/** How long the first start waits for the engine's answer before it starts in the browser's language. */
const ENGINE_WAIT_MS = 3000;

/** The language the merchant picked last in this window, else the one of the browser's locale. */
export function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return isLanguage(saved) ? saved : languageFromLocale(navigator.language);
}

/**
 * The language to start in. The merchant's last pick wins, and the engine is told (its notifications and the
 * tray speak it too). At the first start there is none: the engine's answer is the desktop's language (the
 * web engine's own `navigator.language` does not follow the desktop), recorded on both sides.
 */
export async function startLanguage(backend: Pick<Backend, 'uiLanguage' | 'setUiLanguage'>): Promise<Language> {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(saved)) {
    backend.setUiLanguage({ language: saved }).catch(() => undefined);
    return saved;
  }
  try {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer')), ENGINE_WAIT_MS));
    const language = await Promise.race([backend.uiLanguage(), timeout]);
    if (isLanguage(language)) {
      localStorage.setItem(STORAGE_KEY, language);
      return language;
    }
  } catch {
    // The engine did not answer in time: the browser's language, and the next start asks again.
  }
  return initialLanguage();
}

/** Remembers every language switch, tells the engine, and keeps `<html lang>` in step. */
export function persistLanguage(instance: i18n, backend?: Pick<Backend, 'setUiLanguage'>): void {
  const apply = (language: string, changed: boolean) => {
    document.documentElement.lang = language;
    if (isLanguage(language)) {
      localStorage.setItem(STORAGE_KEY, language);
      if (changed) backend?.setUiLanguage({ language }).catch(() => undefined);
    }
  };
  apply(instance.language, false);
  instance.on('languageChanged', (language) => apply(language, true));
}
