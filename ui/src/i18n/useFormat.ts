import { formatDate, formatDateTime, formatFileSize, formatMoney, formatRelative, numberFormat } from './format';
import { useLanguage } from './useLanguage';

/** Money, time and count formatters bound to the current language. */
export function useFormat() {
  const language = useLanguage();
  return {
    money: (amount: string, currency: string) => formatMoney(amount, currency, language),
    dateTime: (iso: string) => formatDateTime(iso, language),
    date: (value: string) => formatDate(value, language),
    fileSize: (bytes: number) => formatFileSize(bytes, language),
    relative: (iso: string) => formatRelative(iso, language, new Date()),
    count: (value: number) => numberFormat(language).format(value),
    /** A rate or another measured number: one decimal below 10, none above. */
    measure: (value: number) =>
      numberFormat(language, { maximumFractionDigits: Math.abs(value) < 10 ? 1 : 0 }).format(value),
  };
}
