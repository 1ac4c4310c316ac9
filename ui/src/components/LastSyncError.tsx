import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ErrorCode, Platform } from '../bindings';
import { ErrorDetail } from './ErrorDetail';
import { syncErrorHeadlineKey, syncErrorHintKey } from './syncError';

export type LastSyncErrorProps = {
  /** The engine's message (English, technical). */
  message: string;
  code: ErrorCode | null;
  platform: Platform;
  /** Two lines at most, each cut with … and whole on hover: the headline, then the hint (or the message). */
  compact?: boolean;
};

/**
 * A failed sync: a headline chosen by its code in red, what to do on the shop's platform, and the engine's
 * message small and grey.
 */
export function LastSyncError({ message, code, platform, compact = false }: LastSyncErrorProps) {
  const { t } = useTranslation();
  const headline = t(syncErrorHeadlineKey(code));
  const hintKey = syncErrorHintKey(code, platform);
  const hint = hintKey === null ? null : t(hintKey);
  const cut = (text: string) => (compact ? { tooltip: text } : false);
  return (
    <Flex vertical data-testid="last-sync-error" style={{ minWidth: 0 }}>
      <Typography.Text type="danger" ellipsis={cut(headline)}>
        <ExclamationCircleOutlined /> {headline}
      </Typography.Text>
      {hint !== null && (
        <Typography.Text type="secondary" ellipsis={cut(hint)}>
          {hint}
        </Typography.Text>
      )}
      {(!compact || hint === null) && <ErrorDetail message={message} ellipsis={compact} />}
    </Flex>
  );
}
