import { Table, type TableColumnsType } from 'antd';
import { LinkText } from './Cell';
import { useTranslation } from 'react-i18next';
import type { OrderDto } from '../bindings';
import { DASH } from './dash';
import { DateTime } from './DateTime';
import { Money } from './Money';
import { FinancialStatusTag, FulfillmentStatusTag } from './StatusTags';
import { WIDE_TABLE } from './wideTable';

export type OrdersTableProps = {
  orders: OrderDto[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (order: OrderDto) => void;
};

/** One page of orders with server-side pagination; a click on a row opens it. */
export function OrdersTable({ orders, total, page, pageSize, loading, onPageChange, onOpen }: OrdersTableProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<OrderDto> = [
    {
      title: t('orders.column.number'),
      key: 'number',
      render: (_, order) => <LinkText>{order.number}</LinkText>,
    },
    { title: t('orders.column.shop'), key: 'shop', dataIndex: 'shop' },
    { title: t('orders.column.buyer'), key: 'buyer', render: (_, order) => order.buyer_name ?? DASH },
    {
      title: t('orders.column.financialStatus'),
      key: 'financial_status',
      render: (_, order) => <FinancialStatusTag status={order.financial_status} />,
    },
    {
      title: t('orders.column.fulfillmentStatus'),
      key: 'fulfillment_status',
      render: (_, order) => <FulfillmentStatusTag status={order.fulfillment_status} />,
    },
    {
      title: t('orders.column.total'),
      key: 'total',
      align: 'right',
      render: (_, order) => <Money amount={order.total} currency={order.currency} />,
    },
    {
      title: t('orders.column.refunded'),
      key: 'refunded',
      align: 'right',
      render: (_, order) => <Money amount={order.refunded} currency={order.currency} refund />,
    },
    {
      title: t('orders.column.createdAt'),
      key: 'created_at',
      render: (_, order) => <DateTime value={order.created_at} />,
    },
  ];
  return (
    <Table<OrderDto>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={orders}
      loading={loading}
      className={WIDE_TABLE}
      onRow={(order) => ({ onClick: () => onOpen(order), style: { cursor: 'pointer' } })}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (count) => t('orders.total', { count }),
        onChange: onPageChange,
      }}
    />
  );
}
