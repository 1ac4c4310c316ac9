import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useBackend } from '../backend/BackendContext';
import type { OrdersQuery } from '../bindings';
import { queryKeys } from './queryKeys';

const POLL_WHILE_SYNCING_MS = 2000;

/**
 * `list_orders`; the previous page stays on screen while the next one loads. While a shop syncs (`syncing`) the
 * page is refetched every 2 s, so orders show as they arrive, and once more when the sync ends.
 */
export function useOrders(query: OrdersQuery, { syncing = false }: { syncing?: boolean } = {}) {
  const backend = useBackend();
  const queryClient = useQueryClient();
  const wasSyncing = useRef(syncing);
  useEffect(() => {
    if (wasSyncing.current && !syncing) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.orders });
    }
    wasSyncing.current = syncing;
  }, [syncing, queryClient]);
  return useQuery({
    queryKey: queryKeys.ordersPage(query),
    queryFn: () => backend.listOrders(query),
    placeholderData: keepPreviousData,
    refetchInterval: syncing ? POLL_WHILE_SYNCING_MS : false,
  });
}
