import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExportResultDto } from '../../bindings';

/**
 * The file an export wrote: how many rows (or the caller's own message) and where, the path copyable to find it
 * again. Kept on screen: a toast would vanish before the path could be copied. Any file written where the
 * merchant chose fits (a backup copy, a diagnostics ZIP): give `message`, and `rows` when there is a count.
 */
export function ExportResult({
  result,
  message,
  testId = 'export-result',
  onClose,
}: {
  result: Pick<ExportResultDto, 'path'> & Partial<Pick<ExportResultDto, 'rows'>>;
  message?: string;
  testId?: string;
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId} data-rows={result.rows}>
      <Alert
        type="success"
        showIcon
        closable={onClose !== undefined}
        onClose={onClose}
        message={message ?? t('exportDialog.done', { count: result.rows ?? 0 })}
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
