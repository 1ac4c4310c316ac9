import type { OrdersQuery } from '../bindings';

export const queryKeys = {
  shops: ['shops'] as const,
  orders: ['orders'] as const,
  ordersPage: (query: OrdersQuery) => ['orders', query] as const,
  order: (id: number | null) => ['order', id] as const,
  anyOrder: ['order'] as const,
  settings: ['settings'] as const,
};

export const mutationKeys = {
  /** Every `sync_shops` call; the shop list is polled while one is pending. */
  syncShops: ['sync_shops'] as const,
};
