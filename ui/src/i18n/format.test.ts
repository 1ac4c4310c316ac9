import { describe, expect, it } from 'vitest';
import { dateTimeFormat, formatDate, formatDateTime, formatFileSize, formatMoney, formatRelative, isZeroAmount, numberFormat } from './format';

describe('formatMoney', () => {
  it.each([
    ['1299.00', 'USD', 'en', '$1,299.00'],
    ['1299.00', 'CNY', 'zh-CN', '¥1,299.00'],
    ['0.10', 'CNY', 'en', 'CN¥0.10'],
    ['12345678901234567.89', 'USD', 'en', '$12,345,678,901,234,567.89'],
    ['12.5', 'JPY', 'en', '¥13'],
  ] as const)('%s %s in %s → %s', (amount, currency, language, expected) => {
    expect(formatMoney(amount, currency, language)).toBe(expected);
  });

  it('keeps digits a float would lose', () => {
    expect(formatMoney('90071992547409.93', 'USD', 'en'), 'the string is formatted exactly').toBe('$90,071,992,547,409.93');
  });

  it('shows what it cannot format instead of NaN', () => {
    expect(formatMoney('abc', 'USD', 'en')).toBe('abc USD');
    expect(formatMoney('1.00', 'NOT-A-CURRENCY', 'en')).toBe('1.00 NOT-A-CURRENCY');
  });
});

describe('isZeroAmount', () => {
  it.each([
    ['0', true],
    ['0.00', true],
    ['-0.0', true],
    ['0.01', false],
    ['10.00', false],
  ])('%s → %s', (amount, expected) => {
    expect(isZeroAmount(amount)).toBe(expected);
  });
});

describe('formatDateTime', () => {
  it('writes the year and falls back to the raw text when it is not a time', () => {
    expect(formatDateTime('2025-03-04T05:06:07Z', 'en')).toContain('2025');
    expect(formatDateTime('2025-03-04T05:06:07Z', 'zh-CN')).toContain('2025年');
    expect(formatDateTime('yesterday', 'en')).toBe('yesterday');
  });
});

describe('formatRelative', () => {
  it('says how long ago in the language', () => {
    const now = new Date('2025-03-04T05:10:00Z');
    expect(formatRelative('2025-03-04T05:07:00Z', 'en', now)).toBe('3 minutes ago');
    expect(formatRelative('2025-03-04T05:07:00Z', 'zh-CN', now)).toBe('3 分钟前');
  });
});

describe('formatDate', () => {
  it.each([
    ['2026-11-01', 'en', 'Nov 1, 2026'],
    ['2026-11-01', 'zh-CN', '2026年11月1日'],
    ['2026-01-01', 'en', 'Jan 1, 2026'],
    ['not a date', 'en', 'not a date'],
  ] as const)('%s in %s → %s (a bare day stays that day in any time zone)', (value, language, expected) => {
    expect(formatDate(value, language)).toBe(expected);
  });
});

describe('formatFileSize', () => {
  it.each([
    [5, 'en', '5 byte'],
    [2048, 'en', '2 kB'],
    [1536, 'zh-CN', '1.5 kB'],
    [25 * 1024 * 1024, 'en', '25 MB'],
    [3.2 * 1024 * 1024 * 1024, 'en', '3.2 GB'],
  ] as const)('%i bytes in %s → %s', (bytes, language, expected) => {
    expect(formatFileSize(bytes, language)).toBe(expected);
  });
});

describe('kept formatters', () => {
  it('makes one formatter per language and options, and formats as a new one would', () => {
    const a = numberFormat('zh-CN', { style: 'currency', currency: 'CNY' });
    expect(numberFormat('zh-CN', { style: 'currency', currency: 'CNY' })).toBe(a);
    expect(numberFormat('en', { style: 'currency', currency: 'CNY' })).not.toBe(a);
    expect(a.format(12.5)).toBe(new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' }).format(12.5));
    const d = dateTimeFormat('en', { dateStyle: 'medium' });
    expect(dateTimeFormat('en', { dateStyle: 'medium' })).toBe(d);
    expect(dateTimeFormat('en', { dateStyle: 'short' })).not.toBe(d);
  });

  it('still refuses an unknown currency, so money falls back to the bare amount', () => {
    expect(() => numberFormat('en', { style: 'currency', currency: 'NOT-A-CODE' })).toThrow(RangeError);
    expect(formatMoney('5.00', 'NOT-A-CODE', 'en')).toBe('5.00 NOT-A-CODE');
  });
});
