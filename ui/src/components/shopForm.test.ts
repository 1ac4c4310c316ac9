import { describe, expect, it } from 'vitest';
import {
  connectErrorHintKey,
  credentialsFrom,
  gatewayOf,
  hasMedusaApiPath,
  hasPddRouterPath,
  hasTaobaoRouterPath,
  hasWooApiPath,
  isGateway,
  rejectedField,
} from './shopForm';

describe('credentialsFrom', () => {
  it.each([
    ['Shopify token, trimmed', 'shopify', { token: ' shpat_1 ' }, { platform: 'shopify', token: 'shpat_1' }],
    ['Shopify without a token (edit: keep)', 'shopify', { token: '  ' }, null],
    ['WooCommerce key and secret, trimmed', 'woocommerce', { key: ' ck_1', secret: 'cs_1 ' }, { platform: 'woocommerce', key: 'ck_1', secret: 'cs_1' }],
    ['WooCommerce with the key only', 'woocommerce', { key: 'ck_1' }, null],
    ['WooCommerce ignores a token left from Shopify', 'woocommerce', { token: 'shpat_1' }, null],
    ['Medusa secret key, trimmed', 'medusa', { secret_key: ' sk_abc ' }, { platform: 'medusa', secret_key: 'sk_abc' }],
    ['Medusa without a secret key (edit: keep)', 'medusa', { secret_key: '  ' }, null],
    ['Medusa ignores WooCommerce keys', 'medusa', { key: 'ck_1', secret: 'cs_1' }, null],
    [
      'Pinduoduo client id, secret and access token, trimmed',
      'pdd',
      { client_id: ' id1 ', client_secret: 'sec1 ', access_token: ' tok1' },
      { platform: 'pdd', client_id: 'id1', client_secret: 'sec1', access_token: 'tok1' },
    ],
    ['Pinduoduo without the access token', 'pdd', { client_id: 'id1', client_secret: 'sec1', access_token: ' ' }, null],
    [
      'Taobao app key, secret and session key, trimmed',
      'taobao',
      { app_key: ' 12345678 ', app_secret: 'sec1 ', session: ' sess1' },
      { platform: 'taobao', app_key: '12345678', app_secret: 'sec1', session: 'sess1' },
    ],
    ['Taobao without the session key (edit: keep needs all three empty)', 'taobao', { app_key: 'k', app_secret: 's', session: '  ' }, null],
    ['Taobao ignores Pinduoduo fields', 'taobao', { client_id: 'id1', client_secret: 'sec1', access_token: 'tok1' }, null],
    ['a platform the form cannot connect', 'jd', { token: 'x' }, null],
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

describe('hasMedusaApiPath', () => {
  it.each([
    ['https://shop.example.com', false],
    ['http://localhost:9000/', false],
    ['https://api.example.com/medusa', false],
    ['https://store.example.com', false],
    ['https://admin.example.com', false],
    ['http://store:9000', false],
    ['https://shop.example.com/admin', true],
    ['http://localhost:9000/admin/orders', true],
    [' https://shop.example.com/Store/ ', true],
    ['http://localhost:9000/app/settings/secret-api-keys', true],
    ['not a url /admin', false],
  ])('%s → %s', (value, expected) => {
    expect(hasMedusaApiPath(value)).toBe(expected);
  });
});

describe('hasPddRouterPath', () => {
  it.each([
    ['https://gw-api.pinduoduo.com', false],
    ['https://gw-api.pinduoduo.com/api/router', true],
    ['http://127.0.0.1:8080/API/ROUTER/', true],
  ])('%s → %s', (value, expected) => {
    expect(hasPddRouterPath(value)).toBe(expected);
  });
});

describe('hasTaobaoRouterPath', () => {
  it.each([
    ['https://gw.api.taobao.com', false],
    ['https://gw.api.taobao.com/router', false],
    ['https://gw.api.taobao.com/router/rest', true],
    ['http://127.0.0.1:8080/Router/Rest/', true],
  ])('%s → %s', (value, expected) => {
    expect(hasTaobaoRouterPath(value)).toBe(expected);
  });
});

describe('gatewayOf and isGateway', () => {
  it('names the gateway of the platforms that share one', () => {
    expect(gatewayOf('pdd')).toBe('https://gw-api.pinduoduo.com');
    expect(gatewayOf('taobao')).toBe('https://gw.api.taobao.com');
    expect(gatewayOf('shopify')).toBeNull();
  });

  it.each([
    ['https://gw.api.taobao.com ', true],
    ['https://gw-api.pinduoduo.com', true],
    ['https://gw.api.taobao.com/router/rest', false],
    ['https://acme.myshopify.com', false],
  ])('%s → %s', (value, expected) => {
    expect(isGateway(value)).toBe(expected);
  });
});

describe('rejectedField', () => {
  it.each([
    ['the field a validation error starts with', { code: 'validation', message: 'client_secret: contains spaces; paste it again' }, 'client_secret'],
    ['the address', { code: 'validation', message: "base_url: 'x' is not a URL" }, 'base_url'],
    ["Taobao's session key", { code: 'validation', message: 'session: is empty' }, 'session'],
    ["Medusa's secret key", { code: 'validation', message: 'secret_key: is empty' }, 'secret_key'],
    ["Taobao's app key", { code: 'validation', message: 'app_key: must be digits' }, 'app_key'],
    ['nothing for a word that is not a field', { code: 'validation', message: 'credentials: missing' }, null],
    ['nothing for another code', { code: 'auth', message: 'access_token: expired' }, null],
    ['nothing without an error', null, null],
  ] as const)('%s', (_case, error, expected) => {
    expect(rejectedField(error)).toBe(expected);
  });
});

describe('connectErrorHintKey', () => {
  it.each([
    ['auth', 'shopify', 'connect.hint.authShopify'],
    ['auth', 'woocommerce', 'connect.hint.authWoocommerce'],
    ['auth', 'medusa', 'connect.hint.authMedusa'],
    ['auth', 'taobao', 'connect.hint.authTaobao'],
    ['network', 'medusa', 'sync.hint.network'],
    ['validation', 'medusa', null],
  ] as const)('%s on %s → %s', (code, platform, expected) => {
    expect(connectErrorHintKey(code, platform)).toBe(expected);
  });
});
