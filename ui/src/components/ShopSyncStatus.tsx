import { CheckCircleOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncStatusDto } from '../bindings';
import { useFormat } from '../i18n/useFormat';

/** Whether a shop is syncing, when it last synced, and its last error in red. */
export function ShopSyncStatus({ sync, syncing }: { sync: SyncStatusDto; syncing: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Space size="middle" wrap>
      {syncing || sync.running ? (
        <Typography.Text type="secondary">
          <SyncOutlined spin /> {t('sync.running')}
        </Typography.Text>
      ) : sync.last_success_at === null ? (
        <Typography.Text type="secondary">{t('sync.never')}</Typography.Text>
      ) : (
        <Tooltip title={format.dateTime(sync.last_success_at)}>
          <Typography.Text type="secondary">
            <CheckCircleOutlined /> {t('sync.lastSuccess', { time: format.relative(sync.last_success_at) })}
          </Typography.Text>
        </Tooltip>
      )}
      {sync.last_error !== null && (
        <Typography.Text type="danger">
          <ExclamationCircleOutlined /> {t('sync.lastError', { error: sync.last_error })}
        </Typography.Text>
      )}
    </Space>
  );
}
