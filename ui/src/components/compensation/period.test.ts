import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { lastDays, periodQuery } from './period';

describe('periodQuery', () => {
  it('covers whole local days, the last one included', () => {
    expect(periodQuery([dayjs(new Date(2026, 10, 1, 15, 30)), dayjs(new Date(2026, 10, 30, 9))])).toEqual({
      from: new Date(2026, 10, 1).toISOString(),
      to: new Date(2026, 11, 1).toISOString(),
    });
  });

  it('asks for all time without a period', () => {
    expect(periodQuery(null)).toEqual({ from: null, to: null });
  });
});

describe('lastDays', () => {
  it('ends today and counts today as one of the days', () => {
    const [first, last] = lastDays(30, dayjs(new Date(2026, 10, 30, 18)));
    expect(first.toDate()).toEqual(new Date(2026, 10, 1));
    expect(last.toDate()).toEqual(new Date(2026, 10, 30));
  });
});
