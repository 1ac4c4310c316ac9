import type { Dayjs } from 'dayjs';

/** The days picked, from the first one's start to the end of the last one (exclusive, as the engine takes it). */
export function intakePeriod(days: readonly [Dayjs, Dayjs] | null): { from: string | null; to: string | null } {
  if (days === null) {
    return { from: null, to: null };
  }
  return { from: days[0].startOf('day').format(), to: days[1].add(1, 'day').startOf('day').format() };
}
