import type {
  AddShopInput,
  DemoStarted,
  OrderDto,
  OrderIdInput,
  OrdersPage,
  OrdersQuery,
  ShopDto,
  SyncInput,
  SyncReport,
} from '../bindings';

/** Every engine command the UI calls. Implementations reject with an `ApiError`. */
export interface Backend {
  listShops(): Promise<ShopDto[]>;
  addShop(input: AddShopInput): Promise<ShopDto>;
  syncShops(input: SyncInput): Promise<SyncReport[]>;
  listOrders(input: OrdersQuery): Promise<OrdersPage>;
  getOrder(input: OrderIdInput): Promise<OrderDto>;
  startDemo(): Promise<DemoStarted>;
}

/** Sends one command with its arguments and resolves with the command's result. */
export type Invoke = <T>(command: string, args?: Record<string, unknown>) => Promise<T>;

/** The command names and argument shapes, the same for every transport. */
export function backendOver(invoke: Invoke): Backend {
  return {
    listShops: () => invoke('list_shops'),
    addShop: (input) => invoke('add_shop', { input }),
    syncShops: (input) => invoke('sync_shops', { input }),
    listOrders: (input) => invoke('list_orders', { input }),
    getOrder: (input) => invoke('get_order', { input }),
    startDemo: () => invoke('start_demo'),
  };
}
