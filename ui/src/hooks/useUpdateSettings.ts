import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { SettingsDto } from '../bindings';
import { queryKeys } from './queryKeys';

/** `update_settings`; what the engine saved becomes the cached settings. */
export function useUpdateSettings() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SettingsDto) => backend.updateSettings(input),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.settings, saved),
  });
}
