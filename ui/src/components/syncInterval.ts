/** The background sync intervals offered, in minutes; 0 is off. */
export const SYNC_INTERVALS = [0, 5, 15, 30, 60, 240, 1440] as const;

/** The offered intervals, plus the saved one when it is not among them (so it still shows). */
export function intervalChoices(saved: number): number[] {
  return SYNC_INTERVALS.some((minutes) => minutes === saved)
    ? [...SYNC_INTERVALS]
    : [...SYNC_INTERVALS, saved].sort((a, b) => a - b);
}

export type IntervalLabel = { unit: 'off' } | { unit: 'minutes'; count: number } | { unit: 'hours'; count: number };

/** Whole hours in hours, anything else in minutes. */
export function intervalLabel(minutes: number): IntervalLabel {
  if (minutes <= 0) {
    return { unit: 'off' };
  }
  return minutes % 60 === 0 ? { unit: 'hours', count: minutes / 60 } : { unit: 'minutes', count: minutes };
}
