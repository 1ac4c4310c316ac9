import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) {
    return [prefix];
  }
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe('locale files', () => {
  it('have exactly the same keys', () => {
    const enKeys = keysOf(en).sort();
    const zhKeys = keysOf(zhCN).sort();
    expect(enKeys.filter((key) => !zhKeys.includes(key)), 'keys in en.json missing from zh-CN.json').toEqual([]);
    expect(zhKeys.filter((key) => !enKeys.includes(key)), 'keys in zh-CN.json missing from en.json').toEqual([]);
  });

  it('have no empty strings', () => {
    for (const [name, file] of [['en', en], ['zh-CN', zhCN]] as const) {
      const empty = keysOf(file).filter((key) => {
        const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], file);
        return typeof text !== 'string' || text.trim() === '';
      });
      expect(empty, `${name} has keys without a translation`).toEqual([]);
    }
  });
});
