import type { OrdersQuery } from '../bindings';

export const queryKeys = {
  shops: ['shops'] as const,
  orders: ['orders'] as const,
  ordersPage: (query: OrdersQuery) => ['orders', query] as const,
  order: (id: number | null) => ['order', id] as const,
  anyOrder: ['order'] as const,
};
