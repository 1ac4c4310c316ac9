import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useBackend } from '../backend/BackendContext';
import type { CompensationInput } from '../bindings';
import { queryKeys } from './queryKeys';

/**
 * `add_compensation`; the ledger is read again, and so is the case it belongs to, whose timeline the engine gave a
 * compensation event.
 */
export function useAddCompensation() {
  const backend = useBackend();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CompensationInput) => backend.addCompensation(input),
    onSuccess: (added) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.compensations }),
        added.case_id === null ? undefined : queryClient.invalidateQueries({ queryKey: queryKeys.case(added.case_id) }),
      ]),
  });
}
