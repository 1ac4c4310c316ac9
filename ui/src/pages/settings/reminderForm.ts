import dayjs, { type Dayjs } from 'dayjs';
import type { ClockKind, ReminderSettingsDto } from '../../bindings';

/** The lead times offered, longest first: 7 d, 3 d, 24 h, 12 h, 4 h, 2 h, 1 h, 30 min. */
export const LEAD_CHOICES: readonly number[] = [7 * 1440, 3 * 1440, 1440, 720, 240, 120, 60, 30];

/** The engine keeps up to 6 lead times. */
export const MAX_LEADS = 6;

/** The engine takes 0 (off) to 30 days. */
export const MAX_REPAIR_STALE_HOURS = 24 * 30;

/** A clock kind with lead times of its own; the kind is empty on a row just added. */
export type KindLeadsValues = { kind: ClockKind | null; leads_minutes: number[] };

export type ReminderFormValues = {
  leads_minutes: number[];
  kind_leads: KindLeadsValues[];
  quiet_enabled: boolean;
  quiet_start: Dayjs | null;
  quiet_end: Dayjs | null;
  repair_stale_hours: number | null;
  close_to_tray: boolean;
  start_at_login: boolean;
};

/** This computer's IANA zone, the one quiet hours are kept in; `fallback` when the system does not say. */
export function systemTimeZone(fallback: string): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || fallback;
}

/** The lead times to offer: the usual ones and any other the merchant saved, longest first. */
export function leadChoices(saved: number[]): number[] {
  return [...new Set([...LEAD_CHOICES, ...saved])].sort((a, b) => b - a);
}

/** Every lead time saved, for every kind and the default: any of them is offered everywhere. */
export function savedLeads(saved: ReminderSettingsDto): number[] {
  return [...saved.leads_minutes, ...saved.kind_leads.flatMap((row) => row.leads_minutes)];
}

const longestFirst = (leads: readonly number[]) => [...leads].sort((a, b) => b - a);

/** "22:00" as a time of today for the picker; null when it is not a time. */
export function parseClock(value: string): Dayjs | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (match === null) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return null;
  return dayjs().hour(hour).minute(minute).second(0).millisecond(0);
}

export function toFormValues(saved: ReminderSettingsDto): ReminderFormValues {
  return {
    leads_minutes: longestFirst(saved.leads_minutes),
    kind_leads: saved.kind_leads.map((row) => ({ kind: row.kind, leads_minutes: longestFirst(row.leads_minutes) })),
    quiet_enabled: saved.quiet_enabled,
    quiet_start: parseClock(saved.quiet_start),
    quiet_end: parseClock(saved.quiet_end),
    repair_stale_hours: saved.repair_stale_hours,
    close_to_tray: saved.close_to_tray,
    start_at_login: saved.start_at_login,
  };
}

/**
 * What Save sends: the chosen values, times as "HH:mm" (the saved ones when cleared), in `timeZone`. A kind's row
 * without a kind is left out (the form asks for one before it saves).
 */
export function toSettings(values: ReminderFormValues, saved: ReminderSettingsDto, timeZone: string): ReminderSettingsDto {
  return {
    leads_minutes: longestFirst(values.leads_minutes),
    kind_leads: (values.kind_leads ?? []).flatMap((row) =>
      row.kind === null || row.kind === undefined ? [] : [{ kind: row.kind, leads_minutes: longestFirst(row.leads_minutes ?? []) }],
    ),
    quiet_enabled: values.quiet_enabled,
    quiet_start: values.quiet_start?.format('HH:mm') ?? saved.quiet_start,
    quiet_end: values.quiet_end?.format('HH:mm') ?? saved.quiet_end,
    quiet_time_zone: timeZone,
    repair_stale_hours: values.repair_stale_hours ?? 0,
    close_to_tray: values.close_to_tray,
    start_at_login: values.start_at_login,
  };
}
