import { useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

/** `list_sync_issues`: the records the shop's syncs set aside, read only while their panel is open. */
export function useSyncIssues(shopId: number, enabled: boolean) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.syncIssues(shopId),
    queryFn: () => backend.listSyncIssues({ id: shopId }),
    enabled,
  });
}
