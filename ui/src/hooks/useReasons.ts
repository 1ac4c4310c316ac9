import { useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

/** `list_reasons`: the two-level reason tree (top-level groups, their reasons), the default set and the merchant's. */
export function useReasons() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.reasons,
    queryFn: () => backend.listReasons(),
    // The tree changes only when the merchant adds a reason, which writes the answer into the cache.
    staleTime: Infinity,
  });
}
