import { DeleteOutlined, EditOutlined, StopOutlined, SyncOutlined } from '@ant-design/icons';
import { Badge, Button, Popconfirm, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShopDto } from '../bindings';
import { useFormat } from '../i18n/useFormat';
import { LastSyncError } from './LastSyncError';
import { PlatformTag } from './PlatformTag';
import { SyncProgress } from './SyncProgress';

export type ShopsTableProps = {
  shops: ShopDto[];
  /** The shop whose sync was asked for here and has not answered yet. */
  syncingShopId: number | null;
  /** The shop whose cancel was asked for and has not answered yet. */
  cancellingShopId: number | null;
  /** The shop being removed. */
  removingShopId: number | null;
  onSync: (shop: ShopDto) => void;
  onCancel: (shop: ShopDto) => void;
  onEdit: (shop: ShopDto) => void;
  onRemove: (shop: ShopDto) => void;
};

/** What a shop's sync is doing: its progress while running, else its last error, else whether it ever synced. */
function SyncState({ shop, syncing }: { shop: ShopDto; syncing: boolean }) {
  const { t } = useTranslation();
  const { sync } = shop;
  if (sync.running || syncing) {
    return <SyncProgress progress={sync.progress} />;
  }
  if (sync.last_error !== null) {
    return <LastSyncError message={sync.last_error} code={sync.last_error_code} />;
  }
  return sync.last_success_at !== null ? (
    <Badge status="success" text={t('sync.ok')} />
  ) : (
    <Badge status="default" text={t('sync.never')} />
  );
}

/** The connected shops with their sync status, and per shop: sync now or cancel, edit, remove. */
export function ShopsTable(props: ShopsTableProps) {
  const { shops, syncingShopId, cancellingShopId, removingShopId, onSync, onCancel, onEdit, onRemove } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const columns: TableColumnsType<ShopDto> = [
    { title: t('shops.name'), key: 'name', dataIndex: 'name' },
    { title: t('shops.platform'), key: 'platform', render: (_, shop) => <PlatformTag platform={shop.platform} /> },
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
      render: (_, shop) => <SyncState shop={shop} syncing={shop.id === syncingShopId} />,
    },
    {
      title: t('shops.lastSuccess'),
      key: 'last_success',
      render: (_, shop) =>
        shop.sync.last_success_at === null ? (
          <Typography.Text type="secondary">{t('sync.never')}</Typography.Text>
        ) : (
          <Tooltip title={format.dateTime(shop.sync.last_success_at)}>
            <span>{format.relative(shop.sync.last_success_at)}</span>
          </Tooltip>
        ),
    },
    {
      title: t('shops.actions'),
      key: 'actions',
      render: (_, shop) => (
        <Space size="small">
          {shop.sync.running ? (
            <Button size="small" icon={<StopOutlined />} loading={shop.id === cancellingShopId} onClick={() => onCancel(shop)}>
              {t('sync.cancel')}
            </Button>
          ) : (
            <Button size="small" icon={<SyncOutlined />} loading={shop.id === syncingShopId} onClick={() => onSync(shop)}>
              {t('sync.now')}
            </Button>
          )}
          <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(shop)}>
            {t('shops.edit')}
          </Button>
          <Popconfirm
            title={t('shops.removeTitle', { name: shop.name })}
            description={<div style={{ maxWidth: 320 }}>{t('shops.removeWarning')}</div>}
            okText={t('shops.remove')}
            okButtonProps={{ danger: true }}
            cancelText={t('app.cancel')}
            onConfirm={() => onRemove(shop)}
          >
            <Button size="small" danger icon={<DeleteOutlined />} loading={shop.id === removingShopId}>
              {t('shops.remove')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return <Table<ShopDto> rowKey="id" columns={columns} dataSource={shops} pagination={false} scroll={{ x: 'max-content' }} />;
}
