import { CloudDownloadOutlined, RollbackOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Divider, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BackupsTable } from '../../components/backups/BackupsTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportResult } from '../../components/export/ExportResult';
import { useBackupNow } from '../../hooks/useBackupNow';
import { useBackups } from '../../hooks/useBackups';
import { useChooseBackupFile } from '../../hooks/useChooseBackupFile';
import { useChooseSavePath } from '../../hooks/useChooseSavePath';
import { useFormat } from '../../i18n/useFormat';
import { useErrorToast } from '../useErrorToast';
import { backupCopyFileName } from './backupFileNames';
import { BackupKeepSettings } from './BackupKeepSettings';
import { DiagnosticsExport } from './DiagnosticsExport';
import { useConfirmRestore } from './useConfirmRestore';

/**
 * Settings → backups and diagnostics: the backups in the app's folder (each restorable, after a confirmation), a
 * backup now, a copy saved elsewhere, a restore from any file, how many backups and days of logs are kept, and
 * the diagnostics ZIP for support.
 */
export function BackupsSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormat();
  const showError = useErrorToast();
  const backups = useBackups();
  const backupNow = useBackupNow();
  const chooseSavePath = useChooseSavePath();
  const saveCopy = useBackupNow();
  const chooseFile = useChooseBackupFile();
  const restore = useConfirmRestore();

  const makeBackup = () =>
    backupNow.mutate(
      { out: null },
      {
        onSuccess: (made) => void message.success(t('backups.made', { size: format.fileSize(made.bytes) })),
        onError: (error) => showError(error),
      },
    );

  const makeCopy = () => {
    saveCopy.reset();
    chooseSavePath.mutate(
      { default_name: backupCopyFileName(new Date()), extension: 'db' },
      {
        onSuccess: (out) => {
          if (out !== null) saveCopy.mutate({ out }, { onError: (error) => showError(error) });
        },
        onError: (error) => showError(error),
      },
    );
  };

  const restoreFile = () =>
    chooseFile.mutate(undefined, {
      onSuccess: (file) => {
        if (file !== null) restore.ask(file, null);
      },
      onError: (error) => showError(error),
    });

  return (
    <Card title={t('backups.title')} data-testid="backups-section">
      <Flex vertical gap="middle">
        <Typography.Text type="secondary">{t('backups.help')}</Typography.Text>
        <Flex gap="small" wrap>
          <Button type="primary" icon={<SaveOutlined />} loading={backupNow.isPending} onClick={makeBackup} data-testid="backup-now">
            {t('backups.now')}
          </Button>
          <Button
            icon={<CloudDownloadOutlined />}
            loading={chooseSavePath.isPending || saveCopy.isPending}
            onClick={makeCopy}
            data-testid="backup-save-copy"
          >
            {t('backups.saveCopy')}
          </Button>
          <Button
            icon={<RollbackOutlined />}
            loading={chooseFile.isPending}
            disabled={restore.restoring !== null}
            onClick={restoreFile}
            data-testid="backup-restore-file"
          >
            {t('backups.restoreFile')}
          </Button>
        </Flex>
        {saveCopy.data !== undefined && (
          <ExportResult
            result={saveCopy.data}
            message={t('backups.copySaved')}
            testId="backup-copy-result"
            onClose={() => saveCopy.reset()}
          />
        )}
        {backups.error !== null ? (
          <ErrorAlert error={backups.error} action={<Button onClick={() => void backups.refetch()}>{t('app.retry')}</Button>} />
        ) : (
          <BackupsTable
            testId="backups-table"
            backups={backups.data ?? []}
            loading={backups.isPending}
            action={(backup) => (
              <Button
                size="small"
                icon={<RollbackOutlined />}
                loading={restore.restoring === backup.path}
                disabled={restore.restoring !== null && restore.restoring !== backup.path}
                onClick={() => restore.ask(backup.path, backup)}
                data-testid="backup-restore"
              >
                {t('backups.restore')}
              </Button>
            )}
          />
        )}
        <Divider style={{ margin: 0 }} />
        <BackupKeepSettings />
        <Divider style={{ margin: 0 }} />
        <DiagnosticsExport />
      </Flex>
    </Card>
  );
}
