import type { CalendarKind, RuleDto } from '../../bindings';

/** The units a rule's number is entered in. */
export type DurationUnit = 'minutes' | 'hours' | 'days';

/** The engine keeps a rule's number between 1 minute and a year. */
export const MIN_RULE_MINUTES = 1;
export const MAX_RULE_MINUTES = 60 * 24 * 365;

const MINUTES_PER: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 60 * 24 };

/**
 * The units offered for a rule: a business-calendar number counts working time, and a working day has no fixed
 * length here, so it is never in days.
 */
export function unitsFor(calendar: CalendarKind): DurationUnit[] {
  return calendar === 'business' ? ['minutes', 'hours'] : ['minutes', 'hours', 'days'];
}

/** A number of minutes as the edit form starts it: in the unit it reads in (48 h in hours, 7 d in days). */
export function splitMinutes(minutes: number, calendar: CalendarKind): { value: number; unit: DurationUnit } {
  const { key, count } = durationOf(minutes, calendar);
  return { value: count, unit: UNIT_OF[key] };
}

export function toMinutes(value: number, unit: DurationUnit): number {
  return value * MINUTES_PER[unit];
}

/** Whether the merchant's number replaces the shipped one. */
export function isOverridden(rule: RuleDto): boolean {
  return rule.minutes !== rule.shipped_minutes;
}

/** The translation key of a duration, by unit and calendar: "48 h", "7 d", "9 working hours". */
export type DurationKey =
  | 'rules.duration.minutes'
  | 'rules.duration.hours'
  | 'rules.duration.days'
  | 'rules.duration.workingMinutes'
  | 'rules.duration.workingHours';

const UNIT_OF: Record<DurationKey, DurationUnit> = {
  'rules.duration.minutes': 'minutes',
  'rules.duration.hours': 'hours',
  'rules.duration.days': 'days',
  'rules.duration.workingMinutes': 'minutes',
  'rules.duration.workingHours': 'hours',
};

/**
 * How a rule's number reads. Calendar time: whole hours in hours up to 48 h (as the platforms state them: "48 h",
 * not "2 d"), whole days from 3 days on ("7 d"), anything else in minutes. Working time: in working hours, or in
 * working minutes when not whole hours.
 */
export function durationOf(minutes: number, calendar: CalendarKind): { key: DurationKey; count: number } {
  if (calendar === 'business') {
    return minutes % 60 === 0
      ? { key: 'rules.duration.workingHours', count: minutes / 60 }
      : { key: 'rules.duration.workingMinutes', count: minutes };
  }
  if (minutes % (60 * 24) === 0 && minutes >= 60 * 72) {
    return { key: 'rules.duration.days', count: minutes / (60 * 24) };
  }
  if (minutes % 60 === 0) {
    return { key: 'rules.duration.hours', count: minutes / 60 };
  }
  return { key: 'rules.duration.minutes', count: minutes };
}
