import { Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { WarrantyUnitDto } from '../../bindings';
import { Muted, Stack } from '../Cell';
import { DASH } from '../dash';
import { StageTag } from './StageTag';
import { UnitActionButtons, type UnitAction } from './UnitActionButtons';
import { UnitCover } from './UnitCover';
import { UnitSerial } from './UnitSerial';
import { UnitStart } from './UnitStart';
import { UnitStatusTag } from './UnitStatusTag';
import { WIDE_TABLE } from '../wideTable';

export type UnitsTableProps = {
  units: WarrantyUnitDto[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
  onAction: (unit: WarrantyUnitDto, action: UnitAction) => void;
};

/** One page of the warranty ledger, newest sale first, with server-side pagination. */
export function UnitsTable({ units, total, page, pageSize, loading, onPageChange, onAction }: UnitsTableProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<WarrantyUnitDto> = [
    { title: t('warranty.units.column.serial'), key: 'serial', render: (_, unit) => <UnitSerial serial={unit.serial} /> },
    {
      title: t('warranty.units.column.product'),
      key: 'product',
      render: (_, unit) => (
        <Stack>
          <span>{unit.title}</span>
          {unit.sku !== null && <Muted>{unit.sku}</Muted>}
        </Stack>
      ),
    },
    {
      title: t('warranty.units.column.order'),
      key: 'order',
      render: (_, unit) => (
        <Stack>
          <span>{unit.order_number ?? DASH}</span>
          <Muted>{unit.shop}</Muted>
        </Stack>
      ),
    },
    { title: t('warranty.units.column.buyer'), key: 'buyer', render: (_, unit) => unit.buyer_name ?? DASH },
    { title: t('warranty.units.column.start'), key: 'start', render: (_, unit) => <UnitStart unit={unit} stacked /> },
    { title: t('warranty.units.column.lastDay'), key: 'lastDay', render: (_, unit) => <UnitCover unit={unit} stacked /> },
    { title: t('warranty.units.column.status'), key: 'status', render: (_, unit) => <UnitStatusTag status={unit.status} /> },
    {
      title: t('warranty.units.column.stage'),
      key: 'stage',
      render: (_, unit) => (unit.status === 'in' && unit.stage !== null ? <StageTag stage={unit.stage} /> : DASH),
    },
    {
      title: t('warranty.units.column.actions'),
      key: 'actions',
      render: (_, unit) => <UnitActionButtons unit={unit} onAction={onAction} />,
    },
  ];
  return (
    <Table<WarrantyUnitDto>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={units}
      loading={loading}
      className={WIDE_TABLE}
      locale={{ emptyText: t('warranty.units.empty') }}
      onRow={(unit) => rowProps(unit)}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (count) => t('warranty.units.total', { count }),
        onChange: onPageChange,
      }}
    />
  );
}

/** Row attributes: a table row takes data attributes, which `HTMLAttributes` does not list. */
type RowAttributes = HTMLAttributes<HTMLElement> & { [attribute: `data-${string}`]: string | number };

function rowProps(unit: WarrantyUnitDto): RowAttributes {
  return { 'data-testid': 'warranty-unit-row', 'data-unit-id': unit.id };
}
