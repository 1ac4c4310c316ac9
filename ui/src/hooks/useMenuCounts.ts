import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

const REFRESH_MS = 60_000;

/** `menu_counts`: what the menu's badges count (deadlines due within `dueWithinHours`, follow-up calls due), counted by the engine; read again every minute. */
export function useMenuCounts(dueWithinHours: number, { enabled = true }: { enabled?: boolean } = {}) {
  const backend = useBackend();
  return useQuery({
    queryKey: [...queryKeys.menuCounts, dueWithinHours],
    queryFn: () => backend.menuCounts({ due_within_hours: dueWithinHours, at: null }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
    enabled,
  });
}
