import type { Dayjs } from 'dayjs';
import type { MetricsQuery } from '../../bindings';

export const WINDOWS = [7, 30, 90] as const;
/** The engine refuses longer windows. */
export const MAX_WINDOW_DAYS = 366;
const DAY_MS = 86_400_000;

export type Days = readonly [Dayjs, Dayjs];

/**
 * The last preset window, and whole days when the merchant picks Custom. The preset is kept while Custom is
 * on so going back (or Custom without days yet) shows the window it was.
 */
export type WindowChoice = { days: number; custom: boolean; range: Days | null };

/** Whole local days as the engine's [from, at): the first day's midnight to the midnight after the last. */
export function customWindow(days: Days): { from: string; at: string } {
  return { from: days[0].startOf('day').toISOString(), at: days[1].add(1, 'day').startOf('day').toISOString() };
}

/**
 * Measured in milliseconds as the engine measures it, so a range across a clock change that the engine would
 * refuse is refused here already.
 */
export function tooLong(days: Days): boolean {
  const { from, at } = customWindow(days);
  return Date.parse(at) - Date.parse(from) > MAX_WINDOW_DAYS * DAY_MS;
}

/** The two days in calendar order (a range picker hands over the first pick and a hovered day in either order). */
export function ordered(a: Dayjs, b: Dayjs): Days {
  return a.isAfter(b) ? [b, a] : [a, b];
}

export function windowQuery(choice: WindowChoice): Pick<MetricsQuery, 'window_days' | 'at' | 'from'> {
  if (choice.custom && choice.range !== null) return { window_days: choice.days, ...customWindow(choice.range) };
  return { window_days: choice.days, at: null, from: null };
}
