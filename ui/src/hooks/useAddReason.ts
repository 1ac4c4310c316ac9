import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { ReasonInput } from '../bindings';
import { queryKeys } from './queryKeys';

/** `add_reason`; the tree as the engine answers (with the new reason) becomes the cached one. */
export function useAddReason() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReasonInput) => backend.addReason(input),
    onSuccess: (reasons) => queryClient.setQueryData(queryKeys.reasons, reasons),
  });
}
