// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ImportProfile } from '../../bindings';
import { shop } from '../../test/fixtures';
import { defaultProfile, importShops, isImportFile, profileName, profilesFor } from './importTargets';

function profile(overrides: Partial<ImportProfile>): ImportProfile {
  return {
    id: 'p',
    name_en: 'P',
    name_zh: '配置',
    platform: 'pdd',
    kind: 'orders',
    columns: {},
    type_values: {},
    status_values: {},
    builtin: true,
    ...overrides,
  };
}

describe('import targets', () => {
  it('takes only Pinduoduo and Taobao shops', () => {
    const shops = [shop({ id: 1, platform: 'shopify' }), shop({ id: 2, platform: 'pdd' }), shop({ id: 3, platform: 'taobao' })];
    expect(importShops(shops).map((s) => s.id)).toEqual([2, 3]);
  });

  it("lists the platform's profiles and starts with its shipped after-sales one", () => {
    const all = [
      profile({ id: 'pdd_orders' }),
      profile({ id: 'mine', kind: 'aftersales', builtin: false }),
      profile({ id: 'pdd_aftersales', kind: 'aftersales' }),
      profile({ id: 'taobao_refunds', platform: 'taobao', kind: 'aftersales' }),
    ];
    const pdd = profilesFor(all, 'pdd');
    expect(pdd.map((p) => p.id)).toEqual(['pdd_orders', 'mine', 'pdd_aftersales']);
    expect(defaultProfile(pdd)?.id).toBe('pdd_aftersales');
    expect(defaultProfile([profile({ id: 'pdd_orders' })])?.id, 'no after-sales profile: the first').toBe('pdd_orders');
    expect(defaultProfile([])).toBeNull();
  });

  it('names a profile in the language shown, falling back to the other name', () => {
    expect(profileName(profile({ name_en: 'Mine', name_zh: '我的' }), 'zh-CN')).toBe('我的');
    expect(profileName(profile({ name_en: '', name_zh: '我的' }), 'en')).toBe('我的');
  });

  it('accepts CSV and XLSX files', () => {
    expect(isImportFile('售后.CSV')).toBe(true);
    expect(isImportFile('orders.xlsx')).toBe(true);
    expect(isImportFile('photo.png')).toBe(false);
  });
});
