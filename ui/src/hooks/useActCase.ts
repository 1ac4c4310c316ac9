import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { CaseActionInput } from '../bindings';
import { caseChanged } from './caseChanged';

/** `act_case`; the case as the engine answers becomes the shown one, and lists and due deadlines are read again. */
export function useActCase() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CaseActionInput) => backend.actCase(input),
    onSuccess: (detail) => caseChanged(queryClient, detail),
  });
}
