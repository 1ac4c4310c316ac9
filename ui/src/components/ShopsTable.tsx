import type { ReactNode } from 'react';
import { Badge, Flex, Table, Tooltip, Typography, theme, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShopDto } from '../bindings';
import { useFormat } from '../i18n/useFormat';
import { LastSyncError } from './LastSyncError';
import { PlatformTag } from './PlatformTag';
import { ShopActions } from './ShopActions';
import { SyncProgress } from './SyncProgress';
import { SyncIssuesSummary, hasSyncIssues } from './SyncIssues';

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
  /** What the expanded row shows of the records a shop's syncs set aside (the page reads them when opened). */
  renderSyncIssues: (shop: ShopDto) => ReactNode;
};

/** A failed last sync whose details the expanded row shows. */
const hasError = (shop: ShopDto) => shop.sync.last_error !== null && !shop.sync.running;
/** What the expanded row has to show: a failed sync's story, the records set aside, or both. */
const hasDetails = (shop: ShopDto) => hasError(shop) || hasSyncIssues(shop);

/** The shop's name, under it its platform and its address (both cut with …, whole on hover). */
function ShopName({ shop }: { shop: ShopDto }) {
  const { token } = theme.useToken();
  return (
    <Flex vertical style={{ minWidth: 0 }}>
      <Typography.Text ellipsis={{ tooltip: shop.name }}>{shop.name}</Typography.Text>
      <Flex align="center">
        <PlatformTag platform={shop.platform} />
        <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }} ellipsis={{ tooltip: shop.base_url }}>
          {shop.base_url}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}

/** What a shop's sync is doing: its progress while running, else its last error in two lines, else whether it ever synced. */
function SyncState({ shop, syncing }: { shop: ShopDto; syncing: boolean }) {
  const { t } = useTranslation();
  const { sync } = shop;
  if (sync.running || syncing) {
    return <SyncProgress progress={sync.progress} />;
  }
  if (sync.last_error !== null) {
    return <LastSyncError message={sync.last_error} code={sync.last_error_code} platform={shop.platform} compact />;
  }
  return sync.last_success_at !== null ? (
    <Badge status="success" text={t('sync.ok')} />
  ) : (
    <Badge status="default" text={t('sync.never')} />
  );
}

/** The whole story of a failed sync, in the expanded row: headline, hint, the engine's message and when it was tried. */
function SyncErrorDetails({ shop }: { shop: ShopDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { sync } = shop;
  return (
    <Flex vertical gap={4} data-testid="sync-error-details">
      <LastSyncError message={sync.last_error ?? ''} code={sync.last_error_code} platform={shop.platform} />
      {sync.last_attempt_at !== null && (
        <Typography.Text type="secondary">{t('sync.lastAttempt', { time: format.relative(sync.last_attempt_at) })}</Typography.Text>
      )}
    </Flex>
  );
}

/**
 * The connected shops with their sync status, and per shop: sync now or cancel, edit, remove. Fixed column widths
 * keep it within 1280 px without scrolling; a failed sync's full story is in the row's expansion.
 */
export function ShopsTable(props: ShopsTableProps) {
  const { shops, syncingShopId, cancellingShopId, removingShopId, onSync, onCancel, onEdit, onRemove, renderSyncIssues } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const columns: TableColumnsType<ShopDto> = [
    { title: t('shops.shop'), key: 'shop', width: 224, render: (_, shop) => <ShopName shop={shop} /> },
    { title: t('shops.currency'), key: 'currency', dataIndex: 'currency', width: 92 },
    { title: t('shops.orders'), key: 'orders', align: 'right', width: 80, render: (_, shop) => format.count(shop.sync.orders_count) },
    {
      title: t('shops.status'),
      key: 'status',
      render: (_, shop) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <SyncState shop={shop} syncing={shop.id === syncingShopId} />
          {hasSyncIssues(shop) && <SyncIssuesSummary shop={shop} />}
        </Flex>
      ),
    },
    {
      title: t('shops.lastSuccess'),
      key: 'last_success',
      width: 160,
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
      width: 96,
      render: (_, shop) => (
        <ShopActions
          shop={shop}
          syncing={shop.id === syncingShopId}
          cancelling={shop.id === cancellingShopId}
          removing={shop.id === removingShopId}
          onSync={() => onSync(shop)}
          onCancel={() => onCancel(shop)}
          onEdit={() => onEdit(shop)}
          onRemove={() => onRemove(shop)}
        />
      ),
    },
  ];
  return (
    <Table<ShopDto>
      rowKey="id"
      size="middle"
      tableLayout="fixed"
      columns={columns}
      dataSource={shops}
      pagination={false}
      expandable={{
        columnWidth: 32,
        rowExpandable: hasDetails,
        expandedRowRender: (shop) => (
          <Flex vertical gap={12}>
            {hasError(shop) && <SyncErrorDetails shop={shop} />}
            {hasSyncIssues(shop) && renderSyncIssues(shop)}
          </Flex>
        ),
      }}
    />
  );
}
