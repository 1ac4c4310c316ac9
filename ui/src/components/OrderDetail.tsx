import { Button, Descriptions, Flex, Table, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDto, OrderLineDto, RefundDto } from '../bindings';
import { DASH } from './dash';
import { DateTime } from './DateTime';
import { Money } from './Money';
import { FinancialStatusTag, FulfillmentStatusTag } from './StatusTags';

type OrderDetailProps = {
  order: OrderDto;
  /** Offered on each line: start an after-sales case on it. */
  onAfterSales?: (line: OrderLineDto) => void;
  /** Shown under the items (what after-sales each line allows). */
  afterLines?: ReactNode;
  /** Shown for the delivery method instead of its name, e.g. a control to set it. */
  deliveryMethod?: ReactNode;
};

/** Everything synced about one order: statuses, buyer, times, items and refunds. */
export function OrderDetail({ order, onAfterSales, afterLines, deliveryMethod }: OrderDetailProps) {
  const { t } = useTranslation();
  const lineColumns: TableColumnsType<OrderLineDto> = [
    { title: t('order.lineSku'), key: 'sku', render: (_, line) => line.sku ?? DASH },
    { title: t('order.lineTitle'), key: 'title', dataIndex: 'title' },
    { title: t('order.lineQuantity'), key: 'quantity', dataIndex: 'quantity', align: 'right' },
    {
      title: t('order.linePrice'),
      key: 'price',
      align: 'right',
      render: (_, line) => <Money amount={line.price} currency={order.currency} />,
    },
  ];
  if (onAfterSales !== undefined) {
    lineColumns.push({
      title: t('order.lineActions'),
      key: 'actions',
      render: (_, line) => (
        <Button size="small" data-testid="order-line-aftersales" onClick={() => onAfterSales(line)}>
          {t('order.afterSales')}
        </Button>
      ),
    });
  }
  const refundColumns: TableColumnsType<RefundDto> = [
    {
      title: t('order.refundAmount'),
      key: 'amount',
      align: 'right',
      render: (_, refund) => <Money amount={refund.amount} currency={order.currency} />,
    },
    { title: t('order.refundTime'), key: 'created_at', render: (_, refund) => <DateTime value={refund.created_at} /> },
    { title: t('order.refundNote'), key: 'note', render: (_, refund) => refund.note ?? DASH },
  ];
  return (
    <Flex vertical gap={24}>
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label={t('order.shop')}>{order.shop}</Descriptions.Item>
        <Descriptions.Item label={t('order.financialStatus')}>
          <FinancialStatusTag status={order.financial_status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('order.total')}>
          <Money amount={order.total} currency={order.currency} />
        </Descriptions.Item>
        <Descriptions.Item label={t('order.fulfillmentStatus')}>
          <FulfillmentStatusTag status={order.fulfillment_status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('order.refunded')}>
          <Money amount={order.refunded} currency={order.currency} refund />
        </Descriptions.Item>
        <Descriptions.Item label={t('order.deliveryMethod')}>
          <span data-testid="order-delivery-method" data-method={order.delivery_method}>
            {deliveryMethod ?? t(`order.delivery.${order.delivery_method}`)}
          </span>
        </Descriptions.Item>
      </Descriptions>
      <Descriptions title={t('order.buyer')} size="small" bordered column={2}>
        <Descriptions.Item label={t('order.buyerName')}>{order.buyer_name ?? DASH}</Descriptions.Item>
        <Descriptions.Item label={t('order.buyerPhone')}>{order.buyer_phone ?? DASH}</Descriptions.Item>
        <Descriptions.Item label={t('order.buyerAddress')} span={2}>
          {order.buyer_address ?? DASH}
        </Descriptions.Item>
      </Descriptions>
      <Descriptions title={t('order.timeline')} size="small" bordered column={2}>
        <Descriptions.Item label={t('order.createdAt')}>
          <DateTime value={order.created_at} />
        </Descriptions.Item>
        <Descriptions.Item label={t('order.paidAt')}>
          <DateTime value={order.paid_at} />
        </Descriptions.Item>
        <Descriptions.Item label={t('order.shippedAt')}>
          <DateTime value={order.shipped_at} />
        </Descriptions.Item>
        <Descriptions.Item label={t('order.deliveredAt')}>
          <DateTime value={order.delivered_at} />
        </Descriptions.Item>
        <Descriptions.Item label={t('order.closedAt')}>
          <DateTime value={order.closed_at} />
        </Descriptions.Item>
        <Descriptions.Item label={t('order.cancelledAt')}>
          <DateTime value={order.cancelled_at} />
        </Descriptions.Item>
      </Descriptions>
      <div data-testid="order-lines">
        <Typography.Title level={5}>{t('order.lines')}</Typography.Title>
        <Table<OrderLineDto>
          rowKey="external_id"
          size="small"
          columns={lineColumns}
          dataSource={order.lines}
          pagination={false}
        />
      </div>
      {afterLines}
      <div data-testid="order-refunds">
        <Typography.Title level={5}>{t('order.refunds')}</Typography.Title>
        <Table<RefundDto>
          rowKey="external_id"
          size="small"
          columns={refundColumns}
          dataSource={order.refunds}
          pagination={false}
          locale={{ emptyText: t('order.noRefunds') }}
        />
      </div>
    </Flex>
  );
}
