import { ShopOutlined, StopOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShopDto } from '../bindings';
import { ShopSyncStatus } from './ShopSyncStatus';

export type SyncStatusBarProps = {
  shops: ShopDto[];
  /** A sync of all shops was asked for and has not answered yet. */
  syncing: boolean;
  /** The shop whose cancel was asked for and has not answered yet. */
  cancellingShopId: number | null;
  onSyncNow: () => void;
  onCancel: (shop: ShopDto) => void;
};

/** One line per shop with its sync status (and Cancel while it runs), and the button that syncs them all. */
export function SyncStatusBar({ shops, syncing, cancellingShopId, onSyncNow, onCancel }: SyncStatusBarProps) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" gap="middle" wrap>
      <Flex vertical gap={8} style={{ flex: '1 1 0', minWidth: 0 }}>
        {shops.map((shop) => (
          <Space key={shop.id} size="middle" wrap data-testid={`sync-status-${shop.id}`}>
            <Typography.Text strong>
              <ShopOutlined /> {shop.name}
            </Typography.Text>
            <Typography.Text type="secondary">{t('sync.ordersStored', { count: shop.sync.orders_count })}</Typography.Text>
            <ShopSyncStatus sync={shop.sync} platform={shop.platform} syncing={syncing} />
            {shop.sync.running && (
              <Button size="small" icon={<StopOutlined />} loading={shop.id === cancellingShopId} onClick={() => onCancel(shop)}>
                {t('sync.cancel')}
              </Button>
            )}
          </Space>
        ))}
      </Flex>
      <Button icon={<SyncOutlined />} loading={syncing} onClick={onSyncNow}>
        {t('sync.now')}
      </Button>
    </Flex>
  );
}
