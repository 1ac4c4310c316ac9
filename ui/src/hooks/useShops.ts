import { useIsMutating, useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { mutationKeys, queryKeys } from './queryKeys';

const POLL_WHILE_SYNCING_MS = 1000;

/**
 * `list_shops`, polled every second while any shop is syncing (its progress comes with the list),
 * and while a sync asked for here has not answered (the engine may not show it running at the first fetch).
 */
export function useShops() {
  const backend = useBackend();
  const syncsPending = useIsMutating({ mutationKey: mutationKeys.syncShops }) > 0;
  return useQuery({
    queryKey: queryKeys.shops,
    queryFn: () => backend.listShops(),
    refetchInterval: (query) =>
      syncsPending || query.state.data?.some((shop) => shop.sync.running) ? POLL_WHILE_SYNCING_MS : false,
  });
}
