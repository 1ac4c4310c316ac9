// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { clock } from '../test/fixtures';
import { countdownOf, durationParts, type CountdownState } from './countdown';

const NOW = Date.parse('2026-11-10T12:00:00Z');
const MINUTE = 60_000;
const at = (minutesFromNow: number) => new Date(NOW + minutesFromNow * MINUTE).toISOString();

describe('countdownOf', () => {
  it.each<[string, Parameters<typeof clock>[0], CountdownState, number]>([
    ['three days left', { due: at(3 * 24 * 60 + 5) }, 'ok', 3 * 24 * 60 + 5],
    ['exactly 24 h left is no longer under 24 h', { due: at(24 * 60) }, 'ok', 24 * 60],
    ['just under 24 h', { due: at(24 * 60 - 1) }, 'soon', 24 * 60 - 1],
    ['exactly 4 h left is not yet urgent', { due: at(4 * 60) }, 'soon', 4 * 60],
    ['just under 4 h', { due: at(4 * 60 - 1) }, 'urgent', 4 * 60 - 1],
    ['seconds left count as 0 minutes', { due: new Date(NOW + 30_000).toISOString() }, 'urgent', 0],
    ['due right now is overdue', { due: at(0) }, 'overdue', 0],
    ['a running clock past its due time is overdue before the engine judges it', { due: at(-125) }, 'overdue', 125],
    ['a breached clock stays overdue', { due: at(-120), outcome: 'breached' }, 'overdue', 120],
    ['a paused clock shows paused, however close its due time', { due: at(10), paused: true }, 'paused', 0],
  ])('%s', (_why, overrides, state, minutes) => {
    expect(countdownOf(clock(overrides), NOW)).toEqual({ state, minutes });
  });
});

describe('durationParts', () => {
  it.each([
    [0, 'underMinute'],
    [1, 'minutes'],
    [59, 'minutes'],
    [60, 'hours'],
    [192, 'hoursMinutes'],
    [24 * 60, 'days'],
    [2 * 24 * 60 + 3 * 60 + 59, 'daysHours'],
  ] as const)('%i minutes → %s', (minutes, key) => {
    expect(durationParts(minutes).key).toBe(key);
  });

  it('splits into days, hours and minutes', () => {
    expect(durationParts(2 * 24 * 60 + 3 * 60 + 12), 'minutes are dropped beside days').toEqual({ key: 'daysHours', d: 2, h: 3, m: 12 });
    expect(durationParts(3 * 60 + 12)).toEqual({ key: 'hoursMinutes', d: 0, h: 3, m: 12 });
  });
});
