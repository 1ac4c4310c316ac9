import { Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopDto, UnitStatus, WarrantyUnitDto } from '../../bindings';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { UnitAction } from '../../components/warranty/UnitActionButtons';
import { UNIT_STATUSES } from '../../components/warranty/unitStatuses';
import { UnitsTable } from '../../components/warranty/UnitsTable';
import { useKeysetPaging } from '../../hooks/useKeysetPaging';
import { useWarrantyUnits } from '../../hooks/useWarrantyUnits';

const DEFAULT_PAGE_SIZE = 20;
const ALL = 'all';

/** The warranty ledger, searchable and filtered by status and shop, paged on the engine side. */
export function UnitsTab({ shops, onAction }: { shops: ShopDto[]; onAction: (unit: WarrantyUnitDto, action: UnitAction) => void }) {
  const { t } = useTranslation();
  const [shopId, setShopId] = useState<number | null>(null);
  const [status, setStatus] = useState<UnitStatus | null>(null);
  const [search, setSearch] = useState<string | null>(null);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const paging = useKeysetPaging(pageSize, JSON.stringify({ shopId, status, search, pageSize }));
  const { page, remember } = paging;
  const units = useWarrantyUnits({ shop_id: shopId, status, search, limit: pageSize, ...paging.position });
  const loaded = units.data !== undefined && !units.isPlaceholderData ? units.data : null;
  useEffect(() => {
    if (loaded !== null) {
      remember(page, loaded.next_after);
    }
  }, [loaded, page, remember]);

  return (
    <Flex vertical gap="middle">
      <Flex gap="middle" wrap>
        <Input.Search
          allowClear
          placeholder={t('warranty.units.searchPlaceholder')}
          aria-label={t('warranty.units.searchPlaceholder')}
          style={{ maxWidth: 360 }}
          data-testid="warranty-units-search"
          onSearch={(value) => {
            setSearch(value.trim() === '' ? null : value.trim());
          }}
        />
        <Select<UnitStatus | typeof ALL>
          value={status ?? ALL}
          style={{ minWidth: 170 }}
          aria-label={t('warranty.units.status')}
          data-testid="warranty-units-status"
          onChange={(value) => {
            setStatus(value === ALL ? null : value);
          }}
          options={[
            { value: ALL, label: t('warranty.units.allStatuses') },
            ...UNIT_STATUSES.map((value) => ({ value, label: t(`warranty.status.${value}`) })),
          ]}
        />
        {shops.length > 1 && (
          <Select<number | typeof ALL>
            value={shopId ?? ALL}
            style={{ minWidth: 200 }}
            aria-label={t('warranty.units.shop')}
            onChange={(value) => {
              setShopId(value === ALL ? null : value);
            }}
            options={[{ value: ALL, label: t('warranty.units.allShops') }, ...shops.map((shop) => ({ value: shop.id, label: shop.name }))]}
          />
        )}
      </Flex>
      {units.error !== null && <ErrorAlert error={units.error} />}
      <UnitsTable
        units={units.data?.units ?? []}
        total={units.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={units.isLoading || units.isPlaceholderData}
        onPageChange={(nextPage, nextPageSize) => {
          paging.setPage(nextPageSize === pageSize ? nextPage : 1);
          setPageSize(nextPageSize);
        }}
        onAction={onAction}
      />
    </Flex>
  );
}
