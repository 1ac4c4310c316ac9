import { describe, expect, it } from 'vitest';
import { syncProgress } from '../test/fixtures';
import { etaOf, progressPercent } from './syncProgress';

describe('progressPercent', () => {
  it.each([
    ['a quarter', 250, 1000, 25],
    ['rounded down, never ahead of the sync', 999, 1000, 99],
    ['capped below 100 while the sync still runs', 1200, 1000, 99],
    ['nothing yet', 0, 1000, 0],
    ['no total', 10, null, null],
    ['a total of zero (nothing to tell)', 0, 0, null],
  ])('%s: %s of %s → %s', (_case, orders, total, expected) => {
    expect(progressPercent(syncProgress({ orders, total }))).toBe(expected);
  });
});

describe('etaOf', () => {
  it.each([
    [null, null],
    [-1, null],
    [0, { unit: 'underMinute' }],
    [59, { unit: 'underMinute' }],
    [60, { unit: 'minutes', count: 1 }],
    [89, { unit: 'minutes', count: 1 }],
    [90, { unit: 'minutes', count: 2 }],
    [3569, { unit: 'minutes', count: 59 }],
    [3570, { unit: 'hours', count: 1 }],
    [5 * 3600 + 1200, { unit: 'hours', count: 5 }],
  ])('%s s → %j', (seconds, expected) => {
    expect(etaOf(seconds)).toEqual(expected);
  });
});
