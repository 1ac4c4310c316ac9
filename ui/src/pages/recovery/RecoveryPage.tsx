import { FolderOpenOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Result, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecoveryDto } from '../../bindings';
import { BackupsTable } from '../../components/backups/BackupsTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ErrorDetail } from '../../components/ErrorDetail';
import { useChooseBackupFile } from '../../hooks/useChooseBackupFile';
import { useRecoverFromBackup } from '../../hooks/useRecoverFromBackup';

const PAGE_STYLE = { maxWidth: 960, marginInline: 'auto' } as const;

/**
 * The only page when the app started with a damaged database: what is wrong, where the file is, and the backups
 * that pass the check (newest first) to put in its place, or any backup file. The app restarts on its own after.
 */
export function RecoveryPage({ recovery }: { recovery: RecoveryDto }) {
  const { t } = useTranslation();
  const chooseFile = useChooseBackupFile();
  const recover = useRecoverFromBackup();
  // The engine restarts the app once the backup is in place: the answer may never come.
  const restarting = recover.isPending || recover.isSuccess;
  const error = recover.error ?? chooseFile.error;
  const newest = recovery.backups[0]?.path;

  const restoreFile = () => {
    recover.reset();
    chooseFile.mutate(undefined, {
      onSuccess: (file) => {
        if (file !== null) recover.mutate({ file });
      },
    });
  };

  if (restarting) {
    return (
      <Card data-testid="recovery-page" style={PAGE_STYLE}>
        <Result
          icon={<Spin size="large" />}
          title={<span data-testid="recovery-restarting">{t('recovery.restarting')}</span>}
          subTitle={t('recovery.restartingHelp')}
        />
      </Card>
    );
  }

  const fromFile = (
    <Button
      type={recovery.backups.length === 0 ? 'primary' : 'default'}
      icon={<FolderOpenOutlined />}
      loading={chooseFile.isPending}
      onClick={restoreFile}
      data-testid="recovery-restore-file"
    >
      {t('recovery.restoreFile')}
    </Button>
  );

  return (
    <Card data-testid="recovery-page" style={PAGE_STYLE}>
      <Flex vertical gap="large">
        <Result
          status="error"
          title={t('recovery.title')}
          subTitle={t('recovery.nothingWritten')}
          style={{ paddingBlock: 16 }}
        />
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            {
              key: 'problem',
              label: t('recovery.problem'),
              children: (
                <Flex vertical data-testid="recovery-problem">
                  {/* "Damaged" is the title already; another code (a full disk) says what else went wrong. */}
                  {recovery.problem.code === 'damaged' ? (
                    <span>{recovery.problem.message}</span>
                  ) : (
                    <>
                      <span>{t(`error.${recovery.problem.code}`)}</span>
                      <ErrorDetail message={recovery.problem.message} />
                    </>
                  )}
                </Flex>
              ),
            },
            {
              key: 'database',
              label: t('recovery.database'),
              children: (
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="recovery-database">
                  {recovery.database}
                </Typography.Text>
              ),
            },
          ]}
        />
        {error !== null && <ErrorAlert error={error} />}
        {recovery.backups.length > 0 ? (
          <Flex vertical gap="small">
            <Flex justify="space-between" align="center" gap="middle" wrap>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('recovery.backups')}
              </Typography.Title>
              {fromFile}
            </Flex>
            <BackupsTable
              testId="recovery-backups"
              backups={recovery.backups}
              action={(backup) => (
                <Flex gap="small" justify="end" align="center">
                  {backup.path === newest && <Tag color="green">{t('recovery.newest')}</Tag>}
                  <Button
                    type={backup.path === newest ? 'primary' : 'default'}
                    size="small"
                    icon={<RollbackOutlined />}
                    onClick={() => recover.mutate({ file: backup.path })}
                    data-testid="recovery-restore"
                  >
                    {t('recovery.restore')}
                  </Button>
                </Flex>
              )}
            />
          </Flex>
        ) : (
          <Flex vertical gap="middle" align="start">
            <Alert type="warning" showIcon message={t('recovery.noBackups')} data-testid="recovery-no-backups" />
            {fromFile}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
