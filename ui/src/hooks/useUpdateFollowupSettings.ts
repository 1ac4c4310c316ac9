import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { FollowupSettingsDto } from '../bindings';
import { queryKeys } from './queryKeys';

/** `update_followup_settings`; what the engine saved becomes the cached settings (calls already queued keep their script). */
export function useUpdateFollowupSettings() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FollowupSettingsDto) => backend.updateFollowupSettings(input),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.followupSettings, saved),
  });
}
