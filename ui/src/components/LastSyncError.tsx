import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../bindings';
import { syncErrorHintKey } from './syncProgress';

/** The last sync's error in red, in the engine's words, with what to check when the code suggests something. */
export function LastSyncError({ message, code }: { message: string; code: ErrorCode | null }) {
  const { t } = useTranslation();
  const hint = syncErrorHintKey(code);
  return (
    <Flex vertical data-testid="last-sync-error">
      <Typography.Text type="danger">
        <ExclamationCircleOutlined /> {t('sync.lastError', { error: message })}
      </Typography.Text>
      {hint !== null && <Typography.Text type="secondary">{t(hint)}</Typography.Text>}
    </Flex>
  );
}
