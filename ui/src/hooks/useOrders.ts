import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { OrdersQuery } from '../bindings';
import { queryKeys } from './queryKeys';

/** `list_orders`; the previous page stays on screen while the next one loads. */
export function useOrders(query: OrdersQuery) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.ordersPage(query),
    queryFn: () => backend.listOrders(query),
    placeholderData: keepPreviousData,
  });
}
