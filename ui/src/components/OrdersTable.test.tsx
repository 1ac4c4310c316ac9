import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { order } from '../test/fixtures';
import { renderIn } from '../test/render';
import { OrdersTable, type OrdersTableProps } from './OrdersTable';

const orders = [
  order(),
  order({
    id: 2,
    number: '#1002',
    buyer_name: null,
    financial_status: 'partially_refunded',
    fulfillment_status: 'fulfilled',
    total: '88.80',
    refunded: '20.10',
    currency: 'CNY',
  }),
  order({ id: 3, number: '#1003', financial_status: 'chargeback', fulfillment_status: 'restocked' }),
];

function props(overrides: Partial<OrdersTableProps> = {}): OrdersTableProps {
  return {
    orders,
    total: 1234,
    page: 1,
    pageSize: 20,
    loading: false,
    onPageChange: () => undefined,
    onOpen: () => undefined,
    ...overrides,
  };
}

function rowOf(orderId: number): HTMLElement {
  const row = document.querySelector<HTMLElement>(`tbody tr[data-row-key="${orderId}"]`);
  if (row === null) throw new Error(`no row for order ${orderId}`);
  return row;
}

describe('OrdersTable', () => {
  it('renders one row per order, keyed by id, in English', () => {
    renderIn('en', <OrdersTable {...props()} />);

    expect(document.querySelectorAll('tbody tr[data-row-key]'), 'one row per order').toHaveLength(3);
    expect(screen.getByRole('columnheader', { name: 'Order No.' })).toBeInTheDocument();
    expect(screen.getByText('1,234 orders'), 'the total comes from the engine, not the page').toBeInTheDocument();

    const first = within(rowOf(1));
    expect(first.getByText('$1,299.00'), 'money in the order currency').toBeInTheDocument();
    expect(first.getByText('Paid')).toBeInTheDocument();
    expect(first.getByText('Unfulfilled'), 'Shopify sends null for unfulfilled').toBeInTheDocument();
    expect(first.getByText('Ada Lovelace')).toBeInTheDocument();

    const second = within(rowOf(2));
    expect(second.getByText('CN¥88.80')).toBeInTheDocument();
    expect(second.getByText('CN¥20.10'), 'a refund shows its amount').toBeInTheDocument();
    expect(second.getByText('Partially refunded')).toBeInTheDocument();
    expect(second.getByText('Fulfilled')).toBeInTheDocument();

    const third = within(rowOf(3));
    expect(third.getByText('chargeback'), 'an unknown status is shown as sent').toBeInTheDocument();
    expect(third.getByText('Restocked')).toBeInTheDocument();
  });

  it('renders the same orders in Chinese', () => {
    renderIn('zh-CN', <OrdersTable {...props()} />);

    expect(screen.getByRole('columnheader', { name: '订单号' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: '订单金额' })).toBeInTheDocument();
    expect(screen.getByText('共 1,234 条')).toBeInTheDocument();

    const first = within(rowOf(1));
    expect(first.getByText('US$1,299.00'), 'dollars are marked as US dollars in Chinese').toBeInTheDocument();
    expect(first.getByText('已付款')).toBeInTheDocument();
    expect(first.getByText('未发货')).toBeInTheDocument();
    expect(first.getByText(/2025年3月4日/), 'the date as Chinese writes it').toBeInTheDocument();

    const second = within(rowOf(2));
    expect(second.getByText('¥88.80')).toBeInTheDocument();
    expect(second.getByText('部分退款')).toBeInTheDocument();
    expect(second.getByText('已发货')).toBeInTheDocument();
  });

  it('opens the order whose row is clicked, and asks for another page', () => {
    const onOpen = vi.fn();
    const onPageChange = vi.fn();
    renderIn('en', <OrdersTable {...props({ onOpen, onPageChange })} />);

    fireEvent.click(within(rowOf(2)).getByText('#1002'));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 2 }));

    fireEvent.click(screen.getByTitle('2'));
    expect(onPageChange, 'page 2 of the server-side pages').toHaveBeenCalledWith(2, 20);
  });
});
