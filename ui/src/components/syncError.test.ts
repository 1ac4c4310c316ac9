import { describe, expect, it } from 'vitest';
import { syncErrorHeadlineKey, syncErrorHintKey } from './syncError';

describe('syncErrorHeadlineKey', () => {
  it.each([
    ['auth', 'sync.failed.auth'],
    ['network', 'sync.failed.network'],
    ['rate_limited', 'sync.failed.rate_limited'],
    ['precondition', 'sync.failed.precondition'],
    ['internal', 'sync.failed.other'],
    ['conflict', 'sync.failed.other'],
    [null, 'sync.failed.other'],
  ] as const)('%s → %s', (code, expected) => {
    expect(syncErrorHeadlineKey(code)).toBe(expected);
  });
});

describe('syncErrorHintKey', () => {
  it.each([
    ['auth', 'shopify', 'sync.hint.authShopify'],
    ['auth', 'woocommerce', 'sync.hint.authWoocommerce'],
    ['auth', 'medusa', 'sync.hint.authMedusa'],
    ['auth', 'pdd', 'sync.hint.authPdd'],
    ['auth', 'taobao', 'sync.hint.authTaobao'],
    ['auth', 'jd', 'sync.hint.auth'],
    ['network', 'shopify', 'sync.hint.network'],
    ['rate_limited', 'woocommerce', 'sync.hint.rate_limited'],
    ['precondition', 'shopify', null],
    ['internal', 'shopify', null],
    [null, 'shopify', null],
  ] as const)('%s on %s → %s', (code, platform, expected) => {
    expect(syncErrorHintKey(code, platform), 'precondition and others: the message alone').toBe(expected);
  });
});
