import { useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

const POLL_WHILE_SYNCING_MS = 2000;

/** `list_shops`, polled every 2 s while any shop is syncing. */
export function useShops() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.shops,
    queryFn: () => backend.listShops(),
    refetchInterval: (query) => (query.state.data?.some((shop) => shop.sync.running) ? POLL_WHILE_SYNCING_MS : false),
  });
}
