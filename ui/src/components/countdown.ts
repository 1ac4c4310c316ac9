import type { ClockDto } from '../bindings';

/** How a running deadline stands: run out, under 4 h, under 24 h, more, or paused. */
export type CountdownState = 'overdue' | 'urgent' | 'soon' | 'ok' | 'paused';

/** The chip's colour for each state (antd Tag colours). */
export const COUNTDOWN_COLORS: Record<CountdownState, string> = {
  overdue: 'red',
  urgent: 'orange',
  soon: 'gold',
  ok: 'green',
  paused: 'default',
};

const MINUTE_MS = 60_000;
const URGENT_MINUTES = 4 * 60;
const SOON_MINUTES = 24 * 60;

export type Countdown = {
  state: CountdownState;
  /** Whole minutes left, or (overdue) past the due time; 0 when paused. */
  minutes: number;
};

/** Where a deadline stands at `now` (ms): a breached clock, or a running one past its due time, is overdue. */
export function countdownOf(clock: Pick<ClockDto, 'due' | 'paused' | 'outcome'>, now: number): Countdown {
  const due = new Date(clock.due).getTime();
  if (clock.outcome === 'running' && clock.paused) {
    return { state: 'paused', minutes: 0 };
  }
  if (clock.outcome === 'breached' || due <= now) {
    return { state: 'overdue', minutes: Math.floor((now - due) / MINUTE_MS) };
  }
  const minutes = Math.floor((due - now) / MINUTE_MS);
  const state = minutes < URGENT_MINUTES ? 'urgent' : minutes < SOON_MINUTES ? 'soon' : 'ok';
  return { state, minutes };
}

/** The i18n key under `countdown.` and its numbers for a duration in minutes: "2 d 3 h", "3 h 12 m", "45 m", "< 1 m". */
export function durationParts(
  minutes: number,
): { key: 'underMinute' | 'minutes' | 'hours' | 'hoursMinutes' | 'days' | 'daysHours'; d: number; h: number; m: number } {
  const total = Math.max(0, Math.floor(minutes));
  const d = Math.floor(total / (24 * 60));
  const h = Math.floor((total % (24 * 60)) / 60);
  const m = total % 60;
  if (total < 1) return { key: 'underMinute', d, h, m };
  if (d > 0) return { key: h > 0 ? 'daysHours' : 'days', d, h, m };
  if (h > 0) return { key: m > 0 ? 'hoursMinutes' : 'hours', d, h, m };
  return { key: 'minutes', d, h, m };
}
