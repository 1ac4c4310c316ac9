import { FileExcelOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MetricsQuery } from '../../bindings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportResult } from '../../components/export/ExportResult';
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

/** Where the workbook went, or why it could not be written. */
export function ExportOutcome({ exported }: { exported: ReturnType<typeof useDashboardExport> }) {
  const { t } = useTranslation();
  if (exported.error !== null) return <ErrorAlert error={exported.error} />;
  if (exported.result === undefined) return null;
  return (
    <ExportResult result={exported.result} message={t('dashboard.export.done')} testId="dashboard-export-result" onClose={exported.dismiss} />
  );
}
