import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { RepairsQuery } from '../bindings';
import { queryKeys } from './queryKeys';

/** A ticket becomes overdue while the page is open: the engine judges it at each read, so read again every minute. */
const REFRESH_MS = 60_000;

/** `repairs`; the previous answer stays on screen while a new search loads. */
export function useRepairs(query: RepairsQuery) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.repairsPage(query),
    queryFn: () => backend.repairs(query),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}
