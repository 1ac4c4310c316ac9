import { useMutation } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { FollowupDoneInput } from '../bindings';

/** `complete_followup`; the call leaves the due and open lists for the done one, so every list is read again. */
export function useCompleteFollowup() {
  const backend = useBackend();
  return useMutation({
    mutationFn: (input: FollowupDoneInput) => backend.completeFollowup(input),
  });
}
