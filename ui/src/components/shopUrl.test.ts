import { describe, expect, it } from 'vitest';
import { isAcceptableShopUrl } from './shopUrl';

describe('isAcceptableShopUrl', () => {
  it.each([
    ['https://acme.myshopify.com', true],
    [' https://acme.myshopify.com/ ', true],
    ['http://127.0.0.1:8080', true],
    ['http://localhost:3000', true],
    ['http://[::1]:3000', true],
    ['http://acme.myshopify.com', false],
    ['acme.myshopify.com', false],
    ['ftp://acme.myshopify.com', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isAcceptableShopUrl(value), 'tokens go only over HTTPS, except to loopback').toBe(expected);
  });
});
