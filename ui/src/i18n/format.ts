import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import 'dayjs/locale/zh-cn';
import type { Language } from './languages';

dayjs.extend(relativeTime);

const DECIMAL = /^[-+]?\d+(\.\d+)?$/;

// Making an Intl formatter loads the locale's data (ICU): far dearer than formatting with one, above all in the
// desktop window's JavaScriptCore, and a page of a big shop formats hundreds of cells. One per language and
// options, kept for the app's life (a handful).
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** `new Intl.NumberFormat(language, options)`, made once; throws as it would (an unknown currency). */
export function numberFormat(language: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let made = numberFormats.get(key);
  if (!made) {
    made = new Intl.NumberFormat(language, options);
    numberFormats.set(key, made);
  }
  return made;
}

/** `new Intl.DateTimeFormat(language, options)`, made once. */
export function dateTimeFormat(language: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let made = dateTimeFormats.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(language, options);
    dateTimeFormats.set(key, made);
  }
  return made;
}

/**
 * Formats an exact decimal string in major units as money. The string goes to Intl as is (no float),
 * so "1299.10" never turns into 1299.0999….
 */
export function formatMoney(amount: string, currency: string, language: Language): string {
  if (!DECIMAL.test(amount)) {
    return `${amount} ${currency}`;
  }
  try {
    return numberFormat(language, { style: 'currency', currency }).format(amount as Intl.StringNumericLiteral);
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
  return dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "3 minutes ago" / "3 分钟前", relative to `now`. */
export function formatRelative(iso: string, language: Language, now: Date): string {
  return dayjs(iso)
    .locale(language === 'zh-CN' ? 'zh-cn' : 'en')
    .from(now);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day ("2026-11-01", or the day of an RFC 3339 instant) the way the language writes dates. */
export function formatDate(value: string, language: Language): string {
  const day = DATE_ONLY.exec(value);
  // A bare day is that day wherever the merchant is, not midnight UTC moved into the local zone.
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return dateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

const FILE_SIZE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A file size in bytes, KB, MB or GB (1024 steps), in the language's units and digits. */
export function formatFileSize(bytes: number, language: Language): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < FILE_SIZE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return numberFormat(language, {
    style: 'unit',
    unit: FILE_SIZE_UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 || value >= 10 ? 0 : 1,
  }).format(value);
}
