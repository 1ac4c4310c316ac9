import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../backend/Backend';
import type { SettingsDto } from '../../bindings';
import { backupsOfEachKind } from '../../test/backupFixtures';
import { reasons, ruleDto } from '../../test/fixtures';
import { renderIn } from '../../test/render';
import { SettingsPage } from './SettingsPage';

/** The retention numbers as the engine defaults them; the interval varies by test. */
function settings(sync_interval_minutes: number): SettingsDto {
  return { sync_interval_minutes, backup_keep: 10, log_keep_days: 14 };
}

function settingsBackend(saved: SettingsDto) {
  let current = saved;
  return {
    getSettings: vi.fn(async () => current),
    updateSettings: vi.fn(async (input: SettingsDto) => {
      current = input;
      return current;
    }),
    listRules: vi.fn(async () => [ruleDto()]),
    listReasons: vi.fn(async () => reasons()),
    backups: vi.fn(async () => backupsOfEachKind()),
    reminderSettings: vi.fn(async () => ({
      leads_minutes: [1440, 240, 60],
      kind_leads: [],
      quiet_enabled: false,
      quiet_start: '22:00',
      quiet_end: '08:00',
      quiet_time_zone: 'Asia/Shanghai',
      repair_stale_hours: 48,
      close_to_tray: true,
      start_at_login: false,
    })),
  } as Partial<Backend> as Backend;
}

function openSelect() {
  fireEvent.mouseDown(document.querySelector('#sync-interval')!.closest('.ant-select')!.querySelector('.ant-select-selector')!);
}

describe('SettingsPage', () => {
  it('shows the saved interval and saves another one', async () => {
    const backend = settingsBackend(settings(60));
    renderIn('en', <SettingsPage />, backend);

    expect(await screen.findByText('Every hour')).toBeInTheDocument();
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save, 'nothing to save before a change').toBeDisabled();

    openSelect();
    fireEvent.click(await screen.findByText('Every 15 minutes'));
    fireEvent.click(save);

    await waitFor(() => expect(backend.updateSettings).toHaveBeenCalledWith({ sync_interval_minutes: 15, backup_keep: 10, log_keep_days: 14 }));
    expect(await screen.findByText('Settings saved')).toBeInTheDocument();
  });

  it('turns background sync off in Chinese', async () => {
    const backend = settingsBackend(settings(240));
    renderIn('zh-CN', <SettingsPage />, backend);

    expect(await screen.findByText('每 4 小时')).toBeInTheDocument();
    openSelect();
    fireEvent.click(await screen.findByText('关闭'));
    // antd spaces out a two-character Chinese button label: 保 存.
    fireEvent.click(screen.getByRole('button', { name: /^保\s?存$/ }));

    await waitFor(() => expect(backend.updateSettings).toHaveBeenCalledWith({ sync_interval_minutes: 0, backup_keep: 10, log_keep_days: 14 }));
  });

  it('shows the reminders below background sync, and the rules, reasons and backups each on its tab', async () => {
    const backend = settingsBackend(settings(60));
    renderIn('en', <SettingsPage />, backend);

    expect(await screen.findByText('Every hour')).toBeInTheDocument();
    // The reminders mount once the first card has been painted.
    const reminders = within(await screen.findByTestId('reminder-settings'));
    expect(reminders.getByText('Reminders')).toBeInTheDocument();
    expect(await reminders.findByRole('switch', { name: 'Start at login' })).not.toBeChecked();
    expect(screen.queryByTestId('rules-table'), 'a tab mounts when opened').toBeNull();
    expect(backend.listRules).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('tab', { name: 'Deadline rules' }));
    expect(within(await screen.findByTestId('rules-table')).getByTestId('rule-minutes')).toHaveTextContent('48 h');
    fireEvent.click(screen.getByRole('tab', { name: 'After-sales reasons' }));
    expect(within(await screen.findByTestId('reasons-tree')).getByText('Damaged in transit')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('tab', { name: 'Backups and diagnostics' }));
    expect(await screen.findByTestId('backups-section')).toBeInTheDocument();
    await waitFor(() => expect(document.querySelectorAll('[data-testid="backups-table"] tbody tr[data-row-key]')).toHaveLength(4));
  });

  it('shows why the engine refused the interval', async () => {
    const backend = settingsBackend(settings(0));
    backend.updateSettings = vi.fn(async () =>
      Promise.reject({ code: 'validation', message: 'sync_interval_minutes: must be 0 or 5..1440' }),
    );
    renderIn('en', <SettingsPage />, backend);

    expect(await screen.findByText('Off')).toBeInTheDocument();
    openSelect();
    fireEvent.click(await screen.findByText('Every 5 minutes'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('sync_interval_minutes: must be 0 or 5..1440')).toBeInTheDocument();
    expect(screen.getByText('Please check the input')).toBeInTheDocument();
  });
});
