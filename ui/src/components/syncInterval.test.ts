import { describe, expect, it } from 'vitest';
import { intervalChoices, intervalLabel } from './syncInterval';

describe('intervalChoices', () => {
  it('offers Off, 5, 15, 30, 60 min, 4 h and 24 h', () => {
    expect(intervalChoices(15)).toEqual([0, 5, 15, 30, 60, 240, 1440]);
  });

  it('keeps a saved interval that is not on the list, in order', () => {
    expect(intervalChoices(120)).toEqual([0, 5, 15, 30, 60, 120, 240, 1440]);
  });
});

describe('intervalLabel', () => {
  it.each([
    [0, { unit: 'off' }],
    [5, { unit: 'minutes', count: 5 }],
    [90, { unit: 'minutes', count: 90 }],
    [60, { unit: 'hours', count: 1 }],
    [1440, { unit: 'hours', count: 24 }],
  ])('%s min → %j', (minutes, expected) => {
    expect(intervalLabel(minutes)).toEqual(expected);
  });
});
