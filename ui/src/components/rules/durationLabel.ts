import type { TFunction } from 'i18next';
import type { CalendarKind } from '../../bindings';
import { durationOf } from './ruleDuration';

/** A rule's number in a readable unit: "48 h" / "48 小时", "7 d" / "7 天", "9 working hours" / "9 个工作小时". */
export function durationLabel(t: TFunction, minutes: number, calendar: CalendarKind): string {
  const { key, count } = durationOf(minutes, calendar);
  return t(key, { count });
}
