import { ShopOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShopDto } from '../bindings';
import { ShopSyncStatus } from './ShopSyncStatus';

type SyncStatusBarProps = {
  shops: ShopDto[];
  /** A sync of all shops was asked for and has not answered yet. */
  syncing: boolean;
  onSyncNow: () => void;
};

/** One line per shop with its sync status, and the button that syncs them all. */
export function SyncStatusBar({ shops, syncing, onSyncNow }: SyncStatusBarProps) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" gap="middle" wrap>
      <Flex vertical gap={4}>
        {shops.map((shop) => (
          <Space key={shop.id} size="middle" wrap>
            <Typography.Text strong>
              <ShopOutlined /> {shop.name}
            </Typography.Text>
            <Typography.Text type="secondary">{t('sync.ordersCount', { count: shop.sync.orders_count })}</Typography.Text>
            <ShopSyncStatus sync={shop.sync} syncing={syncing} />
          </Space>
        ))}
      </Flex>
      <Button icon={<SyncOutlined />} loading={syncing} onClick={onSyncNow}>
        {t('sync.now')}
      </Button>
    </Flex>
  );
}
