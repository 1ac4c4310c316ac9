import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from './languages';

/** The current language, as one of the two the app ships. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'en';
}
