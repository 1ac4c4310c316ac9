import { ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopDto } from '../../bindings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportDialog } from '../../components/ExportDialog';
import { useRepairs } from '../../hooks/useRepairs';
import { boardQueries } from './boardQueries';
import { NewRepairDialog } from './NewRepairDialog';
import { RepairDrawer } from './RepairDrawer';
import { RepairsBoard } from './RepairsBoard';
import { text } from './text';

const ALL = 'all';
const EMPTY = { repairs: [], total: 0 };

/** Repair tickets (维修单) of all shops (or one) on a board by status, with a search, new tickets and the export. */
export function RepairsPage({ shops }: { shops: ShopDto[] }) {
  const { t } = useTranslation();
  const [shopId, setShopId] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const [drawer, setDrawer] = useState<{ open: boolean; repairId: number | null }>({ open: false, repairId: null });
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);

  // Two reads, so that old tickets still in the shop are never pushed off the board by the many handed back.
  const queries = boardQueries(shopId, text(search));
  const open = useRepairs(queries.open);
  const done = useRepairs(queries.done);
  const error = open.error ?? done.error;
  const openRepair = (repairId: number) => setDrawer({ open: true, repairId });

  return (
    <Card
      title={t('repairs.title')}
      extra={
        <Flex gap="small">
          <Button icon={<ExportOutlined />} data-testid="repairs-export" onClick={() => setExporting(true)}>
            {t('repairs.export')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} data-testid="repair-new" onClick={() => setCreating(true)}>
            {t('repairs.new.button')}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap="middle">
        <Flex gap="middle" wrap align="center">
          <Input.Search
            allowClear
            placeholder={t('repairs.searchPlaceholder')}
            aria-label={t('repairs.search')}
            style={{ maxWidth: 360 }}
            data-testid="repairs-search"
            onSearch={(value) => setSearch(value)}
            onChange={(event) => {
              // Clearing the box shows everything again without another Enter.
              if (event.target.value === '') setSearch('');
            }}
          />
          {shops.length > 1 && (
            <Flex gap={6} align="center">
              <Typography.Text type="secondary">{t('repairs.filterShop')}</Typography.Text>
              <Select<number | typeof ALL>
                value={shopId ?? ALL}
                style={{ minWidth: 180 }}
                aria-label={t('repairs.filterShop')}
                data-testid="repairs-shop-filter"
                onChange={(value) => setShopId(value === ALL ? null : value)}
                options={[{ value: ALL, label: t('repairs.allShops') }, ...shops.map((shop) => ({ value: shop.id, label: shop.name }))]}
              />
            </Flex>
          )}
        </Flex>
        {error !== null && <ErrorAlert error={error} />}
        <RepairsBoard
          open={open.data ?? EMPTY}
          done={done.data ?? EMPTY}
          loading={open.isLoading || open.isPlaceholderData || done.isLoading || done.isPlaceholderData}
          onOpen={(repair) => openRepair(repair.id)}
        />
      </Flex>
      <RepairDrawer repairId={drawer.repairId} open={drawer.open} onClose={() => setDrawer((current) => ({ ...current, open: false }))} />
      <ExportDialog kind="repairs" open={exporting} onClose={() => setExporting(false)} shops={shops} />
      <NewRepairDialog shops={shops} open={creating} onClose={() => setCreating(false)} onCreated={(detail) => openRepair(detail.repair.id)} />
    </Card>
  );
}
