// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isPositiveAmount, lineAmount } from './amount';

describe('lineAmount', () => {
  it.each([
    ['649.50', 2, '1299.00'],
    ['0.10', 3, '0.30'],
    ['0.05', 1, '0.05'],
    ['12', 3, '36'],
    ['90071992547409.93', 3, '270215977642229.79'],
    ['1.999', 0, '0.000'],
  ])('%s × %i = %s, exactly', (price, quantity, expected) => {
    expect(lineAmount(price, quantity)).toBe(expected);
  });

  it('gives up on what is not a plain price', () => {
    expect(lineAmount('-1.00', 1)).toBeNull();
    expect(lineAmount('abc', 1)).toBeNull();
    expect(lineAmount('1.00', 1.5)).toBeNull();
  });
});

describe('isPositiveAmount', () => {
  it.each([
    ['12.50', true],
    ['1', true],
    ['0.01', true],
    ['0', false],
    ['0.00', false],
    ['-3', false],
    ['1,000', false],
    ['1e3', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isPositiveAmount(value)).toBe(expected);
  });
});
