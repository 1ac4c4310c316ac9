import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../backend/Backend';
import type { OrdersPage as OrdersPageDto, ShopDto } from '../../bindings';
import { order, shop, syncProgress, syncStatus } from '../../test/fixtures';
import { renderIn } from '../../test/render';
import { OrdersPage } from './OrdersPage';

/** An engine whose first sync is under way: no order at the first call, one more order at each call after. */
function syncingBackend() {
  let calls = 0;
  const listOrders = vi.fn(async (): Promise<OrdersPageDto> => {
    const orders = Array.from({ length: calls }, (_, i) => order({ id: i + 1, number: `#${1001 + i}` }));
    calls += 1;
    return { total: orders.length, orders };
  });
  const backend = new Proxy({ listOrders } as unknown as Backend, {
    get: (target, command) =>
      command in target ? target[command as keyof Backend] : () => Promise.reject(new Error(`unexpected ${String(command)}`)),
  });
  return { backend, listOrders };
}

const running: ShopDto = shop({ sync: syncStatus({ running: true, orders_count: 0, progress: syncProgress({ orders: 100 }) }) });
const idle: ShopDto = shop({ sync: syncStatus({ orders_count: 0 }) });

describe('OrdersPage', () => {
  it('refetches the orders every 2 s while a shop syncs, so they show as they arrive', async () => {
    const { backend, listOrders } = syncingBackend();
    renderIn('en', <OrdersPage shops={[running]} />, backend);

    await waitFor(() => expect(listOrders).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('#1001', undefined, { timeout: 5_000 }), 'an order that arrived mid-sync').toBeInTheDocument();
    expect(screen.queryByText('No data')).toBeNull();
  });

  it('does not poll while no shop syncs', async () => {
    const { backend, listOrders } = syncingBackend();
    renderIn('en', <OrdersPage shops={[idle]} />, backend);

    await waitFor(() => expect(listOrders).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(listOrders).toHaveBeenCalledTimes(1);
    expect(screen.getAllByText('No data').length).toBeGreaterThan(0);
  });

  it('refetches once more when the sync ends', async () => {
    const { backend, listOrders } = syncingBackend();
    function SyncThatEnds() {
      const [shops, setShops] = useState([running]);
      return (
        <>
          <button onClick={() => setShops([idle])}>end the sync</button>
          <OrdersPage shops={shops} />
        </>
      );
    }
    renderIn('en', <SyncThatEnds />, backend);
    await waitFor(() => expect(listOrders).toHaveBeenCalledTimes(1));

    fireEvent.click(screen.getByText('end the sync'));
    await waitFor(() => expect(listOrders, 'at once, not at the next 2 s tick').toHaveBeenCalledTimes(2), { timeout: 1_000 });
  });
});
