import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { NewCaseInput } from '../bindings';
import { caseChanged } from './caseChanged';

/** `new_case`; the new case is cached, and lists, due deadlines and eligibility are read again. */
export function useNewCase() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewCaseInput) => backend.newCase(input),
    onSuccess: (detail) => caseChanged(queryClient, detail),
  });
}
