import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { SyncInput } from '../bindings';
import { mutationKeys, queryKeys } from './queryKeys';

/**
 * `sync_shops` (one shop, or all with `shop_id: null`); shops, orders and the cases built from synced requests
 * are refetched when it ends.
 */
export function useSyncShops() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.syncShops,
    mutationFn: (input: SyncInput) => backend.syncShops(input),
    // Refetch at once so the shops show as running (and start polling) while the sync goes on.
    onMutate: () => queryClient.invalidateQueries({ queryKey: queryKeys.shops }),
  });
}
