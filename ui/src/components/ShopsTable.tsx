import { SyncOutlined } from '@ant-design/icons';
import { Button, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShopDto } from '../bindings';
import { useFormat } from '../i18n/useFormat';
import { ShopSyncStatus } from './ShopSyncStatus';

type ShopsTableProps = {
  shops: ShopDto[];
  /** The shop whose sync was asked for and has not answered yet. */
  syncingShopId: number | null;
  onSync: (shopId: number) => void;
};

/** The connected shops with their sync status and a sync button each. */
export function ShopsTable({ shops, syncingShopId, onSync }: ShopsTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns: TableColumnsType<ShopDto> = [
    { title: t('shops.name'), key: 'name', dataIndex: 'name' },
    { title: t('shops.platform'), key: 'platform', render: (_, shop) => t(`platform.${shop.platform}`) },
    { title: t('shops.url'), key: 'base_url', dataIndex: 'base_url' },
    { title: t('shops.currency'), key: 'currency', dataIndex: 'currency' },
    {
      title: t('shops.orders'),
      key: 'orders',
      align: 'right',
      render: (_, shop) => format.count(shop.sync.orders_count),
    },
    {
      title: t('shops.status'),
      key: 'status',
      render: (_, shop) => <ShopSyncStatus sync={shop.sync} syncing={shop.id === syncingShopId} />,
    },
    {
      title: t('shops.actions'),
      key: 'actions',
      render: (_, shop) => (
        <Button
          size="small"
          icon={<SyncOutlined />}
          loading={shop.id === syncingShopId}
          disabled={shop.sync.running}
          onClick={() => onSync(shop.id)}
        >
          {t('sync.shop')}
        </Button>
      ),
    },
  ];
  return <Table<ShopDto> rowKey="id" columns={columns} dataSource={shops} pagination={false} scroll={{ x: 'max-content' }} />;
}
