import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ApiError, BackupDto, FileInput, OutInput, SavePathInput, SettingsDto } from '../../bindings';
import { formatDateTime } from '../../i18n/format';
import { backup, backupsOfEachKind } from '../../test/backupFixtures';
import { renderIn } from '../../test/render';
import { fakeBackend } from '../../test/repairFixtures';
import { BackupsSection } from './BackupsSection';

const PREVIOUS = 'before-restore-20261127T101500.000Z.db';

/**
 * An engine in memory with one backup of each kind: a backup into the folder joins the list (newest first), a
 * restore keeps the current data as a before-restore backup first, the save dialog answers a path under the
 * proposed name (or null: cancelled).
 */
function backupsBackend({ savePath = 'chosen', restoreFails }: { savePath?: 'chosen' | 'cancelled'; restoreFails?: ApiError } = {}) {
  let list = backupsOfEachKind();
  let settings: SettingsDto = { sync_interval_minutes: 30, backup_keep: 10, log_keep_days: 14 };
  const calls = {
    backups: vi.fn(async () => list),
    backupNow: vi.fn(async ({ out }: OutInput) => {
      const made = backup({ kind: 'manual', created_at: '2026-11-27T10:00:00Z', bytes: 2_097_152 });
      if (out === null) {
        list = [made, ...list];
        return made;
      }
      return { ...made, path: out, file_name: out.split('/').at(-1)! };
    }),
    restoreBackup: vi.fn(async (_: FileInput) => {
      if (restoreFails) return Promise.reject(restoreFails);
      const previous = backup({ kind: 'before-restore', created_at: '2026-11-27T10:15:00Z', file_name: PREVIOUS });
      list = [previous, ...list];
      return { restored_schema: 12, previous_data: previous };
    }),
    chooseSavePath: vi.fn(async ({ default_name }: SavePathInput) => (savePath === 'chosen' ? `/home/me/Documents/${default_name}` : null)),
    chooseBackupFile: vi.fn(async () => '/media/usb/aftersales-backup-20261120.db'),
    exportDiagnostics: vi.fn(async ({ out }: OutInput) => ({
      path: out ?? '/exports/diagnostics.zip',
      files: ['versions.txt', 'logs/aftersales.log.2026-11-26', 'logs/aftersales.log.2026-11-27'],
      bytes: 20_480,
    })),
    getSettings: vi.fn(async () => settings),
    updateSettings: vi.fn(async (input: SettingsDto) => {
      settings = input;
      return settings;
    }),
  };
  return { backend: fakeBackend(calls), ...calls };
}

function rows(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('[data-testid="backups-table"] tbody tr[data-row-key]'));
}

function row(backupFile: BackupDto): HTMLElement {
  return rows().find((element) => element.dataset.rowKey === backupFile.path)!;
}

async function listed(count: number) {
  await waitFor(() => expect(rows()).toHaveLength(count));
}

/** Lets pending promises settle, for checks that something was not called. */
function settle() {
  return new Promise((resolve) => setTimeout(resolve, 50));
}

describe('BackupsSection', () => {
  it('lists the backups newest first with their time, kind and size', async () => {
    const { backend } = backupsBackend();
    renderIn('en', <BackupsSection />, backend);

    expect(screen.getByText('Backups and diagnostics')).toBeInTheDocument();
    await listed(4);
    const [manual, daily, beforeRestore, beforeMigration] = backupsOfEachKind();
    expect(rows().map((r) => within(r).getByTestId('backup-kind').textContent)).toEqual([
      'Manual',
      'Daily',
      'Before a restore',
      'Before an update',
    ]);
    const first = within(row(manual!));
    expect(first.getByText(formatDateTime(manual!.created_at, 'en')), 'in local time').toBeInTheDocument();
    expect(first.getByText('1.5 MB')).toBeInTheDocument();
    expect(within(row(beforeMigration!)).getByText('500 kB')).toBeInTheDocument();
    expect(within(row(daily!)).getByTestId('backup-restore')).toHaveTextContent('Restore');
    expect(within(row(beforeRestore!)).getByTestId('backup-restore')).toBeEnabled();
  });

  it('names the kinds in Chinese', async () => {
    const { backend } = backupsBackend();
    renderIn('zh-CN', <BackupsSection />, backend);

    expect(screen.getByText('备份与诊断')).toBeInTheDocument();
    await listed(4);
    expect(rows().map((r) => within(r).getByTestId('backup-kind').textContent)).toEqual(['手动', '每日', '恢复前', '升级前']);
    expect(screen.getByRole('columnheader', { name: '时间' })).toBeInTheDocument();
    expect(screen.getByTestId('backup-now')).toHaveTextContent('立即备份');
  });

  it('backs up now into the backups folder and lists the new backup', async () => {
    const { backend, backupNow, backups, chooseSavePath } = backupsBackend();
    renderIn('en', <BackupsSection />, backend);
    await listed(4);

    fireEvent.click(screen.getByTestId('backup-now'));

    await waitFor(() => expect(backupNow).toHaveBeenCalledWith({ out: null }));
    expect(await screen.findByText('Backup made (2 MB)')).toBeInTheDocument();
    await listed(5);
    expect(backups, 'the list is asked again').toHaveBeenCalledTimes(2);
    expect(within(rows()[0]!).getByTestId('backup-kind')).toHaveTextContent('Manual');
    expect(chooseSavePath, 'no dialog for a backup into the folder').not.toHaveBeenCalled();
  });

  it('asks before restoring a backup, then restores it and says where the previous data went', async () => {
    const { backend, restoreBackup, backups, getSettings } = backupsBackend();
    renderIn('en', <BackupsSection />, backend);
    await listed(4);
    await waitFor(() => expect(getSettings).toHaveBeenCalledTimes(1));
    const daily = backupsOfEachKind()[1]!;
    const time = formatDateTime(daily.created_at, 'en');

    fireEvent.click(within(row(daily)).getByTestId('backup-restore'));

    const question = await screen.findByText(
      `Replace all current data with this backup from ${time}? The current data is kept as a backup first.`,
    );
    expect(restoreBackup, 'nothing happens before the answer').not.toHaveBeenCalled();
    const dialog = within(question.closest<HTMLElement>('.ant-modal')!);
    fireEvent.click(dialog.getByRole('button', { name: 'Replace the data' }));

    await waitFor(() => expect(restoreBackup).toHaveBeenCalledWith({ file: daily.path }));
    expect(
      await screen.findByText(`Restored the backup from ${time}. The previous data was saved as ${PREVIOUS}.`),
    ).toBeInTheDocument();
    await listed(5);
    expect(backups).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(getSettings, 'every cached answer is asked again').toHaveBeenCalledTimes(2));
  });

  it('restores nothing when the question is cancelled', async () => {
    const { backend, restoreBackup } = backupsBackend();
    renderIn('en', <BackupsSection />, backend);
    await listed(4);

    fireEvent.click(within(rows()[0]!).getByTestId('backup-restore'));
    const question = await screen.findByText(/^Replace all current data with this backup from/);
    fireEvent.click(within(question.closest<HTMLElement>('.ant-modal')!).getByRole('button', { name: 'Cancel' }));

    await waitFor(() => expect(screen.queryByText(/^Replace all current data/)).toBeNull());
    await settle();
    expect(restoreBackup).not.toHaveBeenCalled();
  });

  it('shows why a damaged backup could not be restored', async () => {
    const { backend, restoreBackup } = backupsBackend({
      restoreFails: { code: 'damaged', message: 'daily-20261127T010000.000Z.db fails the integrity check' },
    });
    renderIn('zh-CN', <BackupsSection />, backend);
    await listed(4);

    fireEvent.click(within(rows()[1]!).getByTestId('backup-restore'));
    const question = await screen.findByText(/^用 .+ 的这份备份替换当前全部数据吗？当前数据会先另存为一份备份。$/);
    fireEvent.click(within(question.closest<HTMLElement>('.ant-modal')!).getByRole('button', { name: '替换数据' }));

    expect(await screen.findByText('daily-20261127T010000.000Z.db fails the integrity check')).toBeInTheDocument();
    expect(screen.getByText('数据库已损坏')).toBeInTheDocument();
    expect(restoreBackup).toHaveBeenCalledTimes(1);
  });

  it('restores a file picked in the open dialog after the same question', async () => {
    const { backend, chooseBackupFile, restoreBackup } = backupsBackend();
    renderIn('en', <BackupsSection />, backend);
    await listed(4);

    fireEvent.click(screen.getByTestId('backup-restore-file'));

    await waitFor(() => expect(chooseBackupFile).toHaveBeenCalledTimes(1));
    const question = await screen.findByText(
      'Replace all current data with the backup in aftersales-backup-20261120.db? The current data is kept as a backup first.',
    );
    fireEvent.click(within(question.closest<HTMLElement>('.ant-modal')!).getByRole('button', { name: 'Replace the data' }));

    await waitFor(() => expect(restoreBackup).toHaveBeenCalledWith({ file: '/media/usb/aftersales-backup-20261120.db' }));
    expect(
      await screen.findByText(`Restored aftersales-backup-20261120.db. The previous data was saved as ${PREVIOUS}.`),
    ).toBeInTheDocument();
  });

  it('saves a copy where the save dialog says and shows the path', async () => {
    const { backend, chooseSavePath, backupNow } = backupsBackend();
    renderIn('en', <BackupsSection />, backend);
    await listed(4);

    fireEvent.click(screen.getByTestId('backup-save-copy'));

    await waitFor(() => expect(backupNow).toHaveBeenCalledTimes(1));
    const asked = chooseSavePath.mock.calls[0]![0];
    expect(asked.extension).toBe('db');
    expect(asked.default_name).toMatch(/^aftersales-backup-\d{8}\.db$/);
    expect(backupNow).toHaveBeenCalledWith({ out: `/home/me/Documents/${asked.default_name}` });
    const result = within(await screen.findByTestId('backup-copy-result'));
    expect(result.getByText('Copy of the data saved')).toBeInTheDocument();
    expect(result.getByText(`/home/me/Documents/${asked.default_name}`)).toBeInTheDocument();
  });

  it('exports the diagnostics where the save dialog says, with how many files', async () => {
    const { backend, chooseSavePath, exportDiagnostics } = backupsBackend();
    renderIn('en', <BackupsSection />, backend);

    expect(screen.getByText('Logs and versions for support. No buyer data and no credentials are included.')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('diagnostics-export'));

    await waitFor(() => expect(exportDiagnostics).toHaveBeenCalledTimes(1));
    const asked = chooseSavePath.mock.calls[0]![0];
    expect(asked.extension).toBe('zip');
    expect(asked.default_name).toMatch(/^aftersales-diagnostics-\d{8}\.zip$/);
    expect(exportDiagnostics).toHaveBeenCalledWith({ out: `/home/me/Documents/${asked.default_name}` });
    const result = within(await screen.findByTestId('diagnostics-result'));
    expect(result.getByText('Diagnostics exported: 3 files')).toBeInTheDocument();
    expect(result.getByText(`/home/me/Documents/${asked.default_name}`)).toBeInTheDocument();
  });

  it('does nothing when a save dialog is cancelled', async () => {
    const { backend, chooseSavePath, exportDiagnostics, backupNow } = backupsBackend({ savePath: 'cancelled' });
    renderIn('en', <BackupsSection />, backend);
    await listed(4);

    fireEvent.click(screen.getByTestId('diagnostics-export'));
    fireEvent.click(screen.getByTestId('backup-save-copy'));

    await waitFor(() => expect(chooseSavePath).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.getByTestId('diagnostics-export')).not.toHaveClass('ant-btn-loading'));
    await settle();
    expect(exportDiagnostics).not.toHaveBeenCalled();
    expect(backupNow).not.toHaveBeenCalled();
    expect(screen.queryByTestId('diagnostics-result')).toBeNull();
    expect(screen.queryByTestId('backup-copy-result')).toBeNull();
  });

  it('saves the kept backups and days of logs with the other settings, within their ranges', async () => {
    const { backend, updateSettings } = backupsBackend();
    renderIn('en', <BackupsSection />, backend);

    const keep = await screen.findByRole('spinbutton', { name: 'Backups kept of each kind' });
    const days = screen.getByRole('spinbutton', { name: 'Days of log files kept' });
    expect(keep).toHaveValue('10');
    expect(days).toHaveValue('14');

    fireEvent.change(keep, { target: { value: '0' } });
    fireEvent.change(days, { target: { value: '400' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save backup settings' }));
    expect(await screen.findByText('Enter a whole number from 1 to 100')).toBeInTheDocument();
    expect(await screen.findByText('Enter a whole number from 1 to 365')).toBeInTheDocument();
    expect(updateSettings).not.toHaveBeenCalled();

    fireEvent.change(keep, { target: { value: '20' } });
    fireEvent.change(days, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save backup settings' }));

    await waitFor(() => expect(updateSettings).toHaveBeenCalledWith({ sync_interval_minutes: 30, backup_keep: 20, log_keep_days: 30 }));
    expect(await screen.findByText('Settings saved')).toBeInTheDocument();
  });
});
