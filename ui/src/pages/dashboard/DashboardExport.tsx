import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ExportResultDto, MetricsQuery } from '../../bindings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useChooseSavePath } from '../../hooks/useChooseSavePath';
import { useExportMetrics } from '../../hooks/useExportMetrics';
import { useLanguage } from '../../i18n/useLanguage';

/** "dashboard-2026-11-27.xlsx", dated by the local day like the other exports so files sort by day. */
export function dashboardFileName(today: Date): string {
  return `dashboard-${dayjs(today).format('YYYY-MM-DD')}.xlsx`;
}

/**
 * The figures on screen as a workbook: the merchant picks where in the system save dialog (cancelling it does
 * nothing), then the engine writes the same window in the current language.
 */
export function useDashboardExport(query: MetricsQuery) {
  const language = useLanguage();
  const chooseSavePath = useChooseSavePath();
  const exporter = useExportMetrics();
  const run = async () => {
    exporter.reset();
    let out: string | null;
    try {
      out = await chooseSavePath.mutateAsync({ default_name: dashboardFileName(new Date()), extension: 'xlsx' });
    } catch {
      return; // shown from chooseSavePath.error
    }
    if (out === null) return;
    exporter.mutate({ out, ...query, lang: language });
  };
  return {
    run,
    running: chooseSavePath.isPending || exporter.isPending,
    error: chooseSavePath.error ?? exporter.error,
    result: exporter.data,
    dismiss: () => {
      chooseSavePath.reset();
      exporter.reset();
    },
  };
}

export function ExportButton({ running, onClick }: { running: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button icon={<FileExcelOutlined />} loading={running} onClick={onClick} data-testid="dashboard-export">
      {t('dashboard.export.button')}
    </Button>
  );
}

/** Where the workbook went, kept on screen (a toast would vanish before the path could be copied). */
export function ExportOutcome({ exported }: { exported: ReturnType<typeof useDashboardExport> }) {
  if (exported.error !== null) return <ErrorAlert error={exported.error} />;
  if (exported.result === undefined) return null;
  return <ExportDone result={exported.result} onClose={exported.dismiss} />;
}

function ExportDone({ result, onClose }: { result: ExportResultDto; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div data-testid="dashboard-export-result">
      <Alert
        type="success"
        showIcon
        closable
        onClose={onClose}
        message={t('dashboard.export.done')}
        description={
          <Flex gap="small" wrap>
            <Typography.Text type="secondary">{t('dashboard.export.savedTo')}</Typography.Text>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {result.path}
            </Typography.Text>
          </Flex>
        }
      />
    </div>
  );
}
