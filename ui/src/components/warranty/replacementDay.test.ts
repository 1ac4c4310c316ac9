import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { replacementDay } from './replacementDay';

describe('replacementDay', () => {
  const today = dayjs('2026-11-27T16:45:00');

  it('is now (null) when no day is picked or the day is today', () => {
    expect(replacementDay(null, today)).toBeNull();
    expect(replacementDay(dayjs('2026-11-27T00:00:00'), today)).toBeNull();
  });

  it('is noon of an earlier day, in RFC 3339', () => {
    const at = replacementDay(dayjs('2026-11-20T00:00:00'), today);
    expect(at).toMatch(/^2026-11-20T12:00:00([+-]\d{2}:\d{2}|Z)$/);
  });
});
