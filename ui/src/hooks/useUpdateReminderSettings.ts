import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { ReminderSettingsDto } from '../bindings';
import { queryKeys } from './queryKeys';

/** `update_reminder_settings`; what the engine saved becomes the cached settings, and what is due is read again. */
export function useUpdateReminderSettings() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReminderSettingsDto) => backend.updateReminderSettings(input),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.reminderSettings, saved),
  });
}
