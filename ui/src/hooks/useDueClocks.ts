import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

const REFRESH_MS = 60_000;

/** `due_clocks`: running deadlines due within `withinHours` across shops, overdue first; read again every minute. */
export function useDueClocks(withinHours: number, { enabled = true }: { enabled?: boolean } = {}) {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.dueWithin(withinHours),
    queryFn: () => backend.dueClocks({ within_hours: withinHours, shop_id: null, at: null }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
    enabled,
  });
}
