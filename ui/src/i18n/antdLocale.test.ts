import type { Locale } from 'antd/es/locale';
import { describe, expect, it } from 'vitest';
import { antdLocale, unwrapLocale } from './antdLocale';

describe('antdLocale', () => {
  it('gives Ant Design its Chinese texts in zh-CN', () => {
    const locale = antdLocale('zh-CN');
    expect(locale.locale).toBe('zh-cn');
    expect(locale.Empty?.description, 'the empty table').toBe('暂无数据');
    expect(locale.Table?.emptyText).toBe('暂无数据');
    expect(locale.Pagination?.items_per_page, 'the page size changer').toBe('条/页');
  });

  it('gives Ant Design its English texts in en', () => {
    const locale = antdLocale('en');
    expect(locale.locale).toBe('en');
    expect(locale.Empty?.description).toBe('No data');
    expect(locale.Pagination?.items_per_page).toBe('/ page');
  });

  it('unwraps a locale that the bundler handed over as a CommonJS module', () => {
    const locale = antdLocale('zh-CN');
    expect(unwrapLocale({ default: locale })).toBe(locale);
    expect(unwrapLocale(locale)).toBe(locale);
    expect(unwrapLocale({ default: locale } as unknown as Locale).locale).toBe('zh-cn');
  });
});
