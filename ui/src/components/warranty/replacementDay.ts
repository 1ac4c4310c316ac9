import type { Dayjs } from 'dayjs';

/**
 * When a replacement happened, as the engine takes it: null (now) for today or no day picked, else noon of the
 * picked day, so the day stays the same in a shop whose time zone is a few hours off the computer's.
 */
export function replacementDay(day: Dayjs | null, today: Dayjs): string | null {
  if (day === null || day.isSame(today, 'day')) {
    return null;
  }
  return day.hour(12).startOf('hour').format();
}
