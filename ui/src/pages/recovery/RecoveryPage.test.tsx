import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FileInput } from '../../bindings';
import { formatDateTime } from '../../i18n/format';
import { recovery } from '../../test/backupFixtures';
import { renderIn } from '../../test/render';
import { fakeBackend } from '../../test/repairFixtures';
import { RecoveryPage } from './RecoveryPage';

/** The engine at a damaged start: putting a backup in place restarts the app, so that answer never comes. */
function recoveryBackend({ picked = '/media/usb/aftersales-backup-20261120.db' }: { picked?: string | null } = {}) {
  const calls = {
    recoverFromBackup: vi.fn((_: FileInput) => new Promise<null>(() => undefined)),
    chooseBackupFile: vi.fn(async () => picked),
  };
  return { backend: fakeBackend(calls), ...calls };
}

function rows(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('[data-testid="recovery-backups"] tbody tr[data-row-key]'));
}

describe('RecoveryPage', () => {
  it('shows the problem, the database file and the good backups, the newest first', async () => {
    const dto = recovery();
    const { backend } = recoveryBackend();
    renderIn('en', <RecoveryPage recovery={dto} />, backend);

    expect(screen.getByText('The database is damaged')).toBeInTheDocument();
    expect(
      screen.getByText('Nothing was written to it. Restore a backup: the damaged file is kept beside it for support.'),
    ).toBeInTheDocument();
    expect(within(screen.getByTestId('recovery-problem')).getByText(dto.problem.message)).toBeInTheDocument();
    expect(screen.getByTestId('recovery-database')).toHaveTextContent(dto.database);
    expect(rows()).toHaveLength(2);
    const [newest, older] = rows();
    expect(within(newest!).getByText(formatDateTime(dto.backups[0]!.created_at, 'en'))).toBeInTheDocument();
    expect(within(newest!).getByTestId('backup-kind')).toHaveTextContent('Daily');
    expect(within(newest!).getByText('1.5 MB')).toBeInTheDocument();
    expect(within(newest!).getByText('Newest')).toBeInTheDocument();
    expect(within(newest!).getByTestId('recovery-restore'), 'the newest is the suggested one').toHaveClass('ant-btn-primary');
    expect(within(older!).getByTestId('backup-kind')).toHaveTextContent('Manual');
    expect(within(older!).getByTestId('recovery-restore')).not.toHaveClass('ant-btn-primary');
    expect(screen.getByTestId('recovery-restore-file')).toHaveTextContent('Restore from a file…');
  });

  it('puts the newest backup in place and says the app restarts', async () => {
    const dto = recovery();
    const { backend, recoverFromBackup } = recoveryBackend();
    renderIn('en', <RecoveryPage recovery={dto} />, backend);

    fireEvent.click(within(rows()[0]!).getByTestId('recovery-restore'));

    await waitFor(() => expect(recoverFromBackup).toHaveBeenCalledWith({ file: dto.backups[0]!.path }));
    expect(await screen.findByTestId('recovery-restarting')).toHaveTextContent('Restarting…');
    expect(screen.queryByTestId('recovery-restore'), 'nothing else to click while it restarts').toBeNull();
  });

  it('shows the engine error when the backup cannot be put in place, and lets the merchant try another', async () => {
    const dto = recovery();
    const { backend, recoverFromBackup } = recoveryBackend();
    recoverFromBackup.mockImplementationOnce(async () => Promise.reject({ code: 'disk_full', message: 'No space left on device (os error 28)' }));
    renderIn('zh-CN', <RecoveryPage recovery={dto} />, backend);

    expect(screen.getByText('数据库已损坏')).toBeInTheDocument();
    fireEvent.click(within(rows()[0]!).getByTestId('recovery-restore'));

    expect(await screen.findByText('No space left on device (os error 28)')).toBeInTheDocument();
    expect(screen.getByText('磁盘已满')).toBeInTheDocument();
    fireEvent.click(within(rows()[1]!).getByTestId('recovery-restore'));
    await waitFor(() => expect(recoverFromBackup).toHaveBeenLastCalledWith({ file: dto.backups[1]!.path }));
    expect(await screen.findByText('正在重启…')).toBeInTheDocument();
  });

  it('offers only a file when no backup passes the check', async () => {
    const { backend, chooseBackupFile, recoverFromBackup } = recoveryBackend();
    renderIn('en', <RecoveryPage recovery={recovery({ backups: [] })} />, backend);

    expect(screen.getByTestId('recovery-no-backups')).toHaveTextContent(
      'There is no backup that passes the check. If you saved a copy of the data elsewhere, restore it from that file.',
    );
    expect(screen.queryByTestId('recovery-backups')).toBeNull();
    expect(screen.queryByTestId('recovery-restore')).toBeNull();
    const fromFile = screen.getByTestId('recovery-restore-file');
    expect(fromFile).toHaveClass('ant-btn-primary');

    fireEvent.click(fromFile);

    await waitFor(() => expect(recoverFromBackup).toHaveBeenCalledWith({ file: '/media/usb/aftersales-backup-20261120.db' }));
    expect(chooseBackupFile).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Restarting…')).toBeInTheDocument();
  });

  it('names another problem by its code', async () => {
    const { backend } = recoveryBackend();
    renderIn('zh-CN', <RecoveryPage recovery={recovery({ problem: { code: 'disk_full', message: 'No space left on device' } })} />, backend);

    const problem = within(screen.getByTestId('recovery-problem'));
    expect(problem.getByText('磁盘已满')).toBeInTheDocument();
    expect(problem.getByText('No space left on device')).toBeInTheDocument();
  });

  it('does nothing when the open dialog is cancelled', async () => {
    const { backend, chooseBackupFile, recoverFromBackup } = recoveryBackend({ picked: null });
    renderIn('en', <RecoveryPage recovery={recovery()} />, backend);

    fireEvent.click(screen.getByTestId('recovery-restore-file'));

    await waitFor(() => expect(chooseBackupFile).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.getByTestId('recovery-restore-file')).not.toHaveClass('ant-btn-loading'));
    expect(recoverFromBackup).not.toHaveBeenCalled();
    expect(screen.getByText('The database is damaged')).toBeInTheDocument();
  });
});
