import { FileZipOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExportResult } from '../../components/export/ExportResult';
import { useChooseSavePath } from '../../hooks/useChooseSavePath';
import { useExportDiagnostics } from '../../hooks/useExportDiagnostics';
import { useErrorToast } from '../useErrorToast';
import { diagnosticsFileName } from './backupFileNames';

/** The logs and versions as a ZIP for support, where the merchant picks (cancelling the dialog does nothing). */
export function DiagnosticsExport() {
  const { t } = useTranslation();
  const showError = useErrorToast();
  const chooseSavePath = useChooseSavePath();
  const exporter = useExportDiagnostics();

  const run = () => {
    exporter.reset();
    chooseSavePath.mutate(
      { default_name: diagnosticsFileName(new Date()), extension: 'zip' },
      {
        onSuccess: (out) => {
          if (out !== null) exporter.mutate({ out }, { onError: (error) => showError(error) });
        },
        onError: (error) => showError(error),
      },
    );
  };

  return (
    <Flex vertical gap="small">
      <Flex gap="middle" align="center" wrap>
        <Button
          icon={<FileZipOutlined />}
          loading={chooseSavePath.isPending || exporter.isPending}
          onClick={run}
          data-testid="diagnostics-export"
        >
          {t('backups.diagnostics')}
        </Button>
        <Typography.Text type="secondary">{t('backups.diagnosticsHelp')}</Typography.Text>
      </Flex>
      {exporter.data !== undefined && (
        <ExportResult
          result={{ path: exporter.data.path, rows: exporter.data.files.length }}
          message={t('backups.diagnosticsDone', { count: exporter.data.files.length })}
          testId="diagnostics-result"
          onClose={() => exporter.reset()}
        />
      )}
    </Flex>
  );
}
