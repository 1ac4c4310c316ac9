import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { intakePeriod } from './intakePeriod';

describe('intakePeriod', () => {
  it('is open at both ends when no days are picked', () => {
    expect(intakePeriod(null)).toEqual({ from: null, to: null });
  });

  it('runs from the first day’s start to the start of the day after the last one, in local time', () => {
    const { from, to } = intakePeriod([dayjs('2026-11-01T15:30:00'), dayjs('2026-11-27T09:00:00')]);
    expect(dayjs(from).isSame(dayjs('2026-11-01T00:00:00'))).toBe(true);
    expect(dayjs(to).isSame(dayjs('2026-11-28T00:00:00'))).toBe(true);
    expect(from, 'RFC 3339 with the offset').toMatch(/^2026-11-01T00:00:00([+-]\d{2}:\d{2}|Z)$/);
  });
});
