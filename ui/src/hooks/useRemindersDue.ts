import { useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

const REFRESH_MS = 60_000;

/** `reminders_due` now: what would fire and what is held; nothing is recorded. Read again every minute. */
export function useRemindersDue() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.remindersDue,
    queryFn: () => backend.remindersDue({ at: null }),
    refetchInterval: REFRESH_MS,
  });
}
