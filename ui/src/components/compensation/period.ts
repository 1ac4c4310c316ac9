import dayjs, { type Dayjs } from 'dayjs';

/** The first and the last day shown (both whole days, local time); null is all time. */
export type Period = [Dayjs, Dayjs] | null;

/** The last `days` days, today included. */
export function lastDays(days: number, today: Dayjs = dayjs()): [Dayjs, Dayjs] {
  return [today.subtract(days - 1, 'day').startOf('day'), today.startOf('day')];
}

/** The engine's [from, to) in RFC 3339: from the first day's local midnight to the midnight after the last day. */
export function periodQuery(period: Period): { from: string | null; to: string | null } {
  if (period === null) {
    return { from: null, to: null };
  }
  const [first, last] = period;
  return { from: first.startOf('day').toISOString(), to: last.add(1, 'day').startOf('day').toISOString() };
}
