import { describe, expect, it } from 'vitest';
import { languageFromLocale } from './languages';

describe('languageFromLocale', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['ZH-hans', 'zh-CN'],
    ['en-US', 'en'],
    ['de-DE', 'en'],
    [undefined, 'en'],
  ])('picks %s → %s', (locale, expected) => {
    expect(languageFromLocale(locale)).toBe(expected);
  });
});
