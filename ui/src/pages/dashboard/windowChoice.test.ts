// @vitest-environment node
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { customWindow, ordered, tooLong, windowQuery } from './windowChoice';

describe('window choice', () => {
  it('sends a preset as days up to now, and picked days as [first midnight, midnight after the last)', () => {
    expect(windowQuery({ days: 7, custom: false, range: null })).toEqual({ window_days: 7, at: null, from: null });
    expect(windowQuery({ days: 90, custom: true, range: null }), 'Custom without days yet').toEqual({ window_days: 90, at: null, from: null });
    const range = [dayjs(new Date(2026, 0, 1, 15)), dayjs(new Date(2026, 0, 31, 9))] as const;
    expect(customWindow(range)).toEqual({ from: new Date(2026, 0, 1).toISOString(), at: new Date(2026, 1, 1).toISOString() });
    expect(windowQuery({ days: 30, custom: true, range })).toEqual({ window_days: 30, ...customWindow(range) });
  });

  it('refuses more than 366 days', () => {
    const start = dayjs(new Date(2025, 0, 1));
    expect(tooLong([start, start.add(365, 'day')]), '366 days').toBe(false);
    expect(tooLong([start, start.add(366, 'day')]), '367 days').toBe(true);
    expect(ordered(start.add(3, 'day'), start)).toEqual([start, start.add(3, 'day')]);
  });
});
