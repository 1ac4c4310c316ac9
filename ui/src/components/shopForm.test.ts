import { describe, expect, it } from 'vitest';
import { credentialsFrom, hasWooApiPath } from './shopForm';

describe('credentialsFrom', () => {
  it.each([
    ['Shopify token, trimmed', 'shopify', { token: ' shpat_1 ' }, { platform: 'shopify', token: 'shpat_1' }],
    ['Shopify without a token (edit: keep)', 'shopify', { token: '  ' }, null],
    ['WooCommerce key and secret, trimmed', 'woocommerce', { key: ' ck_1', secret: 'cs_1 ' }, { platform: 'woocommerce', key: 'ck_1', secret: 'cs_1' }],
    ['WooCommerce with the key only', 'woocommerce', { key: 'ck_1' }, null],
    ['WooCommerce ignores a token left from Shopify', 'woocommerce', { token: 'shpat_1' }, null],
    ['a platform the form cannot connect', 'pdd', { token: 'x' }, null],
  ] as const)('%s', (_case, platform, values, expected) => {
    expect(credentialsFrom(platform, values)).toEqual(expected);
  });
});

describe('hasWooApiPath', () => {
  it.each([
    ['https://example.com', false],
    ['https://example.com/shop', false],
    ['https://example.com/wp-json/wc/v3', true],
    ['https://example.com/WP-JSON', true],
  ])('%s → %s', (value, expected) => {
    expect(hasWooApiPath(value)).toBe(expected);
  });
});
