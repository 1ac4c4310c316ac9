import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import 'dayjs/locale/zh-cn';
import type { Language } from './languages';

dayjs.extend(relativeTime);

const DECIMAL = /^[-+]?\d+(\.\d+)?$/;

/**
 * Formats an exact decimal string in major units as money. The string goes to Intl as is (no float),
 * so "1299.10" never turns into 1299.0999….
 */
export function formatMoney(amount: string, currency: string, language: Language): string {
  if (!DECIMAL.test(amount)) {
    return `${amount} ${currency}`;
  }
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount as Intl.StringNumericLiteral);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** True for "0", "0.00", "-0.0": an amount that is nothing, decided on the string. */
export function isZeroAmount(amount: string): boolean {
  return /^[-+]?0*(\.0*)?$/.test(amount);
}

/** An RFC 3339 instant in the local time zone, the way the language writes dates. */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "3 minutes ago" / "3 分钟前", relative to `now`. */
export function formatRelative(iso: string, language: Language, now: Date): string {
  return dayjs(iso)
    .locale(language === 'zh-CN' ? 'zh-cn' : 'en')
    .from(now);
}
