import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { FollowupDoneInput } from '../bindings';
import { queryKeys } from './queryKeys';

/** `complete_followup`; the call leaves the due and open lists for the done one, so every list is read again. */
export function useCompleteFollowup() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FollowupDoneInput) => backend.completeFollowup(input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.followups }),
        queryClient.invalidateQueries({ queryKey: queryKeys.menuCounts }),
      ]),
  });
}
