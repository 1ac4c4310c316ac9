import { describe, expect, it } from 'vitest';
import type { ReminderSettingsDto } from '../../bindings';
import { leadChoices, parseClock, savedLeads, toFormValues, toSettings } from './reminderForm';

const saved: ReminderSettingsDto = {
  leads_minutes: [60, 1440, 90],
  kind_leads: [{ kind: 'merchant_response', leads_minutes: [120, 2880] }],
  quiet_enabled: false,
  quiet_start: '22:00',
  quiet_end: '07:30',
  quiet_time_zone: 'Asia/Shanghai',
  repair_stale_hours: 0,
  close_to_tray: false,
  start_at_login: true,
};

describe('reminder settings form', () => {
  it('offers the usual lead times and any other one saved, longest first', () => {
    expect(leadChoices([90, 60])).toEqual([10080, 4320, 1440, 720, 240, 120, 90, 60, 30]);
  });

  it('reads "HH:mm" times and refuses anything else', () => {
    expect(parseClock('07:30')?.format('HH:mm')).toBe('07:30');
    expect(parseClock('7:05')?.format('HH:mm')).toBe('07:05');
    expect(parseClock('24:00')).toBeNull();
    expect(parseClock('noon')).toBeNull();
  });

  it('sends the times as HH:mm in the given zone, the leads longest first, an empty stale-repair number as off', () => {
    const values = toFormValues(saved);
    expect(values.leads_minutes).toEqual([1440, 90, 60]);
    expect(values.kind_leads).toEqual([{ kind: 'merchant_response', leads_minutes: [2880, 120] }]);
    expect(toSettings({ ...values, quiet_start: parseClock('21:15'), repair_stale_hours: null }, saved, 'America/New_York')).toEqual({
      ...saved,
      leads_minutes: [1440, 90, 60],
      kind_leads: [{ kind: 'merchant_response', leads_minutes: [2880, 120] }],
      quiet_start: '21:15',
      quiet_time_zone: 'America/New_York',
      repair_stale_hours: 0,
    });
  });

  it('offers every saved lead time, the default’s and each kind’s', () => {
    expect(leadChoices(savedLeads(saved))).toEqual([10080, 4320, 2880, 1440, 720, 240, 120, 90, 60, 30]);
  });

  it('sends each kind’s leads longest first, an empty list as breach-only, and leaves out a row without a kind', () => {
    const values = {
      ...toFormValues(saved),
      kind_leads: [
        { kind: 'buyer_ship_back' as const, leads_minutes: [60, 4320] },
        { kind: null, leads_minutes: [30] },
        { kind: 'first_response' as const, leads_minutes: [] },
      ],
    };
    expect(toSettings(values, saved, 'UTC').kind_leads).toEqual([
      { kind: 'buyer_ship_back', leads_minutes: [4320, 60] },
      { kind: 'first_response', leads_minutes: [] },
    ]);
  });

  it('keeps the saved time when a picker was cleared', () => {
    expect(toSettings({ ...toFormValues(saved), quiet_end: null }, saved, 'UTC').quiet_end).toBe('07:30');
  });
});
