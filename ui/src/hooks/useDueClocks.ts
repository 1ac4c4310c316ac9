import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

const REFRESH_MS = 60_000;

/**
 * `due_clocks`: running deadlines due within `withinHours` across shops, overdue first (the `limit` most urgent
 * when given); read again every minute.
 */
export function useDueClocks(withinHours: number, { enabled = true, limit }: { enabled?: boolean; limit?: number } = {}) {
  const backend = useBackend();
  return useQuery({
    queryKey: [...queryKeys.dueWithin(withinHours), limit ?? null],
    queryFn: () => backend.dueClocks({ within_hours: withinHours, shop_id: null, at: null, ...(limit === undefined ? {} : { limit }) }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
    enabled,
  });
}
