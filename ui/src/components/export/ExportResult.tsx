import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExportResultDto } from '../../bindings';

/** The file an export wrote: how many rows and where, the path copyable to find it again. */
export function ExportResult({ result }: { result: ExportResultDto }) {
  const { t } = useTranslation();
  return (
    <div data-testid="export-result" data-rows={result.rows}>
      <Alert
        type="success"
        showIcon
        message={t('exportDialog.done', { count: result.rows })}
        description={
          <Flex gap="small" wrap>
            <Typography.Text type="secondary">{t('exportDialog.savedTo')}</Typography.Text>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {result.path}
            </Typography.Text>
          </Flex>
        }
      />
    </div>
  );
}
