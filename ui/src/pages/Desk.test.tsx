import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../backend/Backend';
import type { ShopDto } from '../bindings';
import { order, shop } from '../test/fixtures';
import { renderIn } from '../test/render';
import { Desk } from './Desk';

/** An engine in memory that starts with no shop, like a first start. */
function firstStartBackend() {
  let shops: ShopDto[] = [];
  const orders = [order(), order({ id: 2, number: '#1002', buyer_name: 'Grace Hopper' })];
  const backend: Backend = {
    listShops: vi.fn(async () => shops),
    addShop: vi.fn(async () => Promise.reject({ code: 'internal', message: 'not in this test' })),
    syncShops: vi.fn(async () => []),
    listOrders: vi.fn(async () => ({ total: orders.length, orders })),
    getOrder: vi.fn(async ({ id }) => {
      const found = orders.find((o) => o.id === id);
      return found ?? Promise.reject({ code: 'not_found', message: `order ${id}` });
    }),
    startDemo: vi.fn(async () => {
      shops = [shop()];
      return {
        shop: shops[0]!,
        report: { shop: 'Demo shop', pages: 1, orders_fetched: 2, orders_new: 2, orders_updated: 0, duration_ms: 5 },
      };
    }),
  };
  return backend;
}

describe('Desk', () => {
  it('starts the demo shop from the empty state, then lists its orders and opens one', async () => {
    const backend = firstStartBackend();
    renderIn('en', <Desk />, backend);

    fireEvent.click(await screen.findByText('Try the demo shop'));

    await waitFor(() => expect(document.querySelectorAll('tbody tr[data-row-key]')).toHaveLength(2));
    expect(backend.startDemo).toHaveBeenCalledTimes(1);
    expect(backend.listOrders).toHaveBeenLastCalledWith({ shop_id: null, search: null, limit: 20, offset: 0 });
    expect(screen.queryByText('Welcome to Aftersales Desk'), 'the empty state is gone').toBeNull();

    fireEvent.click(screen.getByText('Grace Hopper'));

    const title = await screen.findByText('Order #1002');
    const lines = within(title.closest<HTMLElement>('.ant-drawer') ?? document.body).getByTestId('order-lines');
    expect(within(lines).getByText('Enamel mug'), 'the drawer lists the order lines').toBeInTheDocument();
    expect(backend.getOrder).toHaveBeenCalledWith({ id: 2 });
  });

  it('searches on the engine side from the first page', async () => {
    const backend = firstStartBackend();
    await backend.startDemo();
    renderIn('zh-CN', <Desk />, backend);

    const search = await screen.findByPlaceholderText('订单号或买家姓名');
    fireEvent.change(search, { target: { value: ' Grace ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });

    await waitFor(() =>
      expect(backend.listOrders).toHaveBeenLastCalledWith({ shop_id: null, search: 'Grace', limit: 20, offset: 0 }),
    );
  });

  it('shows the engine error when the demo cannot start', async () => {
    const backend = firstStartBackend();
    backend.startDemo = vi.fn(async () => Promise.reject({ code: 'precondition', message: 'demo port in use' }));
    renderIn('zh-CN', <Desk />, backend);

    fireEvent.click(await screen.findByText('试用演示店铺'));

    expect(await screen.findByText('demo port in use')).toBeInTheDocument();
    expect(screen.getByText('当前无法执行此操作')).toBeInTheDocument();
  });

  it('switches the language from the header', async () => {
    renderIn('en', <Desk />, firstStartBackend());

    expect(await screen.findByText('Welcome to Aftersales Desk')).toBeInTheDocument();
    const [languageInput] = screen.getAllByLabelText('Language');
    fireEvent.mouseDown(languageInput!.closest('.ant-select')!.querySelector('.ant-select-selector')!);
    fireEvent.click(await screen.findByText('简体中文'));

    expect(await screen.findByText('欢迎使用售后台')).toBeInTheDocument();
    expect(screen.getByText('售后台')).toBeInTheDocument();
  });
});
