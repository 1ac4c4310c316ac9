// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { durationChange, minorToAmount, moneyChanges, ratioChange, toneOf, windowLength } from './change';

describe('change against the previous window', () => {
  it('is in percentage points, rounded to what is shown, and absent without a base on either side', () => {
    expect(ratioChange({ numerator: 3, denominator: 250, value: 0.012 }, { numerator: 2, denominator: 250, value: 0.008 })).toBe(0.4);
    expect(ratioChange({ numerator: 1, denominator: 2000, value: 0.0005 }, { numerator: 0, denominator: 2000, value: 0 })).toBe(0.05);
    expect(ratioChange({ numerator: 0, denominator: 0, value: null }, { numerator: 1, denominator: 2, value: 0.5 })).toBeNull();
    expect(ratioChange({ numerator: 1, denominator: 2, value: 0.5 }, undefined)).toBeNull();
  });

  it('measures medians to the minute', () => {
    expect(durationChange({ count: 1, median_ms: 8_100_000, p90_ms: null, left_out: 0 }, { count: 1, median_ms: 17_100_000, p90_ms: null, left_out: 0 })).toBe(-9_000_000);
    expect(durationChange({ count: 1, median_ms: 60_000, p90_ms: null, left_out: 0 }, { count: 0, median_ms: null, p90_ms: null, left_out: 0 })).toBeNull();
  });

  it('subtracts money per currency in minor units, a currency missing from a window counting as none', () => {
    const now = [
      { currency: 'CNY', minor: 8800, amount: '88.00' },
      { currency: 'JPY', minor: 500, amount: '500' },
    ];
    expect(moneyChanges(now, [{ currency: 'CNY', minor: 10001, amount: '100.01' }])).toEqual([
      { currency: 'CNY', minor: -1201, amount: '-12.01' },
      { currency: 'JPY', minor: 500, amount: '500' },
    ]);
    expect(moneyChanges(now, [])).toBeNull();
    expect(moneyChanges([], now)).toBeNull();
    expect(minorToAmount(5, 2)).toBe('0.05');
    expect(minorToAmount(-1250, 2)).toBe('-12.50');
  });

  it('colours by whether the figure should go down or up', () => {
    expect(toneOf('up', 'lower')).toBe('bad');
    expect(toneOf('down', 'lower')).toBe('good');
    expect(toneOf('up', 'higher')).toBe('good');
    expect(toneOf('down', 'higher')).toBe('bad');
    expect(toneOf('flat', 'higher')).toBe('neutral');
  });

  it('counts the window in whole days', () => {
    expect(windowLength({ start: '2026-10-12T00:00:00Z', end: '2026-11-11T00:00:00Z' })).toBe(30);
    expect(windowLength({ start: '2026-10-24T16:00:00.000Z', end: '2026-10-31T16:00:00.000Z' })).toBe(7);
  });
});
