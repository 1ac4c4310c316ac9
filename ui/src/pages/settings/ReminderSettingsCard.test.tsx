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
  kind_leads: [{ kind: 'merchant_response', leads_minutes: [720, 120] }],
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
      const longestFirst = (leads: number[]) => [...new Set(leads)].sort((a, b) => b - a);
      current = {
        ...input,
        leads_minutes: longestFirst(input.leads_minutes),
        kind_leads: input.kind_leads.map((row) => ({ ...row, leads_minutes: longestFirst(row.leads_minutes) })),
      };
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

/** A select by its label (a query by role is slow on a form this size). */
function selectNamed(name: string): Element {
  const input = document.querySelector(`input[aria-label="${name}"]`);
  expect(input, `a select labelled ${name}`).not.toBeNull();
  return input!.closest('.ant-select')!;
}

/** The chosen values of a select found by its label. */
function chosenIn(name: string): string[] {
  const select = selectNamed(name);
  return Array.from(select.querySelectorAll('.ant-select-selection-item')).map(
    (item) => item.querySelector('.ant-select-selection-item-content')?.textContent ?? item.textContent ?? '',
  );
}

/** Opens a select found by its label and answers its option with `label` (the dropdown opened last). */
async function optionOf(name: string, label: string): Promise<HTMLElement> {
  const select = selectNamed(name);
  fireEvent.mouseDown(select.querySelector('.ant-select-selector')!);
  const content = (await screen.findAllByText(label, { selector: '.ant-select-item-option-content' })).at(-1)!;
  return content.closest('.ant-select-item-option') as HTMLElement;
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
        kind_leads: [{ kind: 'merchant_response', leads_minutes: [720, 120] }],
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

  it('keeps lead times of their own per deadline kind: shows them, adds a kind (each kind once), removes one', async () => {
    const { backend, updateReminderSettings } = reminderBackend();
    renderIn('en', <ReminderSettingsCard />, backend);
    await waitFor(() => expect(chosenIn('Deadline kind 1')).toEqual(['Answer the request']));
    expect(chosenIn('Lead times for kind 1')).toEqual(['12 h', '2 h']);
    expect(screen.getAllByTestId('reminder-kind-lead')).toHaveLength(1);

    fireEvent.click(screen.getByTestId('reminder-kind-add'));
    await waitFor(() => expect(screen.getAllByTestId('reminder-kind-lead')).toHaveLength(2));
    fireEvent.click(screen.getByTestId('reminder-settings-save'));
    expect(await screen.findByText('Choose a deadline kind', { selector: '.ant-form-item-explain-error' })).toBeInTheDocument();
    expect(updateReminderSettings, 'no row is sent without its kind').not.toHaveBeenCalled();

    expect(await optionOf('Deadline kind 2', 'Answer the request'), 'a kind already listed').toHaveClass('ant-select-item-option-disabled');
    fireEvent.click(await optionOf('Deadline kind 2', 'Buyer ships back'));
    fireEvent.click(await optionOf('Lead times for kind 2', '24 h'));
    fireEvent.click(await optionOf('Lead times for kind 2', '3 d'));
    await waitFor(() => expect(chosenIn('Lead times for kind 2'), 'longest first').toEqual(['3 d', '24 h']));
    fireEvent.click(document.querySelector('button[aria-label="Remove kind 1"]')!);
    await waitFor(() => expect(screen.getAllByTestId('reminder-kind-lead')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('reminder-settings-save'));

    await waitFor(() =>
      expect(updateReminderSettings).toHaveBeenCalledWith({
        ...saved,
        kind_leads: [{ kind: 'buyer_ship_back', leads_minutes: [4320, 1440] }],
        quiet_time_zone: SYSTEM_ZONE,
      }),
    );
    await waitFor(() => expect(chosenIn('Deadline kind 1'), 'the form shows what the engine saved').toEqual(['Buyer ships back']));
  });

  it('names the deadline kinds in Chinese', async () => {
    const { backend } = reminderBackend();
    renderIn('zh-CN', <ReminderSettingsCard />, backend);
    await waitFor(() => expect(chosenIn('时限类型 1')).toEqual(['处理申请']));
    expect(chosenIn('时限类型 1 的提醒时间')).toEqual(['12 小时', '2 小时']);
    expect(screen.getByText('按时限类型设置提醒时间')).toBeInTheDocument();
    expect(screen.getByTestId('reminder-kind-add')).toHaveTextContent('添加时限类型');
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
