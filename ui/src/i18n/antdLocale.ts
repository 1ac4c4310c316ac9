import type { Locale } from 'antd/es/locale';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { Language } from './languages';

/**
 * The locale object itself, also when a bundler hands over the CommonJS module instead (`{ default: locale }`,
 * as Vite's production build does for `antd/locale/*`): ConfigProvider silently falls back to English on that.
 */
export function unwrapLocale(imported: Locale | { default: Locale }): Locale {
  return 'locale' in imported && typeof imported.locale === 'string' ? imported : (imported as { default: Locale }).default;
}

/** Ant Design's own texts (empty tables, pagination, confirm buttons…) in the given language. */
export function antdLocale(language: Language): Locale {
  return unwrapLocale(language === 'zh-CN' ? zhCN : enUS);
}
