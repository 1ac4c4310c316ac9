import { Alert, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportReportDto } from '../../bindings';
import { BadRowsTable } from './BadRowsTable';

/** What an import did, kept on screen (a toast would vanish before the bad rows could be read). */
export function ImportReport({ report }: { report: ImportReportDto }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap="small" data-testid="import-report" data-written={report.written}>
      <Alert
        type={!report.written ? 'warning' : report.bad.length > 0 ? 'info' : 'success'}
        showIcon
        message={
          report.written
            ? t('import.report.written', { count: report.rows - report.bad.length })
            : t('import.report.notWritten', { count: report.bad.length })
        }
      />
      {report.written && (
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            {
              key: 'orders',
              label: t('import.report.orders'),
              children: t('import.report.ordersCounts', {
                new: report.orders_new,
                updated: report.orders_updated,
                unchanged: report.orders_unchanged,
              }),
            },
            {
              key: 'requests',
              label: t('import.report.requests'),
              children: t('import.report.requestsCounts', { changed: report.requests_changed, unchanged: report.requests_unchanged }),
            },
            {
              key: 'cases',
              label: t('import.report.cases'),
              children: t('import.report.casesCounts', { opened: report.cases_opened, moved: report.cases_moved }),
            },
          ]}
        />
      )}
      {report.bad.length > 0 && (
        <>
          <Typography.Text strong>{t('import.report.bad', { count: report.bad.length })}</Typography.Text>
          <BadRowsTable rows={report.bad} testId="import-report-bad" />
        </>
      )}
    </Flex>
  );
}
