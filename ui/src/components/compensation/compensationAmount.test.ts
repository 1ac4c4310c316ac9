import { describe, expect, it } from 'vitest';
import { compensationAmount, isCompensationAmount } from './compensationAmount';

describe('isCompensationAmount', () => {
  it.each([
    ['12.50', 'refund', true],
    ['3', 'cash', true],
    ['0', 'coupon', false],
    ['0.00', 'refund', false],
    ['0', 'reship', true],
    ['0.00', 'reship', true],
    ['-1', 'reship', false],
    ['1,5', 'cash', false],
    ['', 'refund', false],
  ] as const)('%s for a %s: %s', (value, kind, expected) => {
    expect(isCompensationAmount(value, kind)).toBe(expected);
  });
});

describe('compensationAmount', () => {
  it('sends 0 for a reship left empty and keeps other amounts trimmed', () => {
    expect(compensationAmount(undefined, 'reship')).toBe('0');
    expect(compensationAmount('  ', 'reship')).toBe('0');
    expect(compensationAmount(' 12.50 ', 'refund')).toBe('12.50');
    expect(compensationAmount('', 'refund')).toBe('');
  });
});
