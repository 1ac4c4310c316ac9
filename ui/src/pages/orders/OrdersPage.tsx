import { Card, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopDto } from '../../bindings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrdersTable } from '../../components/OrdersTable';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import { useKeysetPaging } from '../../hooks/useKeysetPaging';
import { useOrders } from '../../hooks/useOrders';
import { useSyncActions } from '../useSyncActions';
import { OrderDrawer } from './OrderDrawer';

const DEFAULT_PAGE_SIZE = 20;
const ALL_SHOPS = 'all';

/**
 * Orders of all shops (or one), searchable and paged on the engine side, with the sync status on top; while a shop
 * syncs, the page fills as its orders arrive.
 */
export function OrdersPage({ shops }: { shops: ShopDto[] }) {
  const { t } = useTranslation();
  const [shopId, setShopId] = useState<number | null>(null);
  const [search, setSearch] = useState<string | null>(null);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const [shownOrderId, setShownOrderId] = useState<number | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const syncActions = useSyncActions();
  const syncing = syncActions.pending !== null || shops.some((shop) => shop.sync.running);
  const paging = useKeysetPaging(pageSize, JSON.stringify({ shopId, search, pageSize }));
  const { page, remember } = paging;
  const orders = useOrders({ shop_id: shopId, search, limit: pageSize, ...paging.position }, { syncing });
  const loaded = orders.data !== undefined && !orders.isPlaceholderData ? orders.data : null;
  useEffect(() => {
    if (loaded !== null) {
      remember(page, loaded.next_after);
    }
  }, [loaded, page, remember]);

  return (
    <Flex vertical gap="middle">
      <Card size="small">
        <SyncStatusBar
          shops={shops}
          syncing={syncActions.pending === 'all'}
          cancellingShopId={syncActions.cancellingShopId}
          onSyncNow={() => syncActions.sync(null)}
          onCancel={(shop) => syncActions.cancel(shop.id)}
        />
      </Card>
      <Card>
        <Flex vertical gap="middle">
          <Flex gap="middle" wrap>
            <Input.Search
              allowClear
              placeholder={t('orders.searchPlaceholder')}
              style={{ maxWidth: 360 }}
              onSearch={(value) => {
                setSearch(value.trim() === '' ? null : value.trim());
              }}
            />
            {shops.length > 1 && (
              <Select<number | typeof ALL_SHOPS>
                value={shopId ?? ALL_SHOPS}
                style={{ minWidth: 200 }}
                onChange={(value) => {
                  setShopId(value === ALL_SHOPS ? null : value);
                }}
                options={[
                  { value: ALL_SHOPS, label: t('orders.allShops') },
                  ...shops.map((shop) => ({ value: shop.id, label: shop.name })),
                ]}
              />
            )}
          </Flex>
          {orders.error !== null && <ErrorAlert error={orders.error} />}
          <OrdersTable
            orders={orders.data?.orders ?? []}
            total={orders.data?.total ?? 0}
            page={page}
            pageSize={pageSize}
            // Not on the refetches while a sync runs: the rows stay put and new ones appear.
            loading={orders.isLoading || orders.isPlaceholderData}
            onPageChange={(nextPage, nextPageSize) => {
              paging.setPage(nextPageSize === pageSize ? nextPage : 1);
              setPageSize(nextPageSize);
            }}
            onOpen={(order) => {
              setShownOrderId(order.id);
              setDrawerOpen(true);
            }}
          />
        </Flex>
      </Card>
      <OrderDrawer orderId={shownOrderId} open={drawerOpen} onClose={() => setDrawerOpen(false)} />
    </Flex>
  );
}
