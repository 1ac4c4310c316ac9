import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiError, ReminderSettingsDto } from '../../bindings';
import { fakeBackend } from '../../test/repairFixtures';
import { renderIn } from '../../test/render';
import { ReminderSettingsCard } from './ReminderSettingsCard';

/** The zone this computer says it is in; the saved settings were made in another. */
const SYSTEM_ZONE = 'Europe/Berlin';

const saved: ReminderSettingsDto = {
  leads_minutes: [1440, 240, 60],
  quiet_enabled: true,
  quiet_start: '22:00',
  quiet_end: '08:00',
  quiet_time_zone: 'Asia/Shanghai',
  repair_stale_hours: 48,
  close_to_tray: true,
  start_at_login: false,
};

beforeEach(() => {
  const resolvedOptions = Intl.DateTimeFormat.prototype.resolvedOptions;
  vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (this: Intl.DateTimeFormat) {
    return { ...resolvedOptions.call(this), timeZone: SYSTEM_ZONE };
  });
});
afterEach(() => vi.restoreAllMocks());

/** An engine keeping the reminder settings like the real one: leads longest first, without repeats. */
function reminderBackend({ failWith }: { failWith?: ApiError } = {}) {
  let current = saved;
  const calls = {
    reminderSettings: vi.fn(async () => current),
    updateReminderSettings: vi.fn(async (input: ReminderSettingsDto) => {
      if (failWith) return Promise.reject(failWith);
      current = { ...input, leads_minutes: [...new Set(input.leads_minutes)].sort((a, b) => b - a) };
      return current;
    }),
  };
  return { backend: fakeBackend(calls), ...calls };
}

function leadsSelect(): HTMLElement {
  return document.querySelector('#reminder-leads')!.closest('.ant-select') as HTMLElement;
}

function chosenLeads(): string[] {
  return Array.from(leadsSelect().querySelectorAll('.ant-select-selection-item-content')).map((tag) => tag.textContent ?? '');
}

async function chooseLead(label: string) {
  fireEvent.mouseDown(leadsSelect().querySelector('.ant-select-selector')!);
  fireEvent.click((await screen.findAllByText(label, { selector: '.ant-select-item-option-content' })).at(-1)!);
}

function removeLead(label: string) {
  const tag = Array.from(leadsSelect().querySelectorAll('.ant-select-selection-item')).find(
    (item) => item.querySelector('.ant-select-selection-item-content')?.textContent === label,
  );
  fireEvent.click(tag!.querySelector('.ant-select-selection-item-remove')!);
}

describe('ReminderSettingsCard', () => {
  it('shows the saved settings, with this computer’s time zone and the breach always on', async () => {
    const { backend } = reminderBackend();
    renderIn('en', <ReminderSettingsCard />, backend);

    const card = within(screen.getByTestId('reminder-settings'));
    expect(card.getByText('Reminders')).toBeInTheDocument();
    await waitFor(() => expect(chosenLeads()).toEqual(['24 h', '4 h', '1 h']));
    expect(card.getByTestId('reminder-at-deadline')).toBeChecked();
    expect(card.getByTestId('reminder-at-deadline')).toBeDisabled();
    expect(card.getByText('Always on')).toBeInTheDocument();
    expect(card.getByRole('switch', { name: 'Quiet hours' })).toBeChecked();
    expect(card.getByLabelText('From')).toHaveValue('22:00');
    expect(card.getByLabelText('Until')).toHaveValue('08:00');
    expect(card.getByTestId('reminder-time-zone')).toHaveTextContent('Time zone: Europe/Berlin (this computer)');
    expect(card.getByText('Breaches still come during quiet hours.')).toBeInTheDocument();
    expect(card.getByRole('spinbutton', { name: 'Remind about a repair not updated for' })).toHaveValue('48');
    expect(card.getByRole('switch', { name: 'Keep running in the tray when the window is closed' })).toBeChecked();
    expect(card.getByRole('switch', { name: 'Start at login' })).not.toBeChecked();
  });

  it('saves the chosen lead times, longest first, in this computer’s time zone', async () => {
    const { backend, updateReminderSettings } = reminderBackend();
    renderIn('en', <ReminderSettingsCard />, backend);
    await waitFor(() => expect(chosenLeads()).toEqual(['24 h', '4 h', '1 h']));

    await chooseLead('7 d');
    await chooseLead('30 min');
    removeLead('4 h');
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Remind about a repair not updated for' }), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('switch', { name: 'Start at login' }));
    fireEvent.click(screen.getByTestId('reminder-settings-save'));

    await waitFor(() =>
      expect(updateReminderSettings).toHaveBeenCalledWith({
        leads_minutes: [10080, 1440, 60, 30],
        quiet_enabled: true,
        quiet_start: '22:00',
        quiet_end: '08:00',
        quiet_time_zone: SYSTEM_ZONE,
        repair_stale_hours: 0,
        close_to_tray: true,
        start_at_login: true,
      }),
    );
    expect(await screen.findByText('Reminder settings saved')).toBeInTheDocument();
    await waitFor(() => expect(chosenLeads(), 'the form shows what the engine saved').toEqual(['7 d', '24 h', '1 h', '30 min']));
  });

  it('turns quiet hours and the tray off, in Chinese', async () => {
    const { backend, updateReminderSettings } = reminderBackend();
    renderIn('zh-CN', <ReminderSettingsCard />, backend);
    await waitFor(() => expect(chosenLeads()).toEqual(['24 小时', '4 小时', '1 小时']));
    expect(screen.getByTestId('reminder-time-zone')).toHaveTextContent('时区：Europe/Berlin（本机）');
    expect(screen.getByText('免打扰时段内，超时提醒仍会照常发出。')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('switch', { name: '免打扰时段' }));
    await waitFor(() => expect(screen.getByLabelText('开始')).toBeDisabled());
    expect(screen.getByLabelText('结束')).toBeDisabled();
    fireEvent.click(screen.getByRole('switch', { name: '关闭窗口后在托盘中继续运行' }));
    await chooseLead('3 天');
    fireEvent.click(screen.getByTestId('reminder-settings-save'));

    await waitFor(() =>
      expect(updateReminderSettings).toHaveBeenCalledWith({
        ...saved,
        leads_minutes: [4320, 1440, 240, 60],
        quiet_enabled: false,
        quiet_time_zone: SYSTEM_ZONE,
        close_to_tray: false,
      }),
    );
    expect(await screen.findByText('提醒设置已保存')).toBeInTheDocument();
  });

  it('shows why the engine refused the settings and keeps the choice', async () => {
    const { backend, updateReminderSettings } = reminderBackend({
      failWith: { code: 'validation', message: 'leads_minutes: up to 6 lead times, each from 1 minute to 7 days' },
    });
    renderIn('en', <ReminderSettingsCard />, backend);
    await waitFor(() => expect(chosenLeads()).toEqual(['24 h', '4 h', '1 h']));

    await chooseLead('2 h');
    fireEvent.click(screen.getByTestId('reminder-settings-save'));

    await waitFor(() => expect(updateReminderSettings).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('Please check the input')).toBeInTheDocument();
    expect(screen.getByText('leads_minutes: up to 6 lead times, each from 1 minute to 7 days')).toBeInTheDocument();
    expect(screen.queryByText('Reminder settings saved')).toBeNull();
    expect(chosenLeads()).toEqual(['24 h', '4 h', '2 h', '1 h']);
  });

  it('shows why the settings could not be read, and reads them again', async () => {
    const { backend, reminderSettings } = reminderBackend();
    reminderSettings.mockRejectedValueOnce({ code: 'internal', message: 'database is locked' });
    renderIn('en', <ReminderSettingsCard />, backend);

    expect(await screen.findByText('database is locked')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(chosenLeads()).toEqual(['24 h', '4 h', '1 h']));
  });
});
