import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { AddEvidenceInput } from '../bindings';
import { queryKeys } from './queryKeys';

/** `add_evidence`; the case as the engine answers (with the new file) becomes the shown one. */
export function useAddEvidence() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddEvidenceInput) => backend.addEvidence(input),
    onSuccess: (detail) => queryClient.setQueryData(queryKeys.case(detail.case.id), detail),
  });
}
