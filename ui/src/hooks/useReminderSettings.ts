import { useQuery } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import { queryKeys } from './queryKeys';

/** `reminder_settings`: lead times, quiet hours, the stale-repair reminder and the tray/login switches. */
export function useReminderSettings() {
  const backend = useBackend();
  return useQuery({
    queryKey: queryKeys.reminderSettings,
    queryFn: () => backend.reminderSettings(),
  });
}
